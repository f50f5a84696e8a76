#include "core/text.h"

#include <algorithm>
#include <cctype>
#include <numeric>

namespace mlfolio::text {

std::vector<std::string_view> split(std::string_view text, char separator)
{
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    const size_t end = text.find(separator, start);
    if (end == std::string_view::npos) {
      parts.push_back(text.substr(start));
      return parts;
    }
    parts.push_back(text.substr(start, end - start));
    start = end + 1;
  }
}

std::vector<std::string_view> split_lines(std::string_view text)
{
  std::vector<std::string_view> lines;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || text[i] == '\r') {
      lines.push_back(text.substr(start, i - start));
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
        ++i;
      }
      start = i + 1;
    }
  }
  if (start < text.size()) {
    lines.push_back(text.substr(start));
  }
  return lines;
}

std::string_view trim(std::string_view text)
{
  const auto is_space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!text.empty() && is_space(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && is_space(text.back())) {
    text.remove_suffix(1);
  }
  return text;
}

std::string percent_decode(std::string_view text)
{
  const auto hex = [](char c) {
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
  };
  std::string decoded;
  decoded.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
      decoded.push_back(static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2])));
      i += 2;
    } else {
      decoded.push_back(text[i]);
    }
  }
  return decoded;
}

std::string to_lower(std::string_view text)
{
  std::string result(text);
  for (char& c : result) {
    c = ascii_lower(c);
  }
  return result;
}

std::string replace_all(std::string_view text, std::string_view from, std::string_view to)
{
  std::string result;
  size_t start = 0;
  while (!from.empty()) {
    const size_t found = text.find(from, start);
    if (found == std::string_view::npos) {
      break;
    }
    result.append(text.substr(start, found - start)).append(to);
    start = found + from.size();
  }
  result.append(text.substr(start));
  return result;
}

bool icontains(std::string_view haystack, std::string_view needle)
{
  if (needle.empty()) {
    return true;
  }
  for (size_t start = 0; start + needle.size() <= haystack.size(); ++start) {
    if (iequals(haystack.substr(start, needle.size()), needle)) {
      return true;
    }
  }
  return false;
}

size_t edit_distance(std::string_view a, std::string_view b)
{
  std::vector<size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), size_t{0});
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

namespace {

template <typename Range>
std::optional<std::string> suggest_in(std::string_view word, const Range& candidates)
{
  std::optional<std::string> best;
  size_t best_distance = std::max<size_t>(2, word.size() / 3) + 1;
  for (const auto& candidate : candidates) {
    const size_t distance = edit_distance(to_lower(word), to_lower(candidate));
    if (distance < best_distance) {
      best_distance = distance;
      best = std::string(candidate);
    }
  }
  return best;
}

} // namespace

std::optional<std::string> suggest(std::string_view word, std::span<const std::string_view> candidates)
{
  return suggest_in(word, candidates);
}

std::optional<std::string> suggest(std::string_view word, std::span<const std::string> candidates)
{
  return suggest_in(word, candidates);
}

std::string did_you_mean(const std::optional<std::string>& suggestion)
{
  return suggestion ? " Did you mean '" + *suggestion + "'?" : std::string();
}

std::string join(std::span<const std::string_view> parts, std::string_view separator)
{
  std::string joined;
  for (const auto part : parts) {
    if (!joined.empty()) {
      joined += separator;
    }
    joined += part;
  }
  return joined;
}

std::string unknown_name(std::string_view kind, std::string_view given,
                         std::span<const std::string_view> names, std::string_view names_heading)
{
  return "unknown " + std::string(kind) + " '" + std::string(given) + "'." +
         did_you_mean(suggest(given, names)) + " " + std::string(names_heading) + ": " + join(names) + ".";
}

std::string_view base_name(std::string_view path)
{
  while (path.ends_with('/')) {
    path.remove_suffix(1);
  }
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

namespace {

// The offset of the next line at or after `from` that starts with `marker` (seven equal
// characters) followed by a space, a line end or the end of the text; npos when there is none.
size_t marker_line(std::string_view text, std::string_view marker, size_t from)
{
  for (size_t at = text.find(marker, from); at != std::string_view::npos; at = text.find(marker, at + 1)) {
    const bool line_start = at == 0 || text[at - 1] == '\n';
    const size_t after = at + marker.size();
    const bool marker_end =
      after == text.size() || text[after] == ' ' || text[after] == '\n' || text[after] == '\r';
    if (line_start && marker_end) {
      return at;
    }
  }
  return std::string_view::npos;
}

} // namespace

std::optional<size_t> merge_conflict_line(std::string_view text)
{
  const size_t ours = marker_line(text, "<<<<<<<", 0);
  if (ours == std::string_view::npos) {
    return std::nullopt;
  }
  const size_t middle = marker_line(text, "=======", ours);
  if (middle == std::string_view::npos || marker_line(text, ">>>>>>>", middle) == std::string_view::npos) {
    return std::nullopt;
  }
  return static_cast<size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(ours), '\n')) + 1;
}

} // namespace mlfolio::text
