// mlfolio check: audit a project and print a report.
#include "cli/command.h"

#include "cli/audit.h"
#include "cli/cohort.h"
#include "cohort/formats.h"
#include "cohort/pool.h"
#include "cohort/targets.h"
#include "config/config.h"
#include "core/fs.h"
#include "core/text.h"
#include "git/remote.h"
#include "lint/catalog.h"
#include "report/report.h"
#include "report/write_reports.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <memory>
#include <ostream>

namespace mlfolio::cli {

namespace {

// Built once, before the option table that points into it.
const std::string k_format_help =
    std::string(report::format_option_help()) + "; for several targets: " + cohort::cohort_format_names();

const OptionSpec k_check_options[] = {
    {"rev", "REV", "audit a commit (HEAD~2, v1.0, a hash) instead of the working tree"},
    {"root", "SUBDIR", "audit the project in this subfolder of PATH"},
    {"format", "FORMAT", k_format_help},
    {"output", "FILE", "write the report to FILE instead of standard output"},
    {"report", "NAME=FILE", "also write a report of format NAME to FILE (repeatable; one target)", true},
    {"quiet", "", "print only the score line (text format)"},
    {"min-score", "N", "exit with 1 when the score is below N (0 to 100)"},
    {"fail-on", "SEVERITY", "exit with 1 when a rule of this severity or above fails: error, warning, info"},
    {"config", "FILE", "read the configuration from FILE, not from the project"},
    {"disable", "ID", "leave out a rule or a category (repeatable)", true},
    {"cache-dir", "DIR", "where remote repositories are cloned (default $XDG_CACHE_HOME/mlfolio/repos)"},
    {"no-cache", "", "clone a remote repository into a temporary folder and remove it afterwards"},
    {"timeout", "SECONDS", "give up on a remote clone or fetch after this long (default 300)"},
    {"max-size", "MB", "refuse remote repositories larger than this (default 1024)"},
    {"targets", "FILE", "audit the targets listed in FILE (one path or URL per line; # comments)"},
    {"jobs", "N", "audit N targets at a time (default: the number of cores)"},
    {"shard", "K/N", "audit only the K-th of N equal slices of the target list (for CI matrices)"},
};

struct CheckOptions
{
  std::vector<std::string> targets; // positionals, then the lines of --targets
  size_t first_listed = 0;          // where the lines of --targets begin
  bool cohort = false;              // several targets, --targets, --shard or a cohort format
  const report::Format* format = nullptr;
  const cohort::CohortFormat* cohort_format = nullptr;
  std::optional<std::string> output;
  std::vector<report::ReportRequest> reports; // --output, then each --report (one target)
  bool quiet = false;
  size_t jobs = 1;
  cohort::Shard shard;
  AuditSettings settings;
};

Result<double> parse_positive(const std::string& option, const std::string& text, double max)
{
  double value = -1;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value <= 0 || value > max) {
    return usage_error("mlfolio check: --" + option + " takes a positive number, got '" + text + "'.");
  }
  return value;
}

Result<double> parse_score(const std::string& text)
{
  double value = -1;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0 || value > 100) {
    return usage_error("mlfolio check: --min-score takes a number from 0 to 100, got '" + text + "'.");
  }
  return value;
}

Result<size_t> parse_jobs(const std::string& text)
{
  size_t jobs = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), jobs);
  if (error != std::errc() || end != text.data() + text.size() || jobs < 1 || jobs > 1024) {
    return usage_error("mlfolio check: --jobs takes a whole number from 1 to 1024, got '" + text + "'.");
  }
  return jobs;
}

Result<void> choose_format(const ParsedArgs& args, CheckOptions& options)
{
  const auto given = args.value("format");
  const std::string name = given.value_or("text");
  options.format = report::find_format(name);
  options.cohort_format = cohort::find_cohort_format(name);
  // A format that only a cohort has makes a cohort of one target.
  options.cohort = options.cohort || (options.format == nullptr && options.cohort_format != nullptr);
  if (options.cohort && options.cohort_format == nullptr && options.format != nullptr) {
    return usage_error("mlfolio check: --format " + name + " reports one repository; for several targets use " +
                       cohort::cohort_format_names() + ".");
  }
  if (options.format == nullptr && options.cohort_format == nullptr) {
    std::vector<std::string_view> names;
    for (const auto& known : report::formats()) {
      names.push_back(known.name);
    }
    for (const auto& known : cohort::cohort_formats()) {
      if (std::find(names.begin(), names.end(), known.name) == names.end()) {
        names.push_back(known.name); // text is both
      }
    }
    return usage_error("mlfolio check: " + text::unknown_name("format", name, names, "Formats"));
  }
  return {};
}

