#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace mlfolio::lint {

enum class Category { docs, code, tests, mlops, rigor, repo, git };

struct CategoryInfo
{
  Category category;
  std::string_view id;    // as in rule ids: "docs" in "docs/readme"
  std::string_view title; // for reports
  double weight;          // share of the overall score (see docs/scoring.md)
};

// The one table of categories, in report order.
std::span<const CategoryInfo> categories();

const CategoryInfo& category_info(Category category);
std::optional<Category> parse_category(std::string_view id);

} // namespace mlfolio::lint
