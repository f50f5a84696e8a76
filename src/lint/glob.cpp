#include "lint/glob.h"

#include "core/text.h"

namespace mlfolio::lint {

namespace {

// The non-empty '/'-separated parts of `path`, in `parts` (reused: matching runs for every
// file and rule, and must not allocate each time).
void split_components(std::string_view path, std::vector<std::string_view>& parts)
{
  parts.clear();
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) {
      end = path.size();
    }
    if (end > start) {
      parts.push_back(path.substr(start, end - start));
    }
    start = end + 1;
  }
}

std::vector<std::string_view>& components_of(std::string_view path)
{
  thread_local std::vector<std::string_view> parts;
  split_components(path, parts);
  return parts;
}

char fold(char c, bool case_sensitive)
{
  return case_sensitive || c < 'A' || c > 'Z' ? c : static_cast<char>(c - 'A' + 'a');
}

// Matches a character class starting after '[' at pattern[p]; sets `end` past the ']'.
bool match_class(std::string_view pattern, size_t p, char c, size_t& end)
{
  bool negate = false;
  if (p < pattern.size() && (pattern[p] == '!' || pattern[p] == '^')) {
    negate = true;
    ++p;
  }
  bool matched = false;
  bool first = true;
  while (p < pattern.size() && (pattern[p] != ']' || first)) {
    first = false;
    char low = pattern[p];
    if (low == '\\' && p + 1 < pattern.size()) {
      low = pattern[++p];
    }
    char high = low;
    if (p + 2 < pattern.size() && pattern[p + 1] == '-' && pattern[p + 2] != ']') {
      high = pattern[p + 2];
      p += 2;
    }
    matched = matched || (c >= low && c <= high);
    ++p;
  }
  end = p + 1;
  return matched != negate;
}

// fnmatch on one path component (no '/' in either).
bool match_component(std::string_view pattern, std::string_view name, bool case_sensitive)
{
  size_t p = 0;
  size_t n = 0;
  size_t star_p = std::string_view::npos;
  size_t star_n = 0;
  while (n < name.size()) {
    const char c = fold(name[n], case_sensitive);
    if (p < pattern.size()) {
      const char pc = pattern[p];
      if (pc == '*') {
        star_p = p++;
        star_n = n;
        continue;
      }
      if (pc == '?') {
        ++p;
        ++n;
        continue;
      }
      if (pc == '[') {
        size_t end = 0;
        if (match_class(pattern, p + 1, c, end)) {
          p = end;
          ++n;
          continue;
        }
      } else if (pc == '\\' && p + 1 < pattern.size()) {
        if (pattern[p + 1] == c) {
          p += 2;
          ++n;
          continue;
        }
      } else if (pc == c) {
        ++p;
        ++n;
        continue;
      }
    }
    if (star_p == std::string_view::npos) {
      return false;
    }
    p = star_p + 1;
    n = ++star_n;
  }
  while (p < pattern.size() && pattern[p] == '*') {
    ++p;
  }
  return p == pattern.size();
}

bool match_from(const std::vector<std::string>& pattern, size_t pi, const std::vector<std::string_view>& path,
                size_t ni, size_t count, bool case_sensitive)
{
  if (pi == pattern.size()) {
    return ni == count;
  }
  if (pattern[pi] == "**") {
    for (size_t skip = ni; skip <= count; ++skip) {
      if (match_from(pattern, pi + 1, path, skip, count, case_sensitive)) {
        return true;
      }
    }
    return false;
  }
  return ni < count && match_component(pattern[pi], path[ni], case_sensitive) &&
         match_from(pattern, pi + 1, path, ni + 1, count, case_sensitive);
}

Result<void> check_syntax(std::string_view pattern)
{
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\') {
      ++i;
    } else if (pattern[i] == '[') {
      const size_t close = pattern.find(']', i + 2);
      if (close == std::string_view::npos ||
          pattern.substr(i, close - i).find('/') != std::string_view::npos) {
        return usage_error("glob '" + std::string(pattern) + "' has a '[' without a matching ']'.");
      }
      i = close;
    }
  }
  if (pattern.empty() || text::trim(pattern) == "/") {
    return usage_error("a glob must not be empty.");
  }
  return {};
}

} // namespace

