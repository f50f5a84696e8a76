#include "lint/rules/registry.h"

namespace mlfolio::lint {

// One file per body in this folder, named after the rule id.
Finding check_code_not_notebook_only(const RuleContext& context);
Finding check_code_package(const RuleContext& context);
Finding check_docs_readme(const RuleContext& context);
Finding check_mlops_dockerfile(const RuleContext& context);
Finding check_repo_large_files(const RuleContext& context);
Finding check_rigor_baseline(const RuleContext& context);
Finding check_rigor_evaluation(const RuleContext& context);
Finding check_rigor_metrics(const RuleContext& context);
Finding check_rigor_real_world_data(const RuleContext& context);
Finding check_rigor_reproducibility(const RuleContext& context);

namespace {

const RuleBodyEntry k_rule_bodies[] = {
    {"code/not-notebook-only", check_code_not_notebook_only},
    {"code/package", check_code_package},
    {"docs/readme", check_docs_readme},
    {"mlops/dockerfile", check_mlops_dockerfile},
    {"repo/large-files", check_repo_large_files},
    {"rigor/baseline", check_rigor_baseline},
    {"rigor/evaluation", check_rigor_evaluation},
    {"rigor/metrics", check_rigor_metrics},
    {"rigor/real-world-data", check_rigor_real_world_data},
    {"rigor/reproducibility", check_rigor_reproducibility},
};

} // namespace

std::span<const RuleBodyEntry> rule_bodies()
{
  return k_rule_bodies;
}

RuleBody find_rule_body(std::string_view id)
{
  for (const auto& entry : k_rule_bodies) {
    if (entry.id == id) {
      return entry.body;
    }
  }
  return nullptr;
}

} // namespace mlfolio::lint
