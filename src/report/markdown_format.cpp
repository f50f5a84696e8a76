// Markdown for a GitHub step summary or a pull-request comment: the score, a table of the
// failing rules with their fixes, and the rest folded in <details>. Everything that comes from
// the audited repository is escaped (markdown_escape), so a file name cannot break the table.
#include "report/escape.h"
#include "report/report.h"
#include "report/summary.h"

#include "lint/wording.h"

#include <ostream>

namespace mlfolio::report {

namespace {

constexpr size_t k_max_locations = 8;

std::string rule_cell(const lint::Finding& finding)
{
  return "`" + finding.rule + "` " + markdown_escape(finding.title);
}

std::string problem_cell(const lint::Finding& finding)
{
  std::string cell = markdown_escape(finding.message);
  for (const auto& detail : finding.details) {
    cell += "<br>• " + markdown_escape(detail.message);
  }
  return cell;
}

std::string locations_cell(const std::vector<lint::Location>& locations)
{
  std::vector<std::string> names;
  for (const auto& location : locations) {
    names.push_back(markdown_escape(location.to_string()));
  }
  return names.empty() ? "" : lint::join_some(names, k_max_locations);
}

void write_failures(const Report& report, std::ostream& out)
{
  out << "### Failing rules\n\n"
      << "| Rule | Severity | What is wrong | Where | How to fix |\n"
      << "|---|---|---|---|---|\n";
  for (const auto& finding : report.findings) {
    if (finding.status == lint::Status::fail) {
      out << "| " << rule_cell(finding) << " | " << lint::severity_name(finding.severity) << " | "
          << problem_cell(finding) << " | " << locations_cell(finding.locations) << " | "
          << markdown_escape(one_line(finding.fix)) << " |\n";
    }
  }
  out << '\n';
}

void write_others(const Report& report, const Tally& counts, std::ostream& out)
{
  out << "<details>\n<summary>" << counts.passed << " passed and " << counts.skipped
      << " skipped rules</summary>\n\n"
      << "| Rule | Status | What was found |\n|---|---|---|\n";
  for (const lint::Status status : {lint::Status::pass, lint::Status::skip}) {
    for (const auto& finding : report.findings) {
      if (finding.status == status) {
        out << "| " << rule_cell(finding) << " | " << lint::status_name(status) << " | "
            << markdown_escape(finding.message) << " |\n";
      }
    }
  }
  out << "\n</details>\n\n";
}

void write_categories(const Report& report, std::ostream& out)
{
  out << "| Category | Score | Failed | Passed | Skipped |\n|---|---|---|---|---|\n";
  for (const auto& category : report.score.categories) {
    if (category.passed + category.failed + category.skipped > 0) {
      out << "| " << lint::category_info(category.category).title << " | " << category_score_text(category)
          << " | " << category.failed << " | " << category.passed << " | " << category.skipped << " |\n";
    }
  }
  out << '\n';
}

} // namespace

void write_markdown(const Report& report, std::ostream& out, const WriteOptions&)
{
  const Tally counts = tally(report);
  out << "## mlfolio: " << score_text(report) << "\n\n"
      << "Audit of " << markdown_escape(report.target);
  if (report.commit) {
    out << " at " << markdown_escape(*report.commit);
  }
  out << " by mlfolio " << markdown_escape(report.tool_version) << ": " << tally_text(counts) << ".\n\n";
  for (const lint::Finding* alert : report.alerts()) {
    out << "> [!CAUTION]\n> `" << alert->rule << "`: " << markdown_escape(alert->message)
        << ". Fix: " << markdown_escape(one_line(alert->fix)) << "\n\n";
  }
  write_categories(report, out);
  if (counts.failed > 0) {
    write_failures(report, out);
  }
  if (counts.passed + counts.skipped > 0) {
    write_others(report, counts, out);
  }
  if (!report.notes.empty()) {
    out << "**Notes**\n\n";
    for (const auto& note : report.notes) {
      out << "- " << markdown_escape(note) << '\n';
    }
    out << '\n';
  }
  out << "Each rule is explained by `mlfolio explain RULE`.\n";
}

} // namespace mlfolio::report
