#include "report/summary.h"

namespace mlfolio::report {

Tally tally(const Report& report)
{
  Tally counts;
  for (const auto& finding : report.findings) {
    int& count = finding.status == lint::Status::pass   ? counts.passed
                 : finding.status == lint::Status::fail ? counts.failed
                                                        : counts.skipped;
    ++count;
  }
  return counts;
}

std::string tally_text(const Tally& tally)
{
  return std::to_string(tally.failed) + " failed, " + std::to_string(tally.passed) + " passed, " +
         std::to_string(tally.skipped) + " skipped";
}

std::string score_text(const Report& report)
{
  if (!report.score.overall || !report.score.grade) {
    return "n/a";
  }
  return std::to_string(*report.score.overall) + "/100, grade " + std::string(1, *report.score.grade);
}

std::string overall_score_text(const Report& report)
{
  return report.score.overall ? std::to_string(*report.score.overall) + "/100" : "n/a";
}

std::string category_score_text(const lint::CategoryScore& category)
{
  return category.score ? std::to_string(lint::round_score(*category.score)) + "/100" : "n/a";
}

std::vector<const lint::Finding*> findings_of(const Report& report, lint::Category category,
                                              lint::Status status)
{
  std::vector<const lint::Finding*> found;
  for (const auto& finding : report.findings) {
    if (finding.category == category && finding.status == status) {
      found.push_back(&finding);
    }
  }
  return found;
}

} // namespace mlfolio::report
