// Repository::worktree_files: the files of a working tree as `git status` and `git ls-files`
// see them together, without reading any content.
//
// libgit2's status compares every indexed file with the disk and walks the whole tree for
// untracked files, one lstat per file on one thread, and then mlfolio needed another lstat per
// file for its size. Here the folders are listed and their files stat-ed (relative to the open
// folder, no path walk) on several threads while the index is read, each file once. What the
// index does not know is then asked of libgit2's ignore rules.

#include "core/fs.h"
#include "core/parallel.h"
#include "git/error.h"
#include "git/handles.h"
#include "git/index_file.h"
#include "git/repository.h"

#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <mutex>
#include <optional>
#include <span>
#include <sys/stat.h>
#include <thread>
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

// A file as the walk found it: the stat data the index is compared with.
struct Walked
{
  std::string name;
  uint64_t size = 0;
  mode_t mode = 0;
  ino_t ino = 0;
  struct timespec mtime = {};
  struct timespec ctime = {};
};

struct WalkedFolder
{
  std::string path; // workdir-relative, "" for the top
  std::vector<Walked> files;
};

// What the index says about the folder being walked.
struct IndexMap
{
  std::unordered_map<std::string_view, const IndexEntry*> files; // stage 0 or the first stage
  std::unordered_set<std::string_view> folders;                  // folders holding indexed files
  std::unordered_set<std::string_view> gitlinks;                 // submodules: never entered
};

