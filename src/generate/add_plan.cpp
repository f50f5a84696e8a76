#include "generate/add_plan.h"

#include "core/fs.h"
#include "core/text.h"
#include "generate/merge.h"
#include "generate/plan.h"
#include "generate/readme_sections.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace mlfolio::generate {

namespace stdfs = std::filesystem;

namespace {

constexpr std::string_view k_kept_note = "exists, left alone; --force replaces it after a backup";

// How the training step is started: "train.py", "-m churn.train", or a notebook run.
std::string train_args(const ProjectInfo& project)
{
  const std::string& entry = project.entry_point;
  if (!entry.empty() && !project.package_dir.empty() && entry.starts_with(project.package_dir + "/")) {
    const std::string module = entry.substr(project.package_dir.size() + 1);
    return module == "__main__.py" ? "-m " + project.package
                                   : "-m " + project.package + "." + module.substr(0, module.size() - 3);
  }
  if (!entry.empty()) {
    return entry;
  }
  if (!project.notebooks.empty()) {
    return "-m jupyter nbconvert --to notebook --execute --inplace " + project.notebooks.front();
  }
  return project.layout == Layout::scripts ? "train.py" : "-m " + project.package;
}

// `python ARGS` as the items of an exec-form CMD: "-m", "churn.train".
std::string exec_form(std::string_view args)
{
  std::string items;
  for (const auto word : text::split(args, ' ')) {
    if (!word.empty()) {
      items += (items.empty() ? "\"" : ", \"") + std::string(word) + "\"";
    }
  }
  return items;
}

// The module the first tests import: the training code, else the package.
std::string test_module(const ProjectInfo& project)
{
  const std::string& entry = project.entry_point;
  if (entry.empty() || entry.ends_with("__main__.py")) {
    return project.layout == Layout::scripts ? "train" : project.package;
  }
  std::string module = entry.substr(0, entry.size() - 3);
  if (project.layout == Layout::src && module.starts_with("src/")) {
    module = module.substr(4);
  }
  return text::replace_all(module, "/", ".");
}

bool is_pickle(std::string_view path)
{
  return path.ends_with(".pkl") || path.ends_with(".pickle");
}

std::string install_command(const ProjectInfo& project)
{
  if (project.dependencies == DependencyFile::pyproject && !project.has_dev_requirements) {
    return "python -m pip install -e .";
  }
  std::string command = "python -m pip install";
  command += project.dependencies == DependencyFile::pyproject ? " -e ." : " -r requirements.txt";
  return command + (project.has_dev_requirements ? " -r requirements-dev.txt" : "");
}

// A name that works as a Docker image tag and a make variable: lower case, [a-z0-9._-].
std::string image_name(std::string_view name)
{
  std::string result;
  for (const char c : name) {
    const char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    result += (std::isalnum(static_cast<unsigned char>(lower)) || lower == '.' || lower == '_') ? lower : '-';
  }
  return result.empty() || !std::isalnum(static_cast<unsigned char>(result.front())) ? "project" + result : result;
}

using Rendered = PlannedFile;

// The rendered template file written at `target` (the template's own target path, unrendered),
// placed where the project keeps its package.
Result<std::optional<Rendered>> render_target(const Template& tmpl, std::string_view target,
                                              const Variables& variables, const ProjectInfo& project)
{
  for (const auto& file : tmpl.files) {
    if (file.target != target) {
      continue;
    }
    TRY_ASSIGN(auto rendered, render_file(tmpl, file, variables));
    if (!rendered) {
      continue;
    }
    const std::string src_package = "src/" + project.package + "/";
    if (rendered->path.starts_with(src_package)) {
      const std::string place = project.package_dir.empty() ? "" : project.package_dir + "/";
      rendered->path = place + rendered->path.substr(src_package.size());
    }
    return rendered;
  }
  return std::optional<Rendered>();
}

Result<std::optional<std::string>> read_existing(const stdfs::path& root, const std::string& path)
{
  std::error_code error;
  const auto status = stdfs::symlink_status(root / path, error);
  if (!stdfs::exists(status)) {
    return std::optional<std::string>();
  }
  if (!stdfs::is_regular_file(status)) {
    return usage_error((root / path).string() + " exists and is not a regular file (a folder or a link); "
                       "mlfolio add never writes through it. Move it away and run again; nothing was written.");
  }
  TRY_ASSIGN(std::string content, fs::read_file(root / path));
  return std::optional<std::string>(std::move(content));
}

Change decide(std::string path, std::optional<std::string> before, std::string after, bool mergeable, bool force)
{
  Change change{std::move(path), ChangeKind::create, std::move(before), std::move(after), ""};
  if (!change.before) {
    return change;
  }
  if (*change.before == change.after) {
    change.kind = ChangeKind::same;
  } else if (mergeable) {
    change.kind = ChangeKind::merge;
  } else if (force) {
    change.kind = ChangeKind::replace;
  } else {
    change.kind = ChangeKind::keep;
    change.note = std::string(k_kept_note);
    change.after = *change.before;
  }
  return change;
}

Result<Change> plan_file(const Component& component, const ComponentFile& file, const Rendered& rendered,
                         const ProjectInfo& project, bool force)
{
  for (const auto equivalent : file.equivalents) {
    TRY_ASSIGN(const auto other, read_existing(project.root, std::string(equivalent)));
    if (other) {
      Change change{std::string(equivalent), ChangeKind::keep, other, *other, ""};
      change.note = "serves as " + rendered.path + "; left alone";
      return change;
    }
  }
  TRY_ASSIGN(auto before, read_existing(project.root, rendered.path));
  if (!before && file.merge == Merge::readme) {
    TRY_ASSIGN(std::string readme, new_readme(rendered.content, component.name));
    return decide(rendered.path, std::nullopt, std::move(readme), false, force);
  }
  if (!before || file.merge == Merge::none) {
    return decide(rendered.path, std::move(before), rendered.content, false, force);
  }
  std::string merged;
  std::string note;
  if (file.merge == Merge::ignore_lines) {
    merged = merge_ignore_lines(*before, rendered.content, "# Added by mlfolio add gitignore");
    note = "missing entries appended";
  } else {
    TRY_ASSIGN(const auto sections, missing_readme_sections(project.root, rendered.content, component.name));
    merged = append_sections(*before, sections);
    std::vector<std::string> headings;
    for (const auto& section : sections) {
      headings.emplace_back(text::trim(text::split_lines(section).front().substr(3)));
    }
    note = headings.empty() ? "" : "sections appended: " + [&] {
      std::string list;
      for (const auto& heading : headings) {
        list += (list.empty() ? "" : ", ") + heading;
      }
      return list;
    }();
  }
  Change change = decide(rendered.path, std::move(before), std::move(merged), true, force);
  change.note = change.kind == ChangeKind::merge ? note : "";
  return change;
}

// The pinned lines of the template's requirements for `names`.
Result<std::vector<std::string>> pinned(const Template& tmpl, std::span<const std::string_view> names,
                                        const Variables& variables, const ProjectInfo& project)
{
  std::vector<std::string> lines;
  for (const auto source : {"requirements.txt", "requirements-dev.txt"}) {
    TRY_ASSIGN(const auto rendered, render_target(tmpl, source, variables, project));
    if (rendered) {
      for (const auto line : text::split_lines(rendered->content)) {
        lines.emplace_back(text::trim(line));
      }
    }
  }
  std::vector<std::string> result;
  for (const auto listed : names) {
    TRY_ASSIGN(const std::string name, render(listed, variables, "component requirements"));
    const auto found = std::find_if(lines.begin(), lines.end(),
                                    [&](const std::string& line) { return requirement_name(line) == name; });
    if (found == lines.end()) {
      return runtime_error("template " + tmpl.name + ": no pinned requirement for '" + std::string(name)
                           + "' in requirements.txt or requirements-dev.txt.");
    }
    result.push_back(*found);
  }
  return result;
}

Result<Change> plan_requirements(const Component& component, const Template& tmpl, const Variables& variables,
                                 const ProjectInfo& project)
{
  TRY_ASSIGN(auto requirements, pinned(tmpl, component.requirements, variables, project));
  // A package already in requirements.txt is not added again to requirements-dev.txt.
  if (project.has_dev_requirements && project.dependencies == DependencyFile::requirements) {
    TRY_ASSIGN(const auto runtime, read_existing(project.root, "requirements.txt"));
    std::set<std::string> present;
    for (const auto line : text::split_lines(runtime.value_or(""))) {
      present.insert(requirement_name(line));
    }
    std::erase_if(requirements, [&](const std::string& line) { return present.count(requirement_name(line)) != 0; });
  }
  const std::string added_by = "# Added by mlfolio add " + std::string(component.name);
  std::string path = project.has_dev_requirements ? "requirements-dev.txt"
                     : project.dependencies == DependencyFile::pyproject ? "pyproject.toml"
                                                                         : "requirements.txt";
  TRY_ASSIGN(auto before, read_existing(project.root, path));
  std::string after;
  if (path == "pyproject.toml") {
    TRY_ASSIGN(after, add_pyproject_dependencies(*before, requirements, (project.root / path).string()));
  } else {
    after = add_requirements(before.value_or(""), requirements, added_by);
  }
  Change change = decide(std::move(path), std::move(before), std::move(after), true, false);
  change.note = change.kind == ChangeKind::same ? "" : "requirements added";
  return change;
}

} // namespace

