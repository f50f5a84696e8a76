#include "lint/analyze/line_index.h"

#include <algorithm>

namespace mlfolio::lint::analyze {

std::vector<std::string_view> split_lf_lines(std::string_view text)
{
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    const size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

LineIndex::LineIndex(std::string_view text)
{
  m_starts.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      m_starts.push_back(i + 1);
    }
  }
}

int LineIndex::line_of(size_t offset) const
{
  const auto it = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
  return static_cast<int>(it - m_starts.begin());
}

int LineIndex::column_of(size_t offset) const
{
  const int line = line_of(offset);
  return static_cast<int>(offset - m_starts[static_cast<size_t>(line - 1)]) + 1;
}

} // namespace mlfolio::lint::analyze
