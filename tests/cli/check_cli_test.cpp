// `mlfolio check`, `rules` and `explain` through cli::run with string streams.
#include "cli/command.h"
#include "git/history.h"

#include "report/golden_file.h"
#include "support/cli_run.h"
#include "support/git_fixture.h"
#include "support/process.h"

#include <doctest/doctest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace mlfolio;

namespace {

using Output = test::CliOutput;

Output run(std::vector<std::string> args)
{
  return test::run_cli(std::move(args));
}

// A project that passes the rules this version checks.
void write_good_project(const std::filesystem::path& root)
{
  test::write_text(
      root / "README.md",
      "# Churn predictor\n\nPredicts which customers of a telecom operator are likely to cancel "
      "their contract next month, so that the retention team can call them first. Trained on two "
      "years of anonymised contracts and served by a small API.\n\n"
      "## Data\n\n[Telco churn](https://www.kaggle.com/datasets/x/telco): 7,043 customers, CC0.\n\n"
      "## Architecture\n\n```mermaid\nflowchart LR\n  data --> train --> api\n```\n\n"
      "## Results\n\n| model | F1 |\n|---|---|\n| baseline | 0.00 |\n| model | 0.62 |\n\n"
      "## Quick start\n\n```bash\npip install -e .\ndocker run -p 8000:8000 churn\n```\n\n"
      "## Experiments\n\nRuns are tracked in MLflow: open the dashboard with `mlflow ui`.\n\n"
      "## What did not work\n\nOversampling did not help: it cost nine points of precision.\n");
  test::write_text(root / "LICENSE", "MIT License\n");
  test::write_text(root / ".gitignore", "__pycache__/\n.venv/\n.ipynb_checkpoints/\n.env\n");
  test::write_text(root / "pyproject.toml",
                   "[project]\nname = \"churn\"\ndependencies = [\"pandas==2.2.2\"]\n\n"
                   "[tool.ruff]\nline-length = 100\n");
  test::write_text(root / "Dockerfile", "FROM python:3.11-slim\nRUN useradd -m app\nUSER app\n"
                                        "CMD [\"python\", \"-m\", \"churn.api\"]\n");
  test::write_text(root / ".dockerignore", ".git\n");
  test::write_text(root / "Makefile", "train:\n\tpython -m churn.train\n\nserve:\n\tpython -m churn.api\n");
  std::filesystem::create_directories(root / ".github/workflows");
  test::write_text(
      root / ".github/workflows/ci.yml",
      "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest -q\n");
  std::filesystem::create_directories(root / "src/churn");
  test::write_text(root / "src/churn/__init__.py", "");
  test::write_text(root / "src/churn/train.py",
                   "import mlflow\n\n\ndef train(model) -> None:\n"
                   "    mlflow.sklearn.log_model(model, \"model\", registered_model_name=\"churn\")\n");
  test::write_text(
      root / "src/churn/api.py",
      "from fastapi import FastAPI\nfrom prometheus_client import Counter\n\napp = FastAPI()\n\n\n"
      "@app.get(\"/health\")\ndef health() -> dict:\n    return {}\n\n\n"
      "@app.post(\"/predict\")\ndef predict(payload: dict) -> dict:\n    return {}\n");
  test::write_text(root / "data.dvc", "outs:\n- path: data\n");
  std::filesystem::create_directories(root / "configs");
  test::write_text(root / "configs/train.yaml", "seed: 7\n");
  std::filesystem::create_directories(root / "tests");
  test::write_text(root / "tests/test_train.py",
                   "from churn.train import train\n\n\n"
                   "def test_train():\n    assert train() is None\n\n\n"
                   "def test_train_twice():\n    assert [train(), train()] == [None, None]\n\n\n"
                   "def test_train_is_callable():\n    assert callable(train)\n");
  test::write_text(root / "tests/test_api.py",
                   "from fastapi.testclient import TestClient\n\nfrom churn.api import app\n\n\n"
                   "def test_health():\n    assert TestClient(app).get(\"/health\").status_code == 200\n");
}

} // namespace

TEST_CASE("check: a good project exits 0 with a text report")
{
  const test::TempDir dir;
  write_good_project(dir.path());
  const Output result = run({"check", dir.path().string()});
  CHECK_MESSAGE(result.code == 0, result.err);
  CHECK(result.err.empty());
  CHECK_MESSAGE(result.out.find("Score: 100/100, grade A") != std::string::npos, result.out);
  CHECK(result.out.find("\x1b[") == std::string::npos); // not a terminal
}

