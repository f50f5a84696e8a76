#pragma once

// How `mlfolio add` merges into a file that already exists: every existing line is kept, in
// order, and what is missing is appended after it.

#include "core/result.h"

#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::generate {

// The entries of `wanted` (a .gitignore) that `existing` lacks, appended under the comment that
// heads their block in `wanted`, after a line saying who added them. `existing` unchanged when
// nothing is missing. "build" and "build/", "/build" count as the same entry.
std::string merge_ignore_lines(std::string_view existing, std::string_view wanted, std::string_view added_by);

// A requirement's name as pip compares it (PEP 503: lower case, runs of -_. as one '-'):
// "scikit_learn>=1.3" -> "scikit-learn". Empty for comments, options and blank lines.
std::string requirement_name(std::string_view line);

// `requirements` (pinned lines) whose package is not in `existing`, appended to a
// requirements.txt.
std::string add_requirements(std::string_view existing, const std::vector<std::string>& requirements,
                             std::string_view added_by);

// The same for pyproject.toml's [project] dependencies array, edited as text so that its
// formatting and comments stay. Fails, naming `path`, when the file is not valid TOML or has no
// [project] table.
Result<std::string> add_pyproject_dependencies(std::string_view existing, const std::vector<std::string>& requirements,
                                               const std::string& path);

// `existing` followed by `sections` (markdown, each starting with its heading), separated by
// one blank line.
std::string append_sections(std::string_view existing, const std::vector<std::string>& sections);

} // namespace mlfolio::generate
