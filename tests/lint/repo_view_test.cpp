#include "lint/repo_view.h"

#include "support/git_fixture.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <sys/stat.h>

using namespace mlfolio;
using namespace mlfolio::lint;
using mlfolio::test::GitFixture;
using mlfolio::test::TempDir;

namespace {

std::vector<std::string> paths_of(const RepoView& view)
{
  std::vector<std::string> paths;
  for (const auto& file : view.files()) {
    paths.push_back(file.path);
  }
  return paths;
}

std::unique_ptr<RepoView> must(Result<std::unique_ptr<RepoView>> view)
{
  REQUIRE_MESSAGE(view.has_value(), (view ? std::string() : view.error().message));
  return std::move(*view);
}

using Paths = std::vector<std::string>;

} // namespace

TEST_CASE("MemoryView: sorted files, lookups, reads with a limit")
{
  MemoryView view;
  view.add("src/pkg/model.py", "import numpy\n");
  view.add("README.md", "# Title\n");
  view.add_symlink("data", "/mnt/data");
  view.add("src/pkg/__init__.py", "");
  view.add("README.md", "# Title\n\nBody.\n"); // replaces

  CHECK(paths_of(view) == Paths{"README.md", "data", "src/pkg/__init__.py", "src/pkg/model.py"});
  REQUIRE(view.find("README.md") != nullptr);
  CHECK(view.find("README.md")->size == 15);
  CHECK(view.find("data")->is_symlink);
  CHECK(view.find("data")->size == 9);
  CHECK(view.exists("src/pkg/model.py"));
  CHECK_FALSE(view.exists("src/pkg"));
  CHECK(view.has_folder("src"));
  CHECK(view.has_folder("src/pkg/"));
  CHECK_FALSE(view.has_folder("sr"));
  CHECK_FALSE(view.has_folder("README.md"));
  CHECK(view.has_folder(""));
  CHECK_FALSE(MemoryView().has_folder(""));
  CHECK(view.commit() == std::nullopt);
  CHECK(view.describe() == "(in memory)");

  CHECK(*view.read("README.md", 1000) == "# Title\n\nBody.\n");
  CHECK(*view.read("README.md", 7) == "# Title");
  CHECK(*view.read("README.md", 0) == "");
  const auto link = view.read("data", 100);
  REQUIRE_FALSE(link);
  CHECK(link.error().code == ExitCode::runtime);
  CHECK(link.error().message == "cannot read data: it is a symbolic link, which is never followed");
  const auto missing = view.read("nope.txt", 100);
  REQUIRE_FALSE(missing);
  CHECK(missing.error().message == "cannot read nope.txt (in memory): no such file");
}

TEST_CASE("working tree: tracked plus untracked files that git does not ignore")
{
  GitFixture repo;
  repo.write(".gitignore", "*.log\nbuild/\n");
  repo.write("README.md", "# Demo\n");
  repo.write("src/pkg/model.py", "def fit():\n    pass\n");
  repo.write("train.sh", "#!/bin/sh\n", true);
  repo.write("gone.txt", "soon deleted\n");
  const std::string head = repo.commit("first");
  repo.delete_from_disk("gone.txt");
  repo.write("staged.py", "x = 1\n"); // in the index, not committed
  repo.write_untracked("notes.md", "untracked\n");
  repo.write_untracked("data/new/raw.csv", "a,b\n1,2\n");
  repo.write_untracked("train.log", "ignored\n");
  repo.write_untracked("build/out.bin", "ignored too\n");
  repo.write_untracked("src/pkg/debug.log", "ignored\n");

  const auto view = must(open_working_tree(repo.path(), ""));
  CHECK(paths_of(*view) == Paths{".gitignore", "README.md", "data/new/raw.csv", "notes.md",
                                 "src/pkg/model.py", "staged.py", "train.sh"});
  CHECK(view->find("src/pkg/model.py")->size == 20);
  CHECK(view->find("data/new/raw.csv")->size == 8);
  CHECK_FALSE(view->find("README.md")->is_symlink);
  CHECK(view->commit() == head);
  CHECK(view->describe() == repo.path().string() + " (working tree)");
  CHECK(*view->read("src/pkg/model.py", 1 << 20) == "def fit():\n    pass\n");
  CHECK(*view->read("src/pkg/model.py", 3) == "def");
  CHECK(*view->read("notes.md", 0) == "");

  SUBCASE("the working tree's sizes, not the committed ones")
  {
    repo.write_untracked("README.md", "# Demo\n\nA longer body.\n");
    const auto changed = must(open_working_tree(repo.path(), ""));
    CHECK(changed->find("README.md")->size == 23);
  }
  SUBCASE("reading what is not listed fails")
  {
    const auto ignored = view->read("train.log", 100);
    REQUIRE_FALSE(ignored);
    CHECK(ignored.error().message ==
          "cannot read train.log in " + repo.path().string() + " (working tree): no such file");
    CHECK_FALSE(view->read("../outside.txt", 100));
    CHECK_FALSE(view->read("gone.txt", 100));
  }
}

