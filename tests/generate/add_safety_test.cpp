// `mlfolio add` never loses a user's byte: kept files, backups, dry runs, merges, messages.
#include "generate/add_fixtures.h"
#include "generate/components.h"
#include "support/process.h"

#include <doctest/doctest.h>
#include <toml++/toml.h>

using namespace mlfolio::test;
namespace stdfs = std::filesystem;

namespace {

void write_src_layout(const stdfs::path& root)
{
  add_fixtures()[0].write(root);
}

} // namespace

TEST_CASE("add: an existing file is left alone and reported, --force keeps a backup")
{
  const TempDir dir;
  write_src_layout(dir.path());
  write_text(dir.path() / "Dockerfile", "FROM python:3.12\n# mine\n");
  auto run = run_cli({"add", "docker", dir.path().string()});
  REQUIRE_MESSAGE(run.code == 0, run.err);
  CHECK(read_text(dir.path() / "Dockerfile") == "FROM python:3.12\n# mine\n");
  CHECK(run.out.find("  keep     Dockerfile: exists, left alone; --force replaces it after a backup\n") !=
        std::string::npos);
  CHECK(run.out.find("  create   .dockerignore\n") != std::string::npos);
  CHECK(stdfs::exists(dir.path() / ".dockerignore"));
  CHECK_FALSE(stdfs::exists(dir.path() / "Dockerfile.bak"));

  run = run_cli({"add", "docker", dir.path().string(), "--force", "--dry-run"});
  CHECK(run.out.find("--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,2 +1,") != std::string::npos);
  CHECK(run.out.find("\n-FROM python:3.12\n-# mine\n") != std::string::npos);
  CHECK(run.out.find("  replace  Dockerfile: a backup is written first\n") != std::string::npos);
  CHECK(read_text(dir.path() / "Dockerfile") == "FROM python:3.12\n# mine\n");

  run = run_cli({"add", "docker", dir.path().string(), "--force"});
  REQUIRE_MESSAGE(run.code == 0, run.err);
  CHECK(read_text(dir.path() / "Dockerfile.bak") == "FROM python:3.12\n# mine\n");
  CHECK(read_text(dir.path() / "Dockerfile").find("USER app") != std::string::npos);
  CHECK(run.out.find("  replace  Dockerfile: the old content is in Dockerfile.bak\n") != std::string::npos);
  CHECK(run.out.find("  same     .dockerignore: already up to date\n") != std::string::npos);

  // A second backup never overwrites the first.
  write_text(dir.path() / "Dockerfile", "FROM python:3.13\n");
  run = run_cli({"add", "docker", dir.path().string(), "--force"});
  REQUIRE_MESSAGE(run.code == 0, run.err);
  CHECK(read_text(dir.path() / "Dockerfile.bak") == "FROM python:3.12\n# mine\n");
  CHECK(read_text(dir.path() / "Dockerfile.bak.1") == "FROM python:3.13\n");

  // Nothing left to do.
  run = run_cli({"add", "docker", dir.path().string()});
  CHECK(run.code == 0);
  CHECK(run.out.ends_with("Nothing was written: the files are in place.\n"));
}

TEST_CASE("add: files without --force stay byte for byte, whatever the component")
{
  for (const auto& component : mlfolio::generate::components()) {
    CAPTURE(component.name);
    const TempDir dir;
    write_src_layout(dir.path());
    // First add it, then change every file it wrote: a second run must keep the changes.
    REQUIRE(run_cli({"add", std::string(component.name), dir.path().string(), "--author", "Ada"}).code == 0);
    for (auto it = stdfs::recursive_directory_iterator(dir.path()); it != stdfs::recursive_directory_iterator(); ++it) {
      if (it->is_regular_file()) {
        write_text(it->path(), read_text(it->path()) + "# the author's own line\n");
      }
    }
    const std::string before = snapshot_tree(dir.path());
    const auto run = run_cli({"add", std::string(component.name), dir.path().string(), "--author", "Ada"});
    CHECK(run.code == 0);
    CHECK(snapshot_tree(dir.path()) == before);
  }
}

