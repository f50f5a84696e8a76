#include "report/report.h"

#include "version.h"

#include <algorithm>
#include <tuple>

namespace mlfolio::report {

std::vector<const lint::Finding*> Report::alerts() const
{
  std::vector<const lint::Finding*> alerts;
  for (const auto& finding : findings) {
    if (finding.alert && finding.status == lint::Status::fail) {
      alerts.push_back(&finding);
    }
  }
  return alerts;
}

RuleDoc Report::rule_doc(const lint::Finding& finding) const
{
  for (const auto& rule : rules) {
    if (rule.id == finding.rule) {
      return rule;
    }
  }
  return {finding.rule, finding.title, finding.severity, "", "", {}};
}

Report make_report(std::string target, std::optional<std::string> commit, lint::RunResult run,
                   const lint::Catalog& catalog)
{
  Report report;
  report.tool_version = std::string(k_version);
  report.target = std::move(target);
  report.commit = std::move(commit);
  report.findings = std::move(run.findings);
  std::stable_sort(report.findings.begin(), report.findings.end(),
                   [](const lint::Finding& a, const lint::Finding& b) {
                     return std::tie(a.category, a.rule) < std::tie(b.category, b.rule);
                   });
  report.score = lint::compute_score(report.findings);
  report.notes = std::move(run.notes);
  for (const auto& finding : report.findings) {
    if (const lint::RuleMeta* rule = catalog.find(finding.rule)) {
      report.rules.push_back(
          {rule->id, rule->title, rule->severity, rule->rationale, rule->fix, rule->sources});
    }
  }
  return report;
}

} // namespace mlfolio::report
