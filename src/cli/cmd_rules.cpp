// mlfolio rules: list the rules with their severity, weight and title.
#include "cli/command.h"

#include "core/text.h"
#include "lint/catalog.h"
#include "lint/runner.h"
#include "lint/wording.h"

#include <nlohmann/json.hpp>
#include <ostream>

namespace mlfolio::cli {

namespace {

const OptionSpec k_rules_options[] = {
    {"format", "FORMAT", "text (default) or json"},
    {"category", "CATEGORY", "only the rules of one category (docs, code, tests, mlops, rigor, repo, git)"},
};

std::string pad(std::string_view text, size_t width)
{
  return std::string(text) + std::string(text.size() < width ? width - text.size() : 1, ' ');
}

void write_text(const std::vector<const lint::RuleMeta*>& rules, std::ostream& out)
{
  size_t id_width = 4;
  for (const auto* rule : rules) {
    id_width = std::max(id_width, rule->id.size() + 2);
  }
  out << pad("id", id_width) << pad("severity", 10) << pad("weight", 8) << "title\n";
  bool pending = false;
  for (const auto* rule : rules) {
    const bool checked = lint::has_check(*rule);
    pending = pending || !checked;
    out << pad(rule->id, id_width) << pad(lint::severity_name(rule->severity), 10)
        << pad(lint::format_number(rule->weight), 8) << rule->title << (checked ? "" : " *") << '\n';
  }
  if (pending) {
    out << "\n* not checked by this version yet: reported as skipped.\n";
  }
}

void write_json(const std::vector<const lint::RuleMeta*>& rules, std::ostream& out)
{
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (const auto* rule : rules) {
    array.push_back({
        {"id", rule->id},
        {"title", rule->title},
        {"category", lint::category_info(rule->category).id},
        {"severity", lint::severity_name(rule->severity)},
        {"weight", rule->weight},
        {"kind", rule->kind},
        {"checked", lint::has_check(*rule)},
        {"add", rule->add},
        {"sources", rule->sources},
    });
  }
  out << nlohmann::ordered_json{{"schema_version", 1}, {"rules", array}}.dump(2) << '\n';
}

struct ListFormat
{
  std::string_view name;
  void (*write)(const std::vector<const lint::RuleMeta*>& rules, std::ostream& out);
};

const ListFormat k_list_formats[] = {{"text", write_text}, {"json", write_json}};

Result<ExitCode> list_rules(const ParsedArgs& args, Io& io)
{
  if (!args.positionals().empty()) {
    return usage_error("mlfolio rules: takes no arguments; filter with --category.");
  }
  const std::string format = args.value("format").value_or("text");
  const ListFormat* writer = nullptr;
  std::vector<std::string_view> format_names;
  for (const auto& candidate : k_list_formats) {
    format_names.push_back(candidate.name);
    writer = candidate.name == format ? &candidate : writer;
  }
  if (writer == nullptr) {
    return usage_error("mlfolio rules: " + text::unknown_name("format", format, format_names, "Formats"));
  }
  std::optional<lint::Category> category;
  if (const auto name = args.value("category")) {
    category = lint::parse_category(*name);
    if (!category) {
      std::vector<std::string_view> names;
      for (const auto& info : lint::categories()) {
        names.push_back(info.id);
      }
      return usage_error("mlfolio rules: unknown category '" + *name + "'." +
                         text::did_you_mean(text::suggest(*name, std::span<const std::string_view>(names))));
    }
  }
  TRY_ASSIGN(const lint::Catalog* catalog, lint::builtin_catalog());
  std::vector<const lint::RuleMeta*> rules;
  for (const auto& rule : catalog->rules()) {
    if (!category || rule.category == *category) {
      rules.push_back(&rule);
    }
  }
  writer->write(rules, io.out);
  return ExitCode::ok;
}

int run_rules(const ParsedArgs& args, Io& io)
{
  return exit_status(list_rules(args, io), io);
}

} // namespace

const Command& rules_command()
{
  static const Command k_command = {
      "rules",
      "List the rules mlfolio checks",
      "mlfolio rules [--category CATEGORY] [--format text|json]",
      "Prints every rule's id, severity, weight and title. 'mlfolio explain ID' tells more about one.",
      k_rules_options,
      run_rules,
  };
  return k_command;
}

} // namespace mlfolio::cli
