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
    {Threshold::artifact_mb, "artifact_mb", 5, 0, 100000,
     "repo/large-files: a model or data file (weights, pickles, parquet, archives) above this many MiB fails"},
    {Threshold::history_blob_mb, "history_blob_mb", 50, 0, 100000,
     "git/large-files-history: a blob above this many MiB anywhere in history fails"},
    {Threshold::min_commits, "min_commits", 5, 1, 100000,
     "git/history: commits a history needs to count as development rather than an upload"},
    {Threshold::young_days, "young_days", 7, 0, 100000,
     "git/history: a repository whose first commit is younger than this many days is not judged"},
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
