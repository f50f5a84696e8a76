#include "git/error.h"
#include "git/handles.h"
#include "git/history.h"
#include "git/library.h"
#include "git/object_id.h"
#include "git/repository.h"

#include "support/git_fixture.h"
#include "support/process.h"

#include <algorithm>
#include <doctest/doctest.h>

using namespace mlfolio;
using mlfolio::test::GitFixture;

namespace {

std::vector<std::string> sorted(std::vector<std::string> paths)
{
  std::sort(paths.begin(), paths.end());
  return paths;
}

git::Repository open(const std::filesystem::path& path)
{
  auto found = git::Repository::discover(path);
  REQUIRE(found.has_value());
  REQUIRE(found->has_value());
  return std::move(**found);
}

} // namespace

TEST_CASE("ObjectId: hex round trip")
{
  const std::string hex = "0123456789abcdef0123456789abcdef01234567";
  const auto id = git::ObjectId::from_hex(hex);
  REQUIRE(id);
  CHECK(id->hex() == hex);
  CHECK(id->short_hex() == "0123456");
  CHECK(git::ObjectId::from_hex("0123456789ABCDEF0123456789ABCDEF01234567") == id);
  CHECK_FALSE(git::ObjectId::from_hex("0123"));
  CHECK_FALSE(git::ObjectId::from_hex("g123456789abcdef0123456789abcdef01234567"));
}

TEST_CASE("git errors: name what was attempted, even when libgit2 recorded nothing")
{
  git::ensure_initialized();
  git_error_clear();
  CHECK(git::last_error_text(GIT_ENOTFOUND) == "not found");
  CHECK(git::last_error_text(-99) == "libgit2 error -99");
  CHECK(git::error("read HEAD", GIT_ELOCKED).value().message ==
        "cannot read HEAD: locked by another process");
  CHECK(git::error("x", GIT_ERROR, ExitCode::usage).value().code == ExitCode::usage);
  CHECK(git::check(0, "anything"));

  const auto missing = git::Repository::discover("/nonexistent/mlfolio/path");
  REQUIRE(missing);
  CHECK_FALSE(missing->has_value());
}

TEST_CASE("Repository: discover, head, working tree files")
{
  GitFixture fixture;
  auto repo = open(fixture.path());
  CHECK_FALSE(repo.is_bare());
  CHECK(repo.workdir() == std::filesystem::canonical(fixture.path()));
  CHECK(*repo.head() == std::nullopt);

  fixture.write("a[1]/x.py", "x\n");
  fixture.write("a/y.py", "y\n");
  fixture.write("b.py", "b\n");
  const std::string id = fixture.commit("first");
  fixture.write_untracked("a[1]/new.py", "n\n");
  fixture.write_untracked("ab/z.py", "z\n");

  REQUIRE(*repo.head());
  CHECK((*repo.head())->hex() == id);
  const auto paths = [&](std::string_view prefix) {
    std::vector<std::string> names;
    const auto listed = repo.worktree_files(prefix);
    REQUIRE(listed.has_value());
    for (const auto& file : *listed) {
      names.push_back(file.path);
    }
    return names;
  };
  // In path order as bytes, the untracked files among the tracked ones ('.' < '/' < '[').
  fixture.write_untracked("a.txt", "t\n");
  CHECK(paths("") ==
        std::vector<std::string>{"a.txt", "a/y.py", "a[1]/new.py", "a[1]/x.py", "ab/z.py", "b.py"});
  CHECK(paths("a") == std::vector<std::string>{"a/y.py"});
  CHECK(paths("a[1]") == std::vector<std::string>{"a[1]/new.py", "a[1]/x.py"});

  // An unchanged tracked file carries its blob id; a changed or untracked one does not.
  fixture.write_untracked("b.py", "b changed\n");
  const auto listed = repo.worktree_files("");
  REQUIRE(listed.has_value());
  for (const auto& file : *listed) {
    CAPTURE(file.path);
    if (file.path == "a/y.py") {
      REQUIRE(file.blob.has_value());
      CHECK(*file.blob == git::blob_id("y\n"));
    } else if (file.path == "b.py" || file.path == "ab/z.py" || file.path == "a[1]/new.py") {
      CHECK_FALSE(file.blob.has_value());
    }
  }

  std::filesystem::remove(fixture.path() / "a.txt");
  std::filesystem::remove(fixture.path() / "a" / "y.py"); // tracked, gone from the disk
  CHECK(paths("") == std::vector<std::string>{"a[1]/new.py", "a[1]/x.py", "ab/z.py", "b.py"});

  fixture.write(".gitignore", "build/\n*.log\n");
  CHECK(*repo.is_ignored("build/"));
  CHECK(*repo.is_ignored("build/deep/x.o"));
  CHECK(*repo.is_ignored("a/run.log"));
  CHECK_FALSE(*repo.is_ignored("a/"));

  // From a subfolder, the repository is found above it.
  CHECK(open(fixture.path() / "a").workdir() == repo.workdir());
}

