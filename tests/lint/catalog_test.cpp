#include "lint/catalog.h"

#include "config/thresholds.h"
#include "lint/kinds/kind.h"
#include "lint/rules/registry.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <set>

using namespace mlfolio;
using namespace mlfolio::lint;

namespace {

// The ids of /work/shared/criteria.md for the categories the catalog covers (git/ rules read the
// history and are not data of this catalog).
const std::vector<std::string> k_criteria_ids = {
    "docs/readme",
    "docs/problem-statement",
    "docs/dataset",
    "docs/architecture-diagram",
    "docs/results",
    "docs/run-instructions",
    "docs/deployment",
    "docs/lessons",
    "docs/experiment-dashboard",
    "docs/no-placeholders",
    "code/package",
    "code/packaging",
    "code/dependencies",
    "code/pinned-dependencies",
    "code/type-hints",
    "code/logging",
    "code/config-management",
    "code/error-handling",
    "code/not-notebook-only",
    "code/no-notebook-exports",
    "code/linting",
    "tests/present",
    "tests/ml-code",
    "tests/api",
    "mlops/dockerfile",
    "mlops/dockerfile-practices",
    "mlops/serving",
    "mlops/health-endpoint",
    "mlops/experiment-tracking",
    "mlops/ci",
    "mlops/ci-runs-tests",
    "mlops/monitoring",
    "mlops/pipeline",
    "mlops/model-registry",
    "mlops/data-versioning",
    "rigor/evaluation",
    "rigor/metrics",
    "rigor/baseline",
    "rigor/reproducibility",
    "rigor/real-world-data",
    "repo/gitignore",
    "repo/no-junk",
    "repo/license",
    "repo/large-files",
    "repo/secrets",
    "git/history",
    "git/commit-messages",
    "git/secrets-history",
    "git/large-files-history",
};

const std::string k_valid_rule = R"(id = "docs/sample"
title = "A sample rule"
category = "docs"
severity = "warning"
weight = 1
rationale = "Why."
sources = ["guide 003"]
fix = "How."
kind = "file-exists"

[params]
looking_for = "a sample"
globs = ["SAMPLE"]

[[example]]
expect = "pass"
files = { "SAMPLE" = "x" }

[[example]]
expect = "fail"
files = {}
)";

std::string replaced(std::string text, const std::string& from, const std::string& to)
{
  const size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

std::string load_error(const std::string& data, std::string_view path = "checks/docs/sample.toml")
{
  const resources::Resource files[] = {{path, data}};
  const auto catalog = load_catalog(files);
  REQUIRE_FALSE(catalog.has_value());
  return catalog.error().message;
}

} // namespace

TEST_CASE("catalog: the built-in rules load and are exactly the criteria's ids")
{
  const auto catalog = builtin_catalog();
  REQUIRE_MESSAGE(catalog.has_value(), catalog.error().message);
  auto expected = k_criteria_ids;
  std::sort(expected.begin(), expected.end());
  CHECK((*catalog)->ids() == expected);
}

TEST_CASE("catalog: every built-in rule is complete")
{
  const auto catalog = builtin_catalog();
  REQUIRE(catalog.has_value());
  for (const auto& rule : (*catalog)->rules()) {
    CAPTURE(rule.id);
    CHECK(rule.path == "checks/" + rule.id + ".toml");
    CHECK_FALSE(rule.title.empty());
    CHECK(rule.weight > 0);
    CHECK(rule.rationale.size() > 80);
    CHECK_FALSE(rule.fix.empty());
    CHECK_FALSE(rule.sources.empty());
    for (const auto& source : rule.sources) {
      CHECK_MESSAGE((source.size() == 9 && source.starts_with("guide 00")), source);
    }
    CHECK(find_kind(rule.kind) != nullptr);
  }
}

TEST_CASE("catalog: every C++ body belongs to a rule of kind cpp")
{
  const auto catalog = builtin_catalog();
  REQUIRE(catalog.has_value());
  std::set<std::string_view> seen;
  for (const auto& entry : rule_bodies()) {
    CAPTURE(entry.id);
    CHECK(seen.insert(entry.id).second);
    const RuleMeta* rule = (*catalog)->find(entry.id);
    REQUIRE(rule != nullptr);
    CHECK(rule->kind == k_cpp_kind);
  }
}

