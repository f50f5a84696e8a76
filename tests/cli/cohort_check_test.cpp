// Cohort audits with the real binary: `mlfolio check --targets`, --jobs, --shard, the cohort
// formats and `mlfolio report merge`, on a cohort of repositories built in a temporary folder.
#include "support/cohort_fixture.h"
#include "support/git_daemon.h"
#include "support/git_fixture.h"
#include "support/process.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <set>

using namespace mlfolio::test;
using Json = nlohmann::json;

namespace {

// 20 projects, then three targets that cannot be audited: a folder that does not exist, a
// file:// URL to nothing, and a corrupt repository (a copy of student-01 with a broken config).
struct BrokenCohort
{
  BrokenCohort() : cohort(20)
  {
    std::vector<std::string> lines = {"# the cohort of the test", ""};
    for (const auto& name : cohort.names()) {
      lines.push_back(name);
    }
    lines.insert(lines.begin() + 7, "  no-such-student  ");
    lines.push_back("file://" + (cohort.path() / "nothing-here.git").string());
    std::filesystem::copy(cohort.path() / "student-01", cohort.path() / "corrupt",
                          std::filesystem::copy_options::recursive);
    write_text(cohort.path() / "corrupt/.git/config", "[[[ not a section\n");
    lines.push_back("corrupt");
    list = cohort.write_list("targets.txt", lines);
    cache = (cohort.path() / ".cache").string();
  }

  RunResult check(std::vector<std::string> args) const
  {
    args.insert(args.begin(), {"check", "--targets", list, "--cache-dir", cache});
    return run_mlfolio(args, cohort.path());
  }

  CohortFixture cohort;
  std::string list;
  std::string cache;
};

std::vector<Json> json_lines(const std::string& text)
{
  std::vector<Json> rows;
  size_t start = 0;
  while (start < text.size()) {
    const size_t end = text.find('\n', start);
    rows.push_back(Json::parse(text.substr(start, end - start)));
    start = end + 1;
  }
  return rows;
}

} // namespace

TEST_CASE("cohort: 23 targets, three broken, give a complete report and exit 4")
{
  const BrokenCohort fixture;
  const auto run = fixture.check({"--format", "jsonl", "--jobs", "2"});
  CHECK(run.exit_code == 4);
  CHECK(run.err == "mlfolio check: 3 of 23 targets could not be audited; the report says why.\n");
  const auto rows = json_lines(run.out);
  REQUIRE(rows.size() == 23);
  std::set<int> scores;
  for (size_t i = 0; i < rows.size(); ++i) {
    CHECK(rows[i]["index"] == i);
    CHECK(rows[i]["cohort_size"] == 23);
    if (rows[i]["error"].is_null()) {
      CHECK(rows[i]["rules"].size() == 49);
      scores.insert(rows[i]["score"].get<int>());
    }
  }
  CHECK(scores.size() >= 8); // the projects differ
  CHECK(rows[5]["target"] == "no-such-student");
  CHECK(rows[5]["error"].get<std::string>().find("no-such-student") != std::string::npos);
  CHECK(rows[21]["error"].get<std::string>().starts_with("cannot fetch file://"));
  CHECK(rows[22]["target"] == "corrupt");
  CHECK(rows[22]["error"].get<std::string>().starts_with(
      "cannot open the git repository at corrupt: failed to parse "
      "config file: "));
  CHECK(rows[5]["error"] ==
        "cannot audit no-such-student: no such folder. Give the path of the folder that holds "
        "the project.");
  CHECK(rows[0]["commit"].is_string()); // student-01 is a git repository
  CHECK(rows[1]["commit"].is_null());   // student-02 a plain folder

  const auto csv = fixture.check({"--format", "csv"});
  CHECK(csv.exit_code == 4);
  CHECK(csv.out.starts_with("target,commit,score,grade,docs,code,tests,mlops,rigor,repo,git,failed_rules,"
                            "thresholds,error\r\n"));
  CHECK(std::count(csv.out.begin(), csv.out.end(), '\n') == 24);
  CHECK(csv.out.find("\r\nno-such-student,,,,,,,,,,,,,") != std::string::npos);

  const auto text = fixture.check({"--format", "text"});
  CHECK(text.exit_code == 4);
  CHECK(text.out.starts_with("rank  score  grade  failed  target\n   1  "));
  CHECK(text.out.find("23 targets: 20 audited, 3 could not be audited; median score ") != std::string::npos);
}

