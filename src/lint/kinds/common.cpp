#include "lint/kinds/common.h"

#include "lint/analyze/text_decode.h"

#include <algorithm>
#include <memory>
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

std::string_view searchable_text(std::string_view content, std::string& decoded)
{
  if (!content.starts_with("\xFF\xFE") && !content.starts_with("\xFE\xFF")) {
    return content;
  }
  decoded = analyze::decode_text(content).text;
  return decoded;
}

uint32_t line_at(std::string_view content, size_t offset)
{
  offset = std::min(offset, content.size());
  return static_cast<uint32_t>(
      1 + std::count(content.begin(), content.begin() + static_cast<long>(offset), '\n'));
}

namespace {

bool same_options(const RE2::Options& a, const RE2::Options& b)
{
  return a.case_sensitive() == b.case_sensitive() && a.longest_match() == b.longest_match() &&
         a.posix_syntax() == b.posix_syntax() && a.literal() == b.literal() && a.never_nl() == b.never_nl() &&
         a.dot_nl() == b.dot_nl() && a.never_capture() == b.never_capture() && a.perl_classes() == b.perl_classes() &&
         a.word_boundary() == b.word_boundary() && a.one_line() == b.one_line() && a.encoding() == b.encoding() &&
         a.max_mem() == b.max_mem();
}

} // namespace

const RE2& thread_copy(const RE2& shared)
{
  // By address, checked against the pattern and options: an address used again by another
  // pattern (a catalog freed, another loaded) gets a new copy.
  thread_local std::unordered_map<const RE2*, std::unique_ptr<RE2>> copies;
  auto& copy = copies[&shared];
  if (!copy || copy->pattern() != shared.pattern() || !same_options(copy->options(), shared.options())) {
    copy = std::make_unique<RE2>(shared.pattern(), shared.options());
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
