// The cohort formats: golden files on a fixture cohort, RFC 4180 quoting, and rows that survive
// a round trip through JSON lines unchanged.
#include "cohort/formats.h"
#include "cohort/jsonl.h"
#include "report/golden_file.h"
#include "support/cohort_fixture.h"
#include "support/process.h"

#include <doctest/doctest.h>
#include <sstream>

using namespace mlfolio;

namespace {

cohort::Row sample_row(size_t index, std::string target)
{
  cohort::Row row;
  row.index = index;
  row.cohort_size = 3;
  row.target = std::move(target);
  row.commit = "0123456789abcdef0123456789abcdef01234567";
  row.score = 72;
  row.grade = 'C';
  row.categories = {{"docs", 80}, {"code", std::nullopt}};
  row.rules = {{"docs/readme", lint::Status::pass},
               {"docs/results", lint::Status::fail},
               {"code/tests", lint::Status::skip}};
  row.thresholds_met = true;
  return row;
}

std::string written(std::string_view format, const std::vector<cohort::Row>& rows)
{
  std::ostringstream out;
  cohort::find_cohort_format(format)->write(rows, out);
  return out.str();
}

} // namespace

TEST_CASE("cohort formats: golden files on a fixture cohort")
{
  // Two git repositories, three plain folders and a folder that does not exist; targets are
  // relative, so no temporary path reaches the report.
  const test::CohortFixture cohort(5, 2);
  auto lines = cohort.names();
  lines.insert(lines.begin() + 2, "missing-student");
  const std::string list = cohort.write_list("list.txt", lines);
  for (const std::string format : {"csv", "jsonl", "text", "leaderboard"}) {
    CAPTURE(format);
    const auto run = test::run_mlfolio({"check", "--targets", list, "--format", format}, cohort.path());
    CHECK(run.exit_code == 4);
    const std::string extension = format == "leaderboard" ? "html" : format == "text" ? "txt" : format;
    test::check_golden(test::golden_path("report/cohort." + extension), run.out);
  }
}

TEST_CASE("cohort formats: CSV quotes commas, quotes and line breaks (RFC 4180)")
{
  const auto failed = cohort::failed_row(1, 3, "odd,\"name\"", "cannot open it:\nno such folder");
  const std::string csv = written("csv", {sample_row(0, "plain"), failed});
  CHECK(csv ==
        "target,commit,score,grade,docs,code,tests,mlops,rigor,repo,git,failed_rules,thresholds,error\r\n"
        "plain,0123456789abcdef0123456789abcdef01234567,72,C,80,,,,,,,docs/results,met,\r\n"
        "\"odd,\"\"name\"\"\",,,,,,,,,,,,,\"cannot open it:\nno such folder\"\r\n");
}

TEST_CASE("cohort formats: a row read back from its JSON line is the same row")
{
  const std::vector<cohort::Row> rows = {sample_row(0, "a"), cohort::failed_row(1, 3, "b", "gone"),
                                         sample_row(2, "https://***@example.com/c.git")};
  const std::string jsonl = written("jsonl", rows);
  CHECK(
      jsonl.substr(0, jsonl.find('\n')) ==
      R"({"index":0,"cohort_size":3,"target":"a","commit":"0123456789abcdef0123456789abcdef01234567","score":72,)"
      R"("grade":"C","categories":{"docs":80,"code":null},"failed_rules":["docs/results"],)"
      R"("rules":{"docs/readme":"pass","docs/results":"fail","code/tests":"skip"},"thresholds_met":true,"error":null})");
  const auto parsed = cohort::parse_rows(jsonl, "rows.jsonl");
  REQUIRE(parsed);
  REQUIRE(parsed->size() == 3);
  CHECK((*parsed)[1].where == "rows.jsonl:2");
  const auto merged = cohort::merge_rows(*parsed);
  REQUIRE(merged);
  for (const std::string_view format : {"jsonl", "csv", "text", "leaderboard"}) {
    CHECK(written(format, *merged) == written(format, rows));
  }
}

TEST_CASE("cohort formats: the leaderboard escapes targets and ranks by score")
{
  auto best = sample_row(1, "<b>best</b>");
  best.score = 95;
  best.grade = 'A';
  best.rules[1].second = lint::Status::pass;
  const std::string html = written("leaderboard", {sample_row(0, "second"), best});
  CHECK(html.find("<b>best</b>") == std::string::npos);
  CHECK(html.find("&lt;b&gt;best&lt;/b&gt;") < html.find(">second<"));
  CHECK(html.find("https://") == std::string::npos); // self-contained: no external assets
  CHECK(html.find("<td class=\"num\" data-value=\"50\">50% (1/2)</td>") != std::string::npos); // docs/results
}

TEST_CASE("cohort formats: the leaderboard escapes what a merged JSON line brings, the commit too")
{
  // report merge reads rows from files anyone can write: every field is text to escape.
  auto crafted = sample_row(0, "a");
  crafted.commit = "<script>x</script>";
  const std::string html = written("leaderboard", {crafted});
  CHECK(html.find("<script>x") == std::string::npos);
  CHECK(html.find("&lt;script&gt;x&lt;/") != std::string::npos);
}

TEST_CASE("cohort formats: a JSON line whose score is out of range or whose grade does not fit is refused")
{
  const std::string good = written("jsonl", {sample_row(0, "a")});
  REQUIRE(good.find("\"score\":72") != std::string::npos);
  const auto with = [&](const std::string& from, const std::string& to) {
    std::string line = good;
    line.replace(line.find(from), from.size(), to);
    return cohort::parse_rows(line, "rows.jsonl");
  };
  const auto wrapped = with("\"score\":72", "\"score\":4294967368"); // 2^32 + 72
  REQUIRE_FALSE(wrapped);
  CHECK(wrapped.error().message.find("\"score\" is not a score from 0 to 100 or null") != std::string::npos);
  const auto mismatched = with("\"grade\":\"C\"", "\"grade\":\"A\"");
  REQUIRE_FALSE(mismatched);
  CHECK(mismatched.error().message.find("\"grade\" does not go with \"score\"") != std::string::npos);
}

TEST_CASE("cohort formats: merging rows of two different target lists is an error naming both")
{
  auto other = sample_row(1, "b");
  other.cohort_size = 4;
  const auto merged = cohort::merge_rows({{sample_row(0, "a"), "a.jsonl:1"}, {other, "b.jsonl:3"}});
  REQUIRE_FALSE(merged);
  CHECK(merged.error().code == ExitCode::usage);
  CHECK(merged.error().message == "b.jsonl:3: the row belongs to a cohort of 4 targets, a.jsonl:1 to one of 3; "
                                  "merge the outputs of one target list.");
}