TEST_CASE("cohort: the report is the same for --jobs 1, 2 and 8, in input order")
{
  const BrokenCohort fixture;
  for (const std::string format : {"jsonl", "csv", "leaderboard", "text"}) {
    CAPTURE(format);
    const auto serial = fixture.check({"--format", format, "--jobs", "1"});
    const auto parallel = fixture.check({"--format", format, "--jobs", "2"});
    CHECK(serial.exit_code == 4);
    CHECK(parallel.exit_code == 4);
    CHECK(serial.out == parallel.out);
  }
  // More threads than cores: more interleavings, the same bytes.
  CHECK(fixture.check({"--format", "jsonl", "--jobs", "8"}).out ==
        fixture.check({"--format", "jsonl", "--jobs", "1"}).out);
}

TEST_CASE("cohort: --shard 1/3, 2/3, 3/3 and report merge equal one run, byte for byte")
{
  const BrokenCohort fixture;
  const auto whole = fixture.check({"--format", "jsonl"});
  std::vector<std::string> shard_files;
  size_t rows = 0;
  for (int k = 1; k <= 3; ++k) {
    const std::string file = "shard-" + std::to_string(k) + ".jsonl";
    const auto shard =
        fixture.check({"--format", "jsonl", "--shard", std::to_string(k) + "/3", "--output", file});
    CHECK(shard.out.empty());
    rows += json_lines(read_text(fixture.cohort.path() / file)).size();
    shard_files.push_back(file);
  }
  CHECK(rows == 23);
  // Shards given in any order.
  std::vector<std::string> merge = {"report", "merge", shard_files[2], shard_files[0], shard_files[1]};
  for (const std::string format : {"jsonl", "csv", "leaderboard", "text"}) {
    CAPTURE(format);
    auto args = merge;
    args.insert(args.end(), {"--format", format});
    const auto merged = run_mlfolio(args, fixture.cohort.path());
    CHECK(merged.exit_code == 4); // as the one run: a target could not be audited
    CHECK(merged.out == (format == "jsonl" ? whole.out : fixture.check({"--format", format}).out));
  }
  const auto to_file = run_mlfolio({"report", "merge", shard_files[0], shard_files[1], shard_files[2],
                                    "--format", "jsonl", "--output", "merged.jsonl"},
                                   fixture.cohort.path());
  CHECK(to_file.out.empty());
  CHECK(read_text(fixture.cohort.path() / "merged.jsonl") == whole.out);
}

