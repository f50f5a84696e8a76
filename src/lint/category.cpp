#include "lint/category.h"

namespace mlfolio::lint {

namespace {

// Weights follow the criteria: what gets a project past a reviewer (deployment, tracking,
// monitoring and a README that explains it) counts most.
const CategoryInfo k_categories[] = {
    {Category::docs, "docs", "What the README tells a reviewer", 25},
    {Category::code, "code", "Production Python, not notebook code", 20},
    {Category::tests, "tests", "Tests", 10},
    {Category::mlops, "mlops", "Deployment, tracking, CI and monitoring", 30},
    {Category::rigor, "rigor", "Sound ML practice", 10},
    {Category::repo, "repo", "What a cloned repository looks like", 5},
    {Category::git, "git", "The history behind it", 5},
};

} // namespace

std::span<const CategoryInfo> categories()
{
  return k_categories;
}

const CategoryInfo& category_info(Category category)
{
  return k_categories[static_cast<int>(category)];
}

std::optional<Category> parse_category(std::string_view id)
{
  for (const auto& info : k_categories) {
    if (info.id == id) {
      return info.category;
    }
  }
  return std::nullopt;
}

} // namespace mlfolio::lint
