#include "report/write_reports.h"

#include "core/fs.h"
#include "core/text.h"

#include <sstream>
#include <vector>

namespace mlfolio::report {

Result<const Format*> format_named(std::string_view name, std::string_view command)
{
  if (const Format* format = find_format(name)) {
    return format;
  }
  std::vector<std::string_view> names;
  for (const auto& known : formats()) {
    names.push_back(known.name);
  }
  return usage_error(std::string(command) + ": " + text::unknown_name("format", name, names, "Formats"));
}

Result<ReportRequest> parse_report_request(std::string_view value, std::string_view command)
{
  const size_t equals = value.find('=');
  if (equals == std::string_view::npos || equals == 0 || equals + 1 == value.size()) {
    return usage_error(std::string(command) + ": --report takes NAME=FILE (e.g. sarif=out.sarif), got '" +
                       std::string(value) + "'.");
  }
  TRY_ASSIGN(const Format* format, format_named(value.substr(0, equals), command));
  return ReportRequest{format, std::string(value.substr(equals + 1))};
}

Result<void> write_reports(const Report& report, std::span<const ReportRequest> requests,
                           const WriteOptions& options, std::string_view command)
{
  std::vector<std::string> texts;
  for (const auto& request : requests) {
    std::ostringstream text;
    request.format->write(report, text, options);
    texts.push_back(std::move(text).str());
  }
  for (size_t i = 0; i < requests.size(); ++i) {
    const auto written = fs::write_file_atomic(requests[i].path, texts[i]);
    if (!written) {
      return runtime_error(std::string(command) + ": " + written.error().message);
    }
  }
  return {};
}

} // namespace mlfolio::report
