// Repository::worktree_files: the files of a working tree as `git status` and `git ls-files`
// see them together, without reading any content.

#include "git/error.h"
#include "git/handles.h"
#include "git/repository.h"

#include <unordered_set>

namespace mlfolio::git {

namespace {

bool is_under(std::string_view path, std::string_view prefix)
{
  return prefix.empty()
         || (path.size() > prefix.size() && path.starts_with(prefix) && path[prefix.size()] == '/');
}

bool has_wildcard(std::string_view text)
{
  return text.find_first_of("*?[\\") != std::string_view::npos;
}

} // namespace

Result<std::vector<WorktreeFile>> Repository::worktree_files(std::string_view prefix) const
{
  // Only index -> working tree: untracked files (ignored ones left out) and deleted ones.
  git_status_options options = GIT_STATUS_OPTIONS_INIT;
  options.show = GIT_STATUS_SHOW_WORKDIR_ONLY;
  options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS
                  | GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
  std::string pathspec(prefix);
  char* pathspec_strings[] = {pathspec.data()};
  if (!prefix.empty() && !has_wildcard(prefix)) { // lets libgit2 walk only that folder
    options.pathspec = {pathspec_strings, 1};
    options.flags |= GIT_STATUS_OPT_DISABLE_PATHSPEC_MATCH;
  }
  git_status_list* raw_status = nullptr;
  int code = git_status_list_new(&raw_status, m_repo.get(), &options);
  const StatusListPtr status(raw_status);
  if (code < 0) {
    return error("read the status of the working tree " + m_path.string(), code);
  }

  std::vector<WorktreeFile> files;
  std::unordered_set<std::string_view> deleted;
  std::unordered_set<std::string_view> changed; // content may differ from the indexed blob
  const size_t status_count = git_status_list_entrycount(status.get());
  for (size_t i = 0; i < status_count; ++i) {
    const git_status_entry* entry = git_status_byindex(status.get(), i);
    if (entry == nullptr || entry->index_to_workdir == nullptr) {
      continue;
    }
    if ((entry->status & GIT_STATUS_WT_DELETED) != 0) {
      deleted.insert(entry->index_to_workdir->old_file.path);
    } else if ((entry->status & GIT_STATUS_WT_NEW) != 0) {
      const std::string_view path = entry->index_to_workdir->new_file.path;
      if (!path.ends_with('/') && is_under(path, prefix)) { // "x/": a nested repository
        files.push_back({std::string(path), std::nullopt});
      }
    } else if (entry->status != GIT_STATUS_CURRENT) {
      changed.insert(entry->index_to_workdir->old_file.path);
    }
  }

  git_index* raw_index = nullptr;
  code = git_repository_index(&raw_index, m_repo.get()); // the index status has just refreshed
  const IndexPtr index(raw_index);
  if (code < 0) {
    return error("read the index of " + m_path.string(), code);
  }
  const size_t index_count = git_index_entrycount(index.get());
  files.reserve(files.size() + index_count);
  std::string_view previous;
  for (size_t i = 0; i < index_count; ++i) {
    const git_index_entry* entry = git_index_get_byindex(index.get(), i);
    if (entry == nullptr || entry->mode == GIT_FILEMODE_COMMIT) {
      continue;
    }
    const std::string_view path = entry->path;
    if (path == previous) { // the stages of a conflicted file
      continue;
    }
    previous = path;
    if (is_under(path, prefix) && !deleted.contains(path)) {
      WorktreeFile file{std::string(path), std::nullopt};
      if (!changed.contains(path) && entry->mode != GIT_FILEMODE_LINK) {
        file.blob = to_object_id(entry->id);
      }
      files.push_back(std::move(file));
    }
  }
  return files;
}

Result<bool> Repository::is_ignored(std::string_view path) const
{
  int ignored = 0;
  const int code = git_ignore_path_is_ignored(&ignored, m_repo.get(), std::string(path).c_str());
  if (code < 0) {
    return error("check whether " + std::string(path) + " is ignored in " + m_path.string(), code);
  }
  return ignored == 1;
}

} // namespace mlfolio::git