TEST_CASE("working tree: no commit while HEAD is unborn, and no submodules or nested repositories")
{
  GitFixture repo;
  repo.write("a.py", "print(1)\n");
  repo.gitlink("vendor/lib", "0123456789abcdef0123456789abcdef01234567");
  repo.write_untracked("vendor/lib/inside.py", "not listed\n");
  repo.write_untracked("nested/.git/HEAD", "ref: refs/heads/main\n");
  repo.write_untracked("nested/.git/config", "[core]\n\tbare = false\n");
  repo.write_untracked("nested/.git/objects/.keep", "");
  repo.write_untracked("nested/.git/refs/heads/.keep", "");
  repo.write_untracked("nested/code.py", "not listed\n");
  repo.write_untracked("b.py", "print(2)\n");

  const auto view = must(open_working_tree(repo.path(), ""));
  CHECK(paths_of(*view) == Paths{"a.py", "b.py"});
  CHECK(view->commit() == std::nullopt);
}

TEST_CASE("working tree: a project in an ignored folder of an enclosing repository is a plain folder")
{
  GitFixture home;
  home.write(".gitignore", "projects/\n");
  home.commit("dotfiles");
  home.write_untracked("projects/demo/README.md", "# Demo\n");
  home.write_untracked("projects/demo/train.log", "kept: the home repository's rules do not apply\n");

  const auto view = must(open_working_tree(home.path() / "projects" / "demo", ""));
  CHECK(paths_of(*view) == Paths{"README.md", "train.log"});
  CHECK(view->commit() == std::nullopt);
  CHECK(view->describe() == (home.path() / "projects" / "demo").string() + " (folder)");
}

TEST_CASE("working tree: symlinks are listed, never followed")
{
  const TempDir outside;
  test::write_text(outside.path() / "secret.txt", "outside the root\n");
  test::write_text(outside.path() / "folder" / "inner.txt", "inner\n");
  const std::string target = (outside.path() / "secret.txt").string();
  const std::string folder_target = (outside.path() / "folder").string();

  const auto check_view = [&](const RepoView& view) {
    CHECK(paths_of(view) == Paths{"linked", "main.py", "secret"});
    REQUIRE(view.find("secret") != nullptr);
    CHECK(view.find("secret")->is_symlink);
    CHECK(view.find("secret")->size == target.size());
    CHECK(view.find("linked")->is_symlink);
    const auto read = view.read("secret", 100);
    REQUIRE_FALSE(read);
    CHECK(read.error().code == ExitCode::runtime);
    CHECK(read.error().message == "cannot read secret: it is a symbolic link, which is never followed");
    CHECK_FALSE(view.read("linked/inner.txt", 100));
  };

  SUBCASE("in a folder outside git")
  {
    const TempDir dir;
    test::write_text(dir.path() / "main.py", "x\n");
    std::filesystem::create_symlink(target, dir.path() / "secret");
    std::filesystem::create_directory_symlink(folder_target, dir.path() / "linked");
    check_view(*must(open_working_tree(dir.path(), "")));
  }
  SUBCASE("in a git working tree, tracked and untracked")
  {
    GitFixture repo;
    repo.write("main.py", "x\n");
    repo.symlink("secret", target);
    repo.commit("links");
    repo.symlink_untracked("linked", folder_target);
    check_view(*must(open_working_tree(repo.path(), "")));
  }
}

