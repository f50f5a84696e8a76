#include "config/config.h"

#include "core/text.h"
#include "lint/glob.h"
#include "lint/wording.h"

#include <algorithm>
#include <cmath>
#include <toml++/toml.h>

namespace mlfolio::config {

namespace {

// What one parse needs besides the TOML: where it is (for messages) and what names exist.
struct Parsing
{
  std::string_view display_path;
  std::string_view section; // "" for .mlfolio.toml, " in [tool.mlfolio]" for pyproject.toml
  const Vocabulary& names;
  Config& config;
};

tl::unexpected<Error> error_at(const Parsing& parsing, const toml::source_region& source,
                               const std::string& what)
{
  return usage_error(std::string(parsing.display_path) + ":" + std::to_string(source.begin.line) + ":" +
                     std::to_string(source.begin.column) + ": " + what);
}

// "'high'", "150", "a table" — what a value was, for "got ..." in messages.
std::string describe(const toml::node& node)
{
  if (const auto text = node.value<std::string_view>(); text && node.is_string()) {
    return "'" + std::string(*text) + "'";
  }
  if (node.is_number()) {
    return lint::format_number(*node.value<double>());
  }
  if (node.is_table()) {
    return "a table";
  }
  if (node.is_array()) {
    return "a list";
  }
  if (node.is_boolean()) {
    return "a boolean";
  }
  return "a date or time";
}

Result<double> number_in(const Parsing& parsing, const toml::node& node, std::string_view key, double min,
                         double max)
{
  const auto value = node.value<double>();
  if (!node.is_number() || !value || !std::isfinite(*value) || *value < min || *value > max) {
    const std::string range = "from " + lint::format_number(min) + " to " + lint::format_number(max);
    return error_at(parsing, node.source(),
                    "'" + std::string(key) + "' must be a number " + range + "; got " + describe(node) + ".");
  }
  return *value;
}

Result<lint::Severity> severity_of(const Parsing& parsing, const toml::node& node, std::string_view key)
{
  const auto name = node.value<std::string_view>();
  const auto severity = node.is_string() && name ? lint::parse_severity(*name) : std::nullopt;
  if (!severity) {
    return error_at(parsing, node.source(),
                    "'" + std::string(key) + "' must be error, warning or info; got " + describe(node) + ".");
  }
  return *severity;
}

Result<std::vector<std::pair<std::string, const toml::node*>>>
strings_of(const Parsing& parsing, const toml::node& node, std::string_view key, std::string_view example)
{
  std::vector<std::pair<std::string, const toml::node*>> strings;
  const toml::array* array = node.as_array();
  if (array != nullptr) {
    for (const auto& element : *array) {
      if (!element.is_string()) {
        return error_at(parsing, element.source(),
                        "'" + std::string(key) + "' must be a list of strings, e.g. " + std::string(example) +
                            "; got " + describe(element) + ".");
      }
      strings.emplace_back(std::string(*element.value<std::string_view>()), &element);
    }
    return strings;
  }
  return error_at(parsing, node.source(),
                  "'" + std::string(key) + "' must be a list of strings, e.g. " + std::string(example) +
                      "; got " + describe(node) + ".");
}

Result<void> parse_disable(const Parsing& parsing, const toml::node& node)
{
  TRY_ASSIGN(const auto names,
             strings_of(parsing, node, "disable", "disable = [\"docs/lessons\", \"rigor\"]"));
  for (const auto& [name, element] : names) {
    const auto checked = check_disable_name(name, parsing.names, " in 'disable'");
    if (!checked) {
      return error_at(parsing, element->source(), checked.error().message);
    }
    parsing.config.disable.push_back({name, std::string(parsing.display_path)});
  }
  return {};
}

constexpr std::string_view k_rule_keys[] = {"severity", "weight"};

Result<void> parse_rule_override(const Parsing& parsing, const std::string& id, const toml::node& node)
{
  const toml::table* table = node.as_table();
  const std::string header = "[rules.\"" + id + "\"]";
  if (table == nullptr) {
    return error_at(parsing, node.source(),
                    header + " must be a table with severity and/or weight; got " + describe(node) + ".");
  }
  RuleOverride override_;
  for (const auto& [key, value] : *table) {
    if (key.str() == "severity") {
      TRY_ASSIGN(override_.severity, severity_of(parsing, value, "severity"));
    } else if (key.str() == "weight") {
      TRY_ASSIGN(override_.weight, number_in(parsing, value, "weight", 0, 1000));
    } else {
      return error_at(parsing, key.source(),
                      "unknown key '" + std::string(key.str()) + "' in " + header + "." +
                          text::did_you_mean(text::suggest(key.str(), k_rule_keys)));
    }
  }
  parsing.config.rules[id] = override_;
  return {};
}

Result<void> parse_rules(const Parsing& parsing, const toml::node& node)
{
  const toml::table* table = node.as_table();
  if (table == nullptr) {
    return error_at(parsing, node.source(),
                    "'rules' must be a table, e.g. [rules.\"docs/lessons\"]; got " + describe(node) + ".");
  }
  for (const auto& [key, value] : *table) {
    const std::string id(key.str());
    const auto& ids = parsing.names.rule_ids;
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
      return error_at(parsing, key.source(),
                      "unknown rule '" + id + "' in [rules]." +
                          text::did_you_mean(text::suggest(id, std::span<const std::string>(ids))));
    }
    TRY(parse_rule_override(parsing, id, value));
  }
  return {};
}

Result<void> parse_thresholds(const Parsing& parsing, const toml::node& node)
{
  const toml::table* table = node.as_table();
  if (table == nullptr) {
    return error_at(parsing, node.source(), "'thresholds' must be a table; got " + describe(node) + ".");
  }
  for (const auto& [key, value] : *table) {
    const auto threshold = parse_threshold(key.str());
    if (!threshold) {
      std::vector<std::string_view> names;
      for (const auto& info : thresholds()) {
        names.push_back(info.name);
      }
      return error_at(
          parsing, key.source(),
          "unknown threshold '" + std::string(key.str()) + "'." +
              text::did_you_mean(text::suggest(key.str(), std::span<const std::string_view>(names))));
    }
    const ThresholdInfo& info = threshold_info(*threshold);
    TRY_ASSIGN(parsing.config.thresholds[*threshold],
               number_in(parsing, value, info.name, info.min, info.max));
  }
  return {};
}

Result<void> parse_ignore(const Parsing& parsing, const toml::node& node)
{
  TRY_ASSIGN(const auto globs, strings_of(parsing, node, "ignore", "ignore = [\"data/\", \"*.csv\"]"));
  for (const auto& [glob, element] : globs) {
    const auto compiled = lint::Glob::compile(glob, lint::Anchor::gitignore);
    if (!compiled) {
      return error_at(parsing, element->source(), "bad glob in 'ignore': " + compiled.error().message);
    }
    parsing.config.ignore.push_back(glob);
  }
  return {};
}

// Fingerprints of credentials that were revoked and rotated: a baseline, so that a leak the
// student has dealt with stops failing the audit. The value itself is never written anywhere.
Result<void> parse_acknowledged_secrets(const Parsing& parsing, const toml::node& node)
{
  TRY_ASSIGN(const auto fingerprints, strings_of(parsing, node, "acknowledged_secrets",
                                                 "acknowledged_secrets = [\"3f1c9a0b7d2e4f68\"]"));
  for (const auto& [fingerprint, element] : fingerprints) {
    const bool hex = fingerprint.size() == 16 &&
                     fingerprint.find_first_not_of("0123456789abcdef") == std::string::npos;
    if (!hex) {
      return error_at(parsing, element->source(),
                      "'" + fingerprint + "' is not a fingerprint: copy the 16 hex digits that mlfolio check "
                      "prints after 'fingerprint'.");
    }
    parsing.config.acknowledged_secrets.push_back(fingerprint);
  }
  return {};
}

Result<void> parse_min_score(const Parsing& parsing, const toml::node& node)
{
  TRY_ASSIGN(parsing.config.min_score, number_in(parsing, node, "min_score", 0, 100));
  return {};
}

Result<void> parse_fail_on(const Parsing& parsing, const toml::node& node)
{
  TRY_ASSIGN(parsing.config.fail_on, severity_of(parsing, node, "fail_on"));
  return {};
}

// [template] and [answers] are written by `mlfolio new`; the checker does not read them.
Result<void> accept_table(const Parsing& parsing, const toml::node& node)
{
  if (!node.is_table()) {
    return error_at(parsing, node.source(), "this key must be a table; got " + describe(node) + ".");
  }
  return {};
}

struct Key
{
  std::string_view name;
  Result<void> (*parse)(const Parsing& parsing, const toml::node& node);
};

// The one table of configuration keys.
const Key k_keys[] = {
    {"disable", parse_disable}, {"rules", parse_rules},         {"thresholds", parse_thresholds},
    {"ignore", parse_ignore},   {"min_score", parse_min_score}, {"fail_on", parse_fail_on},
    {"template", accept_table}, {"answers", accept_table}, {"acknowledged_secrets", parse_acknowledged_secrets},
};

Result<void> parse_table(const Parsing& parsing, const toml::table& table)
{
  for (const auto& [key, value] : table) {
    const auto known = std::find_if(std::begin(k_keys), std::end(k_keys),
                                    [&](const Key& candidate) { return candidate.name == key.str(); });
    if (known == std::end(k_keys)) {
      std::vector<std::string_view> names;
      for (const auto& candidate : k_keys) {
        names.push_back(candidate.name);
      }
      return error_at(
          parsing, key.source(),
          "unknown key '" + std::string(key.str()) + "'" + std::string(parsing.section) + "." +
              text::did_you_mean(text::suggest(key.str(), std::span<const std::string_view>(names))));
    }
    TRY(known->parse(parsing, value));
  }
  return {};
}

Result<toml::table> parse_toml(std::string_view text, std::string_view display_path)
{
  try {
    return toml::parse(text, display_path);
  } catch (const toml::parse_error& e) {
    const auto& begin = e.source().begin;
    return usage_error(std::string(display_path) + ":" + std::to_string(begin.line) + ":" +
                       std::to_string(begin.column) + ": " + std::string(e.description()) + ".");
  }
}

} // namespace

