// Repository::worktree_files: the files of a working tree as `git status` and `git ls-files`
// see them together, without reading any content.
//
// libgit2's status compares every indexed file with the disk and walks the whole tree for
// untracked files, one lstat per file on one thread, and then mlfolio needed another lstat per
// file for its size. Here the index is read once, the folders are listed once, and each file is
// stat-ed once, relative to its open folder (no path walk), on several threads. Only what the
// index does not know is asked of libgit2's ignore rules.

#include "core/parallel.h"
#include "git/error.h"
#include "git/handles.h"
#include "git/repository.h"

#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_map>
#include <unordered_set>

namespace mlfolio::git {

namespace {

bool is_under(std::string_view path, std::string_view prefix)
{
  return prefix.empty() ||
         (path.size() > prefix.size() && path.starts_with(prefix) && path[prefix.size()] == '/');
}

std::string join(std::string_view folder, std::string_view name)
{
  std::string path;
  path.reserve(folder.size() + 1 + name.size());
  path.append(folder);
  if (!folder.empty()) {
    path += '/';
  }
  path.append(name);
  return path;
}

class Folder
{
public:
  explicit Folder(const std::string& path)
      : m_fd(::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC))
  {
  }
  ~Folder()
  {
    if (m_fd >= 0) {
      ::close(m_fd);
    }
  }
  Folder(const Folder&) = delete;
  Folder& operator=(const Folder&) = delete;
  int fd() const { return m_fd; }

private:
  int m_fd;
};

// One entry of a listed folder, to be stat-ed.
struct Listed
{
  std::string name;
  const git_index_entry* indexed = nullptr; // nullptr: untracked and not ignored
};

struct ListedFolder
{
  std::string path; // workdir-relative, "" for the top
  std::vector<Listed> entries;
};

// What the index says about the folder being walked.
struct IndexMap
{
  std::unordered_map<std::string_view, const git_index_entry*> files; // stage 0 or the first stage
  std::unordered_set<std::string_view> folders;                       // folders holding indexed files
  std::unordered_set<std::string_view> gitlinks;                      // submodules: never entered
};

IndexMap map_index(git_index* index, std::string_view prefix)
{
  IndexMap map;
  const size_t count = git_index_entrycount(index);
  map.files.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    const git_index_entry* entry = git_index_get_byindex(index, i);
    if (entry == nullptr) {
      continue;
    }
    const std::string_view path = entry->path;
    if (!is_under(path, prefix)) {
      continue;
    }
    if (entry->mode == GIT_FILEMODE_COMMIT) {
      map.gitlinks.insert(path);
    } else {
      map.files.try_emplace(path, entry); // a conflicted file's stages share one path
    }
    for (size_t slash = path.rfind('/'); slash != std::string_view::npos && slash > 0;
         slash = path.rfind('/', slash - 1)) {
      if (!map.folders.insert(path.substr(0, slash)).second) {
        break; // this folder and the ones above it are known already
      }
    }
  }
  return map;
}

// Whether the disk's stat data still match what the index recorded when the file was staged,
// so that the file's content is the indexed blob. A file changed in the same instant as the
// index was written ("racily clean") cannot be told apart by its stat data and does not count.
bool unchanged_since_indexed(const git_index_entry& entry, const struct stat& info,
                             const struct timespec& index_time)
{
  const bool same_kind = S_ISLNK(info.st_mode) ? entry.mode == GIT_FILEMODE_LINK
                                               : S_ISREG(info.st_mode) && entry.mode != GIT_FILEMODE_LINK;
  const bool executable = (info.st_mode & S_IXUSR) != 0;
  const bool same_mode = S_ISLNK(info.st_mode) || executable == (entry.mode == GIT_FILEMODE_BLOB_EXECUTABLE);
  const bool same_stat = static_cast<uint32_t>(info.st_size) == entry.file_size &&
                         static_cast<uint32_t>(info.st_ino) == entry.ino &&
                         static_cast<int32_t>(info.st_mtim.tv_sec) == entry.mtime.seconds &&
                         static_cast<uint32_t>(info.st_mtim.tv_nsec) == entry.mtime.nanoseconds &&
                         static_cast<int32_t>(info.st_ctim.tv_sec) == entry.ctime.seconds &&
                         static_cast<uint32_t>(info.st_ctim.tv_nsec) == entry.ctime.nanoseconds;
  const bool racy = info.st_mtim.tv_sec > index_time.tv_sec ||
                    (info.st_mtim.tv_sec == index_time.tv_sec && info.st_mtim.tv_nsec >= index_time.tv_nsec);
  return same_kind && same_mode && same_stat && !racy;
}

} // namespace

