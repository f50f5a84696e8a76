// Runs every [[example]] of every rule in checks/ against the rule, through a MemoryView.
#include "lint/catalog.h"
#include "lint/runner.h"

#include <algorithm>
#include <doctest/doctest.h>

using namespace mlfolio;
using namespace mlfolio::lint;

namespace {

// Rules whose C++ body waits for the analyzers (README structure, Python tokens, notebooks,
// Dockerfiles, workflows, dependency files). A rule listed here may have no check; a rule not
// listed must have one. Remove an id when its body lands: the test fails until you do.
constexpr std::string_view k_pending_rules[] = {
    "docs/architecture-diagram",
    "docs/dataset",
    "docs/deployment",
    "docs/experiment-dashboard",
    "docs/lessons",
    "docs/no-placeholders",
    "docs/problem-statement",
    "docs/results",
    "docs/run-instructions",
    "mlops/ci-runs-tests",
    "mlops/dockerfile-practices",
    "mlops/experiment-tracking",
    "mlops/health-endpoint",
    "mlops/model-registry",
    "mlops/monitoring",
    "mlops/pipeline",
    "mlops/serving",
    "rigor/baseline",
    "rigor/evaluation",
    "rigor/metrics",
    "rigor/real-world-data",
    "rigor/reproducibility",
};

bool is_pending(std::string_view id)
{
  return std::find(std::begin(k_pending_rules), std::end(k_pending_rules), id) != std::end(k_pending_rules);
}

config::Config config_for(const Example& example)
{
  config::Config config;
  for (const auto& [name, value] : example.thresholds) {
    config.thresholds[*config::parse_threshold(name)] = value;
  }
  return config;
}

} // namespace

TEST_CASE("examples: every rule gives each of its examples the expected status")
{
  const auto catalog = builtin_catalog();
  REQUIRE_MESSAGE(catalog.has_value(), catalog.error().message);
  for (const auto& rule : (*catalog)->rules()) {
    CAPTURE(rule.id);
    if (!has_check(rule)) {
      CHECK_MESSAGE(is_pending(rule.id),
                    rule.id << " has no check: write its body or list it in k_pending_rules");
      continue;
    }
    CHECK_MESSAGE(!is_pending(rule.id), rule.id << " is checked now: remove it from k_pending_rules");
    for (size_t i = 0; i < rule.examples.size(); ++i) {
      const Example& example = rule.examples[i];
      CAPTURE(i);
      CAPTURE(example.note);
      MemoryView view;
      for (const auto& [path, content] : example.files) {
        view.add(path, content);
      }
      const Analysis analysis(view);
      const Finding finding = evaluate_rule(rule, analysis, config_for(example));
      CHECK_MESSAGE(finding.status == example.expect,
                    "got " << status_name(finding.status) << ": " << finding.message);
      CHECK_FALSE(finding.message.empty());
      CHECK(finding.fix.empty() == (finding.status != Status::fail));
    }
  }
}

TEST_CASE("examples: k_pending_rules names only rules of the catalog")
{
  const auto catalog = builtin_catalog();
  REQUIRE(catalog.has_value());
  for (const auto id : k_pending_rules) {
    CAPTURE(id);
    CHECK((*catalog)->find(id) != nullptr);
  }
}