TEST_CASE("add: --dry-run prints a unified diff and writes nothing")
{
  for (const auto& component : mlfolio::generate::components()) {
    CAPTURE(component.name);
    const TempDir dir;
    write_src_layout(dir.path());
    const std::string before = snapshot_tree(dir.path());
    const auto run = run_cli({"add", std::string(component.name), dir.path().string(), "--dry-run", "--author", "Ada"});
    REQUIRE_MESSAGE(run.code == 0, run.err);
    CHECK(snapshot_tree(dir.path()) == before);
    CHECK(run.out.ends_with("Nothing was written (--dry-run).\n"));
    CHECK(run.out.find("\n+++ b/") != std::string::npos);
  }
  const TempDir dir;
  write_src_layout(dir.path());
  const auto run = run_cli({"add", "gitignore", dir.path().string(), "--dry-run"});
  CHECK(run.out.find("--- a/.gitignore\n+++ b/.gitignore\n@@ -1,3 +1,44 @@\n *.log\n # my notes\n scratch/\n+\n"
                     "+# Added by mlfolio add gitignore\n+# Python\n+__pycache__/\n") != std::string::npos);
  const auto docker = run_cli({"add", "docker", dir.path().string(), "--dry-run"});
  CHECK(docker.out.find("--- /dev/null\n+++ b/Dockerfile\n@@ -0,0 +1,") != std::string::npos);
}

TEST_CASE("add readme: sections are appended after the author's text, headings in other words count")
{
  const TempDir dir;
  write_src_layout(dir.path());
  const std::string readme =
      "# Churn\n\nPredicts which customers leave.\n\n## Motivation\n\nSubscription businesses lose a tenth of "
      "their customers a year; retention teams need to know whom to call first, before they cancel.\n\n"
      "## Getting started\n\n```bash\npip install -r requirements.txt\npython src/churn/train.py\n```\n";
  write_text(dir.path() / "README.md", readme);
  const auto run = run_cli({"add", "readme", dir.path().string()});
  REQUIRE_MESSAGE(run.code == 0, run.err);
  const std::string merged = read_text(dir.path() / "README.md");
  CHECK(merged.starts_with(readme));
  CHECK(merged.find("## Problem") == std::string::npos);
  CHECK(merged.find("## Quick start") == std::string::npos);
  CHECK(merged.find("\n## Dataset\n") != std::string::npos);
  CHECK(run.out.find("  merge    README.md: sections appended: Dataset, Architecture, Results, Deployment, "
                     "What didn't work\n") != std::string::npos);

  // A scripts project without a README gets the whole of it.
  const TempDir scripts;
  add_fixtures()[2].write(scripts.path());
  REQUIRE(run_cli({"add", "readme", scripts.path().string()}).code == 0);
  const std::string created = read_text(scripts.path() / "README.md");
  CHECK(created.starts_with("# "));
  CHECK(created.find("\n## Problem\n") != std::string::npos);
  CHECK(created.find("python train.py\n") != std::string::npos);
  CHECK(created.find("<%") == std::string::npos);
}

TEST_CASE("add gitignore: every existing line is kept in order, only missing entries are appended")
{
  const TempDir dir;
  write_src_layout(dir.path());
  const std::string existing = "*.log\n/build\n.venv\n# keep this\n!important.log\n";
  write_text(dir.path() / ".gitignore", existing);
  REQUIRE(run_cli({"add", "gitignore", dir.path().string()}).code == 0);
  const std::string merged = read_text(dir.path() / ".gitignore");
  CHECK(merged.starts_with(existing));
  CHECK(merged.find("\nbuild/\n") == std::string::npos);
  CHECK(merged.find("\n.venv/\n") == std::string::npos);
  CHECK(merged.find("\n__pycache__/\n") != std::string::npos);
}

TEST_CASE("add: dependencies go to the file the project uses, once each")
{
  const TempDir dir;
  write_src_layout(dir.path());
  write_text(dir.path() / "requirements.txt", "scikit_learn>=1.3\nPyTest>=8  # tests\n");
  REQUIRE(run_cli({"add", "ci", dir.path().string()}).code == 0);
  CHECK(read_text(dir.path() / "requirements.txt") ==
        "scikit_learn>=1.3\nPyTest>=8  # tests\n# Added by mlfolio add ci\nruff==0.17.5\n");
  REQUIRE(run_cli({"add", "pre-commit", dir.path().string()}).code == 0);
  CHECK(read_text(dir.path() / "requirements.txt").ends_with("ruff==0.17.5\n# Added by mlfolio add pre-commit\n"
                                                            "pre-commit==4.7.0\n"));

  const TempDir flat;
  add_fixtures()[1].write(flat.path());
  REQUIRE(run_cli({"add", "ci", flat.path().string()}).code == 0);
  const std::string pyproject = read_text(flat.path() / "pyproject.toml");
  CHECK(pyproject == "[project]\nname = \"churn\"\nversion = \"0.1.0\"\ndependencies = [\n    \"scikit-learn>=1.3\",  "
                     "# the model\n    \"joblib\",\n    \"pytest==9.2.0\",\n    \"ruff==0.17.5\"\n]\n");
  CHECK_NOTHROW(toml::parse(pyproject));
}

