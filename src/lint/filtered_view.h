#pragma once

#include "lint/glob.h"
#include "lint/repo_view.h"

namespace mlfolio::lint {

// A view without the paths matched by the configuration's `ignore` globs (as in .gitignore).
class FilteredView : public RepoView
{
public:
  FilteredView(const RepoView& inner, const GlobSet& ignore);

  const std::vector<FileEntry>& files() const override { return m_ignores ? m_files : m_inner.files(); }
  Result<std::string> read(std::string_view path, uint64_t max_bytes) const override;
  Result<std::string_view> read_into(std::string_view path, uint64_t max_bytes,
                                     ReadBuffer& buffer) const override;
  void read_many(std::span<const std::string_view> paths, uint64_t max_bytes,
                 const ReadEach& each) const override;
  std::string describe() const override { return m_inner.describe(); }
  std::optional<std::string> commit() const override { return m_inner.commit(); }
  bool reads_concurrently() const override { return m_inner.reads_concurrently(); }
  const History* history() const override { return m_history ? m_history.get() : nullptr; }
  // Outside the audited folder: the configuration's globs, anchored in it, do not reach there.
  const std::vector<FileEntry>& outer_files() const override { return m_inner.outer_files(); }
  std::string_view folder_in_repository() const override { return m_inner.folder_in_repository(); }
  std::vector<std::string> listing_notes() const override { return m_inner.listing_notes(); }

private:
  const RepoView& m_inner;
  bool m_ignores = false;             // the configuration ignores some paths
  std::vector<FileEntry> m_files;     // the files left, when it does
  std::unique_ptr<History> m_history; // the inner history without the ignored paths' blobs
};

} // namespace mlfolio::lint
