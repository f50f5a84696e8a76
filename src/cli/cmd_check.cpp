// mlfolio check: audit a project and print a report.
#include "cli/audit.h"
#include "cli/command.h"

#include "config/config.h"
#include "core/fs.h"
#include "git/remote.h"
#include "lint/catalog.h"
#include "lint/filtered_view.h"
#include "lint/runner.h"
#include "lint/wording.h"
#include "report/report.h"
#include "report/write_reports.h"

#include <charconv>
#include <filesystem>
#include <memory>
#include <ostream>

namespace mlfolio::cli {

namespace {

const OptionSpec k_check_options[] = {
    {"rev", "REV", "audit a commit (HEAD~2, v1.0, a hash) instead of the working tree"},
    {"root", "SUBDIR", "audit the project in this subfolder of PATH"},
    {"format", "FORMAT", report::format_option_help()},
    {"output", "FILE", "write the report to FILE instead of standard output"},
    {"report", "NAME=FILE", "also write a report of format NAME to FILE (repeatable)", true},
    {"quiet", "", "print only the score line (text format)"},
    {"min-score", "N", "exit with 1 when the score is below N (0 to 100)"},
    {"fail-on", "SEVERITY", "exit with 1 when a rule of this severity or above fails: error, warning, info"},
    {"config", "FILE", "read the configuration from FILE, not from the project"},
    {"disable", "ID", "leave out a rule or a category (repeatable)", true},
    {"cache-dir", "DIR", "where remote repositories are cloned (default $XDG_CACHE_HOME/mlfolio/repos)"},
    {"no-cache", "", "clone a remote repository into a temporary folder and remove it afterwards"},
    {"timeout", "SECONDS", "give up on a remote clone or fetch after this long (default 300)"},
    {"max-size", "MB", "refuse remote repositories larger than this (default 1024)"},
};

struct CheckOptions
{
  std::string path = ".";
  std::string rev;
  std::string root;
  const report::Format* format = nullptr;
  std::optional<std::string> output;
  std::vector<report::ReportRequest> reports; // --output, then each --report
  std::optional<std::string> config_file;
  std::optional<double> min_score;
  std::optional<lint::Severity> fail_on;
  std::vector<std::string> disable;
  bool quiet = false;
  std::optional<git::RemoteTarget> remote; // PATH is a URL or owner/repo
  git::FetchOptions fetch;
};

// A clone made for one run alone (--no-cache) goes when the audit is done, however it ends.
struct RemoveOnExit
{
  explicit RemoveOnExit(std::optional<std::filesystem::path> folder) : path(std::move(folder)) {}
  RemoveOnExit(const RemoveOnExit&) = delete;
  RemoveOnExit& operator=(const RemoveOnExit&) = delete;
  ~RemoveOnExit()
  {
    if (path) {
      fs::remove_tree_quietly(*path);
    }
  }