TEST_CASE("working tree: a folder outside git lists every file but .git")
{
  const TempDir dir;
  test::write_text(dir.path() / "README.md", "# Hi\n");
  test::write_text(dir.path() / "src" / "app.py", "app = 1\n");
  test::write_text(dir.path() / "train.log", "not a repository: nothing is ignored\n");
  test::write_text(dir.path() / ".git" / "config", "broken on purpose\n");
  test::write_text(dir.path() / "lib" / ".git", "gitdir: elsewhere\n");
  std::filesystem::create_directories(dir.path() / "empty");

  const auto view = must(open_working_tree(dir.path(), ""));
  CHECK(paths_of(*view) == Paths{"README.md", "src/app.py", "train.log"});
  CHECK(view->find("src/app.py")->size == 8);
  CHECK(view->commit() == std::nullopt);
  CHECK(view->describe() == dir.path().string() + " (folder)");
  CHECK(*view->read("README.md", 100) == "# Hi\n");
  const auto escape = view->read("../x", 10);
  REQUIRE_FALSE(escape);
  CHECK(escape.error().message == "cannot read ../x in " + dir.path().string() + " (folder): no such file");
}

TEST_CASE("working tree: --root restricts the view and rebases its paths")
{
  GitFixture repo;
  repo.write("README.md", "# Monorepo\n");
  repo.write("ml/README.md", "# Model\n");
  repo.write("ml/src/train.py", "fit()\n");
  repo.write("ml-other/x.py", "other\n");
  repo.write("web/index.html", "<html>\n");
  repo.commit("monorepo");
  repo.write_untracked("ml/notes.txt", "mine\n");

  const Paths expected{"README.md", "notes.txt", "src/train.py"};
  SUBCASE("subdir")
  {
    const auto view = must(open_working_tree(repo.path(), "ml"));
    CHECK(paths_of(*view) == expected);
    CHECK(*view->read("src/train.py", 100) == "fit()\n");
    CHECK(view->describe() == (repo.path() / "ml").string() + " (working tree)");
  }
  SUBCASE("subdir spelled loosely")
  {
    CHECK(paths_of(*must(open_working_tree(repo.path(), "./ml/"))) == expected);
  }
  SUBCASE("path inside the working tree")
  {
    CHECK(paths_of(*must(open_working_tree(repo.path() / "ml", ""))) == expected);
  }
  SUBCASE("path inside the working tree, then subdir")
  {
    CHECK(paths_of(*must(open_working_tree(repo.path() / "ml", "src"))) == Paths{"train.py"});
  }
  SUBCASE("a folder outside git")
  {
    const TempDir dir;
    test::write_text(dir.path() / "a" / "b" / "c.txt", "c\n");
    test::write_text(dir.path() / "top.txt", "t\n");
    CHECK(paths_of(*must(open_working_tree(dir.path(), "a"))) == Paths{"b/c.txt"});
  }
}

namespace {

std::vector<std::string> outer_paths_of(const RepoView& view)
{
  std::vector<std::string> paths;
  for (const auto& entry : view.outer_files()) {
    paths.push_back(entry.path);
  }
  return paths;
}

} // namespace

