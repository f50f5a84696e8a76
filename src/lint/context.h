#pragma once

#include "config/config.h"
#include "lint/analysis.h"
#include "lint/rule.h"

namespace mlfolio::lint {

// Everything a rule body or kind may read while judging one repository.
class RuleContext
{
public:
  RuleContext(const RuleMeta& rule, const Analysis& analysis, const config::Config& config)
      : m_rule(rule), m_analysis(analysis), m_config(config)
  {
  }

  const RuleMeta& rule() const { return m_rule; }
  const Params& params() const { return m_rule.params; }
  const Analysis& analysis() const { return m_analysis; }
  const RepoView& view() const { return m_analysis.view(); }
  const config::Config& config() const { return m_config; }
  double threshold(config::Threshold threshold) const { return m_config.threshold(threshold); }

private:
  const RuleMeta& m_rule;
  const Analysis& m_analysis;
  const config::Config& m_config;
};

} // namespace mlfolio::lint
