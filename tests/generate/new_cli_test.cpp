// End-to-end tests of `mlfolio new` through the real binary.
#include "support/process.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

using namespace mlfolio::test;
namespace stdfs = std::filesystem;

namespace {

// Lists the files of a generated project, one per line, sorted, without .git.
std::string file_list(const stdfs::path& root)
{
  std::vector<std::string> paths;
  for (auto it = stdfs::recursive_directory_iterator(root); it != stdfs::recursive_directory_iterator(); ++it) {
    if (it->path().filename() == ".git") {
      it.disable_recursion_pending();
    } else if (it->is_regular_file()) {
      paths.push_back(stdfs::relative(it->path(), root).generic_string());
    }
  }
  std::sort(paths.begin(), paths.end());
  std::string joined;
  for (const auto& path : paths) {
    joined += path + "\n";
  }
  return joined;
}

void compare_golden(const std::string& name, const std::string& actual)
{
  const stdfs::path golden = stdfs::path(MLFOLIO_SOURCE_DIR) / "tests" / "golden" / name;
  const char* update = std::getenv("MLFOLIO_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    write_text(golden, actual);
  }
  CHECK_MESSAGE(read_text(golden) == actual, "golden file " << golden.string()
                                                            << " differs; rerun with MLFOLIO_UPDATE_GOLDEN=1 and review");
}

} // namespace

TEST_CASE("new: golden list of generated files per task")
{
  for (const char* task : {"tabular-classification", "text-classification", "regression"}) {
    CAPTURE(task);
    const TempDir dir;
    const auto run = run_mlfolio({"new", "demo-project", "--task", task, "--no-git", "--author", "Ada",
                                  "--email", "ada@example.org"},
                                 dir.path());
    REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    compare_golden("new/" + std::string(task) + ".txt", file_list(dir.path() / "demo-project"));
  }
}

TEST_CASE("new: makes a git repository with one initial commit by the given author")
{
  const TempDir dir;
  const auto run = run_mlfolio({"new", "demo-project", "--author", "Ada Lovelace", "--email", "ada@example.org"},
                               dir.path());
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  CHECK(run.out.find("with a git repository and an initial commit") != std::string::npos);
  const auto log = run_shell("git log --format='%an <%ae>|%s' && git status --porcelain", dir.path() / "demo-project");
  CHECK(log.out == "Ada Lovelace <ada@example.org>|Initial project from mlfolio new\n");

  // The commit is whole and git agrees with what is on disk: objects in one pack, the index
  // matching every file (status is clean without a refresh), executables committed as such.
  const auto project = dir.path() / "demo-project";
  const auto fsck = run_shell("git fsck --strict --no-progress 2>&1 && git count-objects -v", project);
  CHECK_MESSAGE(fsck.exit_code == 0, fsck.out);
  CHECK(fsck.out.find("count: 0\n") != std::string::npos);
  CHECK(fsck.out.find("packs: 1\n") != std::string::npos);
  const auto modes = run_shell("committed=$(git ls-files -s | grep -c '^100755'); "
                               "on_disk=$(find . -path ./.git -prune -o -type f -perm -u+x -print | wc -l); "
                               "echo \"$committed $on_disk\"",
                               project);
  CHECK(modes.out.substr(0, modes.out.find(' ')) + "\n" == modes.out.substr(modes.out.find(' ') + 1));
  const auto diff = run_shell("git diff --quiet && git diff --cached --quiet && git ls-files | wc -l", project);
  CHECK(diff.exit_code == 0);
}

TEST_CASE("new: inside a repository no new one is made, unless that repository ignores the folder")
{
  const TempDir dir;
  REQUIRE(run_shell("git init -q . && printf 'build/\\n' > .gitignore", dir.path()).exit_code == 0);
  std::filesystem::create_directories(dir.path() / "projects");
  std::filesystem::create_directories(dir.path() / "build");

  const auto inside = run_mlfolio({"new", "tracked", "--dir", "projects", "--author", "A", "--email", "a@b.org"},
                                  dir.path());
  REQUIRE_MESSAGE(inside.exit_code == 0, inside.err);
  CHECK(inside.out.find("the parent folder is inside a git repository; no new repository was made") !=
        std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.path() / "projects" / "tracked" / ".git"));

  const auto ignored = run_mlfolio({"new", "scratch", "--dir", "build", "--author", "A", "--email", "a@b.org"},
                                   dir.path());
  REQUIRE_MESSAGE(ignored.exit_code == 0, ignored.err);
  CHECK(ignored.out.find("with a git repository and an initial commit") != std::string::npos);
  const auto log = run_shell("git log --format=%s", dir.path() / "build" / "scratch");
  CHECK(log.out == "Initial project from mlfolio new\n");
}

TEST_CASE("new: a non-empty target without --force fails and changes nothing")
{
  const TempDir dir;
  write_text(dir.path() / "demo-project" / "notes.txt", "mine\n");
  const std::string before = snapshot_tree(dir.path());
  const auto run = run_mlfolio({"new", "demo-project"}, dir.path());
  CHECK(run.exit_code == 2);
  CHECK(run.err == "mlfolio new: " + (dir.path() / "demo-project").string()
                     + " exists and is not empty. Nothing was written. Choose another NAME or --dir, or pass "
                       "--force to write the template's files into it (other files are kept).\n");
  CHECK(snapshot_tree(dir.path()) == before);
}

