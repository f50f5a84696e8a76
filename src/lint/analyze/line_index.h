#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace mlfolio::lint::analyze {

// Lines of "\n"-separated text without their "\n"; a last line without one counts, and a
// trailing "\n" does not start another line. Views into `text`.
std::vector<std::string_view> split_lf_lines(std::string_view text);

// Maps byte offsets of a text to 1-based lines and columns in O(log lines).
class LineIndex
{
public:
  explicit LineIndex(std::string_view text);
  int line_of(size_t offset) const;
  int column_of(size_t offset) const; // 1-based, in bytes
  int line_count() const { return static_cast<int>(m_starts.size()); }

private:
  std::vector<size_t> m_starts;
};

} // namespace mlfolio::lint::analyze