TEST_CASE("Repository: the working tree's files are those git ls-files lists as cached or untracked")
{
  GitFixture fixture;
  fixture.write(".gitignore", "*.log\n!keep.log\nbuild/\ndata/*\n!data/README.md\n");
  fixture.write("sub/.gitignore", "*.tmp\n");
  fixture.write("sub/a.py", "a\n");
  fixture.write("sub/deep/b.py", "b\n", true);
  fixture.write("data/README.md", "the data\n");
  fixture.write("data/forced.csv", "x\n"); // tracked although ignored
  fixture.write("build/tracked.txt", "t\n");
  fixture.write("name with spaces/é.md", "u\n");
  fixture.write("gone.py", "g\n");
  fixture.write("becomes_folder", "f\n");
  fixture.symlink("link", "sub/a.py");
  fixture.write("tools/run.py", "r\n"); // tracked, in a folder that gets a .git of its own below
  // Enough files that the listing matches them with the index on several threads: 2,400
  // tracked, then 2,400 untracked and 400 ignored beside them.
  const auto bulk = [](int folder, int file, const char* suffix) {
    return "bulk/f" + std::to_string(folder) + "/n" + std::to_string(file) + suffix;
  };
  for (int folder = 0; folder < 40; ++folder) {
    for (int file = 0; file < 60; ++file) {
      fixture.write_untracked(bulk(folder, file, ".txt"), std::to_string(file) + "\n");
    }
  }
  fixture.stage_all();
  fixture.commit("first");
  for (int folder = 0; folder < 40; ++folder) {
    for (int file = 0; file < 60; ++file) {
      fixture.write_untracked(bulk(folder, file, ".csv"), "untracked\n");
    }
    for (int file = 0; file < 10; ++file) {
      fixture.write_untracked(bulk(folder, file, ".log"), "ignored\n");
    }
  }
  fixture.write_untracked(bulk(7, 3, ".txt"), "changed\n");
  test::write_text(fixture.path() / ".git/info/exclude", "private.txt\n");
  fixture.delete_from_disk("gone.py");
  fixture.delete_from_disk("becomes_folder");
  fixture.write_untracked("becomes_folder/inside.py", "i\n");
  fixture.write_untracked("sub/a.py", "a changed\n");
  for (const char* path :
       {"run.log", "keep.log", "sub/x.tmp", "sub/deep/y.tmp", "data/raw.csv", "build/out.o", "private.txt",
        "sub/private.txt", "new/deeper/c.py", "sub/new.py", ".github/workflows/ci.yml", "nested/code.py"}) {
    fixture.write_untracked(path, "content\n");
  }
  fixture.write_untracked("nested/.git/HEAD", "ref: refs/heads/main\n"); // a repository of its own
  fixture.write_untracked("nested/.git/config", "[core]\n\tbare = false\n");
  fixture.write_untracked("nested/.git/objects/.keep", "");
  fixture.write_untracked("nested/.git/refs/heads/.keep", "");
  fixture.symlink_untracked("new/link_out", "/etc/passwd");
  fixture.write_untracked("tools/.git/HEAD", "ref: refs/heads/main\n"); // tracked folder: still listed
  fixture.write_untracked("tools/.git/config", "[core]\n\tbare = false\n");
  fixture.write_untracked("tools/extra.py", "e\n");
  fixture.write_untracked("build/deep/tracked_not.txt", "ignored, beside a tracked file above\n");

  const auto zero_separated = [&](const std::string& command) {
    const auto run = test::run_shell(command, fixture.path());
    REQUIRE(run.exit_code == 0);
    std::vector<std::string> paths;
    for (size_t start = 0; start < run.out.size();) {
      const size_t end = run.out.find('\0', start);
      paths.push_back(run.out.substr(start, end - start));
      start = end + 1;
    }
    return paths;
  };
  std::vector<std::string> listed_by_git =
      zero_separated("git ls-files -z --cached --others --exclude-standard");
  for (const auto& path : zero_separated("git ls-files -z --deleted")) {
    std::erase(listed_by_git, path);
  }
  // "nested/" is a repository of its own; "becomes_folder" is a folder now, whatever the index says.
  std::erase_if(listed_by_git,
                [](const std::string& path) { return path.ends_with('/') || path == "becomes_folder"; });
  std::sort(listed_by_git.begin(), listed_by_git.end());
  listed_by_git.erase(std::unique(listed_by_git.begin(), listed_by_git.end()), listed_by_git.end());

  const auto repo = open(fixture.path());
  for (const unsigned threads : {1u, 3u}) {
    CAPTURE(threads);
    const auto listed = repo.worktree_files("", threads);
    REQUIRE(listed.has_value());
    std::vector<std::string> paths;
    for (const auto& file : *listed) {
      paths.push_back(file.path);
      CAPTURE(file.path);
      CHECK(file.is_symlink == (file.path == "link" || file.path == "new/link_out"));
      if (file.path == "sub/deep/b.py") {
        CHECK(file.blob == git::blob_id("b\n"));
        CHECK(file.size == 2);
      }
      if (file.path == "bulk/f39/n59.txt") {
        CHECK(file.blob == git::blob_id("59\n"));
      }
      if (file.path == "sub/a.py" || file.path == "new/deeper/c.py" || file.path == "bulk/f7/n3.txt" ||
          file.path == "becomes_folder/inside.py" || file.path == "bulk/f0/n0.csv") {
        CHECK_FALSE(file.blob.has_value()); // changed, or never indexed
      }
    }
    const auto lines = [](const std::vector<std::string>& list) {
      std::string joined;
      for (const auto& path : list) {
        joined += path + '\n';
      }
      return joined;
    };
    CHECK(lines(sorted(paths)) == lines(listed_by_git));
    CHECK(std::find(paths.begin(), paths.end(), "nested/code.py") == paths.end());
    CHECK(std::find(paths.begin(), paths.end(), "data/forced.csv") != paths.end());
    CHECK(std::find(paths.begin(), paths.end(), "build/tracked.txt") != paths.end());
    CHECK(std::find(paths.begin(), paths.end(), "tools/extra.py") != paths.end());
  }
}