TEST_CASE("new: --force replaces only the template's own files and keeps the rest")
{
  const TempDir dir;
  write_text(dir.path() / "demo-project" / "notes.txt", "mine\n");
  write_text(dir.path() / "demo-project" / "README.md", "my old readme\n");
  const auto run = run_mlfolio({"new", "demo-project", "--force", "--no-git"}, dir.path());
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  CHECK(read_text(dir.path() / "demo-project" / "notes.txt") == "mine\n");
  CHECK(read_text(dir.path() / "demo-project" / "README.md") != "my old readme\n");
  CHECK(run.out.find(", 1 replaced") != std::string::npos);
  // No staging folder is left behind.
  for (const auto& entry : stdfs::directory_iterator(dir.path() / "demo-project")) {
    CHECK(entry.path().filename().string().find("mlfolio-staging") == std::string::npos);
  }
}

TEST_CASE("new: --force refuses to write through a folder where the template has a file")
{
  const TempDir dir;
  stdfs::create_directories(dir.path() / "demo-project" / "README.md");
  const std::string before = snapshot_tree(dir.path());
  const auto run = run_mlfolio({"new", "demo-project", "--force"}, dir.path());
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("exists and is not a regular file") != std::string::npos);
  CHECK(snapshot_tree(dir.path()) == before);
}

TEST_CASE("new: --dry-run prints the plan and writes nothing")
{
  const TempDir dir;
  const auto run = run_mlfolio({"new", "demo-project", "--dry-run"}, dir.path());
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  CHECK(run.out.find("  create  README.md (") != std::string::npos);
  CHECK(run.out.find("  create  .mlfolio.toml (") != std::string::npos);
  CHECK(run.out.ends_with("Nothing was written (--dry-run).\n"));
  CHECK(stdfs::is_empty(dir.path()));
}

TEST_CASE("new: invalid NAMEs fail with exit 2 and write nothing")
{
  const TempDir dir;
  for (const char* name : {"", "a/b", "..", "/abs", "9lives", "with space", "import"}) {
    CAPTURE(name);
    const auto run = run_mlfolio({"new", name}, dir.path());
    CHECK(run.exit_code == 2);
    CHECK(run.err.starts_with("mlfolio new: invalid NAME"));
  }
  CHECK(stdfs::is_empty(dir.path()));
}

TEST_CASE("new: a write failure midway leaves no partial project behind")
{
  const TempDir dir;
  // A file-size limit of 4 KiB makes the first larger file fail with EFBIG after smaller
  // ones were written; SIGXFSZ is ignored so the write fails instead of killing the process.
  const auto run = run_shell("trap '' XFSZ; ulimit -f 4; " + shell_quote(MLFOLIO_BINARY) + " new demo-project",
                             dir.path());
  CHECK(run.exit_code == 3);
  CHECK(run.err.find("mlfolio new: cannot write ") != std::string::npos);
  CHECK(run.err.find("File too large") != std::string::npos);
  CHECK(stdfs::is_empty(dir.path()));
}

TEST_CASE("new: a missing parent folder is a usage error")
{
  const TempDir dir;
  const auto run = run_mlfolio({"new", "demo-project", "--dir", "no/such/parent"}, dir.path());
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("does not exist. Create it first, or choose another with --dir.") != std::string::npos);
}

TEST_CASE("new: answers from a file, --set and options combine with options winning")
{
  const TempDir dir;
  write_text(dir.path() / "answers.toml", "task = \"regression\"\ntracking = \"wandb\"\nlicense = \"none\"\n");
  const auto run = run_mlfolio({"new", "demo-project", "--answers", "answers.toml", "--set", "tracking=none",
                                "--license", "bsd-3-clause", "--no-git"},
                               dir.path());
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  const std::string config = read_text(dir.path() / "demo-project" / ".mlfolio.toml");
  CHECK(config.find("task = 'regression'") != std::string::npos);
  CHECK(config.find("tracking = 'none'") != std::string::npos);
  CHECK(config.find("license = 'bsd-3-clause'") != std::string::npos);
  CHECK(read_text(dir.path() / "demo-project" / "LICENSE").find("BSD") != std::string::npos);
}

TEST_CASE("new: --template-dir uses a user's template, --list-templates lists the built-in one")
{
  const TempDir dir;
  write_text(dir.path() / "tpl" / "template.toml", "name = \"mine\"\nversion = \"0.3\"\ndescription = \"own\"\n");
  write_text(dir.path() / "tpl" / "files" / "hello-<%package%>.txt", "hi <%title%>\n");
  const auto run = run_mlfolio({"new", "x-y", "--template-dir", "tpl", "--no-git"}, dir.path());
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  CHECK(read_text(dir.path() / "x-y" / "hello-x_y.txt") == "hi X Y\n");
  const auto list = run_mlfolio({"new", "--list-templates"}, dir.path());
  CHECK(list.exit_code == 0);
  CHECK(list.out.starts_with("ml-project  "));
}
