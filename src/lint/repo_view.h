#pragma once

#include "core/result.h"
#include "git/object_id.h"
#include "lint/history.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::lint {

struct FileEntry
{
  std::string path;  // relative to the audited root, '/'-separated, no leading "./"
  uint64_t size = 0; // bytes (for a symlink: the length of its target text)
  bool is_symlink = false;
  // The git blob id of the content, when the view knows it without reading the file: a commit's
  // tree, a tracked file the working tree has not changed, an in-memory file. Lets the history
  // scan reuse what the tree scan found instead of reading the same content twice.
  std::optional<git::ObjectId> blob;
  // The commit's tree names the blob but the object database lacks it (a partial clone): its
  // size is unknown (0 here) and its content unreadable.
  bool missing = false;
};

// Memory for reading many files one after another: it grows to the largest file read and is
// reused, so a scan of thousands of files neither allocates nor zeroes memory for each one.
class ReadBuffer
{
public:
  char* data() { return m_data.get(); }
  size_t size() const { return m_size; }
  std::string_view view() const { return {m_data.get(), m_size}; }
  // The first min(size(), n) bytes are kept; bytes past them are left as they are.
  void resize(size_t n);
  void assign(std::string_view content);

private:
  std::unique_ptr<char[]> m_data;
  size_t m_size = 0;
  size_t m_capacity = 0;
};

// What the checker sees of a repository: a list of files and a way to read them.
// Analyzers and rules read only through this interface, never the disk or git directly,
// so the same rules run on a working tree, a commit's tree, or an in-memory fixture.
class RepoView
{
public:
  virtual ~RepoView() = default;

  // Every regular file and symlink, sorted by path. Folders are implied by paths.
  virtual const std::vector<FileEntry>& files() const = 0;

  // The content of one file, at most `max_bytes` of it. Symlinks are never followed:
  // reading one is an error. Errors are runtime errors naming the path.
  virtual Result<std::string> read(std::string_view path, uint64_t max_bytes) const = 0;
  // The same into `buffer`, for content that is looked at once and not kept; the view is valid
  // until the buffer's next use. Views that read from disk override it to read straight in.
  virtual Result<std::string_view> read_into(std::string_view path, uint64_t max_bytes,
                                             ReadBuffer& buffer) const;

  // Reads several files whose content is looked at once and not kept: each(i, content) is
  // called for paths[i], in that order, on the calling thread, the content valid during the
  // call only. Errors are read_into's. The working tree overrides it to open, read and close a
  // batch of small files per system call.
  using ReadEach = std::function<void(size_t, Result<std::string_view>)>;
  virtual void read_many(std::span<const std::string_view> paths, uint64_t max_bytes,
                         const ReadEach& each) const;

  // "/home/u/proj (working tree)", "/srv/x.git at 1a2b3c4 (main)", ... for reports.
  virtual std::string describe() const = 0;

  // The full commit id when the view is a commit's tree or a working tree with a HEAD.
  virtual std::optional<std::string> commit() const = 0;

  // Whether read() may be called from several threads at once (a working tree's files may; a
  // commit's blobs come through one libgit2 repository, which may not).
  virtual bool reads_concurrently() const { return false; }

  // The history behind the view (for the git/ rules); nullptr for a folder outside git, an
  // unborn branch, or an in-memory view without one.
  virtual const History* history() const { return nullptr; }

  // When the audited folder is a subfolder of a repository (--root, or a path inside a working
  // tree): the files of that repository outside the folder that still govern it. They are the
  // files directly in each folder above it (a licence, a .gitignore) and, at the repository's
  // top, the CI definitions in the folders named by k_outer_ci_folders (GitHub runs the
  // workflows of the top only). Paths are relative to the audited folder, so that reports name
  // them as a reader would find them: "../../.github/workflows/ci.yml". Sorted; find() and read()
  // take them. Empty for a repository's top, a folder outside git, or an in-memory view without.
  virtual const std::vector<FileEntry>& outer_files() const;
  // The audited folder's path in its repository ("projects/churn"): "" for the repository's top,
  // a folder outside git, or an in-memory view not given one.
  virtual std::string_view folder_in_repository() const { return {}; }
  // How many folders the repository's top is above the audited folder: the parts of folder_in_repository().
  size_t outer_levels() const;

