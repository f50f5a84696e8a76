// A commit's tree read straight from the object database.

#include "lint/git_tree_view.h"

#include "core/pool.h"
#include "git/repository.h"
#include "lint/wording.h"

#include <algorithm>

namespace mlfolio::lint {

namespace stdfs = std::filesystem;

namespace {

class GitTreeView final : public RepoView
{
public:
  // `outer_files`: see RepoView::outer_files, their paths already relative to the audited folder.
  GitTreeView(git::Repository repo, std::vector<git::TreeFile> tree_files,
              std::vector<git::TreeFile> outer_files, std::string folder, std::string description,
              std::string commit, std::unique_ptr<History> history)
      : m_folder(std::move(folder)), m_description(std::move(description)), m_commit(std::move(commit)),
        m_history(std::move(history))
  {
    m_path = repo.path().string();
    m_repositories.add(std::make_unique<git::Repository>(std::move(repo)));
    std::vector<std::string> missing;
    for (auto& file : tree_files) {
      if (file.missing) {
        missing.push_back(file.path);
      }
      m_files.push_back(FileEntry{std::move(file.path), file.size, file.is_symlink, file.blob, file.missing});
    }
    if (!missing.empty()) {
      std::sort(missing.begin(), missing.end());
      const bool one = missing.size() == 1;
      m_listing_notes.push_back(m_description + ": " + count_of(missing.size(), "file") +
                                (one ? " has" : " have") +
                                " no object in the repository (a partial clone?), so " +
                                (one ? "its size and content were" : "their sizes and contents were") +
                                " not checked: " + join_some(missing, 5));
    }
    for (auto& file : outer_files) {
      m_outer.push_back(FileEntry{std::move(file.path), file.size, file.is_symlink, file.blob});
    }
    const auto by_path = [](const FileEntry& a, const FileEntry& b) { return a.path < b.path; };
    std::sort(m_files.begin(), m_files.end(), by_path);
    std::sort(m_outer.begin(), m_outer.end(), by_path);
  }

  const std::vector<FileEntry>& files() const override { return m_files; }
  const std::vector<FileEntry>& outer_files() const override { return m_outer; }
  std::string_view folder_in_repository() const override { return m_folder; }
  std::vector<std::string> listing_notes() const override { return m_listing_notes; }
  std::string describe() const override { return m_description; }
  std::optional<std::string> commit() const override { return m_commit; }
  const History* history() const override { return m_history.get(); }
  // A libgit2 repository may not be used by two threads at once: each reading thread borrows one
  // of its own (opened on first need), and blobs are inflated on every core.
  bool reads_concurrently() const override { return true; }

  Result<std::string> read(std::string_view path, uint64_t max_bytes) const override
  {
    const FileEntry* entry = find(path);
    if (entry == nullptr) {
      return runtime_error("cannot read " + std::string(path) + " in " + m_description + ": no such file");
    }
    if (entry->is_symlink) {
      return runtime_error("cannot read " + std::string(path) +
                           ": it is a symbolic link, which is never followed");
    }
    TRY_ASSIGN(const auto repo, m_repositories.borrow([&]() -> Result<std::unique_ptr<git::Repository>> {
      TRY_ASSIGN(auto opened, git::Repository::discover(m_path));
      if (!opened) {
        return runtime_error("cannot open the repository of " + m_description + " again to read it");
      }
      return std::make_unique<git::Repository>(std::move(*opened));
    }));
    return repo->read_blob(*entry->blob, max_bytes, path);
  }

private:
  // Not in use by a reading thread (see reads_concurrently).
  mutable Pool<git::Repository> m_repositories;
  std::string m_path;             // what the first repository was opened from
  std::vector<FileEntry> m_files; // every entry has its blob id
  std::vector<FileEntry> m_outer;
  std::string m_folder;
  std::string m_description;
  std::string m_commit;
  std::unique_ptr<History> m_history;
  std::vector<std::string> m_listing_notes;
};

std::string join(std::string_view folder, std::string_view path)
{
  if (folder.empty() || path.empty()) {
    return std::string(folder.empty() ? path : folder);
  }
  return std::string(folder) + '/' + std::string(path);
}

// The outer files (RepoView::outer_files) of the folder at `prefix` in the tree `root`.
Result<std::vector<git::TreeFile>> outer_tree_files(const git::Repository& repo, const git::ObjectId& root,
                                                    std::string_view prefix)
{
  std::vector<git::TreeFile> outer;
  for (const OuterFolder& folder : outer_folders(prefix)) {
    TRY_ASSIGN(const auto tree, repo.find_tree(root, folder.in_repository));
    if (!tree) {
      continue;
    }
    TRY_ASSIGN(auto files,
               repo.list_tree(*tree, git::Repository::TreeSizes::read, git::Repository::ListDepth::folder));
    for (auto& file : files) {
      file.path = folder.shown + file.path;
      outer.push_back(std::move(file));
    }
  }
  return outer;
}

} // namespace

Result<std::unique_ptr<RepoView>> open_git_tree_view(const stdfs::path& folder, std::string_view rev,
                                                     const std::string& subdir, const std::string& display)
{
  TRY_ASSIGN(auto found, git::Repository::discover(folder));
  if (!found) {
    return usage_error("cannot audit " + display + " at '" + std::string(rev) +
                       "': it is not in a git repository. Give the path of a git repository, bare or not.");
  }
  git::Repository repo = std::move(*found);
  TRY_ASSIGN(const git::ObjectId commit, repo.resolve_commit(rev));
  TRY_ASSIGN(const git::ObjectId root_tree, repo.tree_of(commit));

  const std::string where = display + " at " + commit.short_hex() + " (" + std::string(rev) + ")";
  // A folder inside a working tree stands for that folder in every commit.
  std::error_code error;
  const stdfs::path canonical = stdfs::canonical(folder, error);
  // The repository folder itself (a bare repository, or a git folder without a config that git
  // takes for non-bare) stands for the whole tree.
  std::error_code git_dir_error;
  const stdfs::path git_dir = stdfs::canonical(repo.git_dir(), git_dir_error);
  const bool is_git_dir = !error && !git_dir_error && canonical == git_dir;
  const std::string prefix =
      error || is_git_dir ? std::string() : repo.workdir_relative(canonical).value_or("");
  const std::string audited = join(prefix, subdir);
  TRY_ASSIGN(const auto tree, repo.find_tree(root_tree, audited));
  if (!tree && subdir.empty()) {
    return usage_error("cannot audit " + where + ": the folder does not exist in that commit.");
  }
  if (!tree) {
    return usage_error("no folder '" + subdir + "' in " + where +
                       ". Check --root: it names a folder relative to " + display + ".");
  }
  TRY_ASSIGN(auto tree_files, repo.list_tree(*tree));
  TRY_ASSIGN(auto outer_files, outer_tree_files(repo, root_tree, audited));
  const std::string description = subdir.empty() ? where : where + ", folder " + subdir;
  TRY_ASSIGN(auto history, open_git_history(repo.git_dir().string(), commit.hex()));
  return std::make_unique<GitTreeView>(std::move(repo), std::move(tree_files), std::move(outer_files),
                                       audited, description, commit.hex(), std::move(history));
}

} // namespace mlfolio::lint
