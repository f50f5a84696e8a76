#include "lint/rules/registry.h"

namespace mlfolio::lint {

// One file per body in this folder, named after the rule id.
Finding check_code_config_management(const RuleContext& context);
Finding check_code_error_handling(const RuleContext& context);
Finding check_code_logging(const RuleContext& context);
Finding check_code_no_notebook_exports(const RuleContext& context);
Finding check_code_not_notebook_only(const RuleContext& context);
Finding check_code_package(const RuleContext& context);
Finding check_code_pinned_dependencies(const RuleContext& context);
Finding check_code_type_hints(const RuleContext& context);
Finding check_docs_architecture_diagram(const RuleContext& context);
Finding check_docs_dataset(const RuleContext& context);
Finding check_docs_deployment(const RuleContext& context);
Finding check_docs_experiment_dashboard(const RuleContext& context);
Finding check_docs_lessons(const RuleContext& context);
Finding check_docs_no_placeholders(const RuleContext& context);
Finding check_docs_problem_statement(const RuleContext& context);
Finding check_docs_readme(const RuleContext& context);
Finding check_docs_results(const RuleContext& context);
Finding check_docs_run_instructions(const RuleContext& context);
Finding check_git_commit_messages(const RuleContext& context);
Finding check_git_history(const RuleContext& context);
Finding check_git_large_files_history(const RuleContext& context);
Finding check_git_secrets_history(const RuleContext& context);
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
Finding check_repo_secrets(const RuleContext& context);
Finding check_rigor_baseline(const RuleContext& context);
Finding check_rigor_evaluation(const RuleContext& context);
Finding check_rigor_metrics(const RuleContext& context);
Finding check_rigor_real_world_data(const RuleContext& context);
Finding check_rigor_reproducibility(const RuleContext& context);
Finding check_tests_api(const RuleContext& context);
Finding check_tests_ml_code(const RuleContext& context);
Finding check_tests_present(const RuleContext& context);

namespace {

const RuleBodyEntry k_rule_bodies[] = {
    {"code/config-management", check_code_config_management},
    {"code/error-handling", check_code_error_handling},
    {"code/logging", check_code_logging},
    {"code/no-notebook-exports", check_code_no_notebook_exports},
    {"code/not-notebook-only", check_code_not_notebook_only},
    {"code/package", check_code_package},
    {"code/pinned-dependencies", check_code_pinned_dependencies},
    {"code/type-hints", check_code_type_hints},
    {"docs/architecture-diagram", check_docs_architecture_diagram},
    {"docs/dataset", check_docs_dataset},
    {"docs/deployment", check_docs_deployment},
    {"docs/experiment-dashboard", check_docs_experiment_dashboard},
    {"docs/lessons", check_docs_lessons},
    {"docs/no-placeholders", check_docs_no_placeholders},
    {"docs/problem-statement", check_docs_problem_statement},
    {"docs/readme", check_docs_readme},
    {"docs/results", check_docs_results},
    {"docs/run-instructions", check_docs_run_instructions},
    {"git/commit-messages", check_git_commit_messages},
    {"git/history", check_git_history},
    {"git/large-files-history", check_git_large_files_history, true},
    {"git/secrets-history", check_git_secrets_history, true},
    {"mlops/ci-runs-tests", check_mlops_ci_runs_tests},
    {"mlops/dockerfile", check_mlops_dockerfile},
    {"mlops/dockerfile-practices", check_mlops_dockerfile_practices},
    {"mlops/experiment-tracking", check_mlops_experiment_tracking},
    {"mlops/health-endpoint", check_mlops_health_endpoint},
    {"mlops/model-registry", check_mlops_model_registry},
    {"mlops/monitoring", check_mlops_monitoring},
    {"mlops/pipeline", check_mlops_pipeline},
    {"mlops/serving", check_mlops_serving},
    {"repo/large-files", check_repo_large_files, true},
    {"repo/secrets", check_repo_secrets, true},
    {"rigor/baseline", check_rigor_baseline},
    {"rigor/evaluation", check_rigor_evaluation},
    {"rigor/metrics", check_rigor_metrics},
    {"rigor/real-world-data", check_rigor_real_world_data},
    {"rigor/reproducibility", check_rigor_reproducibility},
    {"tests/api", check_tests_api},
    {"tests/ml-code", check_tests_ml_code},
    {"tests/present", check_tests_present},
};

} // namespace

std::span<const RuleBodyEntry> rule_bodies()
{
  return k_rule_bodies;
}

namespace {

const RuleBodyEntry* find_entry(std::string_view id)
{
  for (const auto& entry : k_rule_bodies) {
    if (entry.id == id) {
      return &entry;
    }
  }
  return nullptr;
}

} // namespace

RuleBody find_rule_body(std::string_view id)
{
  const RuleBodyEntry* entry = find_entry(id);
  return entry != nullptr ? entry->body : nullptr;
}

bool rule_scans_every_file(std::string_view id)
{
  const RuleBodyEntry* entry = find_entry(id);
  return entry != nullptr && entry->scans_every_file;
}

} // namespace mlfolio::lint