TEST_CASE("Repository: trees and blobs of a bare repository")
{
  GitFixture fixture(true);
  fixture.write("src/app.py", "print('hi')\n");
  fixture.write("run.sh", "#!/bin/sh\n", true);
  fixture.symlink("latest", "src/app.py");
  fixture.gitlink("third_party/lib", "0123456789abcdef0123456789abcdef01234567");
  const std::string id = fixture.commit("first");

  auto repo = open(fixture.path());
  CHECK(repo.is_bare());
  CHECK_FALSE(repo.workdir());
  const auto commit = repo.resolve_commit("main");
  REQUIRE(commit);
  CHECK(commit->hex() == id);
  const auto tree = repo.tree_of(*commit);
  REQUIRE(tree);
  const auto files = repo.list_tree(*tree);
  REQUIRE(files);
  REQUIRE(files->size() == 3);
  CHECK((*files)[0].path == "latest");
  CHECK((*files)[0].is_symlink);
  CHECK((*files)[0].size == 10);
  CHECK((*files)[1].path == "run.sh");
  CHECK((*files)[1].is_executable);
  CHECK((*files)[2].path == "src/app.py");
  CHECK((*files)[2].size == 12);
  CHECK(*repo.read_blob((*files)[2].blob, 5, "src/app.py") == "print");

  const auto src = repo.find_tree(*tree, "src");
  REQUIRE(src);
  REQUIRE(src->has_value());
  CHECK((*repo.list_tree(**src))[0].path == "app.py");
  CHECK(*repo.find_tree(*tree, "run.sh") == std::nullopt);
  CHECK(*repo.find_tree(*tree, "nope/deeper") == std::nullopt);

  const auto bad_blob =
      repo.read_blob(*git::ObjectId::from_hex("0123456789abcdef0123456789abcdef01234567"), 10, "gone.py");
  REQUIRE_FALSE(bad_blob);
  CHECK(bad_blob.error().code == ExitCode::runtime);
  CHECK(bad_blob.error().message.starts_with("cannot read gone.py (blob 0123456) in " +
                                             fixture.path().string() + ": "));
}

