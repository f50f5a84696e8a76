#include "lint/repo_view.h"

#include "git/history.h"

#include <algorithm>

namespace mlfolio::lint {

namespace {

// Where `path` is or belongs in the sorted list; adds or replaces the entry and its content.
void put(std::vector<FileEntry>& files, std::vector<std::string>& contents, FileEntry entry,
         std::string content)
{
  const auto found = std::lower_bound(files.begin(), files.end(), entry.path,
                                      [](const FileEntry& e, const std::string& p) { return e.path < p; });
  const auto index = found - files.begin();
  if (found != files.end() && found->path == entry.path) {
    *found = std::move(entry);
    contents[static_cast<size_t>(index)] = std::move(content);
    return;
  }
  files.insert(found, std::move(entry));
  contents.insert(contents.begin() + index, std::move(content));
}

} // namespace

void MemoryView::add(std::string path, std::string content)
{
  const uint64_t size = content.size();
  const bool outer = path.starts_with("../");
  FileEntry entry{std::move(path), size, false, git::blob_id(content)};
  if (outer) {
    put(m_outer, m_outer_contents, std::move(entry), std::move(content));
  } else {
    put(m_files, m_contents, std::move(entry), std::move(content));
  }
}

void MemoryView::add_symlink(std::string path, std::string target)
{
  const uint64_t size = target.size();
  put(m_files, m_contents, FileEntry{std::move(path), size, true, std::nullopt}, std::move(target));
}

Result<std::string> MemoryView::read(std::string_view path, uint64_t max_bytes) const
{
  const FileEntry* entry = find(path);
  if (entry == nullptr) {
    return runtime_error("cannot read " + std::string(path) + " " + describe() + ": no such file");
  }
  if (entry->is_symlink) {
    return runtime_error("cannot read " + std::string(path) +
                         ": it is a symbolic link, which is never followed");
  }
  const bool outer = path.starts_with("../");
  const std::string& content = outer ? m_outer_contents[static_cast<size_t>(entry - m_outer.data())]
                                     : m_contents[static_cast<size_t>(entry - m_files.data())];
  return content.substr(0, static_cast<size_t>(std::min<uint64_t>(max_bytes, content.size())));
}

} // namespace mlfolio::lint
