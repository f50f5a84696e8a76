// git/secrets-history: no credential in any blob of any ref (branches, tags, and any other, such
// as the pull requests of a mirror), whether or not the audited tree still has it.
#include "lint/rules/registry.h"

#include "lint/rules/secrets_report.h"
#include "lint/wording.h"

namespace mlfolio::lint {

Finding check_git_secrets_history(const RuleContext& context)
{
  const HistoryScan* scan = context.analysis().history_scan();
  if (scan == nullptr) {
    return skip("no git history to read (not a git repository, or no commit yet)");
  }
  if (scan->failed) {
    return skip("the history could not be read to the end (see the notes)");
  }
  return secrets_finding(context, scan->secrets,
                         "in the history (" + count_of(scan->blobs, "blob") + " of every ref)", true);
}

} // namespace mlfolio::lint
