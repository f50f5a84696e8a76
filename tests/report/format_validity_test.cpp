// The formats read by real readers: the SARIF 2.1.0 schema (python3-jsonschema), a JUnit parser
// (python3-junitparser), an XML parser for the badge, and headless Chromium for the HTML report.
#include "core/text.h"
#include "report/project_fixture.h"
#include "report/report_fixture.h"
#include "report/summary.h"
#include "support/external.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace mlfolio;

namespace {

std::filesystem::path write_format(const report::Report& report, std::string_view format,
                                   const std::filesystem::path& path)
{
  std::ostringstream out;
  report::find_format(format)->write(report, out, {});
  test::write_text(path, out.str());
  return path;
}

std::string sarif_schema()
{
  const test::RunResult fetched =
      test::run_bounded("/bin/bash", {std::string(MLFOLIO_SOURCE_DIR) + "/tools/sarif-schema.sh"}, 180);
  REQUIRE_MESSAGE(fetched.exit_code == 0, "tools/sarif-schema.sh failed: " << fetched.err);
  return std::string(text::trim(fetched.out));
}

struct Fixture
{
  std::string name;
  report::Report report;
};

std::vector<Fixture> fixtures()
{
  return {{"small", test::fixture_report()}, {"project", test::project_report()}};
}

} // namespace

TEST_CASE("sarif: valid against the SARIF 2.1.0 JSON schema")
{
  REQUIRE(test::require_tool(test::k_python, "python3-jsonschema"));
  const std::string schema = sarif_schema();
  const test::TempDir dir;
  for (const auto& fixture : fixtures()) {
    CAPTURE(fixture.name);
    const auto log = write_format(fixture.report, "sarif", dir.path() / (fixture.name + ".sarif"));
    const test::RunResult result = test::run_validator("sarif_valid", {schema, log.string()});
    CHECK_MESSAGE(result.exit_code == 0, result.out << result.err);
    CHECK(result.out == "valid\n");
  }
}

TEST_CASE("sarif: the validator rejects a log that breaks the schema")
{
  REQUIRE(test::require_tool(test::k_python, "python3-jsonschema"));
  const test::TempDir dir;
  test::write_text(
      dir.path() / "bad.sarif",
      R"({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"ruleId": "a"}]}]})");
  const test::RunResult result =
      test::run_validator("sarif_valid", {sarif_schema(), (dir.path() / "bad.sarif").string()});
  CHECK(result.exit_code == 1);
  CHECK(result.out == "runs/0/results/0: 'message' is a required property\n1 errors\n");
}

TEST_CASE("sarif: every result has a location with an artifact URI, as GitHub code scanning requires")
{
  std::ostringstream out;
  report::find_format("sarif")->write(test::project_report(), out, {});
  const auto sarif = nlohmann::json::parse(out.str());
  const auto& results = sarif["runs"][0]["results"];
  REQUIRE(results.size() == 19);
  size_t at_root = 0;
  for (const auto& result : results) {
    CAPTURE(result["ruleId"]);
    REQUIRE(!result["locations"].empty());
    CHECK(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].is_string());
    at_root += result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "." ? 1 : 0;
  }
  CHECK(at_root == 8); // the rules about something missing: no CI, no Dockerfile, no licence, ...
}

TEST_CASE("junit: junitparser reads as many tests, failures and skips as the report has")
{
  REQUIRE(test::require_tool(test::k_python, "python3-junitparser"));
  const test::TempDir dir;
  for (const auto& fixture : fixtures()) {
    CAPTURE(fixture.name);
    const report::Tally counts = report::tally(fixture.report);
    const auto xml = write_format(fixture.report, "junit", dir.path() / (fixture.name + ".xml"));
    const test::RunResult result = test::run_validator("junit_counts", {xml.string()});
    REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    const std::string expected = "tests=" + std::to_string(fixture.report.findings.size()) +
                                 " failures=" + std::to_string(counts.failed) +
                                 " skipped=" + std::to_string(counts.skipped) + " errors=0\n";
    CHECK(result.out.substr(0, result.out.find('\n') + 1) == expected);
    CHECK(result.out.find("suite docs ") != std::string::npos);
  }
}

TEST_CASE("junit: control characters and invalid UTF-8 from a repository still parse")
{
  REQUIRE(test::require_tool(test::k_python, "python3-junitparser"));
  report::Report report = test::fixture_report();
  report.findings[1].message = "bad \x01\x1b[31m bytes \xff\xfe and <&>\"'";
  report.findings[1].locations = {{"data/\x7f\x0b.csv", 2}};
  const test::TempDir dir;
  const auto xml = write_format(report, "junit", dir.path() / "control.xml");
  const test::RunResult result = test::run_validator("junit_counts", {xml.string()});
  CHECK_MESSAGE(result.exit_code == 0, result.err);
  CHECK(result.out.starts_with("tests=7 failures=3 skipped=2 errors=0\n"));
}

TEST_CASE("badge: well-formed SVG that shows the score")
{
  REQUIRE(test::require_tool(test::k_python, "python3"));
  const test::TempDir dir;
  const auto svg = write_format(test::fixture_report(), "badge", dir.path() / "badge.svg");
  const test::RunResult result = test::run_validator("svg_text", {svg.string()});
  REQUIRE_MESSAGE(result.exit_code == 0, result.err);
  CHECK(result.out == "{http://www.w3.org/2000/svg}svg\nportfolio: 71/100, grade C\nportfolio\nportfolio\n"
                      "71/100\n71/100\n");
}

TEST_CASE("html: headless Chromium renders the score and every failing rule")
{
  REQUIRE(test::require_tool(test::k_chromium, "chromium"));
  const test::TempDir dir;
  for (const auto& fixture : fixtures()) {
    CAPTURE(fixture.name);
    const auto page = write_format(fixture.report, "html", dir.path() / (fixture.name + ".html"));
    const test::RunResult result = test::run_chromium(page);
    REQUIRE_MESSAGE(result.exit_code == 0, "chromium exited " << result.exit_code << ": " << result.err);
    CHECK(result.out.find("<html") != std::string::npos);
    CHECK(result.out.find("Portfolio score " + report::score_text(fixture.report)) != std::string::npos);
    for (const auto& finding : fixture.report.findings) {
      if (finding.status == lint::Status::fail) {
        CHECK_MESSAGE(result.out.find("<code>" + finding.rule + "</code>") != std::string::npos,
                      finding.rule);
      }
    }
    CHECK(result.out.find("<script") == std::string::npos);
  }
}
