// mlfolio badge: the README badge of an audit, or of a saved JSON report.
#include "cli/audit.h"
#include "cli/command.h"

#include "core/fs.h"
#include "report/json_summary.h"
#include "report/write_reports.h"

#include <ostream>

namespace mlfolio::cli {

namespace {

constexpr std::string_view k_badge = "mlfolio badge";

const OptionSpec k_badge_options[] = {
    {"from", "REPORT.json", "make the badge from a saved JSON report (mlfolio check --format json)"},
    {"output", "FILE", "write the badge to FILE instead of standard output"},
    {"rev", "REV", "audit a commit (HEAD~2, v1.0, a hash) instead of the working tree"},
    {"root", "SUBDIR", "audit the project in this subfolder of PATH"},
    {"config", "FILE", "read the configuration from FILE, not from the project"},
};

Result<report::Report> saved_report(const std::string& path)
{
  TRY_ASSIGN(const std::string text, fs::read_file(path));
  auto report = report::read_json_summary(text, path);
  if (!report) {
    return usage_error(std::string(k_badge) + ": " + report.error().message);
  }
  return report;
}

Result<ExitCode> badge(const ParsedArgs& args, Io& io)
{
  const auto from = args.value("from");
  if (from && (!args.positionals().empty() || args.has("rev") || args.has("root") || args.has("config"))) {
    return usage_error(std::string(k_badge) + ": --from reads a saved report; it takes no TARGET, --rev, "
                                              "--root or --config.");
  }
  auto audited = from ? saved_report(*from) : audit_from_args(args, k_badge);
  if (!audited) {
    return tl::unexpected(std::move(audited).error());
  }
  const report::Format* format = report::find_format("badge");
  if (const auto output = args.value("output")) {
    const report::ReportRequest request{format, *output};
    TRY(report::write_reports(*audited, std::span(&request, 1), {}, k_badge));
  } else {
    format->write(*audited, io.out, {});
  }
  return ExitCode::ok;
}

int run_badge(const ParsedArgs& args, Io& io)
{
  return exit_status(badge(args, io), io);
}

} // namespace

const Command& badge_command()
{
  static const Command k_command = {
      "badge",
      "Write an SVG badge of the score for a README",
      "mlfolio badge [PATH | URL | owner/repo] [options] | mlfolio badge --from REPORT.json",
      "Audits the project like 'mlfolio check' and writes an SVG badge 'portfolio | 87/100',\n"
      "coloured by grade (A green to F red; grey when no rule applies), to standard output or\n"
      "--output FILE. With --from it reads a report saved by 'mlfolio check --format json'\n"
      "instead, so CI can audit once and write every report from that run.\n\n"
      "Exit codes: 0 written (whatever the score); 2 bad option, or REPORT.json is not valid\n"
      "JSON or not an mlfolio JSON report (the message says what is wrong); 3 the project or\n"
      "REPORT.json cannot be read, or the badge cannot be written; 4 a remote repository cannot\n"
      "be fetched.",
      k_badge_options,
      run_badge,
  };
  return k_command;
}

} // namespace mlfolio::cli
