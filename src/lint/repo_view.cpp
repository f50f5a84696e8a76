// RepoView's lookups, and the front door of the two views opened from the command line: the
// checks of the folder and of --root that both share.

#include "lint/repo_view.h"

#include "core/text.h"
#include "lint/git_tree_view.h"
#include "lint/working_tree_view.h"

#include <algorithm>

namespace mlfolio::lint {

namespace stdfs = std::filesystem;

namespace {

// Sorted by path, so a lookup is a binary search.
std::vector<FileEntry>::const_iterator first_not_before(const std::vector<FileEntry>& files,
                                                        std::string_view path)
{
  return std::lower_bound(files.begin(), files.end(), path,
                          [](const FileEntry& entry, std::string_view p) { return entry.path < p; });
}

// How messages and describe() show a folder: absolute, normal, no trailing slash.
stdfs::path display_path(const stdfs::path& path)
{
  std::error_code ignored;
  stdfs::path shown = stdfs::absolute(path, ignored).lexically_normal();
  if (shown.empty()) {
    shown = path.lexically_normal();
  }
  if (!shown.has_filename() && shown.has_relative_path()) {
    shown = shown.parent_path();
  }
  return shown;
}

Result<stdfs::path> existing_folder(const stdfs::path& path)
{
  const stdfs::path shown = display_path(path);
  std::error_code error;
  const auto status = stdfs::status(path, error);
  if (error && error != std::errc::no_such_file_or_directory && error != std::errc::not_a_directory) {
    return runtime_error("cannot audit " + shown.string() + ": " + error.message());
  }
  if (!stdfs::exists(status)) {
    return usage_error("cannot audit " + shown.string() +
                       ": no such folder. Give the path of the folder that holds the project.");
  }
  if (!stdfs::is_directory(status)) {
    return usage_error("cannot audit " + shown.string() +
                       ": it is a file, not a folder. Give the path of the folder that holds the project.");
  }
  return shown;
}

// --root as "a/b": '/'-separated, without "." parts or a trailing slash; "" for none.
Result<std::string> clean_subdir(std::string_view subdir, const stdfs::path& folder)
{
  std::string clean;
  bool inside = !subdir.starts_with('/');
  for (const std::string_view part : text::split(subdir, '/')) {
    if (part == "..") {
      inside = false;
    } else if (!part.empty() && part != ".") {
      clean += clean.empty() ? "" : "/";
      clean += part;
    }
  }
  if (!inside) {
    return usage_error("--root '" + std::string(subdir) + "' must be a folder inside " + folder.string() +
                       ": give a relative path without '..'.");
  }
  return clean;
}

} // namespace

void ReadBuffer::resize(size_t n)
{
  if (n > m_capacity) {
    const size_t capacity = std::max(n, m_capacity * 2);
    auto grown = std::make_unique_for_overwrite<char[]>(capacity);
    std::copy_n(m_data.get(), m_size, grown.get());
    m_data = std::move(grown);
    m_capacity = capacity;
  }
  m_size = n;
}

void ReadBuffer::assign(std::string_view content)
{
  m_size = 0;
  resize(content.size());
  std::copy(content.begin(), content.end(), m_data.get());
}

Result<std::string_view> RepoView::read_into(std::string_view path, uint64_t max_bytes,
                                             ReadBuffer& buffer) const
{
  TRY_ASSIGN(const std::string content, read(path, max_bytes));
  buffer.assign(content);
  return buffer.view();
}

const std::vector<FileEntry>& RepoView::outer_files() const
{
  static const std::vector<FileEntry> none;
  return none;
}

size_t RepoView::outer_levels() const
{
  const std::string_view folder = folder_in_repository();
  return folder.empty() ? 0 : static_cast<size_t>(std::count(folder.begin(), folder.end(), '/')) + 1;
}

OuterPath split_outer(std::string_view path)
{
  OuterPath split{0, path};
  while (split.rest.starts_with("../")) {
    ++split.levels;
    split.rest.remove_prefix(3);
  }
  return split;
}

std::vector<OuterFolder> outer_folders(std::string_view prefix)
{
  std::vector<OuterFolder> folders;
  if (prefix.empty()) {
    return folders;
  }
  const auto parts = text::split(prefix, '/');
  std::string up;
  for (size_t i = 0; i < parts.size(); ++i) {
    up += "../";
  }
  for (const auto ci : k_outer_ci_folders) {
    folders.push_back({std::string(ci), up + std::string(ci) + "/"});
  }
  std::string folder;
  for (size_t level = parts.size(); level > 0; --level) {
    folders.push_back({folder, up.substr(0, 3 * level)});
    folder += (folder.empty() ? "" : "/") + std::string(parts[parts.size() - level]);
  }
  return folders;
}

void RepoView::read_many(std::span<const std::string_view> paths, uint64_t max_bytes,
                         const ReadEach& each) const
{
  thread_local ReadBuffer buffer;
  for (size_t i = 0; i < paths.size(); ++i) {
    each(i, read_into(paths[i], max_bytes, buffer));
  }
}

const FileEntry* RepoView::find(std::string_view path) const
{
  const auto& all = path.starts_with("../") ? outer_files() : files();
  const auto found = first_not_before(all, path);
  return found != all.end() && found->path == path ? &*found : nullptr;
}

bool RepoView::has_folder(std::string_view folder) const
{
  while (folder.ends_with('/')) {
    folder.remove_suffix(1);
  }
  const auto& all = files();
  if (folder.empty()) {
    return !all.empty();
  }
  const std::string prefix = std::string(folder) + '/';
  const auto found = first_not_before(all, prefix);
  return found != all.end() && found->path.starts_with(prefix);
}

Result<std::unique_ptr<RepoView>> open_working_tree(const stdfs::path& path, std::string_view subdir)
{
  TRY_ASSIGN(const stdfs::path folder, existing_folder(path));
  TRY_ASSIGN(const std::string clean, clean_subdir(subdir, folder));
  return open_working_tree_view(folder, clean);
}

Result<std::unique_ptr<RepoView>> open_revision(const stdfs::path& repo, std::string_view rev,
                                                std::string_view subdir, std::string_view display)
{
  TRY_ASSIGN(const stdfs::path folder, existing_folder(repo));
  TRY_ASSIGN(const std::string clean, clean_subdir(subdir, folder));
  return open_git_tree_view(folder, rev, clean, display.empty() ? folder.string() : std::string(display));
}

} // namespace mlfolio::lint
