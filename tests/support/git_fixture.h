#pragma once

// Real git repositories built with libgit2 in a temporary folder, for tests of everything that
// reads git: working trees, commits, history. Failures throw std::runtime_error, which doctest
// reports as a failed test.

#include "support/process.h" // TempDir

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct git_repository; // from <git2.h>

namespace mlfolio::test {

inline constexpr int64_t k_fixture_time = 1'700'000'000; // 2023-11-14 22:13:20 UTC

struct CommitOptions
{
  std::string author = "Ada Tester";
  std::string email = "ada@example.com";
  int64_t when = k_fixture_time; // seconds since the epoch, for author and committer
  int utc_offset_minutes = 0;
  std::vector<std::string> parents{}; // revisions; empty: HEAD's commit (none while HEAD is unborn)
  std::string update_ref = "HEAD";    // the reference moved to the new commit; "" for none
};

class GitFixture
{
public:
  // `git init` in a fresh temporary folder (removed at the end), initial branch "main".
  explicit GitFixture(bool bare = false);
  ~GitFixture();
  GitFixture(const GitFixture&) = delete;
  GitFixture& operator=(const GitFixture&) = delete;

  // The working tree, or the repository folder itself when bare.
  const std::filesystem::path& path() const { return m_dir.path(); }
  bool bare() const { return m_bare; }

  // The content of the next commit. In a working tree the file is also written to disk and
  // staged; in a bare repository it only goes into the next commit. Parent folders are made.
  void write(std::string_view path, std::string_view content, bool executable = false);
  void symlink(std::string_view path, std::string_view target);
  void remove(std::string_view path); // from the next commit, and from disk when there is one
  // A submodule's entry (mode 160000) pointing at `commit_id`; nothing is written to disk.
  void gitlink(std::string_view path, std::string_view commit_id);

  // Working tree only: change the disk without staging anything.
  void write_untracked(std::string_view path, std::string_view content) const;
  void symlink_untracked(std::string_view path, std::string_view target) const;
  void delete_from_disk(std::string_view path) const;
  void stage_all(); // `git add --all`: new, changed and deleted files, ignored ones left out

  // Commits what was written since the last commit (plus everything before it); returns the
  // full commit id.
  std::string commit(std::string_view message, const CommitOptions& options = {});
  void branch(std::string_view name, std::string_view rev = "HEAD");
  // Lightweight when `message` is empty, annotated otherwise.
  void tag(std::string_view name, std::string_view rev = "HEAD", std::string_view message = {});
  std::string rev_parse(std::string_view rev) const; // the full id of the commit `rev` names

  // For tests that need a libgit2 call of their own. Borrowed: do not free.
  git_repository* raw() const;

private:
  struct State;

  void require_worktree(std::string_view action) const; // throws when bare

  TempDir m_dir;
  bool m_bare;
  std::unique_ptr<State> m_state;
};

} // namespace mlfolio::test
