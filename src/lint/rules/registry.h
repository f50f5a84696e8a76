#pragma once

#include "lint/context.h"
#include "lint/finding.h"

#include <span>
#include <string_view>

namespace mlfolio::lint {

// The check of a rule of kind "cpp". It returns pass, fail or skip with a message and locations;
// the runner adds the rule's metadata (id, severity, weight, fix).
using RuleBody = Finding (*)(const RuleContext& context);

struct RuleBodyEntry
{
  std::string_view id;
  RuleBody body;
  // The body asks for the credential scan of every file (Analysis::tree_secrets or
  // history_scan): the runner starts that scan in the background before the rules run.
  bool scans_every_file = false;
};

// The one table of C++ rule bodies, sorted by id.
std::span<const RuleBodyEntry> rule_bodies();
RuleBody find_rule_body(std::string_view id);
bool rule_scans_every_file(std::string_view id);

} // namespace mlfolio::lint