TEST_CASE("check: thresholds give exit code 1 and say why")
{
  const test::TempDir dir;
  write_good_project(dir.path());
  std::filesystem::remove(dir.path() / "LICENSE");
  SUBCASE("--min-score")
  {
    const Output result = run({"check", dir.path().string(), "--min-score", "99.5", "--quiet"});
    CHECK(result.code == 1);
    CHECK(result.out == "Score: 99/100, grade A (1 failed, 39 passed, 9 skipped)\n");
    CHECK(result.err == "mlfolio check: the score 99 is below the minimum 99.5.\n");
  }
  SUBCASE("--fail-on")
  {
    CHECK(run({"check", dir.path().string(), "--fail-on", "error", "--quiet"}).code == 0);
    const Output result = run({"check", dir.path().string(), "--fail-on", "warning", "--quiet"});
    CHECK(result.code == 1);
    CHECK(result.err == "mlfolio check: 1 rule of severity warning or above failed.\n");
  }
  SUBCASE("from the configuration, and --disable")
  {
    test::write_text(dir.path() / ".mlfolio.toml", "min_score = 100\n");
    CHECK(run({"check", dir.path().string(), "--quiet"}).code == 1);
    CHECK(run({"check", dir.path().string(), "--quiet", "--disable", "repo/license"}).code == 0);
    CHECK(run({"check", dir.path().string(), "--quiet", "--min-score", "50"}).code == 0);
  }
}

TEST_CASE("check: usage and configuration errors exit 2")
{
  const test::TempDir dir;
  write_good_project(dir.path());
  const std::string path = dir.path().string();
  SUBCASE("bad options")
  {
    Output result = run({"check", path, "--format", "xml"});
    CHECK(result.code == 2);
    CHECK(result.err ==
          "mlfolio check: unknown format 'xml'. Did you mean 'html'? Formats: text, json, sarif, "
          "junit, markdown, github, html, badge, csv, jsonl, leaderboard.\n");
    result = run({"check", path, "--min-score", "high"});
    CHECK(result.code == 2);
    CHECK(result.err == "mlfolio check: --min-score takes a number from 0 to 100, got 'high'.\n");
    result = run({"check", path, "--fail-on", "critical"});
    CHECK(result.code == 2);
    CHECK(result.err == "mlfolio check: --fail-on takes error, warning or info, got 'critical'.\n");
    result = run({"check", path, "--disable", "docs/readm"});
    CHECK(result.code == 2);
    CHECK(result.err == "mlfolio check: unknown rule or category 'docs/readm' given to --disable. Did you "
                        "mean 'docs/readme'?\n");
    // Two targets are a cohort: the missing one is a row with its error, the run exits 4.
    result = run({"check", path, "no-such-project"});
    CHECK(result.code == 4);
    CHECK(result.out.find("no-such-project: cannot audit no-such-project: no such folder.") !=
          std::string::npos);
    CHECK(result.err == "mlfolio check: 1 of 2 targets could not be audited; the report says why.\n");
  }
  SUBCASE("a bad configuration file")
  {
    test::write_text(dir.path() / ".mlfolio.toml", "[thresholds]\nlarge_file = 3\n");
    const Output result = run({"check", path});
    CHECK(result.code == 2);
    CHECK(result.out.empty());
    CHECK(result.err ==
          path + "/.mlfolio.toml:2:1: unknown threshold 'large_file'. Did you mean 'large_file_mb'?\n");
  }
  SUBCASE("--config FILE wins over the project's file")
  {
    test::write_text(dir.path() / ".mlfolio.toml", "disabel = []\n");
    test::write_text(dir.path() / "ci.toml", "min_score = 100\n");
    CHECK(run({"check", path, "--config", (dir.path() / "ci.toml").string(), "--quiet"}).code == 0);
  }
  SUBCASE("a folder that does not exist")
  {
    CHECK(run({"check", path + "/missing"}).code == 2);
  }
}

TEST_CASE("check: --output writes the report atomically, a write failure exits 3")
{
  const test::TempDir dir;
  write_good_project(dir.path());
  const auto report = dir.path() / "report.json";
  Output result = run({"check", dir.path().string(), "--format", "json", "--output", report.string()});
  CHECK(result.code == 0);
  CHECK(result.out.empty());
  const auto json = nlohmann::json::parse(test::read_text(report));
  CHECK(json["score"] == 100);
  CHECK(json["findings"].size() == 49);

  const auto unwritable = dir.path() / "no/such/folder/r.txt";
  result = run({"check", dir.path().string(), "--output", unwritable.string()});
  CHECK(result.code == 3);
  CHECK(result.err == "mlfolio check: cannot write " + unwritable.string() + ": No such file or directory\n");
}