Result<Glob> Glob::compile(std::string_view pattern, Anchor anchor, bool case_sensitive)
{
  TRY(check_syntax(pattern));
  Glob glob;
  glob.m_pattern = std::string(pattern);
  glob.m_case_sensitive = case_sensitive;
  glob.m_folder_only = pattern.ends_with('/');
  std::string_view body = pattern;
  if (glob.m_folder_only) {
    body.remove_suffix(1);
  }
  bool rooted = anchor == Anchor::root;
  if (anchor == Anchor::gitignore) {
    rooted = body.find('/') != std::string_view::npos;
  }
  if (body.starts_with('/')) {
    body.remove_prefix(1);
    rooted = anchor != Anchor::anywhere;
  }
  if (!rooted) {
    glob.m_components.emplace_back("**");
  }
  std::vector<std::string_view> parts;
  split_components(body, parts);
  for (const auto part : parts) {
    glob.m_components.push_back(case_sensitive ? std::string(part) : text::to_lower(part));
  }
  // The last part is tried on every file's name: "*.py" and "Dockerfile", the usual shapes,
  // are compared as a suffix or a whole name instead of being matched character by character.
  if (!glob.m_components.empty()) {
    const std::string_view last = glob.m_components.back();
    const auto literal = [](std::string_view part) {
      return part.find_first_of("*?[\\") == std::string_view::npos;
    };
    if (last != "**" && literal(last)) {
      glob.m_last_shape = LastShape::name;
    } else if (last.size() > 1 && last[0] == '*' && literal(last.substr(1))) {
      glob.m_last_shape = LastShape::suffix;
    } else if (last != "**") {
      glob.m_last_prefix = std::string(last.substr(0, last.find_first_of("*?[\\")));
    }
    const std::string_view first = glob.m_components.front();
    if (glob.m_components.size() >= 2 && first != "**" && literal(first)) {
      glob.m_first_folder = std::string(first);
    }
    // Folders: the parts before the last one that is not "**" ("a" of "a/**" may be the file).
    size_t last_name = glob.m_components.size();
    while (last_name > 0 && glob.m_components[last_name - 1] == "**") {
      --last_name;
    }
    for (size_t i = 0; i + 1 < last_name; ++i) {
      if (glob.m_components[i] != "**" && literal(glob.m_components[i])) {
        glob.m_plain_folders.push_back(glob.m_components[i]);
      }
    }
  }
  return glob;
}

bool Glob::match_components(const std::vector<std::string_view>& path, size_t count) const
{
  return match_from(m_components, 0, path, 0, count, m_case_sensitive);
}

bool Glob::last_matches(std::string_view name) const
{
  const std::string_view last = m_components.back();
  switch (m_last_shape) {
  case LastShape::name:
    return m_case_sensitive ? name == last : text::iequals(name, last);
  case LastShape::suffix:
    return m_case_sensitive ? name.ends_with(last.substr(1)) : text::iends_with(name, last.substr(1));
  case LastShape::other:
    break;
  }
  if (!m_last_prefix.empty() &&
      !(m_case_sensitive ? name.starts_with(m_last_prefix) : text::istarts_with(name, m_last_prefix))) {
    return false;
  }
  return match_component(last, name, m_case_sensitive);
}

bool Glob::may_match_file_named(std::string_view name) const
{
  return !m_folder_only && !m_components.empty() && (m_components.back() == "**" || last_matches(name));
}

Glob::NameKey Glob::name_key() const
{
  if (m_folder_only) {
    return {NameKey::Kind::no_file, ""};
  }
  if (m_components.empty() || m_components.back() == "**") {
    return {};
  }
  const std::string_view last = m_components.back();
  if (m_last_shape == LastShape::name) {
    return {NameKey::Kind::name, text::to_lower(last)};
  }
  if (!m_last_prefix.empty()) {
    return {NameKey::Kind::prefix, text::to_lower(m_last_prefix)};
  }
  // What follows the last wildcard, class or escape is literal and ends every matching name; its
  // last dot starts the extension those names end with.
  const size_t special = last.find_last_of("*?[]\\");
  const std::string_view tail = special == std::string_view::npos ? last : last.substr(special + 1);
  const size_t dot = tail.rfind('.');
  if (dot == std::string_view::npos || dot + 1 == tail.size()) {
    return {};
  }
  return {NameKey::Kind::extension, text::to_lower(tail.substr(dot))};
}