TEST_CASE("working tree and revision: a project in a subfolder sees the files above it that govern it")
{
  GitFixture repo;
  repo.write("LICENSE", "MIT\n");
  repo.write(".gitignore", "*.log\nLICENSE.old\n");
  repo.write(".github/workflows/ci.yml", "on: push\n");
  repo.write(".github/dependabot.yml", "version: 2\n");
  repo.write(".circleci/config.yml", "version: 2.1\n");
  repo.write("docs/guide.md", "# Guide\n");
  repo.write("projects/.gitignore", "churn/.env\n");
  repo.write("projects/fraud/README.md", "# Fraud\n");
  repo.write("projects/churn/README.md", "# Churn\n");
  repo.write("projects/churn/.github/workflows/own.yml", "on: push\n");
  repo.commit("monorepo");
  const Paths committed{"../../.circleci/config.yml", "../../.github/workflows/ci.yml", "../../.gitignore",
                        "../../LICENSE", "../.gitignore"};

  SUBCASE("working tree, --root")
  {
    repo.write_untracked("NOTICE", "untracked, not ignored\n");
    repo.write_untracked("LICENSE.old", "ignored\n");
    repo.write_untracked("build.log", "ignored\n");
    const auto view = must(open_working_tree(repo.path(), "projects/churn"));
    CHECK(view->folder_in_repository() == "projects/churn");
    CHECK(view->outer_levels() == 2);
    Paths expected = committed;
    expected.insert(expected.begin() + 4, "../../NOTICE");
    CHECK(outer_paths_of(*view) == expected);
    CHECK(paths_of(*view) == Paths{".github/workflows/own.yml", "README.md"});
    CHECK(*view->read("../../LICENSE", 100) == "MIT\n");
    CHECK(*view->read("../.gitignore", 100) == "churn/.env\n");
    CHECK(view->find("../../LICENSE")->size == 4);
    CHECK(view->find("../../LICENSE")->blob.has_value());
    const auto unlisted = view->read("../fraud/README.md", 100);
    REQUIRE_FALSE(unlisted);
    CHECK(unlisted.error().message.ends_with(": no such file"));
  }
  SUBCASE("a path inside the working tree")
  {
    const auto view = must(open_working_tree(repo.path() / "projects", "churn"));
    CHECK(outer_paths_of(*view) == committed);
  }
  SUBCASE("a commit's tree")
  {
    const auto view = must(open_revision(repo.path(), "HEAD", "projects/churn"));
    CHECK(view->folder_in_repository() == "projects/churn");
    CHECK(outer_paths_of(*view) == committed);
    CHECK(*view->read("../../.github/workflows/ci.yml", 100) == "on: push\n");
  }
  SUBCASE("a repository's top has none")
  {
    CHECK(must(open_working_tree(repo.path(), ""))->outer_files().empty());
    CHECK(must(open_revision(repo.path(), "HEAD", ""))->outer_files().empty());
    CHECK(must(open_working_tree(repo.path(), ""))->outer_levels() == 0);
  }
  SUBCASE("a CI folder reached through a symbolic link is not listed, nor read")
  {
    const TempDir outside;
    test::write_text(outside.path() / "workflows" / "evil.yml", "outside the repository\n");
    std::filesystem::remove_all(repo.path() / ".circleci");
    std::filesystem::create_directory_symlink(outside.path() / "workflows", repo.path() / ".circleci");
    const auto view = must(open_working_tree(repo.path(), "projects/churn"));
    for (const auto& path : outer_paths_of(*view)) {
      CHECK_FALSE(path.starts_with("../../.circleci/"));
    }
    const FileEntry* link = view->find("../../.circleci"); // listed as what it is, never followed
    REQUIRE(link != nullptr);
    CHECK(link->is_symlink);
    CHECK_FALSE(view->read("../../.circleci", 100));
  }
}

TEST_CASE("working tree: a missing folder or --root is a usage error that says what to do")
{
  const TempDir dir;
  test::write_text(dir.path() / "file.txt", "x\n");
  test::write_text(dir.path() / "ml" / "x.py", "x\n");
  const std::string root = dir.path().string();

  const auto missing = open_working_tree(dir.path() / "missing", "");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == ExitCode::usage);
  CHECK(missing.error().message ==
        "cannot audit " + root +
            "/missing: no such folder. Give the path of the folder that holds the project.");

  const auto file = open_working_tree(dir.path() / "file.txt", "");
  REQUIRE_FALSE(file);
  CHECK(file.error().code == ExitCode::usage);
  CHECK(file.error().message ==
        "cannot audit " + root +
            "/file.txt: it is a file, not a folder. Give the path of the folder that holds the project.");

  const auto subdir = open_working_tree(dir.path(), "nope");
  REQUIRE_FALSE(subdir);
  CHECK(subdir.error().code == ExitCode::usage);
  CHECK(subdir.error().message ==
        "no folder 'nope' in " + root + ". Check --root: it names a folder relative to " + root + ".");
  CHECK_FALSE(open_working_tree(dir.path(), "file.txt"));

  const auto escape = open_working_tree(dir.path() / "ml", "../ml");
  REQUIRE_FALSE(escape);
  CHECK(escape.error().code == ExitCode::usage);
  CHECK(escape.error().message ==
        "--root '../ml' must be a folder inside " + root + "/ml: give a relative path without '..'.");
  CHECK_FALSE(open_working_tree(dir.path(), "/etc"));

  GitFixture bare(true);
  const auto no_worktree = open_working_tree(bare.path(), "");
  REQUIRE_FALSE(no_worktree);
  CHECK(no_worktree.error().code == ExitCode::usage);
  CHECK(no_worktree.error().message ==
        "cannot audit " + bare.path().string() +
            ": it is a bare git repository, which has no working tree. Audit one of its commits "
            "instead, e.g. with --rev HEAD.");
}

