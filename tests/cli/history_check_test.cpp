// The git/ rules and the secret and large-file rules on real repositories built with libgit2,
// audited by the real binary.
#include "support/git_fixture.h"
#include "support/process.h"

#include <chrono>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace mlfolio::test;
using Json = nlohmann::json;

namespace {

constexpr int64_t k_day = 86400;
const std::string k_planted_key = "AKIAUJZDE8GXD6NCF10E";

int64_t now()
{
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

CommitOptions days_ago(double days)
{
  CommitOptions options;
  options.when = now() - static_cast<int64_t>(days * k_day);
  return options;
}

// `hours` past noon (UTC) of the day `days` ago: commits on one calendar day whatever the time
// the test runs at.
CommitOptions noon_of(int days, int hours = 0)
{
  CommitOptions options;
  options.when = (now() / k_day - days) * k_day + (12 + hours) * 3600;
  return options;
}

Json audit(const std::filesystem::path& path, const std::vector<std::string>& extra = {})
{
  std::vector<std::string> args = {"check", path.string(), "--format", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto run = run_mlfolio(args);
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  return Json::parse(run.out);
}

const Json& finding(const Json& report, std::string_view rule)
{
  for (const auto& item : report["findings"]) {
    if (item["rule"] == rule) {
      return item;
    }
  }
  FAIL("no finding for " << rule);
  static const Json none;
  return none;
}

std::string details_text(const Json& item)
{
  std::string text;
  for (const auto& detail : item["details"]) {
    text += detail["message"].get<std::string>() + "\n";
  }
  return text;
}

// Ten days of ordinary development, so that the history rules have something to judge.
void develop(GitFixture& repo, int commits = 6)
{
  const char* messages[] = {"Load the raw data", "Add a baseline", "Evaluate on a held-out split",
                            "Serve predictions", "Log metrics", "Pin dependencies", "Add tests", "Write the README"};
  for (int i = 0; i < commits; ++i) {
    repo.write("src/churn/step" + std::to_string(i) + ".py", "VALUE = " + std::to_string(i) + "\n");
    repo.commit(messages[i % 8], days_ago(20 - 2 * i));
  }
}

} // namespace

TEST_CASE("history: a key committed then deleted is found in history, not in the tree, and never printed")
{
  GitFixture repo;
  develop(repo);
  repo.write("src/churn/storage.py", "KEY = '" + k_planted_key + "'\n");
  const std::string leaked = repo.commit("Upload to S3", days_ago(5));
  repo.write("src/churn/storage.py", "import os\n\nKEY = os.environ['AWS_ACCESS_KEY_ID']\n");
  repo.commit("Read the key from the environment", days_ago(4));

  const Json report = audit(repo.path());
  CHECK(finding(report, "repo/secrets")["status"] == "pass");
  const Json& history = finding(report, "git/secrets-history");
  CHECK(history["status"] == "fail");
  const std::string details = details_text(history);
  CHECK(details.find("AWS access key id at src/churn/storage.py:1, added in commit " + leaked.substr(0, 7) +
                     ", not in the audited tree but still in the history (fingerprint ") != std::string::npos);
  CHECK(report["alerts"].dump().find("git/secrets-history") != std::string::npos);

  // No format, no stream, ever shows the value: every report format, every cohort format, the
  // badge, and the files --report writes.
  std::vector<std::vector<std::string>> runs = {{"check", repo.path().string(), "--quiet"},
                                                {"check", repo.path().string(), "--fail-on", "error"},
                                                {"badge", repo.path().string()}};
  for (const char* format : {"text", "json", "sarif", "junit", "markdown", "github", "html", "badge", "csv", "jsonl",
                             "leaderboard"}) {
    runs.push_back({"check", repo.path().string(), "--format", format});
  }
  const TempDir reports;
  runs.push_back({"check", repo.path().string(), "--report", "sarif=" + (reports.path() / "r.sarif").string(),
                  "--report", "html=" + (reports.path() / "r.html").string()});
  for (const auto& args : runs) {
    CAPTURE(args.back());
    const auto run = run_mlfolio(args);
    CHECK(!run.out.empty());
    CHECK(run.out.find(k_planted_key) == std::string::npos);
    CHECK(run.err.find(k_planted_key) == std::string::npos);
  }
  for (const char* written : {"r.sarif", "r.html"}) {
    CHECK(read_text(reports.path() / written).find(k_planted_key) == std::string::npos);
    CHECK(read_text(reports.path() / written).find("AWS access key id") != std::string::npos);
  }

  // Once rotated, the student lists the fingerprint and the rule passes.
  const std::string fingerprint = details.substr(details.find("(fingerprint ") + 13, 16);
  write_text(repo.path() / ".mlfolio.toml", "acknowledged_secrets = [\"" + fingerprint + "\"]\n");
  const Json acknowledged = audit(repo.path());
  CHECK(finding(acknowledged, "git/secrets-history")["status"] == "pass");
  CHECK(finding(acknowledged, "git/secrets-history")["message"].get<std::string>().find(
            "1 acknowledged credential (rotated) left out") != std::string::npos);
}

TEST_CASE("history: a key in the tree is reported once read, one removed only in the working copy is still "
          "in history")
{
  GitFixture repo;
  develop(repo);
  repo.write("src/churn/storage.py", "import os\n\nKEY = '" + k_planted_key + "'\n");
  repo.write("src/churn/upload.py", "import os\n\nKEY = '" + k_planted_key + "'\n");
  const std::string leaked = repo.commit("Upload to S3", days_ago(5));

  // Both files unchanged: the history scan takes what the tree scan read, with the commit.
  for (const std::vector<std::string>& extra : {std::vector<std::string>{}, {"--rev", "HEAD"}}) {
    const Json report = audit(repo.path(), extra);
    CHECK(finding(report, "repo/secrets")["status"] == "fail");
    const Json& history = finding(report, "git/secrets-history");
    CHECK(history["status"] == "fail");
    // The two files hold one blob: history names it once, where it first appeared.
    CHECK(details_text(history).find("AWS access key id at src/churn/storage.py:3, added in commit " +
                                     leaked.substr(0, 7) + ", still in the tree (fingerprint ") != std::string::npos);
    CHECK(history["details"].size() == 1);
  }

  // The owner removes the key from the working copy but has not committed: the tree is clean,
  // the committed blob still holds the key, and the history scan reads it.
  repo.write_untracked("src/churn/storage.py", "import os\n\nKEY = os.environ['AWS_ACCESS_KEY_ID']\n");
  repo.write_untracked("src/churn/upload.py", "import os\n\nKEY = os.environ['AWS_ACCESS_KEY_ID']\n");
  const Json report = audit(repo.path());
  CHECK(finding(report, "repo/secrets")["status"] == "pass");
  const Json& history = finding(report, "git/secrets-history");
  CHECK(history["status"] == "fail");
  CHECK(details_text(history).find("AWS access key id at src/churn/storage.py:3, added in commit " +
                                   leaked.substr(0, 7)) != std::string::npos);
}

TEST_CASE("history: a 60 MB blob in an old commit, LFS pointers are not flagged")
{
  GitFixture repo;
  develop(repo);
  repo.write("models/model.pkl", std::string(60 * 1024 * 1024, 'w'));
  const std::string added = repo.commit("Add the trained model", days_ago(6));
  repo.write("models/model.pkl", "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 62914560\n");
  repo.write(".gitattributes", "models/*.pkl filter=lfs diff=lfs merge=lfs -text\n");
  repo.commit("Keep the model in Git LFS", days_ago(5));
  // What git lfs pull leaves in the working tree: the real, large file behind the pointer.
  repo.write_untracked("models/model.pkl", std::string(12 * 1024 * 1024, 'w'));

  const Json report = audit(repo.path());
  const Json& history = finding(report, "git/large-files-history");
  CHECK(history["status"] == "fail");
  CHECK(details_text(history) == "models/model.pkl (60.0 MB), added in commit " + added.substr(0, 7) +
                                     ", not in the audited tree but still in the history\n");
  CHECK(finding(report, "repo/large-files")["status"] == "pass");
  const Json at_head = audit(repo.path(), {"--rev", "HEAD"});
  CHECK(finding(at_head, "repo/large-files")["status"] == "pass");
  const Json before_lfs = audit(repo.path(), {"--rev", "HEAD~1"});
  const Json& large = finding(before_lfs, "repo/large-files");
  CHECK(large["status"] == "fail");
  CHECK(large["severity"] == "error");
  CHECK(details_text(large) == "models/model.pkl (60.0 MB, a model or data artifact, added in commit " +
                                   added.substr(0, 7) + ")\n");
}

TEST_CASE("history: an upload dump, low-information messages, and a repository too young to judge")
{
  GitFixture dump;
  dump.write("README.md", "# Churn\n");
  dump.commit("Initial commit", days_ago(40));
  for (int i = 0; i < 12; ++i) {
    dump.write("src/churn/module" + std::to_string(i) + ".py", "X = 1\n");
  }
  const std::string upload = dump.commit("Add files via upload", days_ago(39));
  for (int i = 0; i < 3; ++i) {
    dump.write("README.md", "# Churn\n" + std::string(static_cast<size_t>(i + 1), '.') + "\n");
    dump.commit("Update README.md", days_ago(30 - i));
  }
  const Json report = audit(dump.path());
  const Json& history = finding(report, "git/history");
  CHECK(history["status"] == "fail");
  CHECK(history["message"] == "5 commits on 5 days; commit " + upload.substr(0, 7) +
                                  " (\"Add files via upload\") added 12 of the 13 files ever added at once: an "
                                  "upload, not a development history");
  const Json& messages = finding(report, "git/commit-messages");
  CHECK(messages["status"] == "fail");
  CHECK(messages["message"] == "4 of 5 commit messages say nothing about the change");

  GitFixture developed;
  develop(developed, 8);
  const Json good = audit(developed.path());
  CHECK(finding(good, "git/history")["status"] == "pass");
  CHECK(finding(good, "git/commit-messages")["status"] == "pass");

  GitFixture young;
  young.write("train.py", "X = 1\n");
  young.commit("Initial commit", days_ago(1));
  const Json fresh = audit(young.path());
  CHECK(finding(fresh, "git/history")["status"] == "skip");
  CHECK(finding(fresh, "git/history")["message"] ==
        "the first commit is 1 day old; a history younger than 7 days is not judged yet");
}

TEST_CASE("history: a bot's daily commits are left out of the history")
{
  // One afternoon of the author's work, then a workflow that commits refreshed data every day.
  GitFixture repo;
  repo.write("README.md", "# Air quality\n");
  repo.commit("Initial commit", noon_of(30));
  for (int i = 0; i < 12; ++i) {
    repo.write("src/aqi/module" + std::to_string(i) + ".py", "X = 1\n");
  }
  repo.commit("Add the forecasting pipeline", noon_of(30, 2));
  for (int i = 0; i < 20; ++i) {
    CommitOptions bot = days_ago(28 - i);
    bot.author = "github-actions[bot]";
    bot.email = "41898282+github-actions[bot]@users.noreply.github.com";
    repo.write("data/metrics.csv", "day," + std::to_string(i) + "\n");
    repo.commit("chore: update metrics history [skip ci]", bot);
  }
  const Json report = audit(repo.path());
  const Json& history = finding(report, "git/history");
  CHECK(history["status"] == "fail");
  CHECK(history["message"] == "2 commits on 1 day (20 commits by bots left out); a history needs at least 5 "
                              "commits to show how the project was built");
}

TEST_CASE("history: a history made only by bots is judged as it is")
{
  // A template's repository, created and then refreshed by a workflow: leaving the bot out would
  // leave nothing to judge, so its commits count.
  GitFixture repo;
  for (int i = 0; i < 6; ++i) {
    CommitOptions bot = days_ago(40 - 5 * i);
    bot.author = "github-actions[bot]";
    bot.email = "41898282+github-actions[bot]@users.noreply.github.com";
    repo.write("data/day" + std::to_string(i) + ".csv", "day," + std::to_string(i) + "\n");
    repo.commit("chore: refresh the data", bot);
  }
  const Json report = audit(repo.path());
  const Json& history = finding(report, "git/history");
  CHECK(history["status"] == "pass");
  CHECK(history["message"].get<std::string>().starts_with("6 commits on 6 days, from "));
}

TEST_CASE("history: a repository whose objects are gone skips the history rules and says why")
{
  GitFixture repo;
  develop(repo);
  // Every loose object (the fixture writes no packs) is deleted: no commit can be read.
  for (const auto& entry : std::filesystem::directory_iterator(repo.path() / ".git" / "objects")) {
    if (entry.path().filename().string().size() == 2) {
      std::filesystem::remove_all(entry.path());
    }
  }
  const Json report = audit(repo.path());
  for (const char* rule : {"git/secrets-history", "git/large-files-history"}) {
    CAPTURE(rule);
    CHECK(finding(report, rule)["status"] == "skip");
    CHECK(finding(report, rule)["message"] == "the history could not be read to the end (see the notes)");
  }
  CHECK(finding(report, "git/history")["status"] == "skip");
  CHECK(report["notes"].dump().find("object not found") != std::string::npos);
}

TEST_CASE("history: a folder outside git skips the git rules")
{
  const TempDir dir;
  write_text(dir.path() / "README.md", "# Demo\n");
  const Json report = audit(dir.path());
  for (const char* rule : {"git/history", "git/commit-messages", "git/secrets-history", "git/large-files-history"}) {
    CAPTURE(rule);
    CHECK(finding(report, rule)["status"] == "skip");
  }
}

TEST_CASE("history: paths the configuration ignores are left out of the history scan too")
{
  GitFixture repo;
  develop(repo);
  repo.write("fixtures/keys.py", "FAKE = '" + k_planted_key + "'\n");
  repo.commit("Add scanner fixtures", days_ago(5));
  repo.remove("fixtures/keys.py");
  repo.commit("Move the fixtures", days_ago(4));
  CHECK(finding(audit(repo.path()), "git/secrets-history")["status"] == "fail");
  write_text(repo.path() / ".mlfolio.toml", "ignore = [\"fixtures/\"]\n");
  CHECK(finding(audit(repo.path()), "git/secrets-history")["status"] == "pass");
}
