// --report NAME=FILE and `mlfolio badge`, through the real binary.
#include "support/process.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <filesystem>
#include <unistd.h>

using namespace mlfolio;
namespace stdfs = std::filesystem;

namespace {

void write_small_project(const stdfs::path& root)
{
  test::write_text(root / "README.md", "# Churn\n\nPredicts churn. TODO: results\n");
  test::write_text(root / "src/churn/__init__.py", "");
  test::write_text(root / "LICENSE", "MIT License\n");
}

std::vector<std::string> entries_of(const stdfs::path& folder)
{
  std::vector<std::string> names;
  for (const auto& entry : stdfs::directory_iterator(folder)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

} // namespace

TEST_CASE("check --report: several reports from one run, beside the report on standard output")
{
  const test::TempDir dir;
  write_small_project(dir.path() / "p");
  const stdfs::path out = dir.path() / "out";
  stdfs::create_directories(out);
  const auto result = test::run_mlfolio({"check", (dir.path() / "p").string(), "--quiet", "--report",
                                         "sarif=" + (out / "r.sarif").string(), "--report",
                                         "markdown=" + (out / "summary.md").string(), "--report",
                                         "json=" + (out / "r.json").string()});
  CHECK(result.exit_code == 0);
  CHECK(result.out.starts_with("Score: "));
  CHECK(entries_of(out) == std::vector<std::string>{"r.json", "r.sarif", "summary.md"});
  CHECK(test::read_text(out / "r.sarif").find("\"version\": \"2.1.0\"") != std::string::npos);
  CHECK(test::read_text(out / "summary.md").starts_with("## mlfolio: "));
  CHECK(test::read_text(out / "r.json").find("\"schema_version\": 1") != std::string::npos);

  // --output and --report together: the main format goes to --output, nothing to stdout.
  const auto both =
      test::run_mlfolio({"check", (dir.path() / "p").string(), "--format", "junit", "--output",
                         (out / "r.xml").string(), "--report", "badge=" + (out / "b.svg").string()});
  CHECK(both.exit_code == 0);
  CHECK(both.out.empty());
  CHECK(test::read_text(out / "r.xml").starts_with("<?xml"));
  CHECK(test::read_text(out / "b.svg").starts_with("<svg"));
}

TEST_CASE("check --report: a failed write names the file, exits 3 and leaves no partial file")
{
  const test::TempDir dir;
  write_small_project(dir.path() / "p");
  const stdfs::path locked = dir.path() / "locked";
  stdfs::create_directories(locked);
  stdfs::permissions(locked, stdfs::perms::owner_read | stdfs::perms::owner_exec);
  SUBCASE("a folder that does not exist")
  {
    const auto missing = dir.path() / "missing/r.sarif";
    const auto result =
        test::run_mlfolio({"check", (dir.path() / "p").string(), "--report", "sarif=" + missing.string()});
    CHECK(result.exit_code == 3);
    CHECK(result.err == "mlfolio check: cannot write " + missing.string() + ": No such file or directory\n");
    CHECK(result.out.empty());
    CHECK(!stdfs::exists(dir.path() / "missing"));
  }
  SUBCASE("a folder without write permission")
  {
    if (::geteuid() == 0) {
      // root writes anyway; a file in place of a folder fails for everyone.
      test::write_text(dir.path() / "file", "");
      const auto target = dir.path() / "file/r.html";
      const auto result =
          test::run_mlfolio({"check", (dir.path() / "p").string(), "--report", "html=" + target.string()});
      CHECK(result.exit_code == 3);
      CHECK(result.err == "mlfolio check: cannot write " + target.string() + ": Not a directory\n");
    } else {
      const auto target = locked / "r.html";
      const auto result =
          test::run_mlfolio({"check", (dir.path() / "p").string(), "--report", "html=" + target.string()});
      CHECK(result.exit_code == 3);
      CHECK(result.err == "mlfolio check: cannot write " + target.string() + ": Permission denied\n");
    }
    CHECK(entries_of(locked).empty());
  }
  stdfs::permissions(locked, stdfs::perms::owner_all);
}

TEST_CASE("check --report: an unknown format or a value without '=' is a usage error")
{
  const test::TempDir dir;
  write_small_project(dir.path());
  auto result = test::run_mlfolio({"check", dir.path().string(), "--report", "sraif=x.sarif"});
  CHECK(result.exit_code == 2);
  CHECK(result.err ==
        "mlfolio check: unknown format 'sraif'. Did you mean 'sarif'? Formats: text, json, sarif, "
        "junit, markdown, github, html, badge.\n");
  result = test::run_mlfolio({"check", dir.path().string(), "--report", "sarif"});
  CHECK(result.exit_code == 2);
  CHECK(result.err == "mlfolio check: --report takes NAME=FILE (e.g. sarif=out.sarif), got 'sarif'.\n");
  // A cohort writes one report of its own (--format, --output): --report is refused, not ignored.
  result = test::run_mlfolio({"check", dir.path().string(), dir.path().string() + "/src", "--jobs", "1",
                              "--report", "sarif=x.sarif"});
  CHECK(result.exit_code == 2);
  CHECK(result.err == "mlfolio check: --report writes one repository's report; a cohort writes one report with "
                      "--format and --output.\n");
  CHECK(entries_of(dir.path()) == std::vector<std::string>{"LICENSE", "README.md", "src"});
}

TEST_CASE("check --help: --format lists the format table")
{
  const auto result = test::run_mlfolio({"help", "check"});
  CHECK(result.exit_code == 0);
  CHECK(
      result.out.find("  --format FORMAT         text (default), json, sarif, junit, markdown, github, html, "
                      "badge; for several targets: text, csv, jsonl, leaderboard\n") != std::string::npos);
  CHECK(result.out.find("  --report NAME=FILE      also write a report") != std::string::npos);
}

TEST_CASE("badge: an audit's badge, to standard output or a file, and the same from a saved report")
{
  const test::TempDir dir;
  write_small_project(dir.path() / "p");
  const std::string project = (dir.path() / "p").string();
  const auto direct = test::run_mlfolio({"badge", project});
  CHECK(direct.exit_code == 0);
  CHECK(direct.out.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
  const auto json = test::run_mlfolio({"check", project, "--format", "json"});
  const size_t score_at = json.out.find("\"score\": ");
  REQUIRE(score_at != std::string::npos);
  const std::string score = json.out.substr(score_at + 9, json.out.find(',', score_at) - score_at - 9);
  CHECK(direct.out.find(">" + score + "/100</text>") != std::string::npos);

  test::write_text(dir.path() / "report.json", json.out);
  const auto from = test::run_mlfolio({"badge", "--from", (dir.path() / "report.json").string()});
  CHECK(from.exit_code == 0);
  CHECK(from.out == direct.out);

  const auto to_file = test::run_mlfolio({"badge", project, "--output", (dir.path() / "badge.svg").string()});
  CHECK(to_file.exit_code == 0);
  CHECK(to_file.out.empty());
  CHECK(test::read_text(dir.path() / "badge.svg") == direct.out);
}

TEST_CASE("badge --from: a file that is not a JSON report gives the documented error")
{
  const test::TempDir dir;
  const std::string path = (dir.path() / "r.json").string();
  struct Case
  {
    std::string content;
    int code;
    std::string err;
  };
  const Case cases[] = {
      {"{\"score\": ", 2,
       "mlfolio badge: " + path +
           " is not valid JSON: parse error at line 1, column 11: syntax error while parsing value - "
           "unexpected end "
           "of input; expected '[', '{', or a literal\n"},
      {"[1, 2]", 2,
       "mlfolio badge: " + path + " is not an mlfolio JSON report: it holds a array, not an object.\n"},
      {"{\"score\": 80}", 2,
       "mlfolio badge: " + path + " is not an mlfolio JSON report: it has no \"schema_version\".\n"},
      {"{\"schema_version\": 9}", 2,
       "mlfolio badge: " + path +
           " is not an mlfolio JSON report: its schema_version is 9, this mlfolio reads 1.\n"},
      {R"({"schema_version": 1, "tool_version": "0.1.0", "target": "x", "score": 120, "grade": "A"})", 2,
       "mlfolio badge: " + path +
           " is not an mlfolio JSON report: \"score\" must be a whole number from 0 to 100 or null, got "
           "120.\n"},
      {R"({"schema_version": 1, "tool_version": "0.1.0", "target": "x", "score": 95, "grade": "C"})", 2,
       "mlfolio badge: " + path +
           " is not an mlfolio JSON report: \"grade\" must be \"A\" for the score 95, got \"C\".\n"},
  };
  for (const auto& entry : cases) {
    CAPTURE(entry.content);
    test::write_text(path, entry.content);
    const auto result = test::run_mlfolio({"badge", "--from", path});
    CHECK(result.exit_code == entry.code);
    CHECK(result.err == entry.err);
    CHECK(result.out.empty());
  }
  const auto missing = test::run_mlfolio({"badge", "--from", (dir.path() / "none.json").string()});
  CHECK(missing.exit_code == 3);
  CHECK(missing.err ==
        "cannot read " + (dir.path() / "none.json").string() + ": No such file or directory\n");
  const auto both = test::run_mlfolio({"badge", ".", "--from", path});
  CHECK(both.exit_code == 2);
  CHECK(both.err ==
        "mlfolio badge: --from reads a saved report; it takes no TARGET, --rev, --root or --config.\n");
}

TEST_CASE("badge: help, and check's errors named for badge")
{
  const auto help = test::run_mlfolio({"help", "badge"});
  CHECK(help.exit_code == 0);
  CHECK(
      help.out.starts_with("Usage: mlfolio badge [PATH | URL | owner/repo] [options] | mlfolio badge --from "
                           "REPORT.json\n"));
  CHECK(help.out.find("  --from REPORT.json") != std::string::npos);
  const auto two = test::run_mlfolio({"badge", "a", "b"});
  CHECK(two.exit_code == 2);
  CHECK(two.err == "mlfolio badge: takes one PATH, got 2.\n");
}