double Config::threshold(Threshold which) const
{
  const auto it = thresholds.find(which);
  return it != thresholds.end() ? it->second : threshold_info(which).default_value;
}

bool Config::acknowledged(std::string_view fingerprint) const
{
  return std::find(acknowledged_secrets.begin(), acknowledged_secrets.end(), fingerprint) != acknowledged_secrets.end();
}

const Disabled* Config::disabled(std::string_view rule_id, std::string_view category) const
{
  for (const auto& entry : disable) {
    if (entry.name == rule_id || entry.name == category) {
      return &entry;
    }
  }
  return nullptr;
}

Result<void> check_disable_name(std::string_view name, const Vocabulary& names, std::string_view where)
{
  const auto known = [&](const std::vector<std::string>& list) {
    return std::find(list.begin(), list.end(), name) != list.end();
  };
  if (known(names.rule_ids) || known(names.categories)) {
    return {};
  }
  std::vector<std::string> candidates = names.rule_ids;
  candidates.insert(candidates.end(), names.categories.begin(), names.categories.end());
  return usage_error("unknown rule or category '" + std::string(name) + "'" + std::string(where) + "." +
                     text::did_you_mean(text::suggest(name, std::span<const std::string>(candidates))));
}

Result<Config> parse_mlfolio_toml(std::string_view text, std::string_view display_path,
                                  const Vocabulary& names)
{
  TRY_ASSIGN(const toml::table table, parse_toml(text, display_path));
  Config config;
  config.source = std::string(display_path);
  TRY(parse_table(Parsing{display_path, "", names, config}, table));
  return config;
}

Result<std::optional<Config>> parse_pyproject(std::string_view text, std::string_view display_path,
                                              const Vocabulary& names)
{
  auto table = parse_toml(text, display_path);
  if (!table) {
    // A broken pyproject.toml is the audited project's problem unless it holds our settings.
    if (text.find("[tool.mlfolio") == std::string_view::npos) {
      return std::optional<Config>();
    }
    return tl::unexpected(table.error());
  }
  const toml::node* node = table->at_path("tool.mlfolio").node();
  if (node == nullptr) {
    return std::optional<Config>();
  }
  Config config;
  config.source = std::string(display_path);
  const Parsing parsing{display_path, " in [tool.mlfolio]", names, config};
  if (!node->is_table()) {
    return error_at(parsing, node->source(), "[tool.mlfolio] must be a table; got " + describe(*node) + ".");
  }
  TRY(parse_table(parsing, *node->as_table()));
  return std::optional<Config>(std::move(config));
}

} // namespace mlfolio::config
