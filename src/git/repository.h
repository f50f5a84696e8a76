#pragma once

#include "core/result.h"
#include "git/object_id.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct git_repository; // from <git2.h>, which only git/*.cpp include

namespace mlfolio::git {

// A blob or symlink of a tree, found without reading its content.
struct TreeFile
{
  std::string path;  // relative to the listed tree, '/'-separated
  uint64_t size = 0; // bytes of the blob (for a symlink: the length of its target)
  bool is_symlink = false;
  bool is_executable = false;
  ObjectId blob;
  bool missing = false; // the object is not in the repository (a partial clone): size 0, unreadable
};

// A file of a working tree; `blob` is its id when the file is unchanged since it was indexed
// (its stat data are those the index recorded, and it was not changed in the instant the index
// was written), so its content is that blob's.
struct WorktreeFile
{
  std::string path; // workdir-relative, '/'-separated
  std::optional<ObjectId> blob;
  uint64_t size = 0; // as lstat gives it (for a symlink: the length of its target)
  bool is_symlink = false;
};

// An open repository, bare or not. Error messages name the path it was opened from.
class Repository
{
public:
  // The repository at `path` or in a folder above it; nullopt when there is none.
  static Result<std::optional<Repository>> discover(const std::filesystem::path& path);

  const std::filesystem::path& path() const { return m_path; } // as given to discover()
  bool is_bare() const;
  const std::optional<std::filesystem::path>& workdir() const { return m_workdir; } // canonical
  // `canonical_path` relative to the working tree, '/'-separated ("" for its top); nullopt when
  // it lies outside the working tree or there is none.
  std::optional<std::string> workdir_relative(const std::filesystem::path& canonical_path) const;
  std::filesystem::path git_dir() const;

  // The commit HEAD points to; nullopt while HEAD's branch has no commits yet.
  Result<std::optional<ObjectId>> head() const;

  // A revision (anything git_revparse_single accepts) peeled to a commit. A revision that does
  // not exist or is not a commit is a usage error: "unknown revision 'X' in /path: ...".
  Result<ObjectId> resolve_commit(std::string_view rev) const;

  // Trees and blobs (git/tree.cpp).
  Result<ObjectId> tree_of(const ObjectId& commit) const;
  // The tree at `path` ('/'-separated, relative) below `tree`; nullopt if absent or not a folder.
  Result<std::optional<ObjectId>> find_tree(const ObjectId& tree, std::string_view path) const;
  // Every blob and symlink below `tree`, in tree order; gitlinks (submodules) are skipped.
  // Sizes come from the object headers (no content is read), or are left 0 with
  // TreeSizes::skip, which reads no object but the trees (a header of a loose object costs an
  // open and an inflate).
  // ListDepth::folder lists the files directly in `tree` and none below it.
  enum class TreeSizes { read, skip };
  enum class ListDepth { all, folder };
  Result<std::vector<TreeFile>> list_tree(const ObjectId& tree, TreeSizes sizes = TreeSizes::read,
                                          ListDepth depth = ListDepth::all) const;
  // At most `max_bytes` of a blob; `name` (e.g. its path) is used in error messages.
  Result<std::string> read_blob(const ObjectId& blob, uint64_t max_bytes, std::string_view name) const;

  // The working tree as its owner sees it (git/worktree.cpp): workdir-relative paths of the
  // indexed files still present plus untracked files that are not ignored, restricted to the
  // folder `prefix` ("" for all). Gitlinks and nested repositories are left out; symlinks are
  // listed, never followed. Sorted by path (as bytes). The files are stat-ed on `threads` threads.
  // ListDepth::folder lists the files directly in `prefix` and none below it.
  Result<std::vector<WorktreeFile>> worktree_files(std::string_view prefix, unsigned threads = 1,
                                                   ListDepth depth = ListDepth::all) const;
  // Whether git ignores the workdir-relative `path` (a folder when it ends in '/'), or a folder above it.
  Result<bool> is_ignored(std::string_view path) const;

  // For code in git/ that needs a libgit2 call not wrapped here. Borrowed: do not free.
  git_repository* raw() const { return m_repo.get(); }

private:
  struct Free
  {
    void operator()(git_repository* repo) const noexcept;
  };

  using Owned = std::unique_ptr<git_repository, Free>;
  Repository(Owned repo, std::filesystem::path path);

  Owned m_repo;
  std::filesystem::path m_path;
  std::optional<std::filesystem::path> m_workdir;
};

} // namespace mlfolio::git
