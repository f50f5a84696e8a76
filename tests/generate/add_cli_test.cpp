// `mlfolio add` on existing projects, through cli::run, judged by `mlfolio check` itself.
#include "generate/add_fixtures.h"
#include "generate/components.h"
#include "generate/readme_sections.h"
#include "lint/catalog.h"
#include "support/git_fixture.h"
#include "support/process.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <map>

using namespace mlfolio;
using namespace mlfolio::test;
namespace stdfs = std::filesystem;

namespace {

struct RuleResult
{
  std::string status;
  std::string fix;
};

std::map<std::string, RuleResult> check(const stdfs::path& root)
{
  const auto output = run_cli({"check", root.string(), "--format", "json", "--disable", "git"});
  REQUIRE_MESSAGE(output.err.empty(), output.err);
  std::map<std::string, RuleResult> results;
  const auto report = nlohmann::json::parse(output.out);
  for (const auto& finding : report["findings"]) {
    results[finding["rule"].get<std::string>()] = {finding["status"].get<std::string>(),
                                                   finding["fix"].get<std::string>()};
  }
  return results;
}

std::vector<std::string> rules_of(std::string_view component)
{
  std::vector<std::string> ids;
  for (const auto& rule : (*lint::builtin_catalog())->rules()) {
    if (rule.add == component) {
      ids.push_back(rule.id);
    }
  }
  return ids;
}

// A readme rule that asks for the author's own words: the section is added as a placeholder,
// and the rule then points at it.
bool author_writes(std::string_view rule)
{
  for (const auto& section : generate::readme_sections()) {
    if (section.rule == rule) {
      return section.author_writes;
    }
  }
  return false;
}

} // namespace

TEST_CASE("add: every component makes the rules it fixes pass, on each layout")
{
  for (const auto& fixture : add_fixtures()) {
    for (const auto& component : generate::components()) {
      CAPTURE(fixture.name);
      CAPTURE(component.name);
      // A committed project with a dirty working tree: a change not staged, caches not ignored.
      GitFixture dir;
      fixture.write(dir.path());
      dir.stage_all();
      dir.commit("Initial version");
      write_text(dir.path() / "train_notes.py", "# untracked work in progress\n");
      write_text(dir.path() / "__pycache__" / "train.cpython-311.pyc", "compiled");
      const auto before = check(dir.path());
      const auto added = run_cli({"add", std::string(component.name), dir.path().string(), "--author", "Ada"});
      REQUIRE_MESSAGE(added.code == 0, added.err);
      const auto after = check(dir.path());
      REQUIRE_FALSE(rules_of(component.name).empty());
      for (const auto& rule : rules_of(component.name)) {
        CAPTURE(rule);
        CHECK(before.at(rule).status != "pass");
        if (before.at(rule).status == "fail" && before.at(rule).fix.find("mlfolio add") == std::string::npos) {
          // A finding-specific fix (a section that exists but is empty) is not the component's.
          CHECK(before.at(rule).fix.find("`mlfolio add ") == std::string::npos);
        }
        if (author_writes(rule)) {
          CHECK(after.at(rule).status == "fail");
          CHECK(after.at(rule).fix.find("mlfolio add") == std::string::npos);
        } else if (before.at(rule).status != "skip" || after.at(rule).status != "skip") {
          // Otherwise the rule does not apply to this project (tests/api without an API).
          CHECK_MESSAGE(after.at(rule).status == "pass", after.at(rule).fix);
        }
      }
    }
  }
}

// The Python the added tests run under: Debian's, which has the packages (not the one on PATH).
TEST_CASE("add tests, api, monitoring, tracking, config: the added tests pass under the project's own pytest, on each layout" *
          doctest::timeout(300))
{
  for (const auto& fixture : add_fixtures()) {
    CAPTURE(fixture.name);
    const TempDir dir;
    fixture.write(dir.path());
    for (const char* component : {"tests", "api", "monitoring", "tracking", "config"}) {
      const auto added = run_cli({"add", component, dir.path().string()});
      REQUIRE_MESSAGE(added.code == 0, added.err);
    }
    const auto trained = run_shell("timeout 120 " + std::string(fixture.train), dir.path());
    REQUIRE_MESSAGE(trained.exit_code == 0, trained.err);
    const auto tested = run_shell("timeout 120 /usr/bin/python3 -m pytest -q -p no:cacheprovider tests", dir.path());
    CHECK_MESSAGE(tested.exit_code == 0, tested.out << tested.err);
    CHECK(tested.out.find("18 passed") != std::string::npos);
  }
}

TEST_CASE("add tracking --tracking wandb: the W&B tracker, its dashboard section and its test" *
          doctest::timeout(120))
{
  const TempDir dir;
  add_fixtures()[1].write(dir.path());
  const auto added = run_cli({"add", "tracking", dir.path().string(), "--tracking", "wandb"});
  REQUIRE_MESSAGE(added.code == 0, added.err);
  CHECK(read_text(dir.path() / "pyproject.toml").find("\"wandb==") != std::string::npos);
  CHECK(read_text(dir.path() / "README.md").find("wandb sync wandb/offline-run-*") != std::string::npos);
  const auto after = check(dir.path());
  CHECK(after.at("mlops/experiment-tracking").status == "pass");
  CHECK(after.at("docs/experiment-dashboard").status == "pass");
  CHECK(after.at("mlops/model-registry").status == "pass"); // W&B model artifacts
  const auto tested =
      run_shell("timeout 100 /usr/bin/python3 -m pytest -q -p no:cacheprovider tests/test_tracking.py", dir.path());
  CHECK_MESSAGE(tested.exit_code == 0, tested.out << tested.err);
  CHECK(tested.out.find("2 passed") != std::string::npos);

  const auto none = run_cli({"add", "tracking", dir.path().string(), "--tracking", "none"});
  CHECK(none.code == 2);
  CHECK(none.err ==
        "mlfolio add: --tracking none: the tracking component writes a tracker; give --tracking mlflow or wandb.\n");
}