IndexMap map_index(std::span<const IndexEntry> entries, std::string_view prefix)
{
  IndexMap map;
  map.files.reserve(entries.size());
  for (const IndexEntry& entry : entries) {
    const std::string_view path = entry.path;
    if (!is_under(path, prefix)) {
      continue;
    }
    if (entry.mode == GIT_FILEMODE_COMMIT) {
      map.gitlinks.insert(path);
    } else {
      map.files.try_emplace(path, &entry); // a conflicted file's stages share one path
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

// The entries of the repository's index: read by IndexFile or, in a format it does not know,
// by libgit2 (whose index then owns the entries' paths). No index file: no entries.
struct LoadedIndex
{
  std::optional<IndexFile> file;
  IndexPtr libgit2;
  std::vector<IndexEntry> libgit2_entries;

  std::span<const IndexEntry> entries() const
  {
    return file ? std::span(file->entries()) : std::span(libgit2_entries);
  }
};

Result<LoadedIndex> read_index(git_repository* repo, const std::string& path, bool exists,
                               const std::string& shown)
{
  LoadedIndex index;
  if (!exists) {
    return index;
  }
  if (auto bytes = fs::read_file(path)) {
    index.file = IndexFile::parse(std::move(*bytes));
    if (index.file) {
      return index;
    }
  }
  git_index* raw_index = nullptr;
  int code = git_repository_index(&raw_index, repo);
  index.libgit2.reset(raw_index);
  if (code == 0) {
    code = git_index_read(index.libgit2.get(), 0); // again if it changed on disk since it was loaded
  }
  if (code < 0) {
    return error("read the index of " + shown, code);
  }
  const size_t count = git_index_entrycount(index.libgit2.get());
  index.libgit2_entries.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    if (const git_index_entry* from = git_index_get_byindex(index.libgit2.get(), i)) {
      IndexEntry entry;
      entry.path = from->path;
      entry.id = to_object_id(from->id);
      entry.mode = from->mode;
      entry.file_size = from->file_size;
      entry.ino = from->ino;
      entry.ctime_seconds = from->ctime.seconds;
      entry.ctime_nanoseconds = from->ctime.nanoseconds;
      entry.mtime_seconds = from->mtime.seconds;
      entry.mtime_nanoseconds = from->mtime.nanoseconds;
      entry.stage = static_cast<uint8_t>(git_index_entry_stage(from));
      index.libgit2_entries.push_back(entry);
    }
  }
  return index;
}

// Whether the disk's stat data still match what the index recorded when the file was staged,
// so that the file's content is the indexed blob. A file changed in the same instant as the
// index was written ("racily clean") cannot be told apart by its stat data and does not count.
bool unchanged_since_indexed(const IndexEntry& entry, const Walked& file, const struct timespec& index_time)
{
  const bool same_kind = S_ISLNK(file.mode) ? entry.mode == GIT_FILEMODE_LINK
                                            : S_ISREG(file.mode) && entry.mode != GIT_FILEMODE_LINK;
  const bool executable = (file.mode & S_IXUSR) != 0;
  const bool same_mode = S_ISLNK(file.mode) || executable == (entry.mode == GIT_FILEMODE_BLOB_EXECUTABLE);
  const bool same_stat = static_cast<uint32_t>(file.size) == entry.file_size &&
                         static_cast<uint32_t>(file.ino) == entry.ino &&
                         static_cast<int32_t>(file.mtime.tv_sec) == entry.mtime_seconds &&
                         static_cast<uint32_t>(file.mtime.tv_nsec) == entry.mtime_nanoseconds &&
                         static_cast<int32_t>(file.ctime.tv_sec) == entry.ctime_seconds &&
                         static_cast<uint32_t>(file.ctime.tv_nsec) == entry.ctime_nanoseconds;
  const bool racy = file.mtime.tv_sec > index_time.tv_sec ||
                    (file.mtime.tv_sec == index_time.tv_sec && file.mtime.tv_nsec >= index_time.tv_nsec);
  return same_kind && same_mode && same_stat && !racy;
}

// Lists folders from a queue on several threads: each folder's files are stat-ed while it is
// open, and its subfolders are queued unless they are ".git", a repository of their own, or
// ignored. Which folders the index tracks is not known yet (it is read at the same time), so a
// folder left out here that holds tracked files is walked again afterwards (see skipped).
class Walker
{
public:
  Walker(std::string top, Repository::ListDepth depth) : m_top(std::move(top)), m_depth(depth) {}

  // Queues `path`, which is walked even if it is ignored or a repository of its own.
  void add(std::string path)
  {
    const std::lock_guard lock(m_mutex);
    m_pending.push_back(std::move(path));
  }

  // Walks until the queue is empty and no thread is busy; call from as many threads as wanted,
  // each with a repository handle of its own to ask the ignore rules with (libgit2's handles
  // are not for two threads at once).
  void work(const Repository& ignores)
  {
    std::unique_lock lock(m_mutex);
    while (true) {
      m_changed.wait(lock, [&] { return !m_pending.empty() || m_busy == 0 || m_failure; });
      if (m_pending.empty() || m_failure) {
        break;
      }
      std::string path = std::move(m_pending.back());
      m_pending.pop_back();
      ++m_busy;
      lock.unlock();
      std::vector<std::string> below;
      auto walked = walk(ignores, std::move(path), below);
      lock.lock();
      --m_busy;
      if (!walked) {
        m_failure = walked.error();
      } else {
        if (!walked->files.empty()) {
          m_folders.push_back(std::move(*walked));
        }
        m_pending.insert(m_pending.end(), std::make_move_iterator(below.begin()),
                         std::make_move_iterator(below.end()));
      }
      m_changed.notify_all();
    }
    m_changed.notify_all();
  }

  const std::optional<Error>& failure() const { return m_failure; }
  std::vector<WalkedFolder>& folders() { return m_folders; }
  // The folders left out for being ignored or repositories of their own; emptied by the call.
  std::vector<std::string> take_skipped() { return std::exchange(m_skipped, {}); }

private:
  Result<WalkedFolder> walk(const Repository& ignores, std::string path, std::vector<std::string>& below)
  {
    WalkedFolder folder{std::move(path), {}};
    const std::string full = folder.path.empty() ? m_top : m_top + '/' + folder.path;
    // O_NOFOLLOW: a folder replaced by a symlink since its parent was listed is not followed.
    const int fd = ::open(full.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    DIR* dir = fd < 0 ? nullptr : ::fdopendir(fd);
    if (dir == nullptr) {
      const int error_number = errno;
      if (fd >= 0) {
        ::close(fd);
      }
      if (m_started) {
        return folder; // gone, or not readable: git status would not list it either
      }
      return runtime_error("cannot list " + full + ": " + std::strerror(error_number));
    }
    m_started = true;
    std::vector<std::string> skipped;
    for (const dirent* item = ::readdir(dir); item != nullptr; item = ::readdir(dir)) {
      const std::string_view name = item->d_name;
      if (name == "." || name == ".." || name == ".git") {
        continue;
      }
      struct stat info = {};
      unsigned char type = item->d_type;
      bool stated = false;
      if (type == DT_UNKNOWN || type == DT_REG || type == DT_LNK) {
        if (::fstatat(fd, item->d_name, &info, AT_SYMLINK_NOFOLLOW) != 0) {
          continue; // gone since the folder was listed
        }
        stated = true;
        type = S_ISDIR(info.st_mode)   ? DT_DIR
               : S_ISLNK(info.st_mode) ? DT_LNK
               : S_ISREG(info.st_mode) ? DT_REG
                                       : DT_UNKNOWN;
      }
      if (type == DT_DIR) {
        if (m_depth == Repository::ListDepth::folder) {
          continue;
        }
        std::string sub = join(folder.path, name);
        struct stat git_entry = {};
        const std::string git_dir = std::string(name) + "/.git";
        bool leave_out = ::fstatat(fd, git_dir.c_str(), &git_entry, AT_SYMLINK_NOFOLLOW) == 0;
        if (!leave_out) {
          auto ignored = ignores.is_ignored(sub + '/');
          if (!ignored) {
            ::closedir(dir);
            return tl::unexpected(ignored.error());
          }
          leave_out = *ignored;
        }
        (leave_out ? skipped : below).push_back(std::move(sub));
        continue;
      }
      if (!stated || (type != DT_REG && type != DT_LNK)) {
        continue; // sockets, pipes, devices: not files of a project
      }
      folder.files.push_back({std::string(name), static_cast<uint64_t>(info.st_size), info.st_mode,
                              info.st_ino, info.st_mtim, info.st_ctim});
    }
    ::closedir(dir);
    if (!skipped.empty()) {
      const std::lock_guard lock(m_mutex);
      m_skipped.insert(m_skipped.end(), std::make_move_iterator(skipped.begin()),
                       std::make_move_iterator(skipped.end()));
    }
    return folder;
  }

  const std::string m_top;
  const Repository::ListDepth m_depth;
  std::mutex m_mutex;
  std::condition_variable m_changed;
  std::vector<std::string> m_pending;
  size_t m_busy = 0;
  std::atomic<bool> m_started = false; // the first folder, which must be listable, was
  std::optional<Error> m_failure;
  std::vector<WalkedFolder> m_folders;
  std::vector<std::string> m_skipped;
};

// Whether `path` or a folder above it is one of `folders`.
bool in_any(std::string_view path, const std::unordered_set<std::string_view>& folders)
{
  if (folders.empty()) {
    return false;
  }
  for (size_t end = path.size(); end != std::string_view::npos && end > 0; end = path.rfind('/', end - 1)) {
    if (folders.contains(path.substr(0, end))) {
      return true;
    }
  }
  return false;
}

} // namespace

Result<std::vector<WorktreeFile>> Repository::worktree_files(std::string_view prefix, unsigned threads,
                                                             ListDepth depth) const
{
  if (!m_workdir) {
    return runtime_error("cannot list the working tree of " + m_path.string() + ": it has none");
  }
  // The walk starts on threads of its own while this one reads the index, then joins it.
  Walker walker(m_workdir->string(), depth);
  walker.add(std::string(prefix));
  std::vector<std::jthread> walking;
  for (unsigned i = 1; i < threads; ++i) {
    walking.emplace_back([&walker, this] {
      const auto own = discover(m_path);
      if (own && *own) {
        walker.work(**own);
      } // else this thread does not help: the calling thread walks what is left
    });
  }

  // The index's time first: a file changed after it was read is then never taken as indexed.
  const std::string index_path = (git_dir() / "index").string();
  struct stat index_info = {};
  const bool has_index = ::stat(index_path.c_str(), &index_info) == 0;
  if (!has_index) {
    index_info.st_mtim = {0, 0}; // no index file yet: nothing is indexed
  }
  const auto index = read_index(m_repo.get(), index_path, has_index, m_path.string());
  const IndexMap indexed = index ? map_index(index->entries(), prefix) : IndexMap{};
  walker.work(*this);
  walking.clear(); // joined
  if (!index) {
    return tl::unexpected(index.error());
  }
  if (walker.failure()) {
    return tl::unexpected(*walker.failure());
  }
  // Folders the walk left out that hold tracked files (an ignored folder with files added by
  // force, a tracked folder with a .git of its own): walked now, on this thread.
  for (auto skipped = walker.take_skipped(); !skipped.empty(); skipped = walker.take_skipped()) {
    for (auto& path : skipped) {
      if (indexed.folders.contains(path) && !indexed.gitlinks.contains(path)) {
        walker.add(std::move(path));
      }
    }
    walker.work(*this);
    if (walker.failure()) {
      return tl::unexpected(*walker.failure());
    }
  }

  // Each folder's files are matched with the index, on several threads in a large tree: a hash
  // lookup and the index entry's stat data per file, cache misses mostly, which on one thread
  // took 13 ms of the 55 ms listing of the synthetic benchmark repository. A small tree is
  // matched on this thread, where starting threads would cost more. The files the index does
  // not know are asked of the ignore rules afterwards, on this thread (its libgit2 handle is for
  // one thread at a time).
  constexpr size_t k_parallel_files = 4096;
  struct Merged
  {
    std::vector<WorktreeFile> files;
    std::vector<const IndexEntry*> indexed; // parallel to files; null: untracked
  };
  const std::vector<WalkedFolder>& folders = walker.folders();
  size_t walked_files = 0;
  for (const WalkedFolder& folder : folders) {
    walked_files += folder.files.size();
  }
  std::vector<Merged> merged(folders.size());
  run_parallel(folders.size(), walked_files < k_parallel_files ? 1 : threads, [&](size_t i) {
    const WalkedFolder& folder = folders[i];
    if (in_any(folder.path, indexed.gitlinks)) {
      return; // a submodule's files, in a checkout without its .git
    }
    Merged& out = merged[i];
    out.files.reserve(folder.files.size());
    out.indexed.reserve(folder.files.size());
    for (const Walked& walked : folder.files) {
      WorktreeFile file{join(folder.path, walked.name), std::nullopt, walked.size, S_ISLNK(walked.mode)};
      const auto found = indexed.files.find(file.path);
      const IndexEntry* entry = found == indexed.files.end() ? nullptr : found->second;
      if (entry != nullptr && unchanged_since_indexed(*entry, walked, index_info.st_mtim)) {
        file.blob = entry->id;
      }
      out.files.push_back(std::move(file));
      out.indexed.push_back(entry);
    }
  });
  // In path order without sorting: the tracked files in the index's order (git keeps it sorted
  // by path, as bytes), the untracked ones sorted apart (few, as a rule) and merged in.
  const std::span<const IndexEntry> entries = index->entries();
  std::vector<WorktreeFile*> tracked(entries.size(), nullptr);
  std::vector<WorktreeFile*> untracked;
  for (Merged& folder : merged) {
    for (size_t i = 0; i < folder.files.size(); ++i) {
      WorktreeFile& file = folder.files[i];
      if (const IndexEntry* entry = folder.indexed[i]) {
        tracked[static_cast<size_t>(entry - entries.data())] = &file;
        continue;
      }
      TRY_ASSIGN(const bool ignored, is_ignored(file.path));
      if (!ignored) {
        untracked.push_back(&file);
      }
    }
  }
  const auto by_path = [](const WorktreeFile* a, const WorktreeFile* b) { return a->path < b->path; };
  std::sort(untracked.begin(), untracked.end(), by_path);
  std::erase(tracked, nullptr); // indexed files no longer on disk
  if (!std::is_sorted(tracked.begin(), tracked.end(), by_path)) {
    std::sort(tracked.begin(), tracked.end(), by_path); // an index out of order: not git's
  }
  std::vector<WorktreeFile*> ordered(tracked.size() + untracked.size());
  std::merge(tracked.begin(), tracked.end(), untracked.begin(), untracked.end(), ordered.begin(), by_path);
  std::vector<WorktreeFile> files;
  files.reserve(ordered.size());
  for (WorktreeFile* file : ordered) {
    files.push_back(std::move(*file));
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
