// The working tree as its owner sees it (through git when there is a repository), read from disk.

#include "lint/working_tree_view.h"

#include "core/batch_read.h"
#include "core/fs.h"
#include "core/parallel.h"
#include "core/text.h"
#include "git/repository.h"
#include "lint/history.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <type_traits>
#include <unistd.h>
#include <utility>

namespace mlfolio::lint {

namespace stdfs = std::filesystem;

namespace {

class FileDescriptor
{
public:
  explicit FileDescriptor(int fd) : m_fd(fd) {}
  ~FileDescriptor()
  {
    if (m_fd >= 0) {
      ::close(m_fd);
    }
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  FileDescriptor(FileDescriptor&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}
  FileDescriptor& operator=(FileDescriptor&& other) noexcept
  {
    std::swap(m_fd, other.m_fd);
    return *this;
  }
  int get() const { return m_fd; }

private:
  int m_fd;
};

struct FreeWithFree
{
  void operator()(char* text) const noexcept { std::free(text); }
};

class WorkingTreeView final : public RepoView
{
public:
  WorkingTreeView(std::string root, std::string description, std::vector<FileEntry> files,
                  std::optional<std::string> commit, std::unique_ptr<History> history)
      : m_root(std::move(root)), m_root_fd(::open(m_root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)),
        m_description(std::move(description)), m_files(std::move(files)), m_commit(std::move(commit)),
        m_history(std::move(history))
  {
  }

