#include "lint/runner.h"

#include <algorithm>

#include "core/parallel.h"
#include "core/text.h"
#include "lint/history.h"
#include "lint/kinds/kind.h"
#include "lint/rules/registry.h"

#include <exception>
#include <memory>
#include <mutex>

namespace mlfolio::lint {

namespace {

Finding judge(const RuleMeta& rule, const Analysis& analysis, const config::Config& config)
{
  const std::string_view category = category_info(rule.category).id;
  if (const config::Disabled* disabled = config.disabled(rule.id, category)) {
    return skip("disabled " + std::string(disabled->origin == "--disable" ? "with " : "in ") +
                disabled->origin);
  }
  const Kind* kind = find_kind(rule.kind);
  if (kind == nullptr) {
    return skip("unknown kind '" + rule.kind + "'");
  }
  try {
    return kind->evaluate(RuleContext(rule, analysis, config));
  } catch (const std::exception& e) {
    return skip(std::string("the check stopped on this repository: ") + e.what());
  }
}

} // namespace

std::string fix_of(const RuleMeta& rule)
{
  return fix_of(rule, rule.fix);
}

std::string fix_of(const RuleMeta& rule, std::string_view specific)
{
  if (rule.add.empty()) {
    return std::string(specific);
  }
  std::string fix(text::trim(specific));
  return fix + "\n`mlfolio add " + rule.add +
         "` writes it into the project, adapted to its layout; existing files are kept.\n";
}

Finding evaluate_rule(const RuleMeta& rule, const Analysis& analysis, const config::Config& config)
{
  Finding finding = judge(rule, analysis, config);
  finding.rule = rule.id;
  finding.title = rule.title;
  finding.category = rule.category;
  finding.severity = rule.severity;
  finding.weight = rule.weight;
  finding.alert = rule.alert;
  if (finding.at_least && *finding.at_least > finding.severity) {
    finding.severity = *finding.at_least;
  }
  const auto override_ = config.rules.find(rule.id);
  if (override_ != config.rules.end()) {
    finding.severity = override_->second.severity.value_or(finding.severity);
    finding.weight = override_->second.weight.value_or(finding.weight);
  }
  if (finding.status != Status::fail) {
    finding.fix.clear();
  } else if (finding.fix.empty()) {
    finding.fix = fix_of(rule);
  }
  return finding;
}

uint64_t large_blob_bytes(const config::Config& config)
{
  const double smallest = std::min({config.threshold(config::Threshold::large_file_mb),
                                    config.threshold(config::Threshold::artifact_mb),
                                    config.threshold(config::Threshold::history_blob_mb)});
  return static_cast<uint64_t>(smallest * 1024 * 1024);
}

namespace {

// The analyses of AfterRun::keep_until_exit: reachable, so that a leak checker does not report
// them, and never freed.
struct Kept
{
  std::mutex mutex;
  std::vector<std::unique_ptr<const Analysis>> analyses;
};

Kept& kept()
{
  static auto* kept = new Kept;
  return *kept;
}

void keep_until_exit(std::unique_ptr<const Analysis> analysis)
{
  const std::lock_guard lock(kept().mutex);
  kept().analyses.push_back(std::move(analysis));
}

} // namespace

RunResult run_rules(const RepoView& view, const Catalog& catalog, const config::Config& config,
                    AfterRun after)
{
  auto owned = std::make_unique<const Analysis>(view, large_blob_bytes(config));
  const Analysis& analysis = *owned;
  for (const auto& rule : catalog.rules()) {
    if (rule_scans_every_file(rule.id) && !config.disabled(rule.id, category_info(rule.category).id)) {
      analysis.start_tree_scan(); // reads every file while the other rules run
      break;
    }
  }
  // The rules run on several threads, each taking the next unit of work: one rule, or the git/
  // rules together and in order (they share the history's libgit2 repository, which is not for
  // two threads at once), first, as the history scan is the longest. Each finding goes to its
  // rule's place, so the report's order is the catalog's whatever thread finished first.
  // After the git/ unit come the rigor/ and mlops/ rules, which look at every call of every
  // module and take longest: the last units to run are short ones, and the threads finish
  // together instead of one waiting for the other's long rule.
  const auto& rules = catalog.rules();
  std::vector<std::vector<size_t>> units(1);
  for (const bool long_ones : {true, false}) {
    for (size_t i = 0; i < rules.size(); ++i) {
      const Category category = rules[i].category;
      if (category == Category::git) {
        if (long_ones) {
          units.front().push_back(i);
        }
      } else if ((category == Category::rigor || category == Category::mlops) == long_ones) {
        units.push_back({i});
      }
    }
  }
  RunResult result;
  result.findings.resize(rules.size());
  const unsigned threads = view.reads_concurrently() ? scan_threads() : 1;
  run_parallel(units.size(), std::min<size_t>(threads, units.size()), [&](size_t unit) {
    for (const size_t i : units[unit]) {
      result.findings[i] = evaluate_rule(rules[i], analysis, config);
    }
  });
  result.notes = analysis.notes();
  if (after == AfterRun::keep_until_exit) {
    analysis.finish_tree_scan(); // the view goes before the analysis
    keep_until_exit(std::move(owned));
  }
  return result;
}

size_t analyses_kept_until_exit()
{
  const std::lock_guard lock(kept().mutex);
  return kept().analyses.size();
}

bool has_check(const RuleMeta& rule)
{
  return rule.kind != k_cpp_kind || find_rule_body(rule.id) != nullptr;
}

} // namespace mlfolio::lint
