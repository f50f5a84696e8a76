#include "lint/score.h"

#include "lint/wording.h"

#include <cmath>

namespace mlfolio::lint {

namespace {

struct GradeBand
{
  int min_score;
  char grade;
};

const GradeBand k_grades[] = {{90, 'A'}, {80, 'B'}, {70, 'C'}, {60, 'D'}, {0, 'F'}};

} // namespace

char grade_for(int score)
{
  for (const auto& band : k_grades) {
    if (score >= band.min_score) {
      return band.grade;
    }
  }
  return 'F';
}

int round_score(double score)
{
  return static_cast<int>(std::floor(score + 0.5 + 1e-9));
}

Score compute_score(std::span<const Finding> findings)
{
  Score score;
  double weighted = 0;
  double total_weight = 0;
  for (const auto& info : categories()) {
    CategoryScore category{info.category, info.weight, std::nullopt, 0, 0, 0};
    double passed = 0;
    double applicable = 0;
    for (const auto& finding : findings) {
      if (finding.category != info.category) {
        continue;
      }
      if (finding.status == Status::skip) {
        ++category.skipped;
        continue;
      }
      applicable += finding.weight;
      if (finding.status == Status::pass) {
        ++category.passed;
        passed += finding.weight;
      } else {
        ++category.failed;
      }
    }
    if (applicable > 0) {
      category.score = 100.0 * passed / applicable;
      weighted += info.weight * *category.score;
      total_weight += info.weight;
    }
    score.categories.push_back(category);
  }
  if (total_weight > 0) {
    score.overall = round_score(weighted / total_weight);
    score.grade = grade_for(*score.overall);
  }
  return score;
}

std::string scoring_explanation()
{
  std::string text =
      "# How mlfolio scores a repository\n"
      "\n"
      "Every rule reports `pass`, `fail` or `skip`. A skipped rule (it does not apply, such as\n"
      "tests/api in a project without an HTTP API, or it is disabled in the configuration) counts on\n"
      "neither side of the score.\n"
      "\n"
      "1. Each category scores the weights of its passing rules against the weights of its rules that\n"
      "   apply:\n"
      "\n"
      "       category score = 100 * sum(weights of passing rules) / sum(weights of passing and failing "
      "rules)\n"
      "\n"
      "2. The categories combine with the category weights below. A category with no rule that applies\n"
      "   drops out, and the others are rescaled so that their weights still add up to the whole:\n"
      "\n"
      "       score = sum(category weight * category score) / sum(weights of the categories that apply)\n"
      "\n"
      "3. The score is rounded to the nearest whole number (a half rounds up) and the grade is read\n"
      "   from the rounded score.\n"
      "\n"
      "| category | weight |\n"
      "|---|---|\n";
  for (const auto& info : categories()) {
    text += "| " + std::string(info.id) + " | " + format_number(info.weight) + " |\n";
  }
  text += "\n| grade | score |\n|---|---|\n";
  int upper = 100;
  for (const auto& band : k_grades) {
    text += "| " + std::string(1, band.grade) + " | " + std::to_string(band.min_score) + " to " +
            std::to_string(upper) + " |\n";
    upper = band.min_score - 1;
  }
  text += "\n"
          "A rule's weight counts within its category only: a rule of weight 3 counts three times as much\n"
          "as a rule of weight 1 beside it. `mlfolio rules` lists the weights. A configuration file can\n"
          "change a rule's weight or severity (`[rules.\"docs/lessons\"] weight = 0.5`) and can disable a\n"
          "rule or a whole category (`disable = [\"rigor\"]`); a disabled rule is skipped.\n"
          "\n"
          "A failing rule marked as an alert (repo/secrets) is printed before everything else, whatever\n"
          "the score: a leaked credential has to be revoked before anything else matters.\n"
          "\n"
          "`mlfolio check` exits with 1 when the score is below `--min-score` (or `min_score` in the\n"
          "configuration), or when a failing rule has at least the severity given to `--fail-on`\n"
          "(`fail_on`); otherwise with 0.\n";
  return text;
}

} // namespace mlfolio::lint