  // The outer files (see RepoView::outer_files) of the audited folder, at `folder` below `top`,
  // the working tree's top; `in_repository` is parallel to `files`: their paths relative to `top`.
  void set_outer(std::string top, std::string folder, std::vector<FileEntry> files,
                 std::vector<std::string> in_repository)
  {
    m_folder = std::move(folder);
    m_top = std::move(top);
    m_top_fd = FileDescriptor(::open(m_top.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    m_outer = std::move(files);
    m_outer_in_repository = std::move(in_repository);
  }

  const std::vector<FileEntry>& files() const override { return m_files; }
  const std::vector<FileEntry>& outer_files() const override { return m_outer; }
  std::string_view folder_in_repository() const override { return m_folder; }
  Result<std::string> read(std::string_view path, uint64_t max_bytes) const override;
  Result<std::string_view> read_into(std::string_view path, uint64_t max_bytes,
                                     ReadBuffer& buffer) const override;
  void read_many(std::span<const std::string_view> paths, uint64_t max_bytes,
                 const ReadEach& each) const override;
  std::string describe() const override { return m_description; }
  std::optional<std::string> commit() const override { return m_commit; }
  bool reads_concurrently() const override { return true; } // each read opens its own file
  const History* history() const override { return m_history.get(); }

private:
  // -1 and errno; ENOSYS without openat2
  static int open_beneath(const FileDescriptor& folder, const std::string& relative);
  template <typename Content>
  Result<void> read_file(std::string_view path, uint64_t max_bytes, Content& content) const;

  std::string m_root; // canonical, no trailing slash
  FileDescriptor m_root_fd;
  std::string m_description;
  std::vector<FileEntry> m_files;
  std::optional<std::string> m_commit;
  std::unique_ptr<History> m_history;
  std::string m_top; // canonical; set with the outer files
  FileDescriptor m_top_fd{-1};
  std::vector<FileEntry> m_outer;
  std::vector<std::string> m_outer_in_repository; // parallel to m_outer
  std::string m_folder;
};

int WorkingTreeView::open_beneath(const FileDescriptor& folder, const std::string& relative)
{
  if (folder.get() < 0) {
    errno = ENOSYS;
    return -1;
  }
  open_how how{};
  how.flags = O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC; // a file swapped for a pipe does not block
  how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
  return static_cast<int>(::syscall(SYS_openat2, folder.get(), relative.c_str(), &how, sizeof how));
}

// Reads at most `max_bytes` of an open file of `size` bytes (as fstat said) into `content`, a
// std::string or a ReadBuffer; an errno on failure.
template <typename Content> int read_open_file(int fd, uint64_t size, uint64_t max_bytes, Content& content)
{
  // One read of the size fstat gives (plus one byte to see the end) covers nearly every file.
  const uint64_t expected = std::min<uint64_t>(max_bytes, size + 1);
  content.resize(0);
  if constexpr (std::is_same_v<Content, std::string>) {
    content.reserve(static_cast<size_t>(expected));
  }
  while (content.size() < max_bytes) {
    constexpr uint64_t k_chunk = 1 << 16;
    const size_t old_size = content.size();
    const uint64_t step = old_size < expected ? expected - old_size : k_chunk;
    const auto want = static_cast<size_t>(std::min<uint64_t>(max_bytes - old_size, step));
    content.resize(old_size + want);
    const ssize_t got = ::read(fd, content.data() + old_size, want);
    if (got < 0 && errno == EINTR) {
      content.resize(old_size);
      continue;
    }
    if (got < 0) {
      return errno;
    }
    content.resize(old_size + static_cast<size_t>(got));
    if (got == 0 || (static_cast<size_t>(got) < want && content.size() >= size)) {
      break; // the end, or a short read of all the bytes fstat counted: no read just to see 0
    }
  }
  return 0;
}

template <typename Content>
Result<void> WorkingTreeView::read_file(std::string_view path, uint64_t max_bytes, Content& content) const
{
  const std::string shown(path);
  const auto fail = [&](std::string_view reason) {
    return runtime_error("cannot read " + shown + " in " + m_description + ": " + std::string(reason));
  };
  const FileEntry* entry = find(path);
  if (entry == nullptr) {
    return fail("no such file");
  }
  if (entry->is_symlink) {
    return runtime_error("cannot read " + shown + ": it is a symbolic link, which is never followed");
  }
  // Whatever was renamed or linked since the listing, never read outside the root (for an outer
  // file: the working tree's top): the kernel resolves the path below it and refuses any symlink
  // on the way (openat2, Linux 5.6+); older kernels get the same guarantee from realpath.
  const bool outer = path.starts_with("../");
  const std::string& base = outer ? m_top : m_root;
  const std::string& relative =
      outer ? m_outer_in_repository[static_cast<size_t>(entry - m_outer.data())] : shown;
  FileDescriptor file(open_beneath(outer ? m_top_fd : m_root_fd, relative));
  if (file.get() < 0 && errno == ENOSYS) {
    const std::string full = base + '/' + relative;
    const std::unique_ptr<char, FreeWithFree> resolved(::realpath(full.c_str(), nullptr));
    if (resolved == nullptr) {
      return fail(fs::describe_errno(errno));
    }
    if (!std::string_view(resolved.get()).starts_with(base + '/')) {
      return fail("it resolves to a place outside the folder");
    }
    file = FileDescriptor(::open(resolved.get(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
  } else if (file.get() < 0 && (errno == ELOOP || errno == EXDEV)) {
    return fail("a folder on its way is a symbolic link, which is never followed");
  }
  struct stat info = {};
  if (file.get() < 0 || ::fstat(file.get(), &info) != 0) {
    return fail(fs::describe_errno(errno));
  }
  if (!S_ISREG(info.st_mode)) {
    return fail("not a regular file");
  }
  if (const int error = read_open_file(file.get(), static_cast<uint64_t>(info.st_size), max_bytes, content)) {
    return fail(fs::describe_errno(error));
  }
  return {};
}

Result<std::string> WorkingTreeView::read(std::string_view path, uint64_t max_bytes) const
{
  std::string content;
  TRY(read_file(path, max_bytes, content));
  return content;
}

Result<std::string_view> WorkingTreeView::read_into(std::string_view path, uint64_t max_bytes,
                                                    ReadBuffer& buffer) const
{
  TRY(read_file(path, max_bytes, buffer));
  return buffer.view();
}

void WorkingTreeView::read_many(std::span<const std::string_view> paths, uint64_t max_bytes,
                                const ReadEach& each) const
{
  // Files above this size are read one by one: a batch's memory stays small.
  constexpr uint64_t k_batched_size = 64 * 1024;
  thread_local fs::BatchReader reader;
  thread_local ReadBuffer buffer;
  std::vector<fs::BatchReader::Request> requests;
  std::vector<const FileEntry*> batched; // parallel to the batch's paths; null: read one by one
  for (size_t start = 0; start < paths.size(); start += fs::BatchReader::k_batch) {
    const size_t end = std::min(paths.size(), start + fs::BatchReader::k_batch);
    requests.clear();
    batched.assign(end - start, nullptr);
    for (size_t i = start; i < end && reader.available() && m_root_fd.get() >= 0; ++i) {
      const FileEntry* entry = paths[i].starts_with("../") ? nullptr : find(paths[i]);
      if (entry != nullptr && !entry->is_symlink && entry->size < k_batched_size) {
        batched[i - start] = entry;
        requests.push_back({std::string(paths[i]), std::min(max_bytes, entry->size + 1)});
      }
    }
    const auto& outcomes = reader.available() && !requests.empty() ? reader.read(m_root_fd.get(), requests)
                                                                   : std::vector<fs::BatchReader::Outcome>();
    size_t next = 0;
    for (size_t i = start; i < end; ++i) {
      const FileEntry* entry = batched[i - start];
      const fs::BatchReader::Outcome* outcome =
          entry != nullptr && next < outcomes.size() ? &outcomes[next++] : nullptr;
      // Anything unusual is read again the careful way, which names the problem: an error, a
      // file that grew since it was listed (all of the one byte more than its size came back),
      // or nothing where the listing saw bytes (emptied, or swapped for a pipe).
      const bool changed =
          outcome != nullptr &&
          ((requests[next - 1].want == entry->size + 1 && outcome->bytes.size() == entry->size + 1) ||
           (outcome->bytes.empty() && entry->size > 0));
      if (outcome != nullptr && outcome->error == 0 && !changed) {
        each(i, outcome->bytes);
      } else {
        each(i, read_into(paths[i], max_bytes, buffer));
      }
    }
  }
}

// A regular file or symlink at `full`, as lstat sees it (never followed); nullopt for anything else.
std::optional<FileEntry> file_entry(const std::string& full, std::string relative)
{
  struct stat info = {};
  if (::lstat(full.c_str(), &info) != 0) {
    return std::nullopt; // gone since git or the folder walk saw it
  }
  const bool is_symlink = S_ISLNK(info.st_mode);
  if (!is_symlink && !S_ISREG(info.st_mode)) {
    return std::nullopt;
  }
  return FileEntry{std::move(relative), static_cast<uint64_t>(info.st_size), is_symlink, std::nullopt};
}

// `prefix` is the audited folder's place in the working tree ("" for its top).
Result<std::vector<FileEntry>> list_with_git(const git::Repository& repo, const std::string& prefix)
{
  TRY_ASSIGN(std::vector<git::WorktreeFile> listed, repo.worktree_files(prefix, scan_threads()));
  const size_t skip = prefix.empty() ? 0 : prefix.size() + 1;
  std::vector<FileEntry> files;
  files.reserve(listed.size());
  for (auto& file : listed) {
    files.push_back(FileEntry{skip == 0 ? std::move(file.path) : file.path.substr(skip), file.size,
                              file.is_symlink, file.blob});
  }
  return files;
}

// Whether `path` (relative to `top`) is a folder reached without a symbolic link on the way.
bool plain_folder(const std::string& top, std::string_view path)
{
  std::string at = top;
  for (const std::string_view part : text::split(path, '/')) {
    at += '/';
    at += part;
    struct stat info = {};
    if (::lstat(at.c_str(), &info) != 0 || !S_ISDIR(info.st_mode)) {
      return false;
    }
  }
  return true;
}

// The outer files (see RepoView::outer_files) of the folder at `prefix` in `repo`'s working tree:
// their entries, shown relative to that folder, and their paths in the working tree.
Result<std::pair<std::vector<FileEntry>, std::vector<std::string>>> list_outer(const git::Repository& repo,
                                                                               std::string_view prefix)
{
  std::vector<std::pair<FileEntry, std::string>> found;
  const std::string top = repo.workdir()->string();
  for (const OuterFolder& folder : outer_folders(prefix)) {
    if (!plain_folder(top, folder.in_repository)) {
      continue; // no such folder, or one reached through a symlink, which is never followed
    }
    TRY_ASSIGN(auto listed, repo.worktree_files(folder.in_repository, 1, git::Repository::ListDepth::folder));
    const size_t skip = folder.in_repository.empty() ? 0 : folder.in_repository.size() + 1;
    for (auto& file : listed) {
      FileEntry entry{folder.shown + file.path.substr(skip), file.size, file.is_symlink, file.blob};
      found.emplace_back(std::move(entry), std::move(file.path));
    }
  }
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.first.path < b.first.path; });
  std::pair<std::vector<FileEntry>, std::vector<std::string>> outer;
  for (auto& [entry, in_repository] : found) {
    outer.first.push_back(std::move(entry));
    outer.second.push_back(std::move(in_repository));
  }
  return outer;
}

// A folder outside any repository: everything below it but .git, symlinks never followed.
Result<std::vector<FileEntry>> list_folder(const std::string& root, const std::string& description)
{
  std::vector<FileEntry> files;
  std::error_code error;
  stdfs::recursive_directory_iterator it(root, stdfs::directory_options::skip_permission_denied, error);
  for (; !error && it != stdfs::recursive_directory_iterator(); it.increment(error)) {
    const stdfs::directory_entry& entry = *it;
    if (entry.path().filename() == ".git") {
      it.disable_recursion_pending();
      continue;
    }
    if (!entry.is_symlink() && entry.is_directory(error)) {
      continue; // descended into; symlinked folders are listed as symlinks instead
    }
    std::string full = entry.path().string();
    if (auto file = file_entry(full, full.substr(root.size() + 1))) {
      files.push_back(std::move(*file));
    }
  }
  if (error) {
    return runtime_error("cannot list the files of " + description + ": " + error.message());
  }
  return files;
}

// The canonical folder to list: `folder`/`subdir`, which must exist and stay inside `folder`.
Result<stdfs::path> resolve_root(const stdfs::path& folder, const std::string& subdir)
{
  std::error_code error;
  const stdfs::path canonical_folder = stdfs::canonical(folder, error);
  if (error) {
    return runtime_error("cannot open " + folder.string() + ": " + error.message());
  }
  if (subdir.empty()) {
    return canonical_folder;
  }
  const stdfs::path root = stdfs::canonical(canonical_folder / subdir, error);
  if (error || !stdfs::is_directory(root, error)) {
    return usage_error("no folder '" + subdir + "' in " + folder.string() +
                       ". Check --root: it names a folder relative to " + folder.string() + ".");
  }
  const stdfs::path relative = root.lexically_relative(canonical_folder);
  if (relative.empty() || *relative.begin() == "..") {
    return usage_error("--root '" + subdir + "' leads outside " + folder.string() +
                       " through a symbolic link. Give a folder inside it.");
  }
  return root;
}

// Where `root` sits in the working tree of `repo` ("" at its top); nullopt when git has no say
// over it: no repository, outside its working tree, or in a folder it ignores. (A project in an
// ignored folder of an enclosing repository, say a home folder kept in git with '*' ignored,
// is not that repository's business.)
Result<std::optional<std::string>> prefix_in_worktree(const std::optional<git::Repository>& repo,
                                                      const stdfs::path& root)
{
  auto prefix = repo ? repo->workdir_relative(root) : std::nullopt;
  if (prefix && !prefix->empty()) {
    TRY_ASSIGN(const bool ignored, repo->is_ignored(*prefix + '/'));
    if (ignored) {
      prefix.reset();
    }
  }
  return prefix;
}

} // namespace

Result<std::unique_ptr<RepoView>> open_working_tree_view(const stdfs::path& folder, const std::string& subdir)
{
  TRY_ASSIGN(const stdfs::path root, resolve_root(folder, subdir));
  TRY_ASSIGN(const auto repo, git::Repository::discover(folder));
  if (repo && repo->is_bare()) {
    return usage_error("cannot audit " + folder.string() +
                       ": it is a bare git repository, which has no working tree. Audit one of its "
                       "commits instead, e.g. with --rev HEAD.");
  }
  TRY_ASSIGN(const auto prefix, prefix_in_worktree(repo, root));

  const std::string shown_root = (subdir.empty() ? folder : folder / subdir).string();
  std::vector<FileEntry> files;
  std::optional<std::string> commit;
  std::unique_ptr<History> history;
  std::string description;
  if (prefix) {
    TRY_ASSIGN(files, list_with_git(*repo, *prefix));
    TRY_ASSIGN(const auto head, repo->head());
    if (head) {
      commit = head->hex();
      TRY_ASSIGN(history, open_git_history(repo->git_dir().string(), *commit));
    }
    description = shown_root + " (working tree)";
  } else {
    TRY_ASSIGN(files, list_folder(root.string(), shown_root));
    std::sort(files.begin(), files.end(),
              [](const FileEntry& a, const FileEntry& b) { return a.path < b.path; });
    description = shown_root + " (folder)";
  } // git's listing comes in path order, which removing the prefix keeps
  auto view = std::make_unique<WorkingTreeView>(root.string(), std::move(description), std::move(files),
                                                std::move(commit), std::move(history));
  if (prefix && !prefix->empty()) {
    TRY_ASSIGN(auto outer, list_outer(*repo, *prefix));
    view->set_outer(repo->workdir()->string(), *prefix, std::move(outer.first), std::move(outer.second));
  }
  return view;
}

} // namespace mlfolio::lint