Result<void> parse_targets(const ParsedArgs& args, CheckOptions& options)
{
  options.targets = args.positionals();
  options.first_listed = options.targets.size();
  if (const auto list = args.value("targets")) {
    TRY_ASSIGN(const auto listed, cohort::read_target_list(*list));
    options.targets.insert(options.targets.end(), listed.begin(), listed.end());
  }
  // Several targets, a list or a shard make a cohort.
  options.cohort = args.has("targets") || args.has("shard") || options.targets.size() > 1;
  if (const auto shard = args.value("shard")) {
    TRY_ASSIGN(options.shard, cohort::parse_shard(*shard));
  }
  if (options.cohort) {
    TRY(cohort::check_unique(options.targets));
  }
  options.jobs = cohort::default_jobs();
  if (const auto jobs = args.value("jobs")) {
    TRY_ASSIGN(options.jobs, parse_jobs(*jobs));
  }
  return {};
}

Result<CheckOptions> parse_options(const ParsedArgs& args, const lint::Catalog& catalog)
{
  CheckOptions options;
  TRY(parse_targets(args, options));
  TRY(choose_format(args, options));
  options.quiet = args.has("quiet");
  if (options.cohort && options.quiet) {
    return usage_error("mlfolio check: --quiet is for one target; a cohort's text report is one line per target.");
  }
  AuditSettings& settings = options.settings;
  settings.rev = args.value("rev").value_or("");
  settings.root = args.value("root").value_or("");
  options.output = args.value("output");
  if (options.output && options.format != nullptr && !options.cohort) {
    options.reports.push_back({options.format, *options.output});
  }
  for (const auto& value : args.values("report")) {
    if (options.cohort) {
      return usage_error("mlfolio check: --report writes one repository's report; a cohort writes one report "
                         "with --format and --output.");
    }
    TRY_ASSIGN(report::ReportRequest request, report::parse_report_request(value, "mlfolio check"));
    options.reports.push_back(std::move(request));
  }
  if (const auto score = args.value("min-score")) {
    TRY_ASSIGN(settings.min_score, parse_score(*score));
  }
  if (const auto severity = args.value("fail-on")) {
    settings.fail_on = lint::parse_severity(*severity);
    if (!settings.fail_on) {
      return usage_error("mlfolio check: --fail-on takes error, warning or info, got '" + *severity + "'.");
    }
  }
  const config::Vocabulary names = vocabulary_of(catalog);
  settings.disable = args.values("disable");
  for (const auto& name : settings.disable) {
    const auto known = config::check_disable_name(name, names, " given to --disable");
    if (!known) {
      return usage_error("mlfolio check: " + known.error().message);
    }
  }
  if (const auto file = args.value("config")) {
    TRY_ASSIGN(settings.config_file, config::load_config_file(*file, names));
  }
  settings.fetch.cache_dir = args.value("cache-dir").value_or(git::default_cache_dir().string());
  settings.fetch.use_cache = !args.has("no-cache");
  if (const auto timeout = args.value("timeout")) {
    TRY_ASSIGN(const double seconds, parse_positive("timeout", *timeout, 86400));
    settings.fetch.timeout_seconds = static_cast<int>(seconds);
  }
  if (const auto size = args.value("max-size")) {
    TRY_ASSIGN(const double megabytes, parse_positive("max-size", *size, 1e7));
    settings.fetch.max_bytes = static_cast<uint64_t>(megabytes * 1024 * 1024);
  }
  settings.fetch.progress = true; // shown only when stderr is a terminal
  return options;
}

// The one target of a single-target run, fetched when it is remote, and audited.
Result<Audit> audit_single(const CheckOptions& options, const lint::Catalog& catalog)
{
  if (options.targets.size() > 1) {
    return usage_error("mlfolio check: takes one PATH, got " + std::to_string(options.targets.size()) + ".");
  }
  const Target target = resolve_target(options.targets.empty() ? "." : options.targets[0]);
  std::optional<git::FetchedRepository> fetched;
  if (target.remote) {
    TRY_ASSIGN(fetched, git::fetch_remote(*target.remote, options.settings.fetch));
  }
  const RemoveOnExit remove_clone(fetched && fetched->temporary ? std::optional(fetched->git_dir) : std::nullopt);
  return audit_target(target, fetched, options.settings, catalog);
}

