#pragma once

#include "config/thresholds.h"
#include "core/result.h"
#include "lint/severity.h"

#include <filesystem>
#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::lint {
class RepoView;
}

namespace mlfolio::config {

struct RuleOverride
{
  std::optional<lint::Severity> severity;
  std::optional<double> weight;
};

struct Disabled
{
  std::string name;   // a rule id or a category
  std::string origin; // "proj/.mlfolio.toml", "--disable"
};

// The effective configuration of one audit: defaults, then the configuration file, then the
// command line.
struct Config
{
  std::string source; // the file it was read from, for messages; empty: built-in defaults
  std::vector<Disabled> disable;
  std::map<std::string, RuleOverride, std::less<>> rules;
  std::map<Threshold, double> thresholds;
  std::vector<std::string> ignore; // globs (as in .gitignore) of paths left out of the audit
  std::optional<double> min_score;
  std::optional<lint::Severity> fail_on;
  std::vector<std::string> acknowledged_secrets; // fingerprints of rotated credentials

  double threshold(Threshold threshold) const;
  // The entry that disables this rule (by id or by category), if any.
  const Disabled* disabled(std::string_view rule_id, std::string_view category) const;
  bool acknowledged(std::string_view fingerprint) const;
};

// The names a configuration may refer to.
struct Vocabulary
{
  std::vector<std::string> rule_ids;
  std::vector<std::string> categories;
};

// `.mlfolio.toml`: the keys at the top level. Errors name display_path:line:column.
Result<Config> parse_mlfolio_toml(std::string_view text, std::string_view display_path,
                                  const Vocabulary& names);

// `pyproject.toml`: the keys of [tool.mlfolio]; nullopt when the file has no such table.
Result<std::optional<Config>> parse_pyproject(std::string_view text, std::string_view display_path,
                                              const Vocabulary& names);

// The configuration at the root of an audited view: `.mlfolio.toml` or [tool.mlfolio] in
// `pyproject.toml` (both is an error), else defaults. `display_prefix` goes before the file names
// in messages ("proj/", "HEAD:").
Result<Config> find_config(const lint::RepoView& view, std::string_view display_prefix,
                           const Vocabulary& names);

// `--config FILE`: a file named pyproject.toml is read for [tool.mlfolio], anything else as .mlfolio.toml.
Result<Config> load_config_file(const std::filesystem::path& path, const Vocabulary& names);

// A name given to `disable` or `--disable`: a rule id or a category, with "did you mean" when not.
Result<void> check_disable_name(std::string_view name, const Vocabulary& names, std::string_view where);

} // namespace mlfolio::config
