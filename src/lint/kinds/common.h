#pragma once

// Helpers shared by the data kinds: reading their common parameters and wording their messages.

#include "core/result.h"
#include "lint/glob.h"
#include "lint/params.h"
#include "lint/rule.h"
#include "lint/wording.h"

#include <memory>
#include <re2/re2.h>
#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::lint::kinds {

// `where = "root" | "anywhere"` (absent: `fallback`).
Anchor where_param(const Params& params, Anchor fallback);
// " at the project root" or " anywhere in the project".
std::string_view where_phrase(Anchor anchor);

Result<GlobSet> compile_globs(const std::vector<std::string>& patterns, Anchor anchor, const Params& params);

// RE2 syntax; "(?m)" makes ^ and $ match at line ends, "(?i)" ignores case.
Result<std::unique_ptr<RE2>> compile_regex(const std::string& pattern);

// The text a file's patterns are matched against: the content itself, or for UTF-16 text (a
// requirements.txt saved by PowerShell's ">") the content decoded to UTF-8 into `decoded`,
// which keeps its line numbers.
std::string_view searchable_text(std::string_view content, std::string& decoded);

// Byte offset -> 1-based line number.
uint32_t line_at(std::string_view content, size_t offset);

// This thread's copy of `shared` (same pattern and options). An RE2 may be shared by threads,
// but its DFA caches sit behind locks that every new state of a match takes: the threads of a
// cohort audit, matching the catalog's patterns against different files, would wait on each
// other there.
const RE2& thread_copy(const RE2& shared);

// The first match of `regex` in `content` at or after `from` (matched with thread_copy): its
// offset, or npos.
size_t find_match(const RE2& regex, std::string_view content, size_t from, size_t* length = nullptr);

} // namespace mlfolio::lint::kinds
