#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::text {

std::vector<std::string_view> split(std::string_view text, char separator);
std::vector<std::string_view> split_lines(std::string_view text); // \n, \r\n and \r
std::string_view trim(std::string_view text);
std::string to_lower(std::string_view text);
// %XX escapes decoded, as in a URL's path ("Malaria%20Architecture.png"); a '%' not followed by
// two hexadecimal digits stays as it is.
std::string percent_decode(std::string_view text);
// ASCII only, whatever the locale: paths, identifiers and Markdown keywords are compared, and a
// byte of a UTF-8 sequence must never be changed.
constexpr char ascii_lower(char c)
{
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
std::string replace_all(std::string_view text, std::string_view from, std::string_view to);
// The last segment of a slash-separated path or URL: "b.py" for "a/b.py", "b" for "a/b/".
std::string_view base_name(std::string_view path);
// ASCII case folded, as ascii_lower. Inline: they run for every file of a tree, many times.
constexpr bool iequals(std::string_view a, std::string_view b)
{
  if (a.size() != b.size()) {
    return false;
  }
  for (size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) {
      return false;
    }
  }
  return true;
}
constexpr bool iends_with(std::string_view text, std::string_view suffix)
{
  return text.size() >= suffix.size() && iequals(text.substr(text.size() - suffix.size()), suffix);
}
constexpr bool istarts_with(std::string_view text, std::string_view prefix)
{
  return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}
bool icontains(std::string_view haystack, std::string_view needle);

// Whether a folder of `path` (a '/'-separated part before the last) is one of `names`, ASCII case
// folded unless `case_sensitive`. Without splitting the path: this runs for every file of a tree.
constexpr bool has_folder(std::string_view path, std::span<const std::string_view> names,
                          bool case_sensitive = false)
{
  for (size_t start = 0, slash = path.find('/'); slash != std::string_view::npos;
       start = slash + 1, slash = path.find('/', start)) {
    const std::string_view part = path.substr(start, slash - start);
    for (const std::string_view name : names) {
      if (case_sensitive ? part == name : iequals(part, name)) {
        return true;
      }
    }
  }
  return false;
}

// The 1-based line of the first merge conflict git left unresolved in `text`: a line
// "<<<<<<< ours", later a line "=======", later a line ">>>>>>> theirs". nullopt when there is none.
std::optional<size_t> merge_conflict_line(std::string_view text);

size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word` if it is close enough to be a likely typo.
std::optional<std::string> suggest(std::string_view word, std::span<const std::string_view> candidates);
std::optional<std::string> suggest(std::string_view word, std::span<const std::string> candidates);

// " Did you mean 'x'?" or "" — for appending to error messages.
std::string did_you_mean(const std::optional<std::string>& suggestion);

// "a, b, c" (with the separator given).
std::string join(std::span<const std::string_view> parts, std::string_view separator = ", ");

// "unknown format 'jsn'. Did you mean 'json'? Formats: text, json." — for a `kind` of name given
// as `given` that is none of `names`; `names_heading` starts the list ("Formats").
std::string unknown_name(std::string_view kind, std::string_view given,
                         std::span<const std::string_view> names, std::string_view names_heading);

} // namespace mlfolio::text