namespace {

// The last component of a file's path ("a/b.py/" -> "b.py").
std::string_view file_name(std::string_view path)
{
  while (path.ends_with('/')) {
    path.remove_suffix(1);
  }
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

} // namespace

bool Glob::matches_file(std::string_view path) const
{
  return matches_file_named(path, file_name(path));
}

bool Glob::matches_file_named(std::string_view path, std::string_view name) const
{
  // The path's first folder and the pattern's last part, unless "**", which must match the
  // path's last part alone, are tried first: they rule out nearly every file of a large tree
  // without splitting the path.
  if (!m_first_folder.empty()) {
    const size_t start = path.find_first_not_of('/');
    const std::string_view first = start == std::string_view::npos ? std::string_view() : path.substr(start);
    const std::string_view folder = first.substr(0, first.find('/'));
    if (!(m_case_sensitive ? folder == m_first_folder : text::iequals(folder, m_first_folder))) {
      return false; // the path starts elsewhere than the pattern
    }
  }
  if (!may_match_file_named(name)) {
    return false;
  }
  for (const std::string& plain : m_plain_folders) {
    const std::string_view folder = plain;
    if (!text::has_folder(path, std::span(&folder, 1), m_case_sensitive)) {
      return false;
    }
  }
  const auto& parts = components_of(path);
  return match_components(parts, parts.size());
}

std::optional<size_t> Glob::prefix_length(const std::vector<std::string_view>& parts) const
{
  return prefix_length(parts, 1, parts.size());
}

std::optional<size_t> Glob::prefix_length(const std::vector<std::string_view>& parts, size_t from,
                                          size_t to) const
{
  if (m_components.empty()) {
    return std::nullopt;
  }
  // As in matches_file: the pattern's last part, unless "**", must match the prefix's last
  // component, which rules out most prefixes before the whole pattern is tried.
  const bool last_is_name = m_components.back() != "**";
  for (size_t count = std::max<size_t>(from, 1); count <= to && count <= parts.size(); ++count) {
    const bool is_file = count == parts.size();
    if ((is_file && m_folder_only) || (last_is_name && !last_matches(parts[count - 1]))) {
      continue;
    }
    if (match_components(parts, count)) {
      return count;
    }
  }
  return std::nullopt;
}

namespace {

std::string join_prefix(const std::vector<std::string_view>& parts, size_t count)
{
  std::string prefix;
  for (size_t i = 0; i < count; ++i) {
    prefix += parts[i];
    if (i + 1 < parts.size()) {
      prefix += '/';
    }
  }
  return prefix;
}

} // namespace

std::optional<std::string> Glob::matching_prefix(std::string_view path) const
{
  const auto& parts = components_of(path);
  const auto count = prefix_length(parts);
  if (!count) {
    return std::nullopt;
  }
  return join_prefix(parts, *count);
}

Result<GlobSet> GlobSet::compile(const std::vector<std::string>& patterns, Anchor anchor, bool case_sensitive)
{
  GlobSet set;
  for (const auto& pattern : patterns) {
    TRY_ASSIGN(Glob glob, Glob::compile(pattern, anchor, case_sensitive));
    set.m_globs.push_back(std::move(glob));
  }
  return set;
}

bool GlobSet::matches_file(std::string_view path) const
{
  const std::string_view name = file_name(path);
  for (const auto& glob : m_globs) {
    if (glob.matches_file_named(path, name)) {
      return true;
    }
  }
  return false;
}

std::optional<std::string> GlobSet::matching_prefix(std::string_view path) const
{
  // The path is split once for all the globs.
  const auto& parts = components_of(path);
  std::optional<size_t> best;
  for (const auto& glob : m_globs) {
    const auto count = glob.prefix_length(parts);
    if (count && (!best || *count < *best)) {
      best = count;
      if (*best == 1) {
        break;
      }
    }
  }
  if (!best) {
    return std::nullopt;
  }
  return join_prefix(parts, *best);
}

std::optional<std::string> GlobSet::PrefixMatcher::matching_prefix(std::string_view path)
{
  const auto& parts = components_of(path);
  if (parts.empty()) {
    return std::nullopt;
  }
  // The folders' part: the same for every path of the folder the previous path was in.
  const std::string_view folder = path.substr(0, static_cast<size_t>(parts.back().data() - path.data()));
  if (!m_known || folder != m_folder) {
    m_folder = std::string(folder);
    m_known = true;
    m_folder_count.reset();
    for (const auto& glob : m_set.m_globs) {
      const auto count = glob.prefix_length(parts, 1, parts.size() - 1);
      if (count && (!m_folder_count || *count < *m_folder_count)) {
        m_folder_count = count;
      }
    }
  }
  if (m_folder_count) {
    return join_prefix(parts, *m_folder_count);
  }
  add_file_candidates(parts.back());
  for (const Glob* glob : m_candidates) {
    if (glob->prefix_length(parts, parts.size(), parts.size())) {
      return join_prefix(parts, parts.size());
    }
  }
  return std::nullopt;
}

void GlobSet::PrefixMatcher::add_file_candidates(std::string_view name)
{
  if (!m_keys) {
    FileKeys& keys = m_keys.emplace();
    for (const Glob& glob : m_set.m_globs) {
      Glob::NameKey key = glob.name_key();
      switch (key.kind) {
      case Glob::NameKey::Kind::no_file:
        break;
      case Glob::NameKey::Kind::name:
        keys.by_name[std::move(key.text)].push_back(&glob);
        break;
      case Glob::NameKey::Kind::extension:
        keys.by_extension[std::move(key.text)].push_back(&glob);
        break;
      case Glob::NameKey::Kind::prefix:
        keys.by_prefix.emplace_back(std::move(key.text), &glob);
        break;
      case Glob::NameKey::Kind::none:
        keys.any_name.push_back(&glob);
        break;
      }
    }
  }
  m_lowered.assign(name);
  for (char& c : m_lowered) {
    c = text::ascii_lower(c);
  }
  m_candidates = m_keys->any_name;
  if (const auto found = m_keys->by_name.find(m_lowered); found != m_keys->by_name.end()) {
    m_candidates.insert(m_candidates.end(), found->second.begin(), found->second.end());
  }
  if (const size_t dot = m_lowered.rfind('.'); dot != std::string::npos) {
    if (const auto found = m_keys->by_extension.find(m_lowered.substr(dot));
        found != m_keys->by_extension.end()) {
      m_candidates.insert(m_candidates.end(), found->second.begin(), found->second.end());
    }
  }
  for (const auto& [prefix, glob] : m_keys->by_prefix) {
    if (m_lowered.starts_with(prefix)) {
      m_candidates.push_back(glob);
    }
  }
}

} // namespace mlfolio::lint
