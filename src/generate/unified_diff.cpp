#include "generate/unified_diff.h"

#include <algorithm>
#include <vector>

namespace mlfolio::generate {

namespace {

constexpr size_t k_context = 3;
// Above this many cells the middle is shown as one replaced block instead of a minimal diff.
constexpr size_t k_max_cells = 4'000'000;

struct Line
{
  std::string_view text;
  bool newline = true; // false for a last line without '\n'
  friend bool operator==(const Line&, const Line&) = default;
};

std::vector<Line> lines_of(std::string_view text)
{
  std::vector<Line> lines;
  size_t start = 0;
  while (start < text.size()) {
    const size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      lines.push_back({text.substr(start), false});
      break;
    }
    lines.push_back({text.substr(start, end - start), true});
    start = end + 1;
  }
  return lines;
}

enum class Op { keep, remove, add };

struct Edit
{
  Op op;
  size_t old_index; // into the old lines (keep, remove)
  size_t new_index; // into the new lines (keep, add)
};

// The edits of a longest common subsequence between a[lo_a, hi_a) and b[lo_b, hi_b).
void diff_middle(const std::vector<Line>& a, const std::vector<Line>& b, size_t lo_a, size_t hi_a, size_t lo_b,
                 size_t hi_b, std::vector<Edit>& edits)
{
  const size_t n = hi_a - lo_a;
  const size_t m = hi_b - lo_b;
  if (n * m > k_max_cells) {
    for (size_t i = lo_a; i < hi_a; ++i) {
      edits.push_back({Op::remove, i, lo_b});
    }
    for (size_t j = lo_b; j < hi_b; ++j) {
      edits.push_back({Op::add, hi_a, j});
    }
    return;
  }
  std::vector<uint32_t> table((n + 1) * (m + 1), 0);
  const auto at = [&](size_t i, size_t j) -> uint32_t& { return table[i * (m + 1) + j]; };
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      at(i, j) = a[lo_a + i] == b[lo_b + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    }
  }
  size_t i = 0;
  size_t j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[lo_a + i] == b[lo_b + j]) {
      edits.push_back({Op::keep, lo_a + i++, lo_b + j++});
    } else if (j < m && (i == n || at(i, j + 1) >= at(i + 1, j))) {
      edits.push_back({Op::add, lo_a + i, lo_b + j++});
    } else {
      edits.push_back({Op::remove, lo_a + i++, lo_b + j});
    }
  }
}

std::string range(size_t start, size_t count)
{
  // A range of 0 lines names the line before it.
  return std::to_string(count == 0 ? start : start + 1) + (count == 1 ? "" : "," + std::to_string(count));
}

void print_line(std::string& out, char sign, const Line& line)
{
  out += sign;
  out += line.text;
  out += '\n';
  if (!line.newline) {
    out += "\\ No newline at end of file\n";
  }
}

} // namespace

std::string unified_diff(std::string_view path, const std::optional<std::string>& before, std::string_view after)
{
  const std::string_view old_text = before ? std::string_view(*before) : std::string_view();
  if (before && old_text == after) {
    return "";
  }
  const auto a = lines_of(old_text);
  const auto b = lines_of(after);
  size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) {
    ++prefix;
  }
  size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }
  std::vector<Edit> edits;
  for (size_t i = 0; i < prefix; ++i) {
    edits.push_back({Op::keep, i, i});
  }
  diff_middle(a, b, prefix, a.size() - suffix, prefix, b.size() - suffix, edits);
  for (size_t k = suffix; k-- > 0;) {
    edits.push_back({Op::keep, a.size() - 1 - k, b.size() - 1 - k});
  }

  std::string out = std::string("--- ") + (before ? "a/" + std::string(path) : "/dev/null") + "\n+++ b/" +
                    std::string(path) + "\n";
  size_t e = 0;
  while (e < edits.size()) {
    // The next change, and a hunk around it that takes in changes closer than twice the context.
    while (e < edits.size() && edits[e].op == Op::keep) {
      ++e;
    }
    if (e == edits.size()) {
      break;
    }
    const size_t start = e > k_context ? e - k_context : 0;
    size_t end = e;
    size_t keeps = 0;
    while (end < edits.size() && keeps <= 2 * k_context) {
      keeps = edits[end].op == Op::keep ? keeps + 1 : 0;
      ++end;
    }
    end -= keeps > k_context ? keeps - k_context : 0;
    size_t old_count = 0;
    size_t new_count = 0;
    for (size_t k = start; k < end; ++k) {
      old_count += edits[k].op != Op::add ? 1 : 0;
      new_count += edits[k].op != Op::remove ? 1 : 0;
    }
    out += "@@ -" + range(edits[start].old_index, old_count) + " +" + range(edits[start].new_index, new_count) +
           " @@\n";
    for (size_t k = start; k < end; ++k) {
      const Edit& edit = edits[k];
      if (edit.op == Op::add) {
        print_line(out, '+', b[edit.new_index]);
      } else {
        print_line(out, edit.op == Op::keep ? ' ' : '-', a[edit.old_index]);
      }
    }
    e = end;
  }
  return out;
}

} // namespace mlfolio::generate
