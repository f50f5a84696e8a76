// mlfolio explain: why a rule exists and how to fix it, or how the score is computed.
#include "cli/command.h"

#include "core/text.h"
#include "lint/catalog.h"
#include "lint/kinds/kind.h"
#include "lint/runner.h"
#include "lint/score.h"
#include "lint/wording.h"
#include "report/wrap.h"

#include <ostream>

namespace mlfolio::cli {

namespace {

constexpr size_t k_width = 100;
constexpr std::string_view k_score_topic = "score";

std::string example_files(const lint::Example& example)
{
  std::vector<std::string> paths;
  for (const auto& [path, content] : example.files) {
    paths.push_back(path);
  }
  std::string text = paths.empty() ? "(no files)" : lint::join_some(paths, 6);
  if (!example.folder.empty()) {
    text += " with the project in " + example.folder + "/";
  }
  if (!example.note.empty()) {
    text += " (" + example.note + ")";
  }
  return text;
}

void explain_rule(const lint::RuleMeta& rule, std::ostream& out)
{
  out << rule.id << ": " << rule.title << '\n'
      << "Category " << lint::category_info(rule.category).id << ", severity "
      << lint::severity_name(rule.severity) << ", weight " << lint::format_number(rule.weight) << ".\n\n";
  out << "Why it matters\n" << report::wrap(rule.rationale, k_width, "  ") << '\n';
  out << "How to fix\n" << report::wrap(rule.fix, k_width, "  ");
  if (!rule.add.empty() && find_command("add") != nullptr) {
    out << "  'mlfolio add " << rule.add << "' adds it to a project.\n";
  }
  out << "\nExamples\n";
  for (const auto& example : rule.examples) {
    out << "  " << lint::status_name(example.expect) << "  " << example_files(example) << '\n';
  }
  out << "\nSources: " << lint::join_some(rule.sources, rule.sources.size()) << '\n';
  const lint::Kind* kind = lint::find_kind(rule.kind);
  std::string checked_by = "C++ code in src/lint/rules/.";
  if (!lint::has_check(rule)) {
    checked_by = "not by this version of mlfolio yet (reported as skipped).";
  } else if (rule.kind != lint::k_cpp_kind && kind != nullptr) {
    checked_by =
        "the " + rule.kind + " kind, which " + std::string(kind->description) + "; see " + rule.path + ".";
  }
  out << report::wrap("Checked by: " + checked_by, k_width, "");
}

Result<ExitCode> explain(const ParsedArgs& args, Io& io)
{
  if (args.positionals().size() != 1) {
    return usage_error("mlfolio explain: takes one rule id or 'score', e.g. 'mlfolio explain docs/readme'.");
  }
  const std::string& topic = args.positionals()[0];
  if (topic == k_score_topic) {
    io.out << lint::scoring_explanation();
    return ExitCode::ok;
  }
  TRY_ASSIGN(const lint::Catalog* catalog, lint::builtin_catalog());
  const lint::RuleMeta* rule = catalog->find(topic);
  if (rule == nullptr) {
    std::vector<std::string> topics = catalog->ids();
    topics.emplace_back(k_score_topic);
    return usage_error("mlfolio explain: unknown rule '" + topic + "'." +
                       text::did_you_mean(text::suggest(topic, std::span<const std::string>(topics))) +
                       " 'mlfolio rules' lists them.");
  }
  explain_rule(*rule, io.out);
  return ExitCode::ok;
}

int run_explain(const ParsedArgs& args, Io& io)
{
  return exit_status(explain(args, io), io);
}

} // namespace

const Command& explain_command()
{
  static const Command k_command = {
      "explain",
      "Explain a rule (why it matters, how to fix it) or the score",
      "mlfolio explain RULE|score",
      "'mlfolio explain docs/readme' prints the rule's rationale, sources, examples and fix;\n"
      "'mlfolio explain score' prints how the score and the grade are computed.",
      {},
      run_explain,
  };
  return k_command;
}

} // namespace mlfolio::cli
