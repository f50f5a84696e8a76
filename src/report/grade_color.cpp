#include "report/grade_color.h"

namespace mlfolio::report {

namespace {

struct GradeColor
{
  char grade;
  std::string_view color;
};

constexpr GradeColor k_grade_colors[] = {
    {'A', "#2e7d32"}, {'B', "#558b2f"}, {'C', "#b58900"}, {'D', "#d9480f"}, {'F', "#c62828"}};
constexpr std::string_view k_no_grade_color = "#6e6e6e";

} // namespace

std::string_view grade_color(std::optional<char> grade)
{
  for (const auto& entry : k_grade_colors) {
    if (grade && entry.grade == *grade) {
      return entry.color;
    }
  }
  return k_no_grade_color;
}

} // namespace mlfolio::report