TEST_CASE("Repository: an object is read as stored, not hashed again to check its name (as git reads it)")
{
  GitFixture fixture(true);
  fixture.write("a.txt", "first\n");
  fixture.write("b.txt", "second\n");
  fixture.commit("two blobs");
  auto repo = open(fixture.path());
  const auto files = repo.list_tree(*repo.tree_of(*repo.resolve_commit("HEAD")));
  REQUIRE(files);
  REQUIRE(files->size() == 2);
  const auto loose = [&](const git::ObjectId& id) {
    const std::string hex = id.hex();
    return fixture.path() / "objects" / hex.substr(0, 2) / hex.substr(2);
  };
  REQUIRE(std::filesystem::exists(loose((*files)[0].blob)));
  // a.txt's object now holds b.txt's content: `git cat-file -p` shows it without complaint,
  // and only `git fsck` finds the mismatch. Hashing every object read again was a tenth of a
  // history scan's time.
  std::filesystem::remove(loose((*files)[0].blob));
  std::filesystem::copy_file(loose((*files)[1].blob), loose((*files)[0].blob));
  const auto read = repo.read_blob((*files)[0].blob, 100, "a.txt");
  REQUIRE(read);
  CHECK(*read == "second\n");
}

TEST_CASE("GitFixture: history with dates, branches, tags, merges and removals")
{
  for (const bool bare : {false, true}) {
    CAPTURE(bare);
    GitFixture fixture(bare);
    fixture.write("a.txt", "a\n");
    fixture.write("b.txt", "b\n");
    const std::string first = fixture.commit(
        "first",
        {.author = "Grace", .email = "grace@example.com", .when = 1'600'000'000, .utc_offset_minutes = 120});
    fixture.branch("topic");
    fixture.tag("light");
    fixture.tag("annotated", "HEAD", "release notes");
    fixture.remove("b.txt");
    const std::string second = fixture.commit("second");
    fixture.write("c.txt", "c\n");
    const std::string side = fixture.commit("side", {.parents = {"topic"}, .update_ref = "refs/heads/topic"});
    const std::string merge = fixture.commit("merge", {.parents = {"main", "topic"}});

    CHECK(fixture.rev_parse("light") == first);
    CHECK(fixture.rev_parse("annotated") == first);
    CHECK(fixture.rev_parse("topic") == side);
    CHECK(fixture.rev_parse("HEAD") == merge);
    CHECK(fixture.rev_parse("HEAD^1") == second);
    CHECK(fixture.rev_parse("HEAD^2") == side);

    git_commit* raw = nullptr;
    const git_oid oid = git::to_git_oid(*git::ObjectId::from_hex(first));
    REQUIRE(git_commit_lookup(&raw, fixture.raw(), &oid) == 0);
    const git::CommitPtr commit(raw);
    CHECK(git_commit_time(commit.get()) == 1'600'000'000);
    CHECK(git_commit_time_offset(commit.get()) == 120);
    CHECK(std::string(git_commit_author(commit.get())->name) == "Grace");
    CHECK(std::string(git_commit_message(commit.get())) == "first");

    auto repo = open(fixture.path());
    const auto files = repo.list_tree(*repo.tree_of(*repo.resolve_commit("HEAD")));
    REQUIRE(files);
    std::vector<std::string> paths;
    for (const auto& file : *files) {
      paths.push_back(file.path);
    }
    CHECK(paths == std::vector<std::string>{"a.txt", "c.txt"});
  }
}
