// GitHub Actions workflow commands: each failing rule becomes an annotation
// (::error / ::warning / ::notice by severity) on its first location, then a summary line.
// Escaping follows GitHub's toolkit: % CR LF in the message; also : and , in properties.
#include "report/escape.h"
#include "report/report.h"
#include "report/summary.h"

#include <ostream>

namespace mlfolio::report {

namespace {

constexpr std::string_view k_commands[] = {"notice", "warning", "error"}; // by Severity

std::string escape_data(std::string_view text)
{
  std::string escaped;
  for (const char c : text) {
    switch (c) {
    case '%':
      escaped += "%25";
      break;
    case '\r':
      escaped += "%0D";
      break;
    case '\n':
      escaped += "%0A";
      break;
    default:
      escaped += c;
    }
  }
  return escaped;
}

std::string escape_property(std::string_view text)
{
  std::string escaped;
  for (const char c : escape_data(text)) {
    if (c == ':') {
      escaped += "%3A";
    } else if (c == ',') {
      escaped += "%2C";
    } else {
      escaped += c;
    }
  }
  return escaped;
}

std::string annotation_message(const lint::Finding& finding)
{
  std::string message = finding.message;
  for (const auto& detail : finding.details) {
    message += "\n- " + detail.message;
  }
  if (finding.locations.size() > 1) {
    message += "\nat";
    for (const auto& location : finding.locations) {
      message += " " + location.to_string();
    }
  }
  if (!finding.fix.empty()) {
    message += "\nfix: " + one_line(finding.fix);
  }
  return message;
}

void write_annotation(const lint::Finding& finding, std::ostream& out)
{
  out << "::" << k_commands[static_cast<int>(finding.severity)] << ' ';
  if (!finding.locations.empty()) {
    const lint::Location& first = finding.locations.front();
    out << "file=" << escape_property(first.path) << ',';
    if (first.line > 0) {
      out << "line=" << first.line << ',';
    }
  }
  out << "title=" << escape_property(finding.rule + " " + finding.title)
      << "::" << escape_data(annotation_message(finding)) << '\n';
}

} // namespace

void write_github(const Report& report, std::ostream& out, const WriteOptions&)
{
  for (const auto& finding : report.findings) {
    if (finding.status == lint::Status::fail) {
      write_annotation(finding, out);
    }
  }
  out << "mlfolio " << escape_data(report.tool_version) << ": " << escape_data(report.target) << " scores "
      << score_text(report) << " (" << tally_text(tally(report)) << ")\n";
}

} // namespace mlfolio::report