TEST_CASE("check: ignore globs leave paths out of the audit")
{
  const test::TempDir dir;
  write_good_project(dir.path());
  std::filesystem::create_directories(dir.path() / "vendor/__pycache__");
  test::write_text(dir.path() / "vendor/__pycache__/x.pyc", "");
  CHECK(run({"check", dir.path().string(), "--fail-on", "warning", "--quiet"}).code == 1);
  test::write_text(dir.path() / ".mlfolio.toml", "ignore = [\"vendor/\"]\n");
  CHECK(run({"check", dir.path().string(), "--fail-on", "warning", "--quiet"}).code == 0);
}

TEST_CASE("check: --root audits a project in a subfolder, with its own configuration")
{
  const test::TempDir dir;
  std::filesystem::create_directories(dir.path() / "projects/churn");
  write_good_project(dir.path() / "projects/churn");
  test::write_text(dir.path() / "README.md", "# Monorepo\n");
  const std::string path = dir.path().string();
  Output result = run({"check", path, "--root", "projects/churn", "--quiet"});
  CHECK_MESSAGE(result.code == 0, result.err);
  CHECK(result.out.starts_with("Score: 100/100"));
  test::write_text(dir.path() / "projects/churn/.mlfolio.toml", "min_scor = 1\n");
  result = run({"check", path, "--root", "projects/churn"});
  CHECK(result.code == 2);
  CHECK(result.err ==
        path + "/projects/churn/.mlfolio.toml:1:1: unknown key 'min_scor'. Did you mean 'min_score'?\n");
}

