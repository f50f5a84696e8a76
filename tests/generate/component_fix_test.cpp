// Every rule a component fixes names `mlfolio add COMPONENT` in its fix, in every format.
#include "generate/add_fixtures.h"
#include "generate/components.h"
#include "lint/catalog.h"
#include "lint/repo_view.h"
#include "lint/runner.h"
#include "support/process.h"

#include <doctest/doctest.h>

#include <set>

using namespace mlfolio;

TEST_CASE("add: the components are exactly the ones a rule's `add` may name")
{
  std::set<std::string_view> components;
  for (const auto& component : generate::components()) {
    components.insert(component.name);
  }
  const auto names = lint::add_components();
  CHECK(std::set<std::string_view>(names.begin(), names.end()) == components);
}

TEST_CASE("add: each rule a component fixes names `mlfolio add COMPONENT` in its fix")
{
  const lint::Catalog& catalog = **lint::builtin_catalog();
  for (const auto& component : generate::components()) {
    CAPTURE(component.name);
    const std::string command = "`mlfolio add " + std::string(component.name) + "`";
    size_t rules = 0;
    for (const auto& rule : catalog.rules()) {
      if (rule.add != component.name) {
        continue;
      }
      CAPTURE(rule.id);
      ++rules;
      CHECK(lint::fix_of(rule).find(command) != std::string::npos);
      // Run the failing examples: a failure with the rule's own fix names the component.
      size_t named = 0;
      for (const auto& example : rule.examples) {
        if (example.expect != lint::Status::fail) {
          continue;
        }
        lint::MemoryView view;
        for (const auto& [path, content] : example.files) {
          view.add(path, content);
        }
        const config::Config config;
        const lint::Analysis analysis(view, lint::large_blob_bytes(config));
        const lint::Finding finding = lint::evaluate_rule(rule, analysis, config);
        named += finding.fix.find(command) != std::string::npos ? 1 : 0;
      }
      CHECK_MESSAGE(named > 0, "no failing example of " << rule.id << " names " << command);
    }
    CHECK(rules > 0);
  }
}

TEST_CASE("add: the text report prints the command too")
{
  const test::TempDir dir;
  test::add_fixtures()[0].write(dir.path());
  const auto run = test::run_cli({"check", dir.path().string(), "--disable", "git"});
  std::string flat; // the report wraps lines: compare with single spaces
  for (const char c : run.out) {
    if (c == '\n' || c == ' ') {
      if (!flat.empty() && flat.back() != ' ') {
        flat += ' ';
      }
    } else {
      flat += c;
    }
  }
  for (const auto& component : generate::components()) {
    CAPTURE(component.name);
    CHECK(flat.find("`mlfolio add " + std::string(component.name) + "`") != std::string::npos);
  }
}
