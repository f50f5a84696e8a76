#include "lint/catalog.h"

#include "config/thresholds.h"
#include "core/parallel.h"
#include "core/text.h"
#include "lint/kinds/kind.h"
#include "lint/repo_view.h"

#include <algorithm>
#include <optional>
#include <thread>
#include <toml++/toml.h>

namespace mlfolio::lint {

namespace {

// The components of `mlfolio add` (src/generate/components.cpp; a test keeps the two in step).
constexpr std::string_view k_add_components[] = {"docker",     "api",      "ci",         "tracking",
                                                 "monitoring", "tests",    "readme",     "gitignore",
                                                 "license",    "makefile", "pre-commit", "config"};

constexpr std::string_view k_fields[] = {"id",        "title",   "category", "severity", "weight",
                                         "rationale", "sources", "fix",      "add",      "kind",
                                         "params",    "alert",   "example"};
constexpr std::string_view k_required[] = {"id",        "title",   "category", "severity", "weight",
                                           "rationale", "sources", "fix",      "kind"};
constexpr std::string_view k_example_fields[] = {"expect", "note", "files", "thresholds", "commit", "folder"};
constexpr std::string_view k_commit_fields[] = {"message", "days_ago", "files"};

// "checks/docs/readme.toml:3:1: "
std::string where(std::string_view path, const toml::source_region& source)
{
  return std::string(path) + ":" + std::to_string(source.begin.line) + ":" +
         std::to_string(source.begin.column) + ": ";
}

tl::unexpected<Error> error_at(std::string_view path, const toml::source_region& source,
                               const std::string& what)
{
  return runtime_error(where(path, source) + what);
}

Result<std::string> get_string(std::string_view path, const toml::table& table, std::string_view key)
{
  const toml::node* node = table.get(key);
  if (node == nullptr || !node->is_string()) {
    return error_at(path, node != nullptr ? node->source() : table.source(),
                    "'" + std::string(key) + "' must be a string.");
  }
  return std::string(*node->value<std::string_view>());
}

Result<std::vector<std::string>> get_strings(std::string_view path, const toml::node& node,
                                             std::string_view key)
{
  const toml::array* array = node.as_array();
  std::vector<std::string> strings;
  if (array != nullptr) {
    for (const auto& element : *array) {
      if (!element.is_string()) {
        array = nullptr;
        break;
      }
      strings.emplace_back(*element.value<std::string_view>());
    }
  }
  if (array == nullptr) {
    return error_at(path, node.source(), "'" + std::string(key) + "' must be a list of strings.");
  }
  return strings;
}

// Stored straight into `params`: returning a std::variant inside tl::expected trips GCC 12's
// -Wmaybe-uninitialized.
Result<void> read_param(std::string_view path, const toml::node& node, const std::string& key, Params& params)
{
  if (const auto* flag = node.as_boolean()) {
    params.set(key, flag->get());
  } else if (node.is_number()) {
    params.set(key, *node.value<double>());
  } else if (node.is_string()) {
    params.set(key, std::string(*node.value<std::string_view>()));
  } else if (node.is_array()) {
    TRY_ASSIGN(auto strings, get_strings(path, node, key));
    params.set(key, std::move(strings));
  } else if (const auto* table = node.as_table()) {
    StringListTable lists;
    for (const auto& [name, value] : *table) {
      TRY_ASSIGN(auto strings, get_strings(path, value, key + "." + std::string(name.str())));
      lists.emplace(std::string(name.str()), std::move(strings));
    }
    params.set(key, std::move(lists));
  } else {
    return error_at(path, node.source(),
                    "parameter '" + key + "' must be a boolean, number, string, list or table.");
  }
  return {};
}

Result<std::vector<std::pair<std::string, std::string>>> parse_files(std::string_view path,
                                                                     const toml::node& files)
{
  std::vector<std::pair<std::string, std::string>> parsed;
  for (const auto& [file, content] : *files.as_table()) {
    if (!content.is_string()) {
      return error_at(path, content.source(),
                      "the content of '" + std::string(file.str()) + "' must be a string.");
    }
    parsed.emplace_back(std::string(file.str()), std::string(*content.value<std::string_view>()));
  }
  return parsed;
}

Result<ExampleCommit> parse_example_commit(std::string_view path, const toml::node& node)
{
  const toml::table* table = node.as_table();
  if (table == nullptr) {
    return error_at(path, node.source(), "each [[example.commit]] must be a table.");
  }
  for (const auto& [key, value] : *table) {
    if (std::find(std::begin(k_commit_fields), std::end(k_commit_fields), key.str()) ==
        std::end(k_commit_fields)) {
      return error_at(path, key.source(),
                      "unknown commit field '" + std::string(key.str()) + "'." +
                          text::did_you_mean(text::suggest(key.str(), k_commit_fields)));
    }
  }
  ExampleCommit commit;
  TRY_ASSIGN(commit.message, get_string(path, *table, "message"));
  const toml::node* days = table->get("days_ago");
  if (days == nullptr || !days->is_number()) {
    return error_at(path, table->source(), "a commit needs 'days_ago', a number.");
  }
  commit.days_ago = *days->value<double>();
  if (const toml::node* files = table->get("files")) {
    if (!files->is_table()) {
      return error_at(path, files->source(), "'files' of a commit is a table of path = content.");
    }
    TRY_ASSIGN(commit.files, parse_files(path, *files));
  }
  return commit;
}

Result<Example> parse_example(std::string_view path, const toml::node& node)
{
  const toml::table* table = node.as_table();
  if (table == nullptr) {
    return error_at(path, node.source(), "each [[example]] must be a table.");
  }
  for (const auto& [key, value] : *table) {
    if (std::find(std::begin(k_example_fields), std::end(k_example_fields), key.str()) ==
        std::end(k_example_fields)) {
      return error_at(path, key.source(),
                      "unknown example field '" + std::string(key.str()) + "'." +
                          text::did_you_mean(text::suggest(key.str(), k_example_fields)));
    }
  }
  Example example;
  TRY_ASSIGN(const std::string expect, get_string(path, *table, "expect"));
  const auto status = parse_status(expect);
  if (!status) {
    return error_at(path, table->get("expect")->source(),
                    "'expect' must be pass, fail or skip; got '" + expect + "'.");
  }
  example.expect = *status;
  if (table->contains("note")) {
    TRY_ASSIGN(example.note, get_string(path, *table, "note"));
  }
  const toml::node* files = table->get("files");
  if (files == nullptr || !files->is_table()) {
    return error_at(path, files != nullptr ? files->source() : table->source(),
                    "an example needs 'files', a table of path = content.");
  }
  TRY_ASSIGN(example.files, parse_files(path, *files));
  if (table->contains("folder")) {
    TRY_ASSIGN(example.folder, get_string(path, *table, "folder"));
  }
  const size_t levels = example.folder.empty() ? 0 : text::split(example.folder, '/').size();
  for (const auto& [file, content] : example.files) {
    if (split_outer(file).levels > levels) {
      return error_at(
          path, files->source(),
          "'" + file +
              "' is above the repository's top: an example with files above the project "
              "names the project's folder, e.g. folder = \"projects/churn\" for \"../../LICENSE\".");
    }
  }
  if (const toml::node* commits = table->get("commit")) {
    if (!commits->is_array()) {
      return error_at(path, commits->source(), "an example's commits are written [[example.commit]].");
    }
    for (const auto& commit : *commits->as_array()) {
      TRY_ASSIGN(ExampleCommit parsed, parse_example_commit(path, commit));
      example.commits.push_back(std::move(parsed));
    }
  }
  if (const toml::node* thresholds = table->get("thresholds")) {
    if (!thresholds->is_table()) {
      return error_at(path, thresholds->source(), "'thresholds' must be a table of numbers.");
    }
    for (const auto& [name, value] : *thresholds->as_table()) {
      if (!config::parse_threshold(name.str()) || !value.is_number()) {
        return error_at(path, name.source(),
                        "'" + std::string(name.str()) + "' is not a threshold with a number.");
      }
      example.thresholds.emplace(std::string(name.str()), *value.value<double>());
    }
  }
  return example;
}

Result<void> check_examples(std::string_view path, const RuleMeta& rule)
{
  const auto has = [&](Status status) {
    return std::any_of(rule.examples.begin(), rule.examples.end(),
                       [&](const Example& example) { return example.expect == status; });
  };
  if (!has(Status::pass) || !has(Status::fail)) {
    return runtime_error(std::string(path) + ": a rule needs at least one [[example]] with expect = \"pass\" "
                                             "and one with expect = \"fail\".");
  }
  return {};
}

Result<RuleMeta> parse_rule(std::string_view path, std::string_view data)
{
  toml::table table;
  try {
    table = toml::parse(data, path);
  } catch (const toml::parse_error& e) {
    return error_at(path, e.source(), std::string(e.description()) + ".");
  }
  for (const auto& [key, value] : table) {
    if (std::find(std::begin(k_fields), std::end(k_fields), key.str()) == std::end(k_fields)) {
      return error_at(path, key.source(),
                      "unknown field '" + std::string(key.str()) + "'." +
                          text::did_you_mean(text::suggest(key.str(), k_fields)));
    }
  }
  for (const auto field : k_required) {
    if (!table.contains(field)) {
      return runtime_error(std::string(path) + ": missing field '" + std::string(field) + "'.");
    }
  }
  RuleMeta rule;
  rule.path = std::string(path);
  TRY_ASSIGN(rule.id, get_string(path, table, "id"));
  TRY_ASSIGN(rule.title, get_string(path, table, "title"));
  TRY_ASSIGN(rule.rationale, get_string(path, table, "rationale"));
  TRY_ASSIGN(rule.fix, get_string(path, table, "fix"));
  TRY_ASSIGN(rule.kind, get_string(path, table, "kind"));
  rule.rationale = std::string(text::trim(rule.rationale));
  rule.fix = std::string(text::trim(rule.fix));

  TRY_ASSIGN(const std::string category, get_string(path, table, "category"));
  const auto parsed_category = parse_category(category);
  if (!parsed_category) {
    return error_at(path, table.get("category")->source(), "unknown category '" + category + "'.");
  }
  rule.category = *parsed_category;

  TRY_ASSIGN(const std::string severity, get_string(path, table, "severity"));
  const auto parsed_severity = parse_severity(severity);
  if (!parsed_severity) {
    return error_at(path, table.get("severity")->source(),
                    "'severity' must be error, warning or info; got '" + severity + "'.");
  }
  rule.severity = *parsed_severity;

  const toml::node* weight = table.get("weight");
  if (!weight->is_number() || *weight->value<double>() < 0) {
    return error_at(path, weight->source(), "'weight' must be a number of at least 0.");
  }
  rule.weight = *weight->value<double>();

  TRY_ASSIGN(rule.sources, get_strings(path, *table.get("sources"), "sources"));
  if (rule.sources.empty()) {
    return error_at(path, table.get("sources")->source(), "'sources' must name at least one guide.");
  }
  if (table.contains("add")) {
    TRY_ASSIGN(rule.add, get_string(path, table, "add"));
    if (std::find(std::begin(k_add_components), std::end(k_add_components), rule.add) ==
        std::end(k_add_components)) {
      return error_at(path, table.get("add")->source(),
                      "unknown component '" + rule.add + "' in 'add'." +
                          text::did_you_mean(text::suggest(rule.add, k_add_components)));
    }
  }
  if (const toml::node* alert = table.get("alert")) {
    if (!alert->is_boolean()) {
      return error_at(path, alert->source(), "'alert' must be true or false.");
    }
    rule.alert = *alert->value<bool>();
  }
  if (const toml::node* params = table.get("params")) {
    if (!params->is_table()) {
      return error_at(path, params->source(), "'params' must be a table.");
    }
    for (const auto& [name, value] : *params->as_table()) {
      TRY(read_param(path, value, std::string(name.str()), rule.params));
    }
  }
  if (const toml::node* examples = table.get("example")) {
    if (!examples->is_array()) {
      return error_at(path, examples->source(), "examples are written [[example]].");
    }
    for (const auto& node : *examples->as_array()) {
      TRY_ASSIGN(Example example, parse_example(path, node));
      rule.examples.push_back(std::move(example));
    }
  }
  return rule;
}

Result<void> check_rule(const RuleMeta& rule)
{
  const std::string expected_path = "checks/" + rule.id + ".toml";
  if (rule.path != expected_path) {
    return runtime_error(rule.path + ": the id '" + rule.id + "' belongs in " + expected_path + ".");
  }
  const std::string_view prefix = category_info(rule.category).id;
  if (!rule.id.starts_with(std::string(prefix) + "/")) {
    return runtime_error(rule.path + ": the id '" + rule.id + "' does not start with its category '" +
                         std::string(prefix) + "/'.");
  }
  const Kind* kind = find_kind(rule.kind);
  if (kind == nullptr) {
    std::vector<std::string_view> names;
    for (const Kind* known : rule_kinds()) {
      names.push_back(known->name);
    }
    return runtime_error(
        rule.path + ": unknown kind '" + rule.kind + "'." +
        text::did_you_mean(text::suggest(rule.kind, std::span<const std::string_view>(names))));
  }
  const auto params = check_params(rule.params, kind->params, rule.path);
  if (!params) {
    return runtime_error(params.error().message);
  }
  if (kind->check != nullptr) {
    const auto checked = kind->check(rule);
    if (!checked) {
      return runtime_error(rule.path + ": " + checked.error().message);
    }
  }
  return check_examples(rule.path, rule);
}

} // namespace

Catalog::Catalog(std::vector<RuleMeta> rules) : m_rules(std::move(rules))
{
  std::sort(m_rules.begin(), m_rules.end(), [](const RuleMeta& a, const RuleMeta& b) { return a.id < b.id; });
}

const RuleMeta* Catalog::find(std::string_view id) const
{
  const auto it = std::lower_bound(m_rules.begin(), m_rules.end(), id,
                                   [](const RuleMeta& rule, std::string_view key) { return rule.id < key; });
  return it != m_rules.end() && it->id == id ? &*it : nullptr;
}

std::vector<std::string> Catalog::ids() const
{
  std::vector<std::string> ids;
  for (const auto& rule : m_rules) {
    ids.push_back(rule.id);
  }
  return ids;
}

Result<Catalog> load_catalog(std::span<const resources::Resource> files)
{
  // Rules are checks/<category>/<name>.toml; files beside them (checks/secrets.toml) are data
  // of their own.
  std::vector<const resources::Resource*> rule_files;
  for (const auto& file : files) {
    if (file.path.starts_with("checks/") && file.path.ends_with(".toml") &&
        std::count(file.path.begin(), file.path.end(), '/') == 2) {
      rule_files.push_back(&file);
    }
  }
  // Parsed and checked on two threads: every command starts here, and an audit waits for it
  // (4.5 ms on one thread for the built-in rules). Errors are reported in the files' order.
  std::vector<std::optional<Result<RuleMeta>>> parsed(rule_files.size());
  const unsigned jobs = std::min(2u, std::max(1u, std::thread::hardware_concurrency()));
  run_parallel(rule_files.size(), rule_files.size() < 8 ? 1 : jobs, [&](size_t i) {
    Result<RuleMeta> rule = parse_rule(rule_files[i]->path, rule_files[i]->data);
    if (rule) {
      if (auto checked = check_rule(*rule); !checked) {
        rule = tl::unexpected(std::move(checked).error());
      }
    }
    parsed[i] = std::move(rule);
  });
  std::vector<RuleMeta> rules;
  for (auto& result : parsed) {
    if (!*result) {
      return tl::unexpected(std::move(*result).error());
    }
    RuleMeta rule = std::move(**result);
    for (const auto& other : rules) {
      if (other.id == rule.id) {
        return runtime_error(rule.path + ": the id '" + rule.id + "' is also used by " + other.path + ".");
      }
    }
    rules.push_back(std::move(rule));
  }
  return Catalog(std::move(rules));
}

Result<const Catalog*> builtin_catalog()
{
  static const Result<Catalog> k_catalog = load_catalog(resources::under("checks/"));
  if (!k_catalog) {
    return tl::unexpected(
        Error{ExitCode::runtime, "mlfolio's built-in rules are broken: " + k_catalog.error().message});
  }
  return &*k_catalog;
}

std::span<const std::string_view> add_components()
{
  return k_add_components;
}

} // namespace mlfolio::lint
