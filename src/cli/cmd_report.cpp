// mlfolio report merge: the JSON lines of several cohort runs (shards) as one cohort report.
#include "cli/cohort.h"
#include "cli/command.h"

#include "cohort/jsonl.h"
#include "core/fs.h"
#include "core/text.h"

#include <ostream>

namespace mlfolio::cli {

namespace {

// Built from the cohort format table, before the option table that points into it.
const std::string k_format_help = "one of " + cohort::cohort_format_names() + " (default text)";

const OptionSpec k_report_options[] = {
    {"format", "FORMAT", k_format_help},
    {"output", "FILE", "write the report to FILE instead of standard output"},
};

Result<ExitCode> merge(const ParsedArgs& args, Io& io)
{
  const auto& positionals = args.positionals();
  if (positionals.empty() || positionals[0] != "merge") {
    return usage_error("mlfolio report: the subcommand is 'merge': mlfolio report merge FILES... (got " +
                       (positionals.empty() ? std::string("none") : "'" + positionals[0] + "'") + ").");
  }
  if (positionals.size() < 2) {
    return usage_error(
        "mlfolio report merge: give the JSON-lines files to merge (mlfolio check --format jsonl).");
  }
  const std::string name = args.value("format").value_or("text");
  const cohort::CohortFormat* format = cohort::find_cohort_format(name);
  if (format == nullptr) {
    std::vector<std::string_view> names;
    for (const auto& known : cohort::cohort_formats()) {
      names.push_back(known.name);
    }
    return usage_error("mlfolio report merge: " + text::unknown_name("format", name, names, "Formats"));
  }
  std::vector<cohort::SourcedRow> rows;
  for (size_t i = 1; i < positionals.size(); ++i) {
    TRY_ASSIGN(const std::string text, fs::read_file(positionals[i]));
    TRY_ASSIGN(auto parsed, cohort::parse_rows(text, positionals[i]));
    std::move(parsed.begin(), parsed.end(), std::back_inserter(rows));
  }
  TRY_ASSIGN(const auto merged, cohort::merge_rows(std::move(rows)));
  TRY(write_cohort_report(*format, merged, args.value("output"), io));
  return cohort::cohort_exit_code(merged);
}

int run_report(const ParsedArgs& args, Io& io)
{
  return exit_status(merge(args, io), io);
}

} // namespace

const Command& report_command()
{
  static const Command k_command = {
      "report",
      "Merge the JSON-lines results of cohort shards into one cohort report",
      "mlfolio report merge FILES... [--format FORMAT] [--output FILE]",
      "Reads the output of 'mlfolio check --format jsonl' runs (the shards of one target list,\n"
      "--shard K/N), puts the rows back in input order and writes one cohort report: the same,\n"
      "byte for byte, as one run over the whole list would have written. Every position of the\n"
      "list must be there exactly once.\n\n"
      "Exit codes: as for a cohort check (0, 1 a target missed the thresholds, 4 a target could\n"
      "not be audited); 2 a bad option, or an input line that is not a cohort row (named\n"
      "file:line), or rows missing or given twice; 3 an input cannot be read or the report\n"
      "cannot be written.",
      k_report_options,
      run_report,
  };
  return k_command;
}

} // namespace mlfolio::cli
