#include "cohort/formats.h"

#include "core/text.h"

#include <algorithm>
#include <cstdio>
#include <tuple>
#include <vector>

namespace mlfolio::cohort {

void write_summary(const std::vector<Row>& rows, std::ostream& out);     // summary_format.cpp
void write_csv(const std::vector<Row>& rows, std::ostream& out);         // csv_format.cpp
void write_jsonl(const std::vector<Row>& rows, std::ostream& out);       // jsonl_format.cpp
void write_leaderboard(const std::vector<Row>& rows, std::ostream& out); // leaderboard_format.cpp

namespace {

constexpr CohortFormat k_cohort_formats[] = {
    {"text", "one line per repository, best first, then the targets that could not be audited",
     write_summary},
    {"csv", "one row per repository (RFC 4180): scores, grade, category scores, failing rules, error",
     write_csv},
    {"jsonl", "one JSON object per line and repository, with every rule's status; `report merge` reads it",
     write_jsonl},
    {"leaderboard", "one self-contained HTML page: a sortable ranking and a rule x repository grid",
     write_leaderboard},
};

} // namespace

std::span<const CohortFormat> cohort_formats()
{
  return k_cohort_formats;
}

const CohortFormat* find_cohort_format(std::string_view name)
{
  for (const auto& format : k_cohort_formats) {
    if (format.name == name) {
      return &format;
    }
  }
  return nullptr;
}

std::string cohort_format_names()
{
  std::vector<std::string_view> names;
  for (const auto& format : k_cohort_formats) {
    names.push_back(format.name);
  }
  return text::join(names);
}

std::vector<const Row*> ranked(const std::vector<Row>& rows)
{
  std::vector<const Row*> order;
  for (const auto& row : rows) {
    order.push_back(&row);
  }
  const auto key = [](const Row* row) {
    // Audited with a score, audited without one (no rule applies), not audited.
    const int group = row->error ? 2 : row->score ? 0 : 1;
    return std::make_tuple(group, -row->score.value_or(0), row->index);
  };
  std::stable_sort(order.begin(), order.end(), [&](const Row* a, const Row* b) { return key(a) < key(b); });
  return order;
}

std::string median_score(const std::vector<Row>& rows)
{
  std::vector<int> scores;
  for (const auto& row : rows) {
    if (row.score) {
      scores.push_back(*row.score);
    }
  }
  if (scores.empty()) {
    return {};
  }
  std::sort(scores.begin(), scores.end());
  const size_t middle = scores.size() / 2;
  const double median = scores.size() % 2 == 1 ? scores[middle] : (scores[middle - 1] + scores[middle]) / 2.0;
  char text[16];
  std::snprintf(text, sizeof text, "%g", median);
  return text;
}

} // namespace mlfolio::cohort
