#pragma once

#include "lint/category.h"
#include "lint/finding.h"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace mlfolio::lint {

struct CategoryScore
{
  Category category;
  double weight = 0;           // the category's share of the overall score
  std::optional<double> score; // 0 to 100, unrounded; nullopt when no rule of it applies
  int passed = 0;
  int failed = 0;
  int skipped = 0;
};

struct Score
{
  std::optional<int> overall;            // 0 to 100, rounded; nullopt when no rule applies at all
  std::optional<char> grade;             // A to F, read from the rounded score
  std::vector<CategoryScore> categories; // every category, in table order
};

// The formula is in docs/scoring.md (and `mlfolio explain score`).
Score compute_score(std::span<const Finding> findings);

char grade_for(int score);

// A score shown as a whole number: halves round up (89.5 is 90, despite floating-point dust).
int round_score(double score);

// The text of docs/scoring.md, built from the category and grade tables.
std::string scoring_explanation();

} // namespace mlfolio::lint
