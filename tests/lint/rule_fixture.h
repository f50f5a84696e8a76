#pragma once

// Rules written inline as TOML for the tests of kinds, the runner and the reports.

#include "lint/catalog.h"
#include "lint/runner.h"

#include <doctest/doctest.h>
#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::test {

// `body` is everything after the common header (category from the id); two trivial examples
// are appended so that the catalog accepts it.
inline std::string rule_toml(const std::string& id, const std::string& severity, const std::string& body)
{
  return "id = \"" + id + "\"\ntitle = \"Title of " + id + "\"\ncategory = \"" + id.substr(0, id.find('/')) +
         "\"\nseverity = \"" + severity +
         "\"\nweight = 1\nrationale = \"Why.\"\nsources = [\"guide 003\"]\n" + "fix = \"Fix " + id + ".\"\n" +
         body + "\n[[example]]\nexpect = \"pass\"\nfiles = {}\n[[example]]\nexpect = \"fail\"\nfiles = {}\n";
}

struct RuleSource
{
  std::string id;
  std::string severity;
  std::string body;
};

inline lint::Catalog catalog_of(const std::vector<RuleSource>& sources)
{
  std::vector<std::string> paths;
  std::vector<std::string> texts;
  for (const auto& source : sources) {
    paths.push_back("checks/" + source.id + ".toml");
    texts.push_back(rule_toml(source.id, source.severity, source.body));
  }
  std::vector<resources::Resource> files;
  for (size_t i = 0; i < sources.size(); ++i) {
    files.push_back({paths[i], texts[i]});
  }
  auto catalog = lint::load_catalog(files);
  REQUIRE_MESSAGE(catalog.has_value(), catalog.error().message);
  return std::move(*catalog);
}

// Evaluates the only rule of `body` on `view` with the default configuration.
inline lint::Finding evaluate(const std::string& id, const std::string& body, const lint::RepoView& view)
{
  const lint::Catalog catalog = catalog_of({{id, "warning", body}});
  const lint::Analysis analysis(view);
  return lint::evaluate_rule(catalog.rules()[0], analysis, config::Config{});
}

// Evaluates the built-in rule `id` on `view`, as `mlfolio check` would.
inline lint::Finding check_rule(std::string_view id, const lint::RepoView& view,
                                const config::Config& config = {})
{
  const auto catalog = lint::builtin_catalog();
  REQUIRE(catalog.has_value());
  const lint::RuleMeta* rule = (*catalog)->find(id);
  REQUIRE_MESSAGE(rule != nullptr, "no built-in rule " << id);
  const lint::Analysis analysis(view);
  return lint::evaluate_rule(*rule, analysis, config);
}

} // namespace mlfolio::test