namespace {

// A bare repository with two commits: README changes, a file and a folder appear.
struct TwoCommits
{
  GitFixture repo{true};
  std::string first;
  std::string second;

  TwoCommits()
  {
    repo.write("README.md", "# Old\n");
    repo.write("ml/train.py", "fit()\n");
    repo.gitlink("vendor/lib", "0123456789abcdef0123456789abcdef01234567");
    first = repo.commit("first", {.when = test::k_fixture_time});
    repo.write("README.md", "# New title\n\nBody.\n");
    repo.write("ml/serve.py", "app = 1\n");
    repo.write("run.sh", "#!/bin/sh\n", true);
    repo.symlink("data", "/mnt/data");
    second = repo.commit("second", {.when = test::k_fixture_time + 86400});
    repo.tag("v1", "HEAD~1", "the first release");
  }
};

} // namespace

TEST_CASE("revision: a bare repository's commit, listed from its tree and read by blob")
{
  const TwoCommits fixture;
  const auto view = must(open_revision(fixture.repo.path(), "HEAD", ""));
  CHECK(paths_of(*view) == Paths{"README.md", "data", "ml/serve.py", "ml/train.py", "run.sh"});
  CHECK(view->find("README.md")->size == 19);
  CHECK(view->find("run.sh")->size == 10);
  CHECK(view->find("data")->is_symlink);
  CHECK(view->find("data")->size == 9);
  CHECK(view->commit() == fixture.second);
  CHECK(view->describe() == fixture.repo.path().string() + " at " + fixture.second.substr(0, 7) + " (HEAD)");
  CHECK(*view->read("README.md", 1000) == "# New title\n\nBody.\n");
  CHECK(*view->read("README.md", 5) == "# New");
  CHECK(*view->read("README.md", 0) == "");
  const auto link = view->read("data", 100);
  REQUIRE_FALSE(link);
  CHECK(link.error().message == "cannot read data: it is a symbolic link, which is never followed");
  const auto missing = view->read("vendor/lib", 100);
  REQUIRE_FALSE(missing);
  CHECK(missing.error().message == "cannot read vendor/lib in " + view->describe() + ": no such file");

  SUBCASE("an older revision shows the older content")
  {
    for (const char* rev : {"HEAD~1", "v1", "main~1"}) {
      CAPTURE(rev);
      const auto old = must(open_revision(fixture.repo.path(), rev, ""));
      CHECK(paths_of(*old) == Paths{"README.md", "ml/train.py"});
      CHECK(*old->read("README.md", 100) == "# Old\n");
      CHECK(old->commit() == fixture.first);
    }
  }
  SUBCASE("a full commit id")
  {
    const auto by_id = must(open_revision(fixture.repo.path(), fixture.first, ""));
    CHECK(by_id->describe() ==
          fixture.repo.path().string() + " at " + fixture.first.substr(0, 7) + " (" + fixture.first + ")");
  }
  SUBCASE("subdir")
  {
    const auto ml = must(open_revision(fixture.repo.path(), "main", "ml/"));
    CHECK(paths_of(*ml) == Paths{"serve.py", "train.py"});
    CHECK(*ml->read("train.py", 100) == "fit()\n");
    CHECK(ml->describe() ==
          fixture.repo.path().string() + " at " + fixture.second.substr(0, 7) + " (main), folder ml");
  }
}

TEST_CASE("revision: a git folder without a config (as mirrors keep them) is audited whole")
{
  const TwoCommits fixture;
  std::filesystem::remove(fixture.repo.path() / "config");
  const auto view = must(open_revision(fixture.repo.path(), "HEAD", ""));
  CHECK(paths_of(*view) == Paths{"README.md", "data", "ml/serve.py", "ml/train.py", "run.sh"});
}