Result<ExitCode> check_one(CheckOptions options, const lint::Catalog& catalog, Io& io)
{
  options.settings.last_audit = io.process_ends;
  TRY_ASSIGN(const Audit audit, audit_single(options, catalog));
  report::WriteOptions write_options;
  write_options.quiet = options.quiet;
  TRY(report::write_reports(audit.report, options.reports, write_options, "mlfolio check"));
  if (!options.output) {
    write_options.color = io.out_is_tty && !io.no_color;
    options.format->write(audit.report, io.out, write_options);
  }
  for (const auto& reason : audit.threshold_failures) {
    io.err << "mlfolio check: " << reason << '\n';
  }
  return audit.threshold_failures.empty() ? ExitCode::ok : ExitCode::findings;
}

Result<ExitCode> check(const ParsedArgs& args, Io& io)
{
  TRY_ASSIGN(const lint::Catalog* catalog, lint::builtin_catalog());
  TRY_ASSIGN(const CheckOptions options, parse_options(args, *catalog));
  if (!options.cohort) {
    return check_one(options, *catalog, io);
  }
  CohortRun run;
  run.targets = options.targets.empty() ? std::vector<std::string>{"."} : options.targets;
  run.first_listed = options.targets.empty() ? 1 : options.first_listed;
  run.range = cohort::shard_range(options.shard, run.targets.size());
  run.jobs = options.jobs;
  run.format = options.cohort_format;
  run.output = options.output;
  return run_cohort(run, options.settings, *catalog, io);
}

int run_check(const ParsedArgs& args, Io& io)
{
  return exit_status(check(args, io), io);
}

} // namespace

Result<report::Report> audit_from_args(const ParsedArgs& args, std::string_view command)
{
  auto audited = lint::builtin_catalog().and_then([&](const lint::Catalog* catalog) {
    return parse_options(args, *catalog).and_then(
        [&](const CheckOptions& options) { return audit_single(options, *catalog); });
  });
  if (!audited) {
    // Option errors are worded for check; they name the command that was run.
    Error error = std::move(audited).error();
    const std::string_view check_prefix = "mlfolio check";
    if (error.message.starts_with(check_prefix)) {
      error.message.replace(0, check_prefix.size(), command);
    }
    return tl::unexpected(std::move(error));
  }
  return std::move(audited->report);
}

const Command& check_command()
{
  static const Command k_command = {
      "check",
      "Audit an ML portfolio project and score it",
      "mlfolio check [PATH | URL | owner/repo]... [--targets FILE] [options]",
      "Runs every rule (see 'mlfolio rules') on the project at PATH (default: the current folder)\n"
      "or on a remote repository: an https://, git://, ssh:// or file:// URL, or owner/repo for\n"
      "GitHub. Remote repositories are cloned bare into a cache and fetched again on later runs.\n"
      "and prints each failure with what is missing, where it looked and how to fix it, then a\n"
      "score from 0 to 100 ('mlfolio explain score'). Settings are read from .mlfolio.toml or\n"
      "[tool.mlfolio] in pyproject.toml at the project root, or from --config FILE; options win.\n\n"
      "Cohorts: several targets, --targets FILE, --shard K/N or a cohort format (csv, jsonl,\n"
      "leaderboard) audit many repositories, --jobs at a time, into one report\n"
      "with a row per target in input order. A target that cannot be audited is a row with its\n"
      "error; the others go on. 'mlfolio report merge' combines the jsonl of several shards.\n\n"
      "Exit codes: 0 the audit passed its thresholds; 1 the score is below --min-score or a rule\n"
      "of --fail-on severity or above failed; 2 bad option or configuration; 3 the project or a\n"
      "revision cannot be read, or the report cannot be written; 4 a remote repository cannot be\n"
      "fetched (unreachable host, no such repository, private, time-out, over --max-size).\n"
      "A cohort exits 4 when a target could not be audited, else 1 when one missed the\n"
      "thresholds, else 0; 2 and 3 as above.",
      k_check_options,
      run_check,
  };
  return k_command;
}

} // namespace mlfolio::cli