  // What the listing could not see, for the report's notes: files of a commit whose objects are
  // not in the repository (a partial clone), listed with size 0.
  virtual std::vector<std::string> listing_notes() const { return {}; }

  // Convenience lookups over files(), and over outer_files() for a path that starts with "../".
  const FileEntry* find(std::string_view path) const;
  bool exists(std::string_view path) const { return find(path) != nullptr; }
  bool has_folder(std::string_view folder) const; // any file below "folder/"
};

// The folders at the repository's top whose files outer_files() lists besides the top's own.
inline constexpr std::string_view k_outer_ci_folders[] = {".github/workflows", ".circleci", ".buildkite",
                                                          ".woodpecker"};

// An outer file's path taken apart: "../../LICENSE" -> {2, "LICENSE"}; "src/a.py" -> {0, "src/a.py"}.
struct OuterPath
{
  size_t levels = 0;     // folders up from the audited one
  std::string_view rest; // the path in that folder
};
OuterPath split_outer(std::string_view path);

// For views: the folders outer_files() lists for an audited folder at `prefix` in its repository
// ("projects/churn"), from the top down; each with its path in the repository ("" for the top,
// "projects", ".github/workflows") and the prefix its files are shown with ("../../",
// "../", "../../.github/workflows/").
struct OuterFolder
{
  std::string in_repository;
  std::string shown;
};
std::vector<OuterFolder> outer_folders(std::string_view prefix);

// A view held in memory: for tests and for the pass/fail examples of data rules.
class MemoryView : public RepoView
{
public:
  MemoryView() = default;
  // A path that starts with "../" adds an outer file (see RepoView::outer_files), for a view
  // given its folder_in_repository().
  void add(std::string path, std::string content);
  void set_folder_in_repository(std::string folder) { m_folder = std::move(folder); }
  void add_symlink(std::string path, std::string target);

  const std::vector<FileEntry>& files() const override { return m_files; }
  Result<std::string> read(std::string_view path, uint64_t max_bytes) const override;
  std::string describe() const override { return "(in memory)"; }
  std::optional<std::string> commit() const override { return std::nullopt; }
  bool reads_concurrently() const override { return true; } // reads only its own vectors
  const History* history() const override { return m_history.get(); }
  void set_history(std::unique_ptr<History> history) { m_history = std::move(history); }
  const std::vector<FileEntry>& outer_files() const override { return m_outer; }
  std::string_view folder_in_repository() const override { return m_folder; }

private:
  std::unique_ptr<History> m_history;
  std::vector<FileEntry> m_files;
  std::vector<std::string> m_contents; // parallel to m_files
  std::vector<FileEntry> m_outer;
  std::vector<std::string> m_outer_contents; // parallel to m_outer
  std::string m_folder;
};

// The working tree as its owner sees it: tracked files plus untracked files git does not
// ignore. A folder that is not inside a git repository: every file below it (no .git).
// `subdir` (may be empty) restricts the view to a project in a subfolder; paths are then
// relative to that subfolder.
Result<std::unique_ptr<RepoView>> open_working_tree(const std::filesystem::path& path,
                                                    std::string_view subdir);

// A commit's tree read straight from the object database (no checkout; bare repositories
// work). `rev` is anything git_revparse_single accepts.
// `display` names the repository in messages and reports (a URL for a cached clone); default
// the path.
Result<std::unique_ptr<RepoView>> open_revision(const std::filesystem::path& repo, std::string_view rev,
                                                std::string_view subdir, std::string_view display = {});

} // namespace mlfolio::lint
