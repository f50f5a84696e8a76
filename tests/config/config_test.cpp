#include "config/config.h"

#include "lint/repo_view.h"
#include "support/process.h"

#include <doctest/doctest.h>

using namespace mlfolio;
using namespace mlfolio::config;

namespace {

const Vocabulary k_names = {
    {"docs/lessons", "docs/readme", "mlops/serving", "repo/secrets"},
    {"docs", "code", "tests", "mlops", "rigor", "repo", "git"},
};

std::string error_of(const std::string& text)
{
  const auto config = parse_mlfolio_toml(text, ".mlfolio.toml", k_names);
  REQUIRE_FALSE(config.has_value());
  CHECK(config.error().code == ExitCode::usage);
  return config.error().message;
}

} // namespace

TEST_CASE("config: every key")
{
  const auto config = parse_mlfolio_toml(R"(
disable = ["docs/lessons", "rigor"]
ignore = ["data/", "*.csv"]
min_score = 70
fail_on = "error"

[rules."docs/readme"]
severity = "info"
weight = 0.5

[thresholds]
type_hint_share = 0.6
large_file_mb = 25

[template]
name = "ml-project"

[answers]
task = "regression"
)",
                                         "proj/.mlfolio.toml", k_names);
  REQUIRE_MESSAGE(config.has_value(), config.error().message);
  CHECK(config->source == "proj/.mlfolio.toml");
  REQUIRE(config->disable.size() == 2);
  CHECK(config->disable[1].name == "rigor");
  CHECK(config->disable[1].origin == "proj/.mlfolio.toml");
  CHECK(config->disabled("rigor/metrics", "rigor") != nullptr);
  CHECK(config->disabled("docs/lessons", "docs") != nullptr);
  CHECK(config->disabled("docs/readme", "docs") == nullptr);
  CHECK(config->ignore == std::vector<std::string>{"data/", "*.csv"});
  CHECK(config->min_score == 70);
  CHECK(config->fail_on == lint::Severity::error);
  CHECK(config->rules.at("docs/readme").severity == lint::Severity::info);
  CHECK(config->rules.at("docs/readme").weight == 0.5);
  CHECK(config->threshold(Threshold::large_file_mb) == 25);
  CHECK(config->threshold(Threshold::type_hint_share) == 0.6);
  CHECK(config->threshold(Threshold::readme_min_words) == 25);
}

TEST_CASE("config: errors name file:line:column and suggest the nearest name")
{
  SUBCASE("unknown key")
  {
    CHECK(error_of("disabel = [\"docs\"]\n") ==
          ".mlfolio.toml:1:1: unknown key 'disabel'. Did you mean 'disable'?");
  }
  SUBCASE("unknown rule or category in disable")
  {
    CHECK(error_of("disable = [\"docs\", \"docs/readm\"]\n") ==
          ".mlfolio.toml:1:20: unknown rule or category 'docs/readm' in 'disable'. Did you mean "
          "'docs/readme'?");
  }
  SUBCASE("disable is not a list")
  {
    CHECK(error_of("disable = \"docs\"\n") == ".mlfolio.toml:1:11: 'disable' must be a list of strings, e.g. "
                                              "disable = [\"docs/lessons\", \"rigor\"]; got 'docs'.");
  }
  SUBCASE("unknown rule in [rules]")
  {
    CHECK(error_of("[rules.\"docs/lesson\"]\nweight = 1\n") ==
          ".mlfolio.toml:1:8: unknown rule 'docs/lesson' in [rules]. Did you mean 'docs/lessons'?");
  }
  SUBCASE("unknown key in a rule")
  {
    CHECK(error_of("[rules.\"docs/lessons\"]\nweigth = 1\n") ==
          ".mlfolio.toml:2:1: unknown key 'weigth' in [rules.\"docs/lessons\"]. Did you mean 'weight'?");
  }
  SUBCASE("bad severity")
  {
    CHECK(error_of("[rules.\"docs/lessons\"]\nseverity = \"high\"\n") ==
          ".mlfolio.toml:2:12: 'severity' must be error, warning or info; got 'high'.");
  }
  SUBCASE("negative weight")
  {
    CHECK(error_of("[rules.\"docs/lessons\"]\nweight = -1\n") ==
          ".mlfolio.toml:2:10: 'weight' must be a number from 0 to 1000; got -1.");
  }
  SUBCASE("unknown threshold")
  {
    CHECK(error_of("[thresholds]\ntype_hints_share = 0.5\n") ==
          ".mlfolio.toml:2:1: unknown threshold 'type_hints_share'. Did you mean 'type_hint_share'?");
  }
  SUBCASE("threshold out of range")
  {
    CHECK(error_of("[thresholds]\ntype_hint_share = 60\n") ==
          ".mlfolio.toml:2:19: 'type_hint_share' must be a number from 0 to 1; got 60.");
  }
  SUBCASE("bad types")
  {
    CHECK(error_of("min_score = \"high\"\n") ==
          ".mlfolio.toml:1:13: 'min_score' must be a number from 0 to 100; got 'high'.");
    CHECK(error_of("fail_on = 3\n") ==
          ".mlfolio.toml:1:11: 'fail_on' must be error, warning or info; got 3.");
    CHECK(error_of("template = \"x\"\n") == ".mlfolio.toml:1:12: this key must be a table; got 'x'.");
    CHECK(error_of("rules = [1]\n") ==
          ".mlfolio.toml:1:9: 'rules' must be a table, e.g. [rules.\"docs/lessons\"]; got a list.");
  }
  SUBCASE("bad glob in ignore")
  {
    CHECK(error_of("ignore = [\"data[\"]\n") ==
          ".mlfolio.toml:1:11: bad glob in 'ignore': glob 'data[' has a '[' without a matching ']'.");
  }
  SUBCASE("TOML syntax")
  {
    CHECK(error_of("disable = [\n").starts_with(".mlfolio.toml:1:"));
  }
}