std::string_view change_kind_name(ChangeKind kind)
{
  switch (kind) {
  case ChangeKind::create: return "create";
  case ChangeKind::merge: return "merge";
  case ChangeKind::replace: return "replace";
  case ChangeKind::keep: return "keep";
  case ChangeKind::same: return "same";
  }
  return "";
}

Variables project_variables(const ProjectInfo& project, const Answers& answers, std::string_view template_version)
{
  Answers adapted = answers;
  adapted.name = image_name(project.name);
  adapted.python = project.python;
  if (adapted.description.empty()) {
    adapted.description = "<!-- TODO(author): One paragraph on what the project does, for whom, and what it shows. -->";
  }
  Variables variables = variables_of(adapted, template_version);
  const std::string args = train_args(project);
  const std::string run_prefix = project.layout == Layout::src ? "PYTHONPATH=src " : "";
  const int depth = project.layout == Layout::src ? 2 : project.layout == Layout::flat ? 1 : 0;
  const std::pair<std::string_view, Value> overrides[] = {
    {"package", project.package},
    {"whole_project", false},
    {"layout_src", project.layout == Layout::src},
    {"layout_flat", project.layout == Layout::flat},
    {"layout_scripts", project.layout == Layout::scripts},
    {"package_dir", project.package_dir},
    {"code_dir", project.layout == Layout::src ? std::string("src") : project.package_dir},
    {"deps_requirements", project.dependencies == DependencyFile::requirements},
    {"deps_pyproject", project.dependencies == DependencyFile::pyproject},
    {"has_configs", project.has_configs},
    {"has_models", project.has_models},
    {"serve_api", project.has_api},
    {"entry_args", exec_form(args)},
    {"train_args", args},
    {"install_command", install_command(project)},
    {"train_command", run_prefix + "python " + args},
    {"test_command", run_prefix + "python -m pytest -q"},
    {"lint_command", std::string("python -m ruff check .")},
    {"test_module", test_module(project)},
    // A scripts project gets its API as a top-level package of its own: api/.
    {"api_module", project.layout == Layout::scripts ? std::string("api.app") : project.package + ".api.app"},
    {"module_prefix", project.layout == Layout::scripts ? std::string() : project.package + "."},
    // How many folders a module of the package (and of its api/) is below the project root.
    {"module_root_depth", std::to_string(depth)},
    {"api_root_depth", std::to_string(depth + 1)},
    // An existing project's task is its own: none of the template's task variants applies.
    {"task_tabular_classification", false},
    {"task_text_classification", false},
    {"task_regression", false},
    {"task_classification", false},
    {"model_path", project.model_path.empty() ? std::string("models/model.joblib") : project.model_path},
    {"model_joblib", !is_pickle(project.model_path)},
    {"model_pickle", is_pickle(project.model_path)},
  };
  for (const auto& [key, value] : overrides) {
    variables.insert_or_assign(std::string(key), value);
  }
  return variables;
}

Result<AddPlan> plan_add(const Component& component, const Template& tmpl, const ProjectInfo& project,
                         const Answers& answers, bool force)
{
  const Variables variables = project_variables(project, answers, tmpl.version);
  AddPlan plan{&component, project, {}};
  for (const auto& file : component.files) {
    TRY_ASSIGN(const auto rendered, render_target(tmpl, file.target, variables, project));
    if (!rendered) {
      return usage_error("mlfolio add " + std::string(component.name) + ": the template has no "
                         + std::string(file.target) + " for these options"
                         + (component.name == "license" ? " (--license none writes no licence)" : "") + ".");
    }
    TRY_ASSIGN(Change change, plan_file(component, file, *rendered, project, force));
    plan.changes.push_back(std::move(change));
  }
  if (!component.requirements.empty()) {
    TRY_ASSIGN(Change change, plan_requirements(component, tmpl, variables, project));
    plan.changes.push_back(std::move(change));
  }
  std::sort(plan.changes.begin(), plan.changes.end(),
            [](const Change& a, const Change& b) { return a.path < b.path; });
  return plan;
}

} // namespace mlfolio::generate
