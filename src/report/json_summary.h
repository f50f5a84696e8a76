#pragma once

#include "core/result.h"
#include "report/report.h"

#include <string_view>

namespace mlfolio::report {

// The version of the JSON report (docs/report-schema.md); bumped on any change that can break
// a reader.
constexpr int k_json_schema_version = 1;

// The head of a saved JSON report (tool version, target, commit, score and grade), validated:
// an error says what is wrong in words that name `name` (the file), as a usage error.
Result<Report> read_json_summary(std::string_view text, std::string_view name);

} // namespace mlfolio::report
