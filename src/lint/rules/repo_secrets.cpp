// repo/secrets: no credentials in the audited tree, notebooks included.
#include "lint/rules/registry.h"

#include "lint/rules/secrets_report.h"

namespace mlfolio::lint {

Finding check_repo_secrets(const RuleContext& context)
{
  return secrets_finding(context, context.analysis().tree_secrets(), "in the tree", false);
}

} // namespace mlfolio::lint