  std::optional<std::filesystem::path> path;
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

Result<CheckOptions> parse_options(const ParsedArgs& args)
{
  CheckOptions options;
  if (args.positionals().size() > 1) {
    return usage_error("mlfolio check: takes one PATH, got " + std::to_string(args.positionals().size()) +
                       ".");
  }
  if (!args.positionals().empty()) {
    options.path = args.positionals()[0];
  }
  options.rev = args.value("rev").value_or("");
  options.root = args.value("root").value_or("");
  TRY_ASSIGN(options.format, report::format_named(args.value("format").value_or("text"), "mlfolio check"));
  options.output = args.value("output");
  if (options.output) {
    options.reports.push_back({options.format, *options.output});
  }
  for (const auto& value : args.values("report")) {
    TRY_ASSIGN(report::ReportRequest request, report::parse_report_request(value, "mlfolio check"));
    options.reports.push_back(std::move(request));
  }
  options.config_file = args.value("config");
  if (const auto score = args.value("min-score")) {
    TRY_ASSIGN(options.min_score, parse_score(*score));
  }
  if (const auto severity = args.value("fail-on")) {
    options.fail_on = lint::parse_severity(*severity);
    if (!options.fail_on) {
      return usage_error("mlfolio check: --fail-on takes error, warning or info, got '" + *severity + "'.");
    }
  }
  options.disable = args.values("disable");
  options.quiet = args.has("quiet");
  // A folder that exists is audited as a folder, even when its name looks like owner/repo.
  std::error_code missing;
  options.remote = git::parse_remote(options.path, !std::filesystem::exists(options.path, missing));
  options.fetch.cache_dir = args.value("cache-dir").value_or(git::default_cache_dir().string());
  options.fetch.use_cache = !args.has("no-cache");
  if (const auto timeout = args.value("timeout")) {
    TRY_ASSIGN(const double seconds, parse_positive("timeout", *timeout, 86400));
    options.fetch.timeout_seconds = static_cast<int>(seconds);
  }
  if (const auto size = args.value("max-size")) {
    TRY_ASSIGN(const double megabytes, parse_positive("max-size", *size, 1e7));
    options.fetch.max_bytes = static_cast<uint64_t>(megabytes * 1024 * 1024);
  }
  options.fetch.progress = true; // shown only when stderr is a terminal
  return options;
}

config::Vocabulary vocabulary_of(const lint::Catalog& catalog)
{
  config::Vocabulary names;
  names.rule_ids = catalog.ids();
  for (const auto& info : lint::categories()) {
    names.categories.emplace_back(info.id);
  }
  return names;
}

// How configuration files are named in messages: "proj/.mlfolio.toml", "HEAD:.mlfolio.toml".
std::string display_prefix(const CheckOptions& options)
{
  std::string prefix;
  if (options.remote) {
    prefix = options.remote->display + "@" + (options.rev.empty() ? std::string("HEAD") : options.rev) + ":";
  } else if (!options.rev.empty()) {
    prefix = options.rev + ":";
  } else if (options.path != ".") {
    prefix = options.path + (options.path.ends_with('/') ? "" : "/");
  }
  if (!options.root.empty()) {
    prefix += options.root + (options.root.ends_with('/') ? "" : "/");
  }
  return prefix;
}

Result<config::Config> effective_config(const CheckOptions& options, const lint::RepoView& view,
                                        const config::Vocabulary& names)
{
  config::Config config;
  if (options.config_file) {
    TRY_ASSIGN(config, config::load_config_file(*options.config_file, names));
  } else {
    TRY_ASSIGN(config, config::find_config(view, display_prefix(options), names));
  }
  for (const auto& name : options.disable) {
    const auto known = config::check_disable_name(name, names, " given to --disable");
    if (!known) {
      return usage_error("mlfolio check: " + known.error().message);
    }
    config.disable.push_back({name, "--disable"});
  }
  if (options.min_score) {
    config.min_score = options.min_score;
  }
  if (options.fail_on) {
    config.fail_on = options.fail_on;
  }
  return config;
}

// Why the audit does not pass its thresholds, one line each; empty when it does.
std::vector<std::string> threshold_failures(const report::Report& report, const config::Config& config)
{
  std::vector<std::string> reasons;
  const auto& overall = report.score.overall;
  if (config.min_score && (!overall || *overall < *config.min_score)) {
    reasons.push_back("the score " + (overall ? std::to_string(*overall) : std::string("n/a")) +
                      " is below the minimum " + lint::format_number(*config.min_score) + ".");
  }
  if (config.fail_on) {
    size_t failing = 0;
    for (const auto& finding : report.findings) {
      failing += finding.status == lint::Status::fail && finding.severity >= *config.fail_on ? 1 : 0;
    }
    if (failing > 0) {
      reasons.push_back(lint::count_of(failing, "rule") + " of severity " +
                        std::string(lint::severity_name(*config.fail_on)) + " or above failed.");
    }
  }
  return reasons;
}

struct Audit
{
  report::Report report;
  config::Config config;
};

Result<Audit> audit(const CheckOptions& options)
{
  TRY_ASSIGN(const lint::Catalog* catalog, lint::builtin_catalog());
  const config::Vocabulary names = vocabulary_of(*catalog);
  std::optional<git::FetchedRepository> fetched;
  if (options.remote) {
    TRY_ASSIGN(fetched, git::fetch_remote(*options.remote, options.fetch));
  }
  const RemoveOnExit remove_clone(fetched && fetched->temporary ? std::optional(fetched->git_dir) : std::nullopt);
  TRY_ASSIGN(const auto view,
             fetched ? lint::open_revision(fetched->git_dir, options.rev.empty() ? "HEAD" : options.rev, options.root,
                                           options.remote->display)
             : options.rev.empty() ? lint::open_working_tree(options.path, options.root)
                                   : lint::open_revision(options.path, options.rev, options.root));
  TRY_ASSIGN(const config::Config config, effective_config(options, *view, names));
  TRY_ASSIGN(const lint::GlobSet ignore, lint::GlobSet::compile(config.ignore, lint::Anchor::gitignore));
  const lint::FilteredView audited(*view, ignore);

  return Audit{report::make_report(view->describe(), view->commit(),
                                   lint::run_rules(audited, *catalog, config), *catalog),
               config};
}

Result<ExitCode> check(const ParsedArgs& args, Io& io)
{
  TRY_ASSIGN(const CheckOptions options, parse_options(args));
  TRY_ASSIGN(const Audit audited, audit(options));
  const report::Report& report = audited.report;
  report::WriteOptions write_options;
  write_options.quiet = options.quiet;
  TRY(report::write_reports(report, options.reports, write_options, "mlfolio check"));
  if (!options.output) {
    write_options.color = io.out_is_tty && !io.no_color;
    options.format->write(report, io.out, write_options);
  }
  const auto reasons = threshold_failures(report, audited.config);
  for (const auto& reason : reasons) {
    io.err << "mlfolio check: " << reason << '\n';
  }
  return reasons.empty() ? ExitCode::ok : ExitCode::findings;
}

int run_check(const ParsedArgs& args, Io& io)
{
  const auto result = check(args, io);
  if (!result) {
    io.err << result.error().message << '\n';
    return static_cast<int>(result.error().code);
  }
  return static_cast<int>(*result);
}

} // namespace

Result<report::Report> audit_target(const ParsedArgs& args, std::string_view command)
{
  auto audited = parse_options(args).and_then(audit);
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
      "mlfolio check [PATH | URL | owner/repo] [options]",
      "Runs every rule (see 'mlfolio rules') on the project at PATH (default: the current folder)\n"
      "or on a remote repository: an https://, git://, ssh:// or file:// URL, or owner/repo for\n"
      "GitHub. Remote repositories are cloned bare into a cache and fetched again on later runs.\n"
      "and prints each failure with what is missing, where it looked and how to fix it, then a\n"
      "score from 0 to 100 ('mlfolio explain score'). Settings are read from .mlfolio.toml or\n"
      "[tool.mlfolio] in pyproject.toml at the project root, or from --config FILE; options win.\n\n"
      "Exit codes: 0 the audit passed its thresholds; 1 the score is below --min-score or a rule\n"
      "of --fail-on severity or above failed; 2 bad option or configuration; 3 the project or a\n"
      "revision cannot be read, or the report cannot be written; 4 a remote repository cannot be\n"
      "fetched (unreachable host, no such repository, private, time-out, over --max-size).",
      k_check_options,
      run_check,
  };
  return k_command;
}

} // namespace mlfolio::cli