TEST_CASE("config: [tool.mlfolio] in pyproject.toml")
{
  const auto config = parse_pyproject("[project]\nname = \"x\"\n\n[tool.mlfolio]\nmin_score = 50\n",
                                      "pyproject.toml", k_names);
  REQUIRE(config.has_value());
  REQUIRE(config->has_value());
  CHECK((*config)->min_score == 50);

  const auto none = parse_pyproject("[project]\nname = \"x\"\n", "pyproject.toml", k_names);
  REQUIRE(none.has_value());
  CHECK_FALSE(none->has_value());

  const auto broken = parse_pyproject("[project\nname = \"x\"\n", "pyproject.toml", k_names);
  REQUIRE(broken.has_value()); // the audited project's problem, not ours
  CHECK_FALSE(broken->has_value());

  const auto typo = parse_pyproject("[tool.mlfolio]\nignor = []\n", "pyproject.toml", k_names);
  REQUIRE_FALSE(typo.has_value());
  CHECK(typo.error().message ==
        "pyproject.toml:2:1: unknown key 'ignor' in [tool.mlfolio]. Did you mean 'ignore'?");
}

TEST_CASE("config: found at the root of the audited view, both places is an error")
{
  lint::MemoryView view;
  auto config = find_config(view, "", k_names);
  REQUIRE(config.has_value());
  CHECK(config->source.empty());

  view.add("pyproject.toml", "[tool.mlfolio]\ndisable = [\"git\"]\n");
  config = find_config(view, "proj/", k_names);
  REQUIRE(config.has_value());
  CHECK(config->source == "proj/pyproject.toml");

  view.add(".mlfolio.toml", "min_score = 10\n");
  config = find_config(view, "proj/", k_names);
  REQUIRE_FALSE(config.has_value());
  CHECK(config.error().code == ExitCode::usage);
  CHECK(
      config.error().message ==
      "mlfolio is configured twice, in proj/.mlfolio.toml and in [tool.mlfolio] of proj/pyproject.toml. Keep "
      ".mlfolio.toml (where 'mlfolio new' records its answers): move the settings of [tool.mlfolio] into it "
      "and "
      "delete that table.");

  lint::MemoryView own;
  own.add(".mlfolio.toml", "disable = [\"dcos\"]\n");
  config = find_config(own, "proj/", k_names);
  REQUIRE_FALSE(config.has_value());
  CHECK(config.error().message ==
        "proj/.mlfolio.toml:1:12: unknown rule or category 'dcos' in 'disable'. Did you mean 'docs'?");
}

TEST_CASE("config: --config FILE")
{
  const test::TempDir dir;
  test::write_text(dir.path() / "ci.toml", "min_score = 80\n");
  auto config = load_config_file(dir.path() / "ci.toml", k_names);
  REQUIRE(config.has_value());
  CHECK(config->min_score == 80);

  test::write_text(dir.path() / "pyproject.toml", "[project]\nname = \"x\"\n");
  config = load_config_file(dir.path() / "pyproject.toml", k_names);
  REQUIRE_FALSE(config.has_value());
  CHECK(config.error().message ==
        "--config: " + (dir.path() / "pyproject.toml").string() + " has no [tool.mlfolio] table.");

  config = load_config_file(dir.path() / "missing.toml", k_names);
  REQUIRE_FALSE(config.has_value());
  CHECK(config.error().code == ExitCode::usage);
  CHECK(config.error().message.starts_with("--config: cannot read "));
}

TEST_CASE("config: names given to --disable")
{
  CHECK(check_disable_name("repo/secrets", k_names, "").has_value());
  CHECK(check_disable_name("git", k_names, "").has_value());
  const auto typo = check_disable_name("mlops/servng", k_names, " given to --disable");
  REQUIRE_FALSE(typo.has_value());
  CHECK(typo.error().message ==
        "unknown rule or category 'mlops/servng' given to --disable. Did you mean 'mlops/serving'?");
}
