#include "lint/rules/registry.h"

namespace mlfolio::lint {

// One file per body in this folder, named after the rule id.
Finding check_code_not_notebook_only(const RuleContext& context);
Finding check_code_package(const RuleContext& context);
Finding check_docs_readme(const RuleContext& context);
Finding check_git_commit_messages(const RuleContext& context);
Finding check_git_history(const RuleContext& context);
Finding check_git_large_files_history(const RuleContext& context);
Finding check_git_secrets_history(const RuleContext& context);
Finding check_mlops_dockerfile(const RuleContext& context);
Finding check_repo_large_files(const RuleContext& context);
Finding check_repo_secrets(const RuleContext& context);

namespace {

const RuleBodyEntry k_rule_bodies[] = {
    {"code/not-notebook-only", check_code_not_notebook_only},
    {"code/package", check_code_package},
    {"docs/readme", check_docs_readme},
    {"git/commit-messages", check_git_commit_messages},
    {"git/history", check_git_history},
    {"git/large-files-history", check_git_large_files_history},
    {"git/secrets-history", check_git_secrets_history},
    {"mlops/dockerfile", check_mlops_dockerfile},
    {"repo/large-files", check_repo_large_files},
    {"repo/secrets", check_repo_secrets},
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
