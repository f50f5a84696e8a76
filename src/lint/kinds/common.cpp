#include "lint/kinds/common.h"

#include <algorithm>
#include <memory>
#include <string>
#include <unordered_map>

namespace mlfolio::lint::kinds {

Anchor where_param(const Params& params, Anchor fallback)
{
  if (!params.has("where")) {
    return fallback;
  }
  return params.text("where", "") == "anywhere" ? Anchor::anywhere : Anchor::root;
}

std::string_view where_phrase(Anchor anchor)
{
  return anchor == Anchor::root ? " at the project root" : " anywhere in the project";
}

Result<GlobSet> compile_globs(const std::vector<std::string>& patterns, Anchor anchor, const Params& params)
{
  return GlobSet::compile(patterns, anchor, params.flag("case_sensitive", false));
}

Result<std::unique_ptr<RE2>> compile_regex(const std::string& pattern)
{
  RE2::Options options;
  options.set_log_errors(false);
  auto regex = std::make_unique<RE2>(pattern, options);
  if (!regex->ok()) {
    return usage_error("bad regular expression '" + pattern + "': " + regex->error() + ".");
  }
  return regex;
}

uint32_t line_at(std::string_view content, size_t offset)
{
  offset = std::min(offset, content.size());
  return static_cast<uint32_t>(
      1 + std::count(content.begin(), content.begin() + static_cast<long>(offset), '\n'));
}

const RE2& thread_copy(const RE2& shared)
{
  const RE2::Options& options = shared.options();
  std::string key = shared.pattern();
  key += '\0';
  for (const bool flag : {options.case_sensitive(), options.longest_match(), options.posix_syntax(),
                          options.literal(), options.never_nl(), options.dot_nl(), options.never_capture(),
                          options.perl_classes(), options.word_boundary(), options.one_line()}) {
    key += flag ? '1' : '0';
  }
  key += std::to_string(static_cast<int>(options.encoding())) + "/" + std::to_string(options.max_mem());
  thread_local std::unordered_map<std::string, std::unique_ptr<RE2>> copies;
  auto& copy = copies[key];
  if (!copy) {
    copy = std::make_unique<RE2>(shared.pattern(), options);
  }
  return *copy;
}

size_t find_match(const RE2& shared, std::string_view content, size_t from, size_t* length)
{
  if (from > content.size()) {
    return std::string_view::npos;
  }
  const RE2& regex = thread_copy(shared);
  re2::StringPiece match;
  const re2::StringPiece text(content.data(), content.size());
  if (!regex.Match(text, from, content.size(), RE2::UNANCHORED, &match, 1)) {
    return std::string_view::npos;
  }
  if (length != nullptr) {
    *length = match.size();
  }
  return static_cast<size_t>(match.data() - content.data());
}

} // namespace mlfolio::lint::kinds
