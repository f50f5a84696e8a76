// JUnit XML for CI test dashboards: one test suite per category, one test case per rule. A
// failing rule is a <failure> (its message, details, locations and fix), a skipped one <skipped>.
#include "report/escape.h"
#include "report/report.h"
#include "report/summary.h"

#include <ostream>

namespace mlfolio::report {

namespace {

std::string locations_text(const std::vector<lint::Location>& locations)
{
  std::string text;
  for (const auto& location : locations) {
    text += (text.empty() ? "" : ", ") + location.to_string();
  }
  return text;
}

std::string failure_text(const lint::Finding& finding)
{
  std::string text = finding.message + "\n";
  for (const auto& detail : finding.details) {
    text += "- " + detail.message + "\n";
  }
  if (!finding.locations.empty()) {
    text += "at " + locations_text(finding.locations) + "\n";
  }
  if (!finding.fix.empty()) {
    text += "fix: " + one_line(finding.fix) + "\n";
  }
  return text;
}

void write_case(const lint::Finding& finding, std::ostream& out)
{
  out << "    <testcase classname=\"mlfolio." << xml_escape(lint::category_info(finding.category).id)
      << "\" name=\"" << xml_escape(finding.rule + ": " + finding.title) << "\"";
  if (finding.status == lint::Status::pass) {
    out << "/>\n";
    return;
  }
  out << ">\n";
  if (finding.status == lint::Status::skip) {
    out << "      <skipped message=\"" << xml_escape(finding.message) << "\"/>\n";
  } else {
    out << "      <failure message=\"" << xml_escape(finding.message) << "\" type=\""
        << lint::severity_name(finding.severity) << "\">" << xml_escape(failure_text(finding))
        << "</failure>\n";
  }
  out << "    </testcase>\n";
}

std::string counts_attributes(const Tally& counts)
{
  return "tests=\"" + std::to_string(counts.passed + counts.failed + counts.skipped) + "\" failures=\"" +
         std::to_string(counts.failed) + "\" errors=\"0\" skipped=\"" + std::to_string(counts.skipped) + "\"";
}

} // namespace

void write_junit(const Report& report, std::ostream& out, const WriteOptions&)
{
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<testsuites name=\"" << xml_escape("mlfolio " + report.target + ": " + score_text(report)) << "\" "
      << counts_attributes(tally(report)) << ">\n";
  for (const auto& category : report.score.categories) {
    const Tally counts{category.passed, category.failed, category.skipped};
    if (counts.passed + counts.failed + counts.skipped == 0) {
      continue;
    }
    out << "  <testsuite name=\"" << xml_escape(lint::category_info(category.category).id) << "\" "
        << counts_attributes(counts) << ">\n";
    for (const auto& finding : report.findings) {
      if (finding.category == category.category) {
        write_case(finding, out);
      }
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

} // namespace mlfolio::report
