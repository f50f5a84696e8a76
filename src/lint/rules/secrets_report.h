#pragma once

// The wording shared by repo/secrets and git/secrets-history: a credential is named by kind,
// place and fingerprint, never by value; acknowledged fingerprints (rotated keys) pass.

#include "lint/analysis.h"
#include "lint/context.h"
#include "lint/finding.h"

#include <vector>

namespace mlfolio::lint {

// `what` is "in the tree" or "in the history"; `empty_message` the pass message without any.
Finding secrets_finding(const RuleContext& context, const std::vector<SecretFinding>& found,
                        std::string_view what, bool history);

} // namespace mlfolio::lint
