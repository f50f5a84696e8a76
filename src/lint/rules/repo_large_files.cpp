// repo/large-files: no large file in the tree (Git LFS and DVC pointers are small text files).
#include "lint/rules/registry.h"

#include "lint/wording.h"

#include <cstdio>

namespace mlfolio::lint {

namespace {

constexpr double k_mebibyte = 1024.0 * 1024.0;

std::string megabytes(double bytes)
{
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f MB", bytes / k_mebibyte);
  return buffer;
}

} // namespace

Finding check_repo_large_files(const RuleContext& context)
{
  const double limit_mb = context.threshold(config::Threshold::large_file_mb);
  const double limit = limit_mb * k_mebibyte;
  std::vector<Detail> large;
  std::vector<Location> locations;
  for (const auto& file : context.view().files()) {
    if (!file.is_symlink && static_cast<double>(file.size) > limit) {
      large.push_back({file.path + " (" + megabytes(static_cast<double>(file.size)) + ")", {{file.path, 0}}});
      locations.push_back({file.path, 0});
    }
  }
  const std::string limit_text = megabytes(limit);
  if (large.empty()) {
    return pass("no file above " + limit_text);
  }
  Finding finding = fail(count_of(large.size(), "file") + " above " + limit_text, std::move(locations));
  finding.details = std::move(large);
  return finding;
}

} // namespace mlfolio::lint
