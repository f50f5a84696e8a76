#pragma once

#include "cli/args.h"
#include "core/result.h"
#include "report/report.h"

#include <string_view>

namespace mlfolio::cli {

// The audit behind 'mlfolio check', for commands that print it another way (badge): reads
// PATH, --rev, --root, --config and the other check options present in `args`. Errors name
// `command` ("mlfolio badge").
Result<report::Report> audit_target(const ParsedArgs& args, std::string_view command);

} // namespace mlfolio::cli
