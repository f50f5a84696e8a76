// The text report: alerts first, then each category with its failures first; the score last.
#include "report/report.h"
#include "report/summary.h"
#include "report/wrap.h"

#include "lint/wording.h"

#include <ostream>

namespace mlfolio::report {

namespace {

constexpr size_t k_width = 100;
constexpr size_t k_max_locations = 8;
constexpr std::string_view k_detail_indent = "        ";

struct Style
{
  bool color;
  std::string paint(std::string_view text, std::string_view code) const
  {
    return color ? "\x1b[" + std::string(code) + "m" + std::string(text) + "\x1b[0m" : std::string(text);
  }
  std::string bold(std::string_view text) const { return paint(text, "1"); }
  std::string red(std::string_view text) const { return paint(text, "1;31"); }
  std::string dim(std::string_view text) const { return paint(text, "2"); }
};

struct StatusStyle
{
  std::string_view label; // FAIL in capitals so failures stand out without colour
  std::string_view color;
};

constexpr StatusStyle k_status_styles[] = {{"pass", "32"}, {"FAIL", "1;31"}, {"skip", "2"}}; // by Status

std::string status_label(const Style& style, lint::Status status)
{
  const StatusStyle& entry = k_status_styles[static_cast<int>(status)];
  return style.paint(entry.label, entry.color);
}

std::string locations_text(const std::vector<lint::Location>& locations)
{
  std::vector<std::string> names;
  for (const auto& location : locations) {
    names.push_back(location.to_string());
  }
  return lint::join_some(names, k_max_locations);
}

// "  FAIL  docs/readme  A README that describes the project  [error]"
std::string heading(const lint::Finding& finding, const std::string& label, const Style& style)
{
  return "  " + label + "  " + style.bold(finding.rule) + "  " + finding.title + "  ["
         + std::string(lint::severity_name(finding.severity)) + "]";
}

void write_failure(const lint::Finding& finding, const std::string& label, const Style& style,
                   std::ostream& out)
{
  out << heading(finding, label, style) << '\n';
  out << wrap(finding.message, k_width, k_detail_indent);
  for (const auto& detail : finding.details) {
    out << wrap("- " + detail.message, k_width, k_detail_indent);
  }
  if (finding.details.empty() && !finding.locations.empty()) {
    out << wrap("at " + locations_text(finding.locations), k_width, k_detail_indent);
  }
  if (!finding.fix.empty()) {
    out << wrap("fix: " + finding.fix, k_width, k_detail_indent);
  }
}

void write_finding(const lint::Finding& finding, const Style& style, std::ostream& out)
{
  if (finding.status == lint::Status::fail && finding.alert) {
    out << heading(finding, status_label(style, finding.status), style) << " (shown at the top)\n";
    return;
  }
  if (finding.status == lint::Status::fail) {
    write_failure(finding, status_label(style, finding.status), style, out);
    return;
  }
  out << "  " << status_label(style, finding.status) << "  " << finding.rule << "  "
      << (finding.status == lint::Status::skip ? style.dim(finding.message) : finding.message) << '\n';
}

std::string score_line(const Report& report, const Style& style)
{
  const std::string counts = " (" + tally_text(tally(report)) + ")";
  if (!report.score.overall) {
    return style.bold("Score: n/a") + ", no rule applies" + counts + "\n";
  }
  return style.bold("Score: " + score_text(report)) + counts + "\n";
}

void write_category(const Report& report, const lint::CategoryScore& category, const Style& style,
                    std::ostream& out)
{
  const auto& info = lint::category_info(category.category);
  const std::string score = category_score_text(category);
  out << '\n'
      << style.bold(std::string(info.id) + "  " + score) << "  " << info.title << " (weight "
      << lint::format_number(info.weight) << ")\n";
  for (const lint::Status status : {lint::Status::fail, lint::Status::pass, lint::Status::skip}) {
    for (const auto& finding : report.findings) {
      if (finding.category == category.category && finding.status == status) {
        write_finding(finding, style, out);
      }
    }
  }
}

} // namespace

void write_text(const Report& report, std::ostream& out, const WriteOptions& options)
{
  const Style style{options.color};
  if (options.quiet) {
    out << score_line(report, style);
    return;
  }
  out << "mlfolio " << report.tool_version << " audit of " << report.target << '\n';
  for (const lint::Finding* alert : report.alerts()) {
    out << '\n';
    write_failure(*alert, style.red("ALERT"), style, out);
  }
  for (const auto& category : report.score.categories) {
    if (category.passed + category.failed + category.skipped > 0) {
      write_category(report, category, style, out);
    }
  }
  if (!report.notes.empty()) {
    out << '\n' << style.bold("Notes") << '\n';
    for (const auto& note : report.notes) {
      out << wrap(note, k_width, "  ");
    }
  }
  out << '\n' << score_line(report, style);
}

} // namespace mlfolio::report
