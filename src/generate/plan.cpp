#include "generate/plan.h"

#include "core/text.h"
#include "version.h"

#include <algorithm>
#include <set>
#include <sstream>
#include <toml++/toml.h>

namespace mlfolio::generate {

namespace {

// A rendered output path must stay inside the project folder.
Result<void> check_target_path(const std::string& path, const std::string& where)
{
  if (path.empty() || path.front() == '/' || path.back() == '/') {
    return usage_error(where + ": the output path '" + path + "' is empty, absolute or a folder.");
  }
  for (const auto part : text::split(path, '/')) {
    if (part.empty() || part == "." || part == "..") {
      return usage_error(where + ": the output path '" + path + "' must not contain empty, '.' or '..' parts.");
    }
  }
  return {};
}

bool is_executable(std::string_view path)
{
  return path.ends_with(".sh") || path.starts_with("scripts/") || path.starts_with("bin/");
}

} // namespace

Result<std::optional<PlannedFile>> render_file(const Template& tmpl, const TemplateFile& file,
                                               const Variables& variables)
{
  const std::string where = "template " + tmpl.name + ": files/" + file.source;
  if (!file.when.empty()) {
    TRY_ASSIGN(const bool include, condition_holds(file.when, variables, where));
    if (!include) {
      return std::optional<PlannedFile>();
    }
  }
  TRY_ASSIGN(std::string path, render(file.target, variables, where + " (path)"));
  std::string content = file.content;
  if (!file.verbatim) {
    TRY_ASSIGN(content, render(file.content, variables, where));
  }
  return PlannedFile{std::move(path), std::move(content), is_executable(file.target)};
}

std::string project_config(const Template& tmpl, const Answers& answers)
{
  toml::table answers_table;
  for (const auto& field : answer_fields()) {
    answers_table.insert(field.key, answers.*(field.member));
  }
  toml::table root{
    {"template", toml::table{{"name", tmpl.name}, {"version", tmpl.version}, {"mlfolio_version", k_version}}},
    {"answers", std::move(answers_table)},
  };
  std::ostringstream out;
  out << "# Written by `mlfolio new`: the template and the answers this project was made from.\n"
         "# `mlfolio check` reads its settings from this file too (see `mlfolio help check`).\n\n"
      << toml::toml_formatter(root) << '\n';
  return out.str();
}

Result<Plan> make_plan(const Template& tmpl, const Answers& answers, const std::filesystem::path& target)
{
  const Variables variables = variables_of(answers, tmpl.version);
  Plan plan{target, tmpl.name, tmpl.version, {}};
  std::set<std::string> seen;
  for (const auto& file : tmpl.files) {
    const std::string where = "template " + tmpl.name + ": files/" + file.source;
    TRY_ASSIGN(auto rendered, render_file(tmpl, file, variables));
    if (!rendered) {
      continue;
    }
    std::string path = std::move(rendered->path);
    TRY(check_target_path(path, where));
    if (path == k_project_config) {
      return usage_error(where + ": " + std::string(k_project_config) + " is written by mlfolio itself.");
    }
    if (!seen.insert(path).second) {
      return usage_error(where + ": two template files would both write '" + path
                         + "'; give them different 'when' conditions.");
    }
    plan.files.push_back({std::move(path), std::move(rendered->content), rendered->executable});
  }
  plan.files.push_back({std::string(k_project_config), project_config(tmpl, answers), false});
  std::sort(plan.files.begin(), plan.files.end(),
            [](const PlannedFile& a, const PlannedFile& b) { return a.path < b.path; });
  return plan;
}

} // namespace mlfolio::generate
