#pragma once

// One audit of `mlfolio check`: a target (a folder or a URL) to a report and its verdict. The
// single-target command and the cohort driver both run it.

#include "cli/args.h"
#include "config/config.h"
#include "core/result.h"
#include "git/remote.h"
#include "lint/catalog.h"
#include "report/report.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::cli {

// What every target of a run is audited with.
struct AuditSettings
{
  std::string rev;
  std::string root;
  std::optional<config::Config> config_file; // --config FILE, read once; else each project's own
  std::vector<std::string> disable;          // validated against the catalog
  std::optional<double> min_score;
  std::optional<lint::Severity> fail_on;
  git::FetchOptions fetch;
  // The process ends after this audit: what the rules built is left to its end (AfterRun).
  bool last_audit = false;
};

struct Target
{
  std::string given;                       // as on the command line or in the list
  std::optional<git::RemoteTarget> remote; // a URL or owner/repo
};

// A folder that exists is audited as a folder, even when its name looks like owner/repo; a
// missing one named like owner/repo is GitHub's when `shorthand_allowed` (on the command line,
// not in a --targets list, where a mistyped path must not turn into a network fetch).
Target resolve_target(std::string given, bool shorthand_allowed = true);

struct Audit
{
  report::Report report;
  std::vector<std::string> threshold_failures; // why the thresholds are missed, one line each
};

// Audits `target`; a remote target must come with its fetched clone.
Result<Audit> audit_target(const Target& target, const std::optional<git::FetchedRepository>& fetched,
                           const AuditSettings& settings, const lint::Catalog& catalog);

config::Vocabulary vocabulary_of(const lint::Catalog& catalog);

// The audit of one target as 'mlfolio check' reads it from `args` (PATH, --rev, --root,
// --config and the other check options present), for commands that print it another way
// (badge). Errors name `command` ("mlfolio badge").
Result<report::Report> audit_from_args(const ParsedArgs& args, std::string_view command);

// A clone made for one run alone (--no-cache) goes when the audit is done, however it ends.
class RemoveOnExit
{
public:
  explicit RemoveOnExit(std::optional<std::filesystem::path> folder) : m_path(std::move(folder)) {}
  RemoveOnExit(RemoveOnExit&& other) noexcept : m_path(std::exchange(other.m_path, std::nullopt)) {}
  RemoveOnExit(const RemoveOnExit&) = delete;
  RemoveOnExit& operator=(const RemoveOnExit&) = delete;
  RemoveOnExit& operator=(RemoveOnExit&&) = delete;
  ~RemoveOnExit();

private:
  std::optional<std::filesystem::path> m_path;
};

} // namespace mlfolio::cli
