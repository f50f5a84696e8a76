#include "lint/filtered_view.h"

namespace mlfolio::lint {

FilteredView::FilteredView(const RepoView& inner, const GlobSet& ignore) : m_inner(inner)
{
  for (const auto& entry : inner.files()) {
    if (!ignore.matching_prefix(entry.path)) {
      m_files.push_back(entry);
    }
  }
}

Result<std::string> FilteredView::read(std::string_view path, uint64_t max_bytes) const
{
  if (find(path) == nullptr) {
    return runtime_error("cannot read " + std::string(path) + ": it is ignored by the configuration");
  }
  return m_inner.read(path, max_bytes);
}

} // namespace mlfolio::lint
