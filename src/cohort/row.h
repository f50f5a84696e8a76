#pragma once

// One repository of a cohort as the cohort reports print it: what `mlfolio check` found, or why
// the target could not be audited. Rows are what `--format jsonl` writes and `report merge`
// reads back, so every cohort report is a function of the rows alone.

#include "report/report.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mlfolio::cohort {

struct Row
{
  size_t index = 0;       // position in the whole target list (before --shard), from 0
  size_t cohort_size = 0; // length of the whole target list
  std::string target;     // as given, credentials in a URL replaced by "***"
  std::optional<std::string> commit;
  std::optional<int> score;
  std::optional<char> grade;
  std::vector<std::pair<std::string, std::optional<int>>> categories; // id -> rounded score, table order
  std::vector<std::pair<std::string, lint::Status>> rules;            // id -> status, report order
  std::optional<bool> thresholds_met; // --min-score and --fail-on; nullopt when not audited
  std::optional<std::string> error;   // set when the target could not be audited

  std::vector<std::string> failed_rules() const; // ids of the failing rules, report order
  std::optional<int> category_score(std::string_view id) const;
};

Row audited_row(size_t index, size_t cohort_size, std::string target, const report::Report& report,
                bool thresholds_met);
Row failed_row(size_t index, size_t cohort_size, std::string target, std::string error);

// Rows of a run or of merged shards: the exit code of `mlfolio check` for the cohort.
// 4 when a target could not be audited, else 1 when one missed its thresholds, else 0.
ExitCode cohort_exit_code(const std::vector<Row>& rows);

} // namespace mlfolio::cohort
