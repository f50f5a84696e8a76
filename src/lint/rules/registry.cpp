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
Finding check_docs_readme(const RuleContext& context);
Finding check_mlops_dockerfile(const RuleContext& context);
Finding check_repo_large_files(const RuleContext& context);
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
    {"docs/readme", check_docs_readme},
    {"mlops/dockerfile", check_mlops_dockerfile},
    {"repo/large-files", check_repo_large_files},
    {"tests/api", check_tests_api},
    {"tests/ml-code", check_tests_ml_code},
    {"tests/present", check_tests_present},
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
