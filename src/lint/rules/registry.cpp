#include "lint/rules/registry.h"

namespace mlfolio::lint {

// One file per body in this folder, named after the rule id.
Finding check_code_not_notebook_only(const RuleContext& context);
Finding check_code_package(const RuleContext& context);
Finding check_docs_readme(const RuleContext& context);
Finding check_mlops_ci_runs_tests(const RuleContext& context);
Finding check_mlops_dockerfile(const RuleContext& context);
Finding check_mlops_dockerfile_practices(const RuleContext& context);
Finding check_mlops_experiment_tracking(const RuleContext& context);
Finding check_mlops_health_endpoint(const RuleContext& context);
Finding check_mlops_model_registry(const RuleContext& context);
Finding check_mlops_monitoring(const RuleContext& context);
Finding check_mlops_pipeline(const RuleContext& context);
Finding check_mlops_serving(const RuleContext& context);
Finding check_repo_large_files(const RuleContext& context);

namespace {

const RuleBodyEntry k_rule_bodies[] = {
    {"code/not-notebook-only", check_code_not_notebook_only},
    {"code/package", check_code_package},
    {"docs/readme", check_docs_readme},
    {"mlops/ci-runs-tests", check_mlops_ci_runs_tests},
    {"mlops/dockerfile", check_mlops_dockerfile},
    {"mlops/dockerfile-practices", check_mlops_dockerfile_practices},
    {"mlops/experiment-tracking", check_mlops_experiment_tracking},
    {"mlops/health-endpoint", check_mlops_health_endpoint},
    {"mlops/model-registry", check_mlops_model_registry},
    {"mlops/monitoring", check_mlops_monitoring},
    {"mlops/pipeline", check_mlops_pipeline},
    {"mlops/serving", check_mlops_serving},
    {"repo/large-files", check_repo_large_files},
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
