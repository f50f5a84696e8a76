#include "lint/score.h"

#include "support/process.h"

#include <doctest/doctest.h>
#include <filesystem>

using namespace mlfolio::lint;

namespace {

Finding finding(Category category, Status status, double weight)
{
  Finding result;
  result.category = category;
  result.status = status;
  result.weight = weight;
  return result;
}

const CategoryScore& category_of(const Score& score, Category category)
{
  return score.categories[static_cast<size_t>(category)];
}

} // namespace

TEST_CASE("score: a category scores passing weight over applicable weight, skips count on neither side")
{
  const std::vector<Finding> findings = {
      finding(Category::docs, Status::pass, 3),
      finding(Category::docs, Status::fail, 1),
      finding(Category::docs, Status::skip, 5),
  };
  const Score score = compute_score(findings);
  const CategoryScore& docs = category_of(score, Category::docs);
  REQUIRE(docs.score.has_value());
  CHECK(*docs.score == doctest::Approx(75.0));
  CHECK(docs.passed == 1);
  CHECK(docs.failed == 1);
  CHECK(docs.skipped == 1);
  CHECK_FALSE(category_of(score, Category::mlops).score.has_value());
  // Only docs applies, so it carries the whole score.
  CHECK(score.overall == 75);
  CHECK(score.grade == 'C');
}

TEST_CASE("score: categories combine with their weights, and empty ones drop out")
{
  // mlops (30) all passing, docs (25) all failing, tests (10) half: (30*100 + 25*0 + 10*50) / 65.
  const std::vector<Finding> findings = {
      finding(Category::mlops, Status::pass, 2), finding(Category::docs, Status::fail, 3),
      finding(Category::tests, Status::pass, 1), finding(Category::tests, Status::fail, 1),
      finding(Category::rigor, Status::skip, 1),
  };
  const Score score = compute_score(findings);
  CHECK(score.overall == 54); // 3500 / 65 = 53.8
  CHECK(score.grade == 'F');
  CHECK(category_of(score, Category::mlops).weight == 30);
}

TEST_CASE("score: all categories passing is 100 and nothing applicable has no score")
{
  std::vector<Finding> findings;
  for (const auto& info : categories()) {
    findings.push_back(finding(info.category, Status::pass, 1));
  }
  CHECK(compute_score(findings).overall == 100);
  CHECK(compute_score(findings).grade == 'A');
  const std::vector<Finding> skipped = {finding(Category::docs, Status::skip, 1)};
  CHECK_FALSE(compute_score(skipped).overall.has_value());
  CHECK_FALSE(compute_score(skipped).grade.has_value());
  const std::vector<Finding> weightless = {finding(Category::docs, Status::fail, 0)};
  CHECK_FALSE(compute_score(weightless).overall.has_value());
}

TEST_CASE("score: grade boundaries")
{
  CHECK(grade_for(100) == 'A');
  CHECK(grade_for(90) == 'A');
  CHECK(grade_for(89) == 'B');
  CHECK(grade_for(80) == 'B');
  CHECK(grade_for(79) == 'C');
  CHECK(grade_for(70) == 'C');
  CHECK(grade_for(69) == 'D');
  CHECK(grade_for(60) == 'D');
  CHECK(grade_for(59) == 'F');
  CHECK(grade_for(0) == 'F');
}

TEST_CASE("score: rounding to a whole number, halves up, decides the grade")
{
  // docs: 8.95 of 10 passing = 89.5 -> 90, grade A.
  const std::vector<Finding> findings = {finding(Category::docs, Status::pass, 8.95),
                                         finding(Category::docs, Status::fail, 1.05)};
  CHECK(compute_score(findings).overall == 90);
  CHECK(compute_score(findings).grade == 'A');
  const std::vector<Finding> lower = {finding(Category::docs, Status::pass, 8.94),
                                      finding(Category::docs, Status::fail, 1.06)};
  CHECK(compute_score(lower).overall == 89);
  CHECK(compute_score(lower).grade == 'B');
}

TEST_CASE("score: docs/scoring.md is the text of 'mlfolio explain score'")
{
  const auto path = std::filesystem::path(MLFOLIO_SOURCE_DIR) / "docs" / "scoring.md";
  const char* update = std::getenv("MLFOLIO_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    mlfolio::test::write_text(path, scoring_explanation());
  }
  CHECK(mlfolio::test::read_text(path) == scoring_explanation());
}
