#pragma once

#include "core/result.h"
#include "report/report.h"

#include <span>
#include <string>
#include <string_view>

namespace mlfolio::report {

// A report written to a file: --output FILE, or --report NAME=FILE.
struct ReportRequest
{
  const Format* format = nullptr;
  std::string path;
};

// The format called `name`; otherwise a usage error that starts with `command` ("mlfolio check"),
// suggests the closest name and lists them all.
Result<const Format*> format_named(std::string_view name, std::string_view command);

// "sarif=out.sarif" -> the sarif format and out.sarif.
Result<ReportRequest> parse_report_request(std::string_view value, std::string_view command);

// Renders every report first, then writes each file atomically (a reader never sees half a
// report, and a failed write leaves no partial file). Errors name the file.
Result<void> write_reports(const Report& report, std::span<const ReportRequest> requests,
                           const WriteOptions& options, std::string_view command);

} // namespace mlfolio::report
