#pragma once

#include "report/report.h"

#include <string>
#include <string_view>

namespace mlfolio::report {

// What every format says in one line: the score, the grade and how many rules did what.
struct Tally
{
  int passed = 0;
  int failed = 0;
  int skipped = 0;
};

Tally tally(const Report& report);

std::string tally_text(const Tally& tally); // "3 failed, 2 passed, 2 skipped"

// "71/100, grade C" or "n/a".
std::string score_text(const Report& report);

// "71/100" or "n/a": the overall score without its grade (the badge).
std::string overall_score_text(const Report& report);

// "71/100" or "n/a", for a category score.
std::string category_score_text(const lint::CategoryScore& category);

// Every finding of `category` with `status`, in report order.
std::vector<const lint::Finding*> findings_of(const Report& report, lint::Category category,
                                              lint::Status status);

} // namespace mlfolio::report
