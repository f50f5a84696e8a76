#include "lint/rule_fixture.h"

#include <doctest/doctest.h>

using namespace mlfolio;
using namespace mlfolio::lint;

namespace {

const std::string k_readme_rule =
    "kind = \"file-exists\"\n[params]\nlooking_for = \"README\"\nglobs = [\"README.md\"]\n";

} // namespace

TEST_CASE("runner: every rule once, metadata copied, configuration applied")
{
  const Catalog catalog = test::catalog_of({{"docs/readme", "error", k_readme_rule},
                                            {"docs/other", "warning", k_readme_rule},
                                            {"repo/license", "warning", k_readme_rule}});
  MemoryView view;
  config::Config config;
  config.disable.push_back({"repo", ".mlfolio.toml"});
  config.disable.push_back({"docs/other", "--disable"});
  config.rules["docs/readme"] = config::RuleOverride{Severity::info, 0.5};
  const RunResult run = run_rules(view, catalog, config);
  REQUIRE(run.findings.size() == 3);
  const Finding& other = run.findings[0];
  CHECK(other.rule == "docs/other");
  CHECK(other.status == Status::skip);
  CHECK(other.message == "disabled with --disable");
  const Finding& readme = run.findings[1];
  CHECK(readme.rule == "docs/readme");
  CHECK(readme.title == "Title of docs/readme");
  CHECK(readme.status == Status::fail);
  CHECK(readme.severity == Severity::info);
  CHECK(readme.weight == 0.5);
  CHECK(readme.fix == "Fix docs/readme.");
  const Finding& license = run.findings[2];
  CHECK(license.category == Category::repo);
  CHECK(license.message == "disabled in .mlfolio.toml");
  CHECK(run.notes.empty());
}

TEST_CASE("runner: a cpp rule without a body is skipped and says so")
{
  const Catalog catalog = test::catalog_of({{"docs/unwritten", "warning", "kind = \"cpp\"\n"}});
  MemoryView view;
  const auto run = run_rules(view, catalog, config::Config{});
  REQUIRE(run.findings.size() == 1);
  CHECK(run.findings[0].status == Status::skip);
  CHECK(run.findings[0].message == "this version of mlfolio has no check for this rule yet");
  CHECK_FALSE(has_check(catalog.rules()[0]));
}
