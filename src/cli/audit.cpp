#include "cli/audit.h"

#include "core/fs.h"
#include "lint/filtered_view.h"
#include "lint/runner.h"
#include "lint/wording.h"

#include <filesystem>

namespace mlfolio::cli {

namespace {

// How configuration files are named in messages: "proj/.mlfolio.toml", "HEAD:.mlfolio.toml".
std::string display_prefix(const Target& target, const AuditSettings& settings)
{
  std::string prefix;
  if (target.remote) {
    prefix = target.remote->display + "@" + (settings.rev.empty() ? std::string("HEAD") : settings.rev) + ":";
  } else if (!settings.rev.empty()) {
    prefix = settings.rev + ":";
  } else if (target.given != ".") {
    prefix = target.given + (target.given.ends_with('/') ? "" : "/");
  }
  if (!settings.root.empty()) {
    prefix += settings.root + (settings.root.ends_with('/') ? "" : "/");
  }
  return prefix;
}

Result<config::Config> effective_config(const Target& target, const AuditSettings& settings,
                                        const lint::RepoView& view, const config::Vocabulary& names)
{
  config::Config config;
  if (settings.config_file) {
    config = *settings.config_file;
  } else {
    TRY_ASSIGN(config, config::find_config(view, display_prefix(target, settings), names));
  }
  for (const auto& name : settings.disable) {
    config.disable.push_back({name, "--disable"});
  }
  if (settings.min_score) {
    config.min_score = settings.min_score;
  }
  if (settings.fail_on) {
    config.fail_on = settings.fail_on;
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

} // namespace

RemoveOnExit::~RemoveOnExit()
{
  if (m_path) {
    fs::remove_tree_quietly(*m_path);
  }
}

Target resolve_target(std::string given, bool shorthand_allowed)
{
  std::error_code missing;
  const bool exists = std::filesystem::exists(given, missing);
  auto remote = git::parse_remote(given, shorthand_allowed && !exists);
  return {std::move(given), std::move(remote)};
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

Result<Audit> audit_target(const Target& target, const std::optional<git::FetchedRepository>& fetched,
                           const AuditSettings& settings, const lint::Catalog& catalog)
{
  TRY_ASSIGN(const auto view,
             fetched ? lint::open_revision(fetched->git_dir, settings.rev.empty() ? "HEAD" : settings.rev,
                                           settings.root, target.remote->display)
             : settings.rev.empty() ? lint::open_working_tree(target.given, settings.root)
                                    : lint::open_revision(target.given, settings.rev, settings.root));
  TRY_ASSIGN(const config::Config config, effective_config(target, settings, *view, vocabulary_of(catalog)));
  TRY_ASSIGN(const lint::GlobSet ignore, lint::GlobSet::compile(config.ignore, lint::Anchor::gitignore));
  const lint::FilteredView audited(*view, ignore);
  const auto after = settings.last_audit ? lint::AfterRun::keep_until_exit : lint::AfterRun::free;
  Audit audit{report::make_report(view->describe(), view->commit(),
                                  lint::run_rules(audited, catalog, config, after), catalog),
              {}};
  audit.threshold_failures = threshold_failures(audit.report, config);
  return audit;
}

} // namespace mlfolio::cli
