#pragma once

// The cohort report formats: one row per repository, failed targets included. They read the
// rows alone, so a report of merged shards is the report of one run, byte for byte.

#include "cohort/row.h"

#include <iosfwd>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::cohort {

struct CohortFormat
{
  std::string_view name;
  std::string_view description;
  void (*write)(const std::vector<Row>& rows, std::ostream& out);
};

// The one table of cohort formats.
std::span<const CohortFormat> cohort_formats();
const CohortFormat* find_cohort_format(std::string_view name);
std::string cohort_format_names(); // "text, csv, jsonl, leaderboard"

// Audited rows by score (highest first, input order among equals), then the rows that could not
// be audited, in input order: the order of the text summary and of the leaderboard.
std::vector<const Row*> ranked(const std::vector<Row>& rows);

// The median score of the audited rows ("64", "64.5"), or "" when none has a score.
std::string median_score(const std::vector<Row>& rows);

} // namespace mlfolio::cohort