TEST_CASE("add: usage errors name what to do")
{
  const TempDir dir;
  write_src_layout(dir.path());
  auto run = run_cli({"add", "dokcer", dir.path().string()});
  CHECK(run.code == 2);
  CHECK(run.err == "mlfolio add: unknown component 'dokcer'. Did you mean 'docker'? 'mlfolio add --list' lists them.\n");
  run = run_cli({"add"});
  CHECK(run.code == 2);
  CHECK(run.err == "mlfolio add: missing COMPONENT, e.g. 'mlfolio add docker'; 'mlfolio add --list' lists them.\n");
  run = run_cli({"add", "docker", (dir.path() / "nope").string()});
  CHECK(run.code == 2);
  CHECK(run.err == "mlfolio add: " + (dir.path() / "nope").string() +
                       " is not a folder. Give the project's folder as PATH (default: the current one).\n");
  write_text(dir.path() / "src" / "other" / "__init__.py", "");
  run = run_cli({"add", "docker", dir.path().string()});
  CHECK(run.code == 2);
  CHECK(run.err == "mlfolio add: " + dir.path().string() +
                       " has several packages (src/churn, src/other); say which one is the project's with --package NAME.\n");
  run = run_cli({"add", "docker", dir.path().string(), "--package", "churn", "--dry-run"});
  CHECK(run.code == 0);
  stdfs::create_directories(dir.path() / "Dockerfile");
  run = run_cli({"add", "docker", dir.path().string(), "--package", "churn"});
  CHECK(run.code == 2);
  CHECK(run.err.find("Dockerfile exists and is not a regular file") != std::string::npos);
  run = run_cli({"add", "license", dir.path().string(), "--license", "gpl"});
  CHECK(run.code == 2);
  CHECK(run.err.starts_with("mlfolio add: --license: 'gpl' is not a valid license."));
}

TEST_CASE("add: --list names each component with the rules it fixes, help add")
{
  const auto run = run_cli({"add", "--list"});
  CHECK(run.code == 0);
  CHECK(run.out.starts_with("docker      Dockerfile and .dockerignore: a slim, non-root image of the project\n"
                            "            fixes mlops/dockerfile, mlops/dockerfile-practices\n"));
  for (const auto& component : mlfolio::generate::components()) {
    CHECK(("\n" + run.out).find("\n" + std::string(component.name) + " ") != std::string::npos);
  }
  const auto help = run_cli({"help", "add"});
  CHECK(help.code == 0);
  CHECK(help.out.starts_with("Usage: mlfolio add COMPONENT [PATH] [options]\n"));
  CHECK(help.out.find("  --dry-run") != std::string::npos);
}

TEST_CASE("add docker: the image runs the entry point, or serves the API once there is one")
{
  for (const auto& fixture : add_fixtures()) {
    CAPTURE(fixture.name);
    const TempDir dir;
    fixture.write(dir.path());
    REQUIRE(run_cli({"add", "docker", dir.path().string(), "--dry-run"}).out.find("CMD [\"python\", ") !=
            std::string::npos);
    REQUIRE(run_cli({"add", "api", dir.path().string()}).code == 0);
    REQUIRE(run_cli({"add", "docker", dir.path().string()}).code == 0);
    const std::string dockerfile = read_text(dir.path() / "Dockerfile");
    const std::string module = fixture.name == "scripts-and-notebooks" ? "api.app" : "churn.api.app";
    CHECK(dockerfile.find("CMD [\"uvicorn\", \"" + module + ":app\"") != std::string::npos);
    CHECK(dockerfile.find("HEALTHCHECK") != std::string::npos);
  }
}