TEST_CASE("revision: unknown revisions and folders are usage errors")
{
  const TwoCommits fixture;
  const std::string where = fixture.repo.path().string();

  const auto unknown = open_revision(fixture.repo.path(), "nope", "");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().code == ExitCode::usage);
  CHECK(unknown.error().message == "unknown revision 'nope' in " + where +
                                       ": no branch, tag or commit has that name. Give a branch, a tag or a "
                                       "commit id, e.g. HEAD or HEAD~1.");

  const auto too_far = open_revision(fixture.repo.path(), "HEAD~5", "");
  REQUIRE_FALSE(too_far);
  CHECK(too_far.error().code == ExitCode::usage);

  const auto blob = open_revision(fixture.repo.path(), "HEAD:README.md", "");
  REQUIRE_FALSE(blob);
  CHECK(blob.error().code == ExitCode::usage);
  CHECK(blob.error().message ==
        "unknown revision 'HEAD:README.md' in " + where +
            ": it names a blob, not a commit. Give a branch, a tag or a commit id, e.g. HEAD or HEAD~1.");

  const auto folder = open_revision(fixture.repo.path(), "HEAD~1", "web");
  REQUIRE_FALSE(folder);
  CHECK(folder.error().code == ExitCode::usage);
  CHECK(folder.error().message == "no folder 'web' in " + where + " at " + fixture.first.substr(0, 7) +
                                      " (HEAD~1). Check --root: it names a folder relative to " + where +
                                      ".");
  CHECK_FALSE(open_revision(fixture.repo.path(), "HEAD", "README.md")); // a file, not a folder

  GitFixture empty(true);
  const auto unborn = open_revision(empty.path(), "HEAD", "");
  REQUIRE_FALSE(unborn);
  CHECK(unborn.error().message ==
        "unknown revision 'HEAD' in " + empty.path().string() +
            ": the repository has no commits yet. Give a branch, a tag or a commit id, e.g. HEAD or "
            "HEAD~1.");

  const TempDir plain;
  const auto not_git = open_revision(plain.path(), "HEAD", "");
  REQUIRE_FALSE(not_git);
  CHECK(not_git.error().code == ExitCode::usage);
  CHECK(not_git.error().message ==
        "cannot audit " + plain.path().string() +
            " at 'HEAD': it is not in a git repository. Give the path of a git repository, bare or not.");
}

TEST_CASE("revision: a folder inside a working tree stands for that folder in the commit")
{
  GitFixture repo;
  repo.write("ml/train.py", "fit()\n");
  repo.write("web/index.html", "<html>\n");
  repo.commit("first");
  repo.write("ml/train.py", "fit(epochs=3)\n");
  repo.commit("second");
  repo.write_untracked("ml/untracked.py", "not in any commit\n");

  const auto view = must(open_revision(repo.path() / "ml", "HEAD~1", ""));
  CHECK(paths_of(*view) == Paths{"train.py"});
  CHECK(*view->read("train.py", 100) == "fit()\n");
}

TEST_CASE("read_into: the same bytes and errors as read, one buffer reused from file to file")
{
  GitFixture repo;
  const std::string large(300 * 1024, 'x');
  repo.write("large.txt", large);
  repo.write("small.txt", "small\n");
  repo.symlink("link", "small.txt");
  repo.commit("first");
  MemoryView memory;
  memory.add("large.txt", large);
  memory.add("small.txt", "small\n");
  memory.add_symlink("link", "small.txt");
  const auto working = must(open_working_tree(repo.path(), ""));
  const auto revision = must(open_revision(repo.path(), "HEAD", ""));

  for (const RepoView* view : std::vector<const RepoView*>{&memory, working.get(), revision.get()}) {
    CAPTURE(view->describe());
    ReadBuffer buffer;
    CHECK(*view->read_into("large.txt", 1 << 20, buffer) == large);
    CHECK(*view->read_into("small.txt", 1 << 20, buffer) == "small\n"); // shorter after longer
    CHECK(*view->read_into("large.txt", 10, buffer) == "xxxxxxxxxx");
    CHECK(*view->read_into("small.txt", 0, buffer) == "");
    const auto link = view->read_into("link", 100, buffer);
    REQUIRE_FALSE(link);
    CHECK(link.error().message == view->read("link", 100).error().message);
    const auto missing = view->read_into("nope.txt", 100, buffer);
    REQUIRE_FALSE(missing);
    CHECK(missing.error().message == view->read("nope.txt", 100).error().message);
  }
}