TEST_CASE("cohort: report merge names file:line for a bad row and refuses gaps and repeats")
{
  const CohortFixture cohort(4, 0);
  const std::string list = cohort.write_list("list.txt", cohort.names());
  const auto part = [&](const std::string& shard, const std::string& file) {
    return run_mlfolio({"check", "--targets", list, "--shard", shard, "--format", "jsonl", "--output", file},
                       cohort.path());
  };
  REQUIRE(part("1/2", "a.jsonl").exit_code == 0);
  REQUIRE(part("2/2", "b.jsonl").exit_code == 0);
  const auto merge = [&](std::vector<std::string> files) {
    files.insert(files.begin(), {"report", "merge"});
    return run_mlfolio(files, cohort.path());
  };
  CHECK(merge({"a.jsonl", "b.jsonl"}).exit_code == 0);

  auto missing = merge({"a.jsonl"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err ==
        "mlfolio report merge: 2 of 4 targets are missing (3, 4); merge the output of every shard.\n");

  auto twice = merge({"a.jsonl", "b.jsonl", "a.jsonl"});
  CHECK(twice.exit_code == 2);
  CHECK(twice.err == "a.jsonl:1: target 1 is already in a.jsonl:1; each shard's output is merged once.\n");

  write_text(cohort.path() / "bad.jsonl", read_text(cohort.path() / "b.jsonl") + "\n{\"index\": 1}\n");
  auto bad = merge({"a.jsonl", "bad.jsonl"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err == "bad.jsonl:4: not a cohort row: no \"cohort_size\" key; expected a line of 'mlfolio check "
                   "--format jsonl'.\n");
  write_text(cohort.path() / "bad.jsonl", "{\"index\": \n");
  bad = merge({"bad.jsonl"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.starts_with("bad.jsonl:1: not JSON ("));

  auto usage = run_mlfolio({"report", "combine", "a.jsonl"}, cohort.path());
  CHECK(usage.exit_code == 2);
  CHECK(usage.err ==
        "mlfolio report: the subcommand is 'merge': mlfolio report merge FILES... (got 'combine').\n");
  usage = merge({"a.jsonl", "--format", "jsonn"});
  CHECK(usage.exit_code == 2);
  CHECK(usage.err ==
        "mlfolio report merge: unknown format 'jsonn'. Did you mean 'jsonl'? Formats: text, csv, jsonl, "
        "leaderboard.\n");
}

TEST_CASE("cohort: --targets FILE and --shard errors are usage errors naming the place")
{
  const CohortFixture cohort(3, 0);
  const auto check = [&](std::vector<std::string> args) {
    args.insert(args.begin(), "check");
    return run_mlfolio(args, cohort.path());
  };
  SUBCASE("a line that cannot be a target")
  {
    cohort.write_list("list.txt", {"# students", "student-01", "", "ftp://example.com/x.git"});
    const auto run = check({"--targets", "list.txt"});
    CHECK(run.exit_code == 2);
    CHECK(run.err ==
          "list.txt:4: 'ftp://example.com/x.git' is not a supported URL; use https://, http://, git://, "
          "ssh:// or file://, or a local path.\n");
    cohort.write_list("list.txt", {"student-01", "--jobs 4"});
    CHECK(check({"--targets", "list.txt"}).err ==
          "list.txt:2: '--jobs 4' looks like an option; options go on the command line, not in the list.\n");
  }
  SUBCASE("a list knows no owner/repo shorthand: a missing folder is not a GitHub fetch")
  {
    cohort.write_list("list.txt", {"student-01", "ada/churn"});
    const auto run = check({"--targets", "list.txt", "--format", "csv", "--cache-dir", "cache"});
    CHECK(run.exit_code == 4);
    CHECK(run.out.find("\r\nada/churn,,,,,,,,,,,,,cannot audit ada/churn: no such folder.") !=
          std::string::npos);
    CHECK_FALSE(std::filesystem::exists(cohort.path() / "cache"));
  }
  SUBCASE("an empty list, a missing file, a target twice")
  {
    cohort.write_list("list.txt", {"# nobody yet", "  "});
    auto run = check({"--targets", "list.txt"});
    CHECK(run.exit_code == 2);
    CHECK(run.err == "list.txt: no targets (one local path or URL per line).\n");
    run = check({"--targets", "nowhere.txt"});
    CHECK(run.exit_code == 2);
    CHECK(run.err.starts_with("mlfolio check: cannot read the target list: "));
    cohort.write_list("list.txt", {"student-02", "student-01"});
    run = check({"student-01", "--targets", "list.txt"});
    CHECK(run.exit_code == 2);
    CHECK(run.err == "mlfolio check: the target 'student-01' is given twice (targets 1 and 3).\n");
  }
  SUBCASE("--shard and --jobs")
  {
    cohort.write_list("list.txt", cohort.names());
    for (const std::string shard : {"0/3", "4/3", "3", "a/b", "1/0", "-1/3", "1/3x"}) {
      CAPTURE(shard);
      const auto run = check({"--targets", "list.txt", "--shard", shard});
      CHECK(run.exit_code == 2);
      CHECK(run.err ==
            "mlfolio check: --shard takes K/N with 1 <= K <= N (e.g. 2/4), got '" + shard + "'.\n");
    }
    const auto jobs = check({"--targets", "list.txt", "--jobs", "0"});
    CHECK(jobs.exit_code == 2);
    CHECK(jobs.err == "mlfolio check: --jobs takes a whole number from 1 to 1024, got '0'.\n");
    // More shards than targets: the empty shards write an empty report.
    const auto empty = check({"--targets", "list.txt", "--shard", "1/5", "--format", "jsonl"});
    CHECK(empty.exit_code == 0);
    CHECK(empty.out.empty());
  }
  SUBCASE("single-repository formats and --quiet need one target")
  {
    cohort.write_list("list.txt", cohort.names());
    auto run = check({"--targets", "list.txt", "--format", "json"});
    CHECK(run.exit_code == 2);
    CHECK(run.err ==
          "mlfolio check: --format json reports one repository; for several targets use text, csv, "
          "jsonl, leaderboard.\n");
    run = check({"--targets", "list.txt", "--quiet"});
    CHECK(run.exit_code == 2);
    CHECK(run.err ==
          "mlfolio check: --quiet is for one target; a cohort's text report is one line per target.\n");
    // Several PATHs with --format are a cohort; a cohort format makes a cohort of one.
    CHECK(check({"student-01", "student-02", "--format", "jsonl"}).out.find("\"cohort_size\":2") !=
          std::string::npos);
    CHECK(check({"student-03", "--format", "csv"}).exit_code == 0);
  }
}

TEST_CASE("cohort: thresholds apply to every target, exit 1 when one misses them")
{
  const CohortFixture cohort(3, 0);
  const std::string list = cohort.write_list("list.txt", cohort.names());
  const auto run =
      run_mlfolio({"check", "--targets", list, "--min-score", "100", "--format", "csv"}, cohort.path());
  CHECK(run.exit_code == 1);
  CHECK(run.err == "mlfolio check: 3 of 3 targets missed the thresholds.\n");
  CHECK(run.out.find(",missed,\r\n") != std::string::npos);
  CHECK(run_mlfolio({"check", "--targets", list, "--min-score", "1", "--format", "csv"}, cohort.path())
            .exit_code == 0);
}

TEST_CASE("cohort: a remote target on a git daemon is fetched and audited with the local ones")
{
  // The best project (variant 0, as student-01) in a bare repository served by git daemon.
  const TempDir files;
  write_cohort_project(files.path(), 0);
  GitFixture served(true);
  for (const auto& entry : std::filesystem::recursive_directory_iterator(files.path())) {
    if (entry.is_regular_file()) {
      served.write(std::filesystem::relative(entry.path(), files.path()).string(), read_text(entry.path()));
    }
  }
  const std::string commit = served.commit("Start the churn project");
  const GitDaemon daemon(served.path());
  const CohortFixture cohort(3, 0);
  const std::string list = cohort.write_list(
      "list.txt", {"student-01", daemon.url(), daemon.url_of("no-such-repo"), "student-02"});
  const auto run = run_mlfolio(
      {"check", "--targets", list, "--format", "jsonl", "--cache-dir", (cohort.path() / "cache").string()},
      cohort.path());
  CHECK(run.exit_code == 4);
  const auto rows = json_lines(run.out);
  REQUIRE(rows.size() == 4);
  CHECK(rows[1]["target"] == daemon.url());
  CHECK(rows[1]["commit"] == commit);
  CHECK(rows[1]["error"].is_null());
  // The same project as student-01, which is a folder without history: every rule but the git/
  // ones agrees (the scores may differ by the git/ category).
  for (const auto& [rule, status] : rows[0]["rules"].items()) {
    if (!rule.starts_with("git/")) {
      CHECK_MESSAGE(rows[1]["rules"][rule] == status, rule);
    }
  }
  CHECK(rows[2]["error"].get<std::string>().starts_with("cannot fetch " + daemon.url_of("no-such-repo") +
                                                        ": no such repository ("));
  CHECK(rows[3]["error"].is_null());
}

TEST_CASE("report merge --help: the formats come from the cohort format table")
{
  const auto help = mlfolio::test::run_mlfolio({"help", "report"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("  --format FORMAT         one of text, csv, jsonl, leaderboard (default text)\n") !=
        std::string::npos);
}

TEST_CASE("cohort: an --output that cannot be written is a runtime error naming it, after the audits")
{
  const CohortFixture cohort(2, 0);
  const std::string list = cohort.write_list("list.txt", cohort.names());
  const auto run = run_mlfolio({"check", "--targets", list, "--format", "csv", "--output", "missing/report.csv"},
                               cohort.path());
  CHECK(run.exit_code == 3);
  CHECK(run.out.empty());
  CHECK(run.err.starts_with("mlfolio check: cannot write "));
  CHECK(run.err.find("missing/report.csv") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(cohort.path() / "missing"));
}