TEST_CASE("catalog: the tables of categories, thresholds and kinds are in order")
{
  for (size_t i = 0; i < categories().size(); ++i) {
    CHECK(static_cast<size_t>(categories()[i].category) == i);
  }
  for (size_t i = 0; i < config::thresholds().size(); ++i) {
    CHECK(static_cast<size_t>(config::thresholds()[i].threshold) == i);
  }
  std::set<std::string_view> names;
  for (const Kind* kind : rule_kinds()) {
    CHECK(names.insert(kind->name).second);
  }
}

TEST_CASE("catalog: a valid rule file loads")
{
  const resources::Resource files[] = {{"checks/docs/sample.toml", k_valid_rule},
                                       {"checks/README.md", "# notes"}};
  const auto catalog = load_catalog(files);
  REQUIRE_MESSAGE(catalog.has_value(), catalog.error().message);
  REQUIRE(catalog->rules().size() == 1);
  const RuleMeta& rule = catalog->rules()[0];
  CHECK(rule.id == "docs/sample");
  CHECK(rule.severity == Severity::warning);
  CHECK(rule.params.list("globs") == std::vector<std::string>{"SAMPLE"});
  REQUIRE(rule.examples.size() == 2);
  CHECK(rule.examples[0].files == std::vector<std::pair<std::string, std::string>>{{"SAMPLE", "x"}});
}

