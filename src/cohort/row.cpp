#include "cohort/row.h"

#include "lint/category.h"

#include <algorithm>

namespace mlfolio::cohort {

std::vector<std::string> Row::failed_rules() const
{
  std::vector<std::string> ids;
  for (const auto& [id, status] : rules) {
    if (status == lint::Status::fail) {
      ids.push_back(id);
    }
  }
  return ids;
}

std::optional<int> Row::category_score(std::string_view id) const
{
  for (const auto& [name, value] : categories) {
    if (name == id) {
      return value;
    }
  }
  return std::nullopt;
}

Row audited_row(size_t index, size_t cohort_size, std::string target, const report::Report& report,
                bool thresholds_met)
{
  Row row;
  row.index = index;
  row.cohort_size = cohort_size;
  row.target = std::move(target);
  row.commit = report.commit;
  row.score = report.score.overall;
  row.grade = report.score.grade;
  for (const auto& category : report.score.categories) {
    row.categories.emplace_back(std::string(lint::category_info(category.category).id),
                                category.score ? std::optional(lint::round_score(*category.score))
                                               : std::nullopt);
  }
  for (const auto& finding : report.findings) {
    row.rules.emplace_back(finding.rule, finding.status);
  }
  row.thresholds_met = thresholds_met;
  return row;
}

Row failed_row(size_t index, size_t cohort_size, std::string target, std::string error)
{
  Row row;
  row.index = index;
  row.cohort_size = cohort_size;
  row.target = std::move(target);
  row.error = std::move(error);
  return row;
}

ExitCode cohort_exit_code(const std::vector<Row>& rows)
{
  if (std::any_of(rows.begin(), rows.end(), [](const Row& row) { return row.error.has_value(); })) {
    return ExitCode::remote;
  }
  if (std::any_of(rows.begin(), rows.end(), [](const Row& row) { return row.thresholds_met == false; })) {
    return ExitCode::findings;
  }
  return ExitCode::ok;
}

} // namespace mlfolio::cohort
