#include "generate/readme_sections.h"

#include "config/config.h"
#include "core/text.h"
#include "generate/merge.h"
#include "lint/analysis.h"
#include "lint/catalog.h"
#include "lint/repo_view.h"
#include "lint/runner.h"

#include <algorithm>
#include <set>

namespace mlfolio::generate {

namespace {

constexpr ReadmeSection k_sections[] = {
  {"docs/problem-statement", "Problem", true},
  {"docs/dataset", "Dataset", true},
  {"docs/architecture-diagram", "Architecture", false},
  {"docs/results", "Results", true},
  {"docs/run-instructions", "Quick start", false},
  {"docs/deployment", "Deployment", false},
  {"docs/lessons", "What didn't work", true},
  {"docs/experiment-dashboard", "Experiment tracking", false},
};

// Whether the rule of `section` names `component` as its fix.
Result<bool> answers(const ReadmeSection& section, std::string_view component)
{
  TRY_ASSIGN(const lint::Catalog* catalog, lint::builtin_catalog());
  const lint::RuleMeta* rule = catalog->find(section.rule);
  return rule != nullptr && rule->add == component;
}

// The "## " sections of a markdown text, each with its heading and body.
std::vector<std::pair<std::string, std::string>> split_sections(std::string_view markdown)
{
  std::vector<std::pair<std::string, std::string>> sections;
  bool in_code = false;
  for (const auto line : text::split_lines(markdown)) {
    if (line.starts_with("```")) {
      in_code = !in_code;
    }
    if (!in_code && line.starts_with("## ")) {
      sections.emplace_back(std::string(text::trim(line.substr(3))), "");
    }
    if (!sections.empty()) {
      sections.back().second += std::string(line) + "\n";
    }
  }
  return sections;
}

} // namespace

std::span<const ReadmeSection> readme_sections()
{
  return k_sections;
}

Result<std::vector<std::string>> missing_readme_sections(const std::filesystem::path& root,
                                                         std::string_view template_readme,
                                                         std::string_view component)
{
  TRY_ASSIGN(const lint::Catalog* catalog, lint::builtin_catalog());
  TRY_ASSIGN(const auto view, lint::open_working_tree(root, ""));
  const config::Config config;
  const lint::Analysis analysis(*view, lint::large_blob_bytes(config));
  // A heading the README already has is never added twice.
  std::set<std::string> present;
  if (const lint::analyze::Document* document = analysis.readme_document()) {
    for (const auto& section : document->sections) {
      present.insert(text::to_lower(section.heading));
    }
  }
  std::set<std::string_view> wanted;
  for (const auto& section : k_sections) {
    const lint::RuleMeta* rule = catalog->find(section.rule);
    if (rule == nullptr || rule->add != component || present.count(text::to_lower(section.heading)) != 0) {
      continue;
    }
    // An author's section ("Motivation") that is there but empty fails with a fix of its own. A
    // rule that skips may apply once the component is in (docs/experiment-dashboard needs a tracker).
    const lint::Finding finding = lint::evaluate_rule(*rule, analysis, config);
    const bool generic = finding.status == lint::Status::fail && finding.fix == lint::fix_of(*rule);
    if (finding.status != lint::Status::pass && (!section.author_writes || generic)) {
      wanted.insert(section.heading);
    }
  }
  std::vector<std::string> missing;
  for (auto& [heading, body] : split_sections(template_readme)) {
    if (wanted.count(heading) != 0) {
      missing.push_back(std::move(body));
    }
  }
  return missing;
}

Result<std::string> new_readme(std::string_view template_readme, std::string_view component)
{
  const size_t first = template_readme.find("\n## ");
  std::string readme(template_readme.substr(0, first == std::string_view::npos ? template_readme.size() : first + 1));
  std::vector<std::string> sections;
  for (auto& [heading, body] : split_sections(template_readme)) {
    for (const auto& section : k_sections) {
      TRY_ASSIGN(const bool wanted, answers(section, component));
      if (wanted && section.heading == heading) {
        sections.push_back(std::move(body));
        break;
      }
    }
  }
  return append_sections(text::trim(readme), sections);
}

} // namespace mlfolio::generate
