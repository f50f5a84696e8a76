#include "config/thresholds.h"

namespace mlfolio::config {

namespace {

const ThresholdInfo k_thresholds[] = {
    {Threshold::large_file_mb, "large_file_mb", 10, 0, 100000,
     "repo/large-files: a file above this many megabytes (MiB) fails"},
    {Threshold::readme_min_words, "readme_min_words", 25, 0, 100000,
     "docs/readme: words outside headings a README needs to count as more than a title"},
    {Threshold::type_hint_share, "type_hint_share", 0.6, 0, 1,
     "code/type-hints: share of functions (0 to 1) that must carry annotations"},
    {Threshold::pinned_share, "pinned_share", 0.8, 0, 1,
     "code/pinned-dependencies: share of requirements (0 to 1) that must be pinned exactly"},
    {Threshold::min_test_functions, "min_test_functions", 3, 1, 100000,
     "tests/present: test functions needed to count as several"},
};

} // namespace

std::span<const ThresholdInfo> thresholds()
{
  return k_thresholds;
}

const ThresholdInfo& threshold_info(Threshold threshold)
{
  return k_thresholds[static_cast<int>(threshold)];
}

std::optional<Threshold> parse_threshold(std::string_view name)
{
  for (const auto& info : k_thresholds) {
    if (info.name == name) {
      return info.threshold;
    }
  }
  return std::nullopt;
}

} // namespace mlfolio::config
