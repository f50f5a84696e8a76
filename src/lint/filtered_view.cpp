#include "lint/filtered_view.h"

#include <algorithm>

namespace mlfolio::lint {

namespace {

// Ignored paths are left out of the history scan too: a fixture of fake keys that the
// configuration ignores in the tree is ignored in every commit.
class FilteredHistory final : public History
{
public:
  FilteredHistory(const History& inner, const GlobSet& ignore) : m_inner(inner), m_ignore(ignore) {}

  Result<CommitHistory> commits(size_t limit) const override { return m_inner.commits(limit); }
  Result<void> scan_blobs(uint64_t max_content, const KnownBlob& known,
                          const BlobVisitor& visit) const override
  {
    return m_inner.scan_blobs(max_content, known, [&](const HistoryBlobInfo& blob, std::string_view content) {
      if (!m_ignore.matching_prefix(blob.path)) {
        visit(blob, content);
      }
    });
  }
  int64_t now() const override { return m_inner.now(); }

private:
  const History& m_inner;
  GlobSet m_ignore;
};

} // namespace

FilteredView::FilteredView(const RepoView& inner, const GlobSet& ignore) : m_inner(inner)
{
  if (inner.history() != nullptr) {
    m_history = std::make_unique<FilteredHistory>(*inner.history(), ignore);
  }
  // Without ignore globs (most projects) the inner view's files are used as they are, not
  // copied: twenty thousand paths in a large repository.
  m_ignores = !ignore.empty();
  if (!m_ignores) {
    return;
  }
  for (const auto& entry : inner.files()) {
    if (!ignore.matching_prefix(entry.path)) {
      m_files.push_back(entry);
    }
  }
}

Result<std::string> FilteredView::read(std::string_view path, uint64_t max_bytes) const
{
  if (m_ignores && find(path) == nullptr) {
    return runtime_error("cannot read " + std::string(path) + ": it is ignored by the configuration");
  }
  return m_inner.read(path, max_bytes);
}

Result<std::string_view> FilteredView::read_into(std::string_view path, uint64_t max_bytes,
                                                 ReadBuffer& buffer) const
{
  if (m_ignores && find(path) == nullptr) {
    return runtime_error("cannot read " + std::string(path) + ": it is ignored by the configuration");
  }
  return m_inner.read_into(path, max_bytes, buffer);
}

void FilteredView::read_many(std::span<const std::string_view> paths, uint64_t max_bytes,
                             const ReadEach& each) const
{
  const bool all_seen = !m_ignores || std::all_of(paths.begin(), paths.end(), [&](std::string_view path) {
    return find(path) != nullptr;
  });
  if (all_seen) {
    m_inner.read_many(paths, max_bytes, each);
  } else {
    RepoView::read_many(paths, max_bytes, each); // one by one, the ignored ones refused
  }
}

} // namespace mlfolio::lint