Result<std::vector<WorktreeFile>> Repository::worktree_files(std::string_view prefix, unsigned threads,
                                                             ListDepth depth) const
{
  if (!m_workdir) {
    return runtime_error("cannot list the working tree of " + m_path.string() + ": it has none");
  }
  git_index* raw_index = nullptr;
  int code = git_repository_index(&raw_index, m_repo.get());
  const IndexPtr index(raw_index);
  if (code == 0) {
    code = git_index_read(index.get(), 0); // again if it changed on disk since it was loaded
  }
  if (code < 0) {
    return error("read the index of " + m_path.string(), code);
  }
  struct stat index_info = {};
  const char* index_path = git_index_path(index.get());
  if (index_path == nullptr || ::stat(index_path, &index_info) != 0) {
    index_info.st_mtim = {0, 0}; // no index file yet: nothing is indexed
  }
  const IndexMap indexed = map_index(index.get(), prefix);
  const std::string top = m_workdir->string();

  // The folders, listed one by one from the prefix down. Untracked entries are checked against
  // the ignore rules here; a folder git ignores, or a nested repository, is not entered.
  std::vector<ListedFolder> folders;
  std::vector<std::string> pending{std::string(prefix)};
  while (!pending.empty()) {
    ListedFolder folder{std::move(pending.back()), {}};
    pending.pop_back();
    const std::string full = folder.path.empty() ? top : top + '/' + folder.path;
    DIR* dir = ::opendir(full.c_str());
    if (dir == nullptr) {
      if (folder.path == prefix) {
        return runtime_error("cannot list " + full + ": " + std::strerror(errno));
      }
      continue; // gone, or not readable: git status would not list it either
    }
    for (const dirent* item = ::readdir(dir); item != nullptr; item = ::readdir(dir)) {
      const std::string_view name = item->d_name;
      if (name == "." || name == ".." || name == ".git") {
        continue;
      }
      std::string path = join(folder.path, name);
      unsigned char type = item->d_type;
      if (type == DT_UNKNOWN) {
        struct stat info = {};
        type = ::fstatat(::dirfd(dir), item->d_name, &info, AT_SYMLINK_NOFOLLOW) != 0 ? DT_UNKNOWN
               : S_ISDIR(info.st_mode)                                                ? DT_DIR
               : S_ISLNK(info.st_mode)                                                ? DT_LNK
               : S_ISREG(info.st_mode)                                                ? DT_REG
                                                                                      : DT_UNKNOWN;
      }
      if (type == DT_DIR) {
        if (depth == ListDepth::folder || indexed.gitlinks.contains(path)) {
          continue;
        }
        if (!indexed.folders.contains(path)) { // untracked: unless ignored or a repository of its own
          TRY_ASSIGN(const bool ignored, is_ignored(path + '/'));
          struct stat git_entry = {};
          const std::string git_dir = std::string(name) + "/.git";
          if (ignored || ::fstatat(::dirfd(dir), git_dir.c_str(), &git_entry, AT_SYMLINK_NOFOLLOW) == 0) {
            continue;
          }
        }
        pending.push_back(std::move(path));
        continue;
      }
      if (type != DT_REG && type != DT_LNK) {
        continue; // sockets, pipes, devices: not files of a project
      }
      const auto found = indexed.files.find(path);
      if (found == indexed.files.end()) {
        TRY_ASSIGN(const bool ignored, is_ignored(path));
        if (ignored) {
          continue;
        }
        folder.entries.push_back({std::string(name), nullptr});
      } else {
        folder.entries.push_back({std::string(name), found->second});
      }
    }
    ::closedir(dir);
    if (!folder.entries.empty()) {
      folders.push_back(std::move(folder));
    }
  }

  // One lstat per file, relative to its folder's descriptor, a folder per task.
  std::vector<std::vector<WorktreeFile>> found(folders.size());
  run_parallel(folders.size(), threads, [&](size_t i) {
    const ListedFolder& folder = folders[i];
    const Folder open(folder.path.empty() ? top : top + '/' + folder.path);
    if (open.fd() < 0) {
      return; // replaced by a symlink since it was listed: never followed
    }
    for (const Listed& entry : folder.entries) {
      struct stat info = {};
      if (::fstatat(open.fd(), entry.name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0 ||
          !(S_ISREG(info.st_mode) || S_ISLNK(info.st_mode))) {
        continue; // gone since the folder was listed, or no longer a file
      }
      WorktreeFile file{join(folder.path, entry.name), std::nullopt, static_cast<uint64_t>(info.st_size),
                        S_ISLNK(info.st_mode)};
      if (entry.indexed != nullptr && unchanged_since_indexed(*entry.indexed, info, index_info.st_mtim)) {
        file.blob = to_object_id(entry.indexed->id);
      }
      found[i].push_back(std::move(file));
    }
  });
  std::vector<WorktreeFile> files;
  for (auto& group : found) {
    files.insert(files.end(), std::make_move_iterator(group.begin()), std::make_move_iterator(group.end()));
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