TEST_CASE("catalog: broken rule files are refused with file, line and column")
{
  SUBCASE("unknown field")
  {
    CHECK(load_error(replaced(k_valid_rule, "title =", "titel =")) ==
          "checks/docs/sample.toml:2:1: unknown field 'titel'. Did you mean 'title'?");
  }
  SUBCASE("missing field")
  {
    CHECK(load_error(replaced(k_valid_rule, "fix = \"How.\"\n", "")) ==
          "checks/docs/sample.toml: missing field 'fix'.");
  }
  SUBCASE("TOML syntax")
  {
    CHECK(load_error(replaced(k_valid_rule, "weight = 1", "weight = "))
              .starts_with("checks/docs/sample.toml:5:"));
  }
  SUBCASE("unknown severity")
  {
    CHECK(load_error(replaced(k_valid_rule, "\"warning\"", "\"high\"")) ==
          "checks/docs/sample.toml:4:12: 'severity' must be error, warning or info; got 'high'.");
  }
  SUBCASE("unknown category")
  {
    CHECK(load_error(replaced(k_valid_rule, "category = \"docs\"", "category = \"doc\"")) ==
          "checks/docs/sample.toml:3:12: unknown category 'doc'.");
  }
  SUBCASE("the id does not match the path")
  {
    CHECK(load_error(k_valid_rule, "checks/docs/other.toml") ==
          "checks/docs/other.toml: the id 'docs/sample' belongs in checks/docs/sample.toml.");
  }
  SUBCASE("unknown kind")
  {
    CHECK(load_error(replaced(k_valid_rule, "\"file-exists\"", "\"file-exist\"")) ==
          "checks/docs/sample.toml: unknown kind 'file-exist'. Did you mean 'file-exists'?");
  }
  SUBCASE("unknown kind parameter")
  {
    CHECK(load_error(replaced(k_valid_rule, "globs =", "glob =")) ==
          "checks/docs/sample.toml: unknown parameter 'glob'. Did you mean 'globs'?");
  }
  SUBCASE("a parameter of the wrong type")
  {
    CHECK(load_error(replaced(k_valid_rule, "globs = [\"SAMPLE\"]", "globs = \"SAMPLE\"")) ==
          "checks/docs/sample.toml: parameter 'globs' must be a list of strings, got a string.");
  }
  SUBCASE("a bad glob")
  {
    CHECK(load_error(replaced(k_valid_rule, "[\"SAMPLE\"]", "[\"SAMPLE[\"]")) ==
          "checks/docs/sample.toml: glob 'SAMPLE[' has a '[' without a matching ']'.");
  }
  SUBCASE("samples_beside for a group only_with does not name")
  {
    std::string rule = replaced(k_valid_rule, "kind = \"file-exists\"", "kind = \"gitignore-covers\"");
    rule = replaced(rule, "looking_for = \"a sample\"\nglobs = [\"SAMPLE\"]\n",
                    "[params.covers]\n\"caches\" = [\"a/__pycache__/m.pyc\"]\n[params.samples_beside]\n"
                    "\"caches\" = [\"__pycache__/{stem}.pyc\"]\n");
    CHECK(load_error(rule) ==
          "checks/docs/sample.toml: samples_beside names \"caches\", which only_with does not: "
          "the samples are made beside the files it matches");
  }
  SUBCASE("unknown add component")
  {
    CHECK(load_error(replaced(k_valid_rule, "kind =", "add = \"dockr\"\nkind =")) ==
          "checks/docs/sample.toml:9:7: unknown component 'dockr' in 'add'. Did you mean 'docker'?");
  }
  SUBCASE("no failing example")
  {
    CHECK(
        load_error(replaced(k_valid_rule, "expect = \"fail\"", "expect = \"pass\"")) ==
        "checks/docs/sample.toml: a rule needs at least one [[example]] with expect = \"pass\" and one with "
        "expect = \"fail\".");
  }
  SUBCASE("a bad expectation")
  {
    CHECK(load_error(replaced(k_valid_rule, "expect = \"fail\"", "expect = \"failed\"")) ==
          "checks/docs/sample.toml:20:10: 'expect' must be pass, fail or skip; got 'failed'.");
  }
  SUBCASE("an example's file above the repository's top")
  {
    CHECK(load_error(replaced(k_valid_rule, "files = {}", "files = { \"../LICENSE\" = \"MIT\" }")) ==
          "checks/docs/sample.toml:21:9: '../LICENSE' is above the repository's top: an example with files "
          "above "
          "the project names the project's folder, e.g. folder = \"projects/churn\" for \"../../LICENSE\".");
    const auto named =
        replaced(k_valid_rule, "files = {}", "folder = \"projects\"\nfiles = { \"../LICENSE\" = \"MIT\" }");
    CHECK(load_error(replaced(named, "\"../LICENSE\"", "\"../../LICENSE\""))
              .starts_with("checks/docs/sample.toml:22:9: '../../LICENSE' is above the repository's top"));
    const resources::Resource files[] = {{"checks/docs/sample.toml", named}};
    const auto catalog = load_catalog(files);
    REQUIRE_MESSAGE(catalog.has_value(), catalog.error().message);
    CHECK(catalog->rules()[0].examples[1].folder == "projects");
  }
  SUBCASE("the first broken file in order, in a catalog loaded on several threads")
  {
    // Twelve rules, docs/r0 to docs/r11: the 4th and the 9th are broken, the 7th repeats the 2nd.
    std::vector<std::string> texts;
    std::vector<std::string> paths;
    for (int i = 0; i < 12; ++i) {
      const std::string id = "docs/r" + std::to_string(i == 6 ? 1 : i);
      paths.push_back("checks/" + id + ".toml");
      texts.push_back(replaced(k_valid_rule, "docs/sample", id));
    }
    texts[8] = replaced(texts[8], "title =", "titel =");
    std::vector<resources::Resource> files;
    const auto load = [&] {
      files.clear();
      for (size_t i = 0; i < texts.size(); ++i) {
        files.push_back({paths[i], texts[i]});
      }
      return load_catalog(files);
    };
    const std::string third_broken = texts[3];
    texts[3] = replaced(texts[3], "weight = 1", "weight = ");
    REQUIRE_FALSE(load().has_value());
    CHECK(load().error().message.starts_with("checks/docs/r3.toml:5:"));
    texts[3] = third_broken;
    REQUIRE_FALSE(load().has_value());
    CHECK(load().error().message ==
          "checks/docs/r1.toml: the id 'docs/r1' is also used by checks/docs/r1.toml.");
    paths[6] = "checks/docs/r6.toml";
    texts[6] = replaced(texts[6], "docs/r1", "docs/r6");
    REQUIRE_FALSE(load().has_value());
    CHECK(load().error().message == "checks/docs/r8.toml:2:1: unknown field 'titel'. Did you mean 'title'?");
    texts[8] = replaced(texts[8], "titel =", "title =");
    const auto loaded = load();
    REQUIRE_MESSAGE(loaded.has_value(), loaded.error().message);
    std::set<std::string> ids;
    for (const auto& rule : loaded->rules()) {
      ids.insert(rule.id);
    }
    CHECK(ids.size() == 12);
    CHECK(ids.contains("docs/r0"));
    CHECK(ids.contains("docs/r11"));
  }
  SUBCASE("the same id twice")
  {
    const resources::Resource files[] = {{"checks/docs/sample.toml", k_valid_rule},
                                         {"checks/docs/sample.toml", k_valid_rule}};
    const auto catalog = load_catalog(files);
    REQUIRE_FALSE(catalog.has_value());
    CHECK(catalog.error().message ==
          "checks/docs/sample.toml: the id 'docs/sample' is also used by checks/docs/sample.toml.");
  }
}