namespace {

// What read_many gives for `paths`, each as its bytes or "error: <message>".
std::vector<std::string> read_many_of(const RepoView& view, const std::vector<std::string>& paths,
                                      uint64_t max_bytes)
{
  const std::vector<std::string_view> views(paths.begin(), paths.end());
  std::vector<std::string> got(paths.size(), "(not called)");
  size_t expected_index = 0;
  view.read_many(views, max_bytes, [&](size_t i, Result<std::string_view> content) {
    CHECK(i == expected_index++); // in order
    got[i] = content ? std::string(*content) : "error: " + content.error().message;
  });
  CHECK(expected_index == paths.size());
  return got;
}

std::vector<std::string> read_into_of(const RepoView& view, const std::vector<std::string>& paths,
                                      uint64_t max_bytes)
{
  std::vector<std::string> got;
  ReadBuffer buffer;
  for (const auto& path : paths) {
    const auto content = view.read_into(path, max_bytes, buffer);
    got.push_back(content ? std::string(*content) : "error: " + content.error().message);
  }
  return got;
}

} // namespace

TEST_CASE("read_many: the same bytes and errors as read_into, in batches, whatever changed since the listing")
{
  GitFixture repo;
  std::vector<std::string> paths;
  for (int i = 0; i < 150; ++i) { // more than two batches
    const std::string path = "data/item_" + std::to_string(1000 + i) + ".csv";
    repo.write(path, "id,value\n" + std::to_string(i) + ",0.5\n");
    paths.push_back(path);
  }
  const std::string large(100 * 1024, 'x'); // too large for a batch: read on its own
  repo.write("large.txt", large);
  repo.write("empty.txt", "");
  repo.write("grows.txt", "short\n");
  repo.write("shrinks.txt", "a longer line\n");
  repo.write("goes.txt", "here\n");
  repo.write("becomes-a-pipe.txt", "data\n");
  repo.symlink("link", "large.txt");
  repo.commit("files");
  MemoryView memory;
  memory.add("large.txt", large);
  memory.add("empty.txt", "");
  const auto working = must(open_working_tree(repo.path(), ""));
  const auto revision = must(open_revision(repo.path(), "HEAD", ""));

  // Changed after the listing: the batch asks for the listed size plus one byte.
  test::write_text(repo.path() / "grows.txt", "short, then much longer than it was listed\n");
  test::write_text(repo.path() / "shrinks.txt", "a\n");
  std::filesystem::remove(repo.path() / "goes.txt");
  std::filesystem::remove(repo.path() / "becomes-a-pipe.txt");
  REQUIRE(::mkfifo((repo.path() / "becomes-a-pipe.txt").c_str(), 0600) == 0);

  const std::vector<std::string> odd{"large.txt",   "empty.txt", "grows.txt",
                                     "shrinks.txt", "goes.txt",  "becomes-a-pipe.txt",
                                     "link",        "nope.txt",  "../outside.txt"};
  std::vector<std::string> all = paths;
  all.insert(all.begin() + 70, odd.begin(), odd.end()); // in the middle of the second batch
  const auto got = read_many_of(*working, all, 1 << 20);
  CHECK(got == read_into_of(*working, all, 1 << 20));
  CHECK(got[0] == "id,value\n0,0.5\n");
  CHECK(got[70] == large);
  CHECK(got[72] == "short, then much longer than it was listed\n");
  CHECK(got[73] == "a\n");
  CHECK(got[74].starts_with("error: cannot read goes.txt"));
  CHECK(got[75] ==
        "error: cannot read becomes-a-pipe.txt in " + working->describe() + ": not a regular file");
  CHECK(read_many_of(*working, all, 4) == read_into_of(*working, all, 4)); // at most max_bytes

  for (const RepoView* view : std::vector<const RepoView*>{&memory, revision.get()}) {
    CAPTURE(view->describe());
    const std::vector<std::string> some{"large.txt", "empty.txt", "nope.txt"};
    CHECK(read_many_of(*view, some, 1 << 20) == read_into_of(*view, some, 1 << 20));
  }
}
