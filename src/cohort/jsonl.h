#pragma once

// The JSON-lines form of cohort rows, written by `--format jsonl` and read by `report merge`.
// One object per line, keys in this order: index, cohort_size, target, commit, score, grade,
// categories {id: score}, failed_rules [ids], rules {id: status}, thresholds_met, error.

#include "cohort/row.h"
#include "core/result.h"

#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::cohort {

std::string row_to_json_line(const Row& row); // without the line break

struct SourcedRow
{
  Row row;
  std::string where; // "shard-2.jsonl:7"
};

// Every non-blank line of `text` as a row; a line that is not one is an error naming
// `file_name:line` and what is wrong.
Result<std::vector<SourcedRow>> parse_rows(std::string_view text, std::string_view file_name);

// Rows of several runs (shards) as one cohort, in input order. Every row must agree on the
// cohort size, and every position must be there exactly once.
Result<std::vector<Row>> merge_rows(std::vector<SourcedRow> rows);

} // namespace mlfolio::cohort
