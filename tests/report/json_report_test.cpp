#include "report/report_fixture.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

using namespace mlfolio;
using Json = nlohmann::ordered_json;

namespace {

Json json_of(const report::Report& report)
{
  std::ostringstream out;
  report::find_format("json")->write(report, out, {});
  return Json::parse(out.str());
}

std::vector<std::string> keys_of(const Json& object)
{
  std::vector<std::string> keys;
  for (const auto& item : object.items()) {
    keys.push_back(item.key());
  }
  return keys;
}

} // namespace

TEST_CASE("json report: documented keys in documented order")
{
  const Json json = json_of(test::fixture_report());
  CHECK(keys_of(json) == std::vector<std::string>{"schema_version", "tool_version", "target", "score",
                                                  "grade", "categories", "alerts", "findings", "notes"});
  CHECK(json["schema_version"] == 1);
  CHECK(json["tool_version"] == "0.0.0-test");
  CHECK(json["target"] == "(in memory)");
  CHECK(json["score"] == 71);
  CHECK(json["grade"] == "C");
  CHECK(json["alerts"] == Json::array({"repo/secrets"}));
  CHECK(json["notes"] == Json::array({"cannot read data/big.bin: permission denied"}));

  REQUIRE(json["categories"].size() == 7);
  const Json& docs = json["categories"][0];
  CHECK(keys_of(docs) == std::vector<std::string>{"id", "score", "weight", "passed", "failed", "skipped"});
  CHECK(docs["id"] == "docs");
  CHECK(docs["score"] == 50);
  CHECK(docs["weight"] == 25);
  CHECK(json["categories"][2]["score"].is_null()); // tests: only a rule without a check

  const Json& finding = json["findings"][0];
  CHECK(keys_of(finding) == std::vector<std::string>{"rule", "title", "category", "status", "severity",
                                                     "weight", "message", "fix", "locations", "details"});
}

TEST_CASE("json report: findings sorted by category then id, failures with locations and fix")
{
  const Json json = json_of(test::fixture_report());
  std::vector<std::string> rules;
  for (const auto& finding : json["findings"]) {
    rules.push_back(finding["rule"]);
  }
  CHECK(rules == std::vector<std::string>{"docs/readme", "docs/results", "tests/unwritten", "mlops/ci",
                                          "repo/license", "repo/no-junk", "repo/secrets"});
  const Json& secrets = json["findings"][6];
  CHECK(secrets["status"] == "fail");
  CHECK(secrets["severity"] == "error");
  CHECK(secrets["fix"] == "Fix repo/secrets.");
  CHECK(secrets["locations"] == Json::parse(R"([{"path": "src/demo/settings.py", "line": 3}])"));
  CHECK(secrets["details"][0]["message"] == "demo token at src/demo/settings.py:3");
  const Json& junk = json["findings"][5];
  CHECK(junk["locations"] == Json::parse(R"([{"path": ".DS_Store", "line": null},
                                             {"path": "src/demo/__pycache__/", "line": null}])"));
  const Json& readme = json["findings"][0];
  CHECK(readme["status"] == "pass");
  CHECK(readme["fix"] == "");
  CHECK(json["findings"][4]["message"] == "disabled in .mlfolio.toml");
}

TEST_CASE("json report: every built-in rule appears exactly once, a commit is reported when there is one")
{
  const auto catalog = lint::builtin_catalog();
  REQUIRE(catalog.has_value());
  lint::MemoryView view;
  view.add("README.md", "# x\n");
  report::Report report = report::make_report("demo", std::string("0123abcd"),
                                              lint::run_rules(view, **catalog, config::Config{}), **catalog);
  const Json json = json_of(report);
  CHECK(json["commit"] == "0123abcd");
  CHECK(keys_of(json)[3] == "commit");
  std::set<std::string> seen;
  for (const auto& finding : json["findings"]) {
    CHECK(seen.insert(finding["rule"].get<std::string>()).second);
  }
  CHECK(seen.size() == (*catalog)->rules().size());
}