TEST_CASE("check: a project in a monorepo is governed by the licence, .gitignore and CI above it")
{
  test::GitFixture repo;
  const auto project = repo.path() / "projects/churn";
  std::filesystem::create_directories(project);
  write_good_project(project);
  // The repository keeps them at its top, as monorepos do; GitHub runs only the top's workflows.
  std::filesystem::rename(project / "LICENSE", repo.path() / "LICENSE");
  std::filesystem::rename(project / ".github", repo.path() / ".github");
  test::write_text(repo.path() / ".gitignore", "__pycache__/\n.venv/\n");
  test::write_text(repo.path() / "projects/.gitignore", "churn/.env\n**/.ipynb_checkpoints/\n");
  std::filesystem::remove(project / ".gitignore");
  repo.stage_all();
  repo.commit("monorepo");

  const auto statuses = [](const Output& result) {
    std::map<std::string, std::string> found;
    const auto json = nlohmann::json::parse(result.out);
    for (const auto& finding : json["findings"]) {
      const std::string rule = finding["rule"];
      if (rule == "mlops/ci" || rule == "mlops/ci-runs-tests" || rule == "repo/license" ||
          rule == "repo/gitignore") {
        found[rule] = std::string(finding["status"]) + " " + std::string(finding["locations"][0]["path"]);
      }
    }
    return found;
  };
  const std::map<std::string, std::string> expected{
      {"mlops/ci", "pass ../../.github/workflows/ci.yml"},
      {"mlops/ci-runs-tests", "pass ../../.github/workflows/ci.yml"},
      {"repo/license", "pass ../../LICENSE"},
      {"repo/gitignore", "pass ../../.gitignore"},
  };
  for (const std::vector<std::string>& extra :
       {std::vector<std::string>{}, std::vector<std::string>{"--rev", "HEAD"}}) {
    CAPTURE(extra.size());
    std::vector<std::string> args{"check",          repo.path().string(), "--root",
                                  "projects/churn", "--format",           "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    const Output result = run(args);
    REQUIRE_MESSAGE(result.code == 0, result.err);
    CHECK(statuses(result) == expected);
    std::vector<std::string> failed; // git/ judges the fixture's one-commit history
    const auto report = nlohmann::json::parse(result.out);
    for (const auto& finding : report["findings"]) {
      if (finding["status"] == "fail" && !std::string(finding["rule"]).starts_with("git/")) {
        failed.push_back(finding["rule"]);
      }
    }
    CHECK(failed.empty());
  }
  // Audited from inside the working tree, the same.
  const Output inside = run({"check", project.string(), "--format", "json"});
  REQUIRE_MESSAGE(inside.code == 0, inside.err);
  CHECK(statuses(inside) == expected);

  // Without them above it, the project misses them, and the messages say where they were looked for.
  std::filesystem::remove(repo.path() / "LICENSE");
  const Output without = run({"check", repo.path().string(), "--root", "projects/churn"});
  CHECK(without.out.find("no licence file at the project root or in a folder above it") != std::string::npos);
}

TEST_CASE("check: --rev on a partial clone notes the files whose objects are missing, and audits the rest")
{
  test::GitFixture repo;
  write_good_project(repo.path());
  const std::string video = "a recording too large to keep\n";
  test::write_text(repo.path() / "demo.mp4", video);
  repo.stage_all();
  repo.commit("project");
  // The blob is gone, as in a clone made with --filter=blob:limit.
  const std::string hex = git::blob_id(video).hex();
  REQUIRE(std::filesystem::remove(repo.path() / ".git/objects" / hex.substr(0, 2) / hex.substr(2)));

  const Output result = run({"check", repo.path().string(), "--rev", "HEAD", "--format", "json"});
  REQUIRE_MESSAGE(result.code == 0, result.err);
  const auto report = nlohmann::json::parse(result.out);
  bool noted = false;
  for (const auto& note : report["notes"]) {
    noted =
        noted || (std::string(note).starts_with(repo.path().string() + " at ") &&
                  std::string(note).ends_with(" (HEAD): 1 file has no object in the repository (a partial "
                                              "clone?), so its size and content were not checked: demo.mp4"));
  }
  CHECK_MESSAGE(noted, report["notes"].dump());
  for (const auto& finding : report["findings"]) {
    if (finding["rule"] == "repo/license") {
      CHECK(finding["status"] == "pass");
    }
    // The file left out is most often the large one: its size is not taken for 0.
    if (finding["rule"] == "repo/large-files") {
      CHECK(finding["status"] == "skip");
      CHECK(std::string(finding["message"]).ends_with("but 1 file has no object in the repository (a partial "
                                                      "clone?), so its size is unknown: demo.mp4"));
    }
    // So does the history's: the blob is not counted among those read, nor taken for small.
    if (finding["rule"] == "git/large-files-history") {
      CHECK(finding["status"] == "skip");
      CHECK(std::string(finding["message"]).ends_with(" blobs read, but 1 blob of the history is not in the "
                                                      "repository (a partial clone?), so its size is unknown"));
    }
  }
}

TEST_CASE("check: --rev audits a commit and reports it")
{
  test::GitFixture repo;
  repo.write("README.md", "# Only a title\n");
  const std::string first = repo.commit("first");
  repo.write("LICENSE", "MIT\n");
  repo.commit("second");
  const Output result = run({"check", repo.path().string(), "--rev", "HEAD~1", "--format", "json"});
  REQUIRE_MESSAGE(result.code == 0, result.err);
  const auto json = nlohmann::json::parse(result.out);
  CHECK(json["commit"] == first);
  for (const auto& finding : json["findings"]) {
    if (finding["rule"] == "repo/license") {
      CHECK(finding["status"] == "fail");
    }
  }
}

TEST_CASE("rules: lists every rule, --category filters, json is versioned")
{
  Output result = run({"rules"});
  CHECK(result.code == 0);
  CHECK(result.out.starts_with("id                          severity  weight  title\n"));
  CHECK(result.out.find("repo/secrets                error     3       No credentials in the tree\n") !=
        std::string::npos);
  result = run({"rules", "--category", "repo", "--format", "json"});
  CHECK(result.code == 0);
  const auto json = nlohmann::json::parse(result.out);
  CHECK(json["schema_version"] == 1);
  CHECK(json["rules"].size() == 5);
  CHECK(json["rules"][0]["id"] == "repo/gitignore");
  result = run({"rules", "--category", "reop"});
  CHECK(result.code == 2);
  CHECK(result.err == "mlfolio rules: unknown category 'reop'. Did you mean 'repo'?\n");
}

TEST_CASE("explain: a rule, the score, and did-you-mean")
{
  Output result = run({"explain", "repo/license"});
  CHECK(result.code == 0);
  CHECK(result.out.starts_with("repo/license: A licence file\nCategory repo, severity warning, weight 1.\n\n"
                               "Why it matters\n"));
  // The component is named only once `mlfolio add` exists.
  CHECK((result.out.find("'mlfolio add license' adds it to a project.") != std::string::npos) ==
        (cli::find_command("add") != nullptr));
  CHECK(result.out.find("  pass  LICENSE\n") != std::string::npos);
  CHECK(result.out.find("  fail  docs/LICENSE (not at the root)\n") != std::string::npos);
  CHECK(result.out.find(
            "  pass  ../COPYING.txt, README.md with the project in projects/churn/ (licensed in the "
            "folder above the project)\n") != std::string::npos);
  CHECK(result.out.find("Sources: guide 001, guide 003\n") != std::string::npos);

  result = run({"explain", "score"});
  CHECK(result.code == 0);
  CHECK(result.out == test::read_text(std::filesystem::path(MLFOLIO_SOURCE_DIR) / "docs" / "scoring.md"));

  result = run({"explain", "repo/licence"});
  CHECK(result.code == 2);
  CHECK(result.err ==
        "mlfolio explain: unknown rule 'repo/licence'. Did you mean 'repo/license'? 'mlfolio rules' "
        "lists them.\n");
  CHECK(run({"explain"}).code == 2);
}
