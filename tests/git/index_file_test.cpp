// IndexFile against the git command line: the same index, written by git in each version, read
// here entry for entry as `git ls-files --stage` prints it.
#include "git/index_file.h"
#include "git/repository.h"

#include "support/process.h"

#include <doctest/doctest.h>
#include <sys/stat.h>

using namespace mlfolio;

namespace {

// "mode id stage\tpath" per entry, as `git ls-files --stage` prints it.
std::string staged(const git::IndexFile& index)
{
  std::string lines;
  for (const auto& entry : index.entries()) {
    char mode[16];
    std::snprintf(mode, sizeof mode, "%06o", entry.mode);
    lines += std::string(mode) + ' ' + entry.id.hex() + ' ' + std::to_string(entry.stage) + '\t' +
             std::string(entry.path) + '\n';
  }
  return lines;
}

test::RunResult run_git(const std::string& command, const std::filesystem::path& dir)
{
  auto run = test::run_shell("git -c user.name=t -c user.email=t@localhost " + command, dir);
  INFO(command << ": " << run.err);
  REQUIRE(run.exit_code == 0);
  return run;
}

// A repository whose index has what an index can hold: nested and long paths, an executable,
// a symlink, a submodule, a file added with --intent-to-add (an extended entry) and a conflict.
void fill(const test::TempDir& dir)
{
  const auto& root = dir.path();
  run_git("init -q -b main .", root);
  test::write_text(root / "a.py", "a\n");
  test::write_text(root / "run.sh", "#!/bin/sh\n");
  std::filesystem::permissions(root / "run.sh", std::filesystem::perms::owner_exec,
                               std::filesystem::perm_options::add);
  std::filesystem::create_directories(root / "src/pkg/deep");
  test::write_text(root / "src/pkg/deep/model.py", "m\n");
  test::write_text(root / "src/pkg/deep/model_test.py", "t\n");
  const std::string long_name = "src/" + std::string(200, 'x') + ".txt";
  test::write_text(root / long_name, "long\n");
  test::write_text(root / "name with spaces é.md", "u\n");
  std::filesystem::create_symlink("a.py", root / "link");
  run_git("add -A", root);
  run_git("update-index --add --cacheinfo 160000,0123456789abcdef0123456789abcdef01234567,vendor/lib", root);
  run_git("commit -q -m first", root);
  test::write_text(root / "later.py", "later\n");
  run_git("add -N later.py", root);
  const std::string blob = run_git("hash-object -w a.py", root).out.substr(0, 40);
  test::write_text(root / ".git/conflict",
                   "0 0000000000000000000000000000000000000000\tsrc/pkg/deep/model.py\n"
                   "100644 " +
                       blob + " 1\tsrc/pkg/deep/model.py\n100644 " + blob +
                       " 2\tsrc/pkg/deep/model.py\n100644 " + blob + " 3\tsrc/pkg/deep/model.py\n");
  run_git("update-index --index-info < .git/conflict", root);
}

} // namespace

TEST_CASE("IndexFile: versions 2, 3 and 4 read as git lists them")
{
  test::TempDir dir;
  fill(dir);
  for (const int version : {2, 3, 4}) {
    CAPTURE(version);
    run_git("update-index --index-version " + std::to_string(version), dir.path());
    const auto index = git::IndexFile::parse(test::read_text(dir.path() / ".git/index"));
    REQUIRE(index.has_value());
    CHECK(staged(*index) == run_git("-c core.quotePath=false ls-files --stage", dir.path()).out);
    CHECK(index->entries().size() == 11); // 7 files, a submodule, and a conflicted file's 3 stages
  }
}

TEST_CASE("IndexFile: stat data as git recorded it")
{
  test::TempDir dir;
  run_git("init -q -b main .", dir.path());
  test::write_text(dir.path() / "data.csv", "x,y\n1,2\n");
  run_git("add data.csv", dir.path());
  const auto index = git::IndexFile::parse(test::read_text(dir.path() / ".git/index"));
  REQUIRE(index.has_value());
  REQUIRE(index->entries().size() == 1);
  const auto& entry = index->entries().front();
  struct stat info = {};
  REQUIRE(::stat((dir.path() / "data.csv").c_str(), &info) == 0);
  CHECK(entry.file_size == 8);
  CHECK(entry.ino == static_cast<uint32_t>(info.st_ino));
  CHECK(entry.mtime_seconds == static_cast<int32_t>(info.st_mtim.tv_sec));
  CHECK(entry.mtime_nanoseconds == static_cast<uint32_t>(info.st_mtim.tv_nsec));
  CHECK(entry.ctime_seconds == static_cast<int32_t>(info.st_ctim.tv_sec));
  CHECK(entry.mode == 0100644);
}

TEST_CASE("IndexFile: what it does not know is left to libgit2")
{
  test::TempDir dir;
  fill(dir);
  const auto bytes = test::read_text(dir.path() / ".git/index");
  REQUIRE(git::IndexFile::parse(bytes).has_value());
  // Cut short anywhere: never an entry read past the end.
  for (size_t size = 0; size < bytes.size(); size += 7) {
    CAPTURE(size);
    CHECK_FALSE(git::IndexFile::parse(bytes.substr(0, size)).has_value());
  }
  auto other_version = bytes;
  other_version[7] = 5;
  CHECK_FALSE(git::IndexFile::parse(other_version).has_value());
  auto not_an_index = bytes;
  not_an_index[0] = 'X';
  CHECK_FALSE(git::IndexFile::parse(not_an_index).has_value());
  // A split index keeps most entries in a shared file, named by its mandatory "link" extension.
  run_git("update-index --split-index", dir.path());
  CHECK_FALSE(git::IndexFile::parse(test::read_text(dir.path() / ".git/index")).has_value());
}

TEST_CASE("IndexFile: the listing of a working tree is the same whatever the index version")
{
  test::TempDir dir;
  fill(dir);
  run_git("update-index --index-version 2", dir.path());
  auto repo = git::Repository::discover(dir.path());
  REQUIRE(repo.has_value());
  REQUIRE(repo->has_value());
  const auto listing = [&] {
    std::string lines;
    const auto listed = (*repo)->worktree_files("");
    REQUIRE(listed.has_value());
    for (const auto& file : *listed) {
      lines += file.path + ' ' + (file.blob ? file.blob->hex() : "-") + '\n';
    }
    return lines;
  };
  const std::string expected = listing();
  CHECK(expected.find("a.py " + run_git("rev-parse :a.py", dir.path()).out.substr(0, 40)) !=
        std::string::npos);
  CHECK(expected.find("vendor/lib") == std::string::npos); // a submodule is never entered
  for (const int version : {3, 4}) {
    CAPTURE(version);
    run_git("update-index --index-version " + std::to_string(version), dir.path());
    CHECK(listing() == expected);
  }
  // A split index goes to libgit2, as every index did before IndexFile: libgit2 1.5 reads none.
  run_git("update-index --split-index", dir.path());
  CHECK_FALSE(git::IndexFile::parse(test::read_text(dir.path() / ".git/index")).has_value());
  const auto split = (*repo)->worktree_files("");
  REQUIRE_FALSE(split.has_value());
  CHECK(split.error().message.find("read the index of") != std::string::npos);
}
