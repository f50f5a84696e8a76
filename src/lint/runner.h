#pragma once

#include "config/config.h"
#include "lint/analysis.h"
#include "lint/catalog.h"
#include "lint/finding.h"

#include <string>
#include <vector>

namespace mlfolio::lint {

struct RunResult
{
  std::vector<Finding> findings;  // one per rule of the catalog, in id order
  std::vector<std::string> notes; // files that could not be read, ...
};

// What becomes of what the rules built (file lists, parsed modules and notebooks) once they ran.
enum class AfterRun {
  free,
  // Left to the end of the process, which returns the memory at once: freeing the parsed
  // modules of a large repository piece by piece, on one core, delayed the report of the
  // synthetic benchmark repository by 10 ms. For a run that audits one repository and ends.
  keep_until_exit,
};

// Runs every rule on the view. A disabled rule is reported as skipped with the reason; a rule
// that throws is reported as skipped too, so one bad file never stops the audit.
RunResult run_rules(const RepoView& view, const Catalog& catalog, const config::Config& config,
                    AfterRun after = AfterRun::free);
// How many analyses this process keeps until it exits (AfterRun::keep_until_exit). For tests.
size_t analyses_kept_until_exit();

// The size above which the history scan keeps a blob: the smallest a large-file rule asks about.
uint64_t large_blob_bytes(const config::Config& config);

// One rule with the configuration applied (disable, severity and weight overrides) and the
// metadata copied into the finding.
Finding evaluate_rule(const RuleMeta& rule, const Analysis& analysis, const config::Config& config);

// The rule's fix for a failure, naming the `mlfolio add COMPONENT` that fixes it when there is one.
// A rule body's own fix for one finding (a section that exists but is empty) is used instead.
std::string fix_of(const RuleMeta& rule);
// A rule body's own fix for one finding, when what it asks for is still the component's job.
std::string fix_of(const RuleMeta& rule, std::string_view specific);

// Whether this build can check the rule: a data kind, or a "cpp" rule with a registered body.
bool has_check(const RuleMeta& rule);

} // namespace mlfolio::lint
