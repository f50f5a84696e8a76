#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace mlfolio::config {

// Numbers rules compare against; each can be set in [thresholds] of the configuration.
enum class Threshold {
  large_file_mb,      // repo/large-files
  readme_min_words,   // docs/readme
  type_hint_share,    // code/type-hints
  pinned_share,       // code/pinned-dependencies
  min_test_functions, // tests/present
  artifact_mb,        // repo/large-files: model and data files
  history_blob_mb,    // git/large-files-history
  min_commits,        // git/history
  young_days,         // git/history: younger repositories are not judged
};

struct ThresholdInfo
{
  Threshold threshold;
  std::string_view name; // the key in [thresholds]
  double default_value;
  double min;
  double max;
  std::string_view help;
};

// The one table of thresholds, in enum order.
std::span<const ThresholdInfo> thresholds();

const ThresholdInfo& threshold_info(Threshold threshold);
std::optional<Threshold> parse_threshold(std::string_view name);

} // namespace mlfolio::config
