#pragma once

// The cohort driver of `mlfolio check`: many targets audited in parallel, one row each, one
// cohort report.

#include "cli/audit.h"
#include "cli/command.h"
#include "cohort/formats.h"
#include "cohort/targets.h"

#include <optional>
#include <string>
#include <vector>

namespace mlfolio::cli {

struct CohortRun
{
  std::vector<std::string> targets; // the whole list, before --shard
  size_t first_listed = 0;          // targets from here on come from --targets FILE
  cohort::Range range;              // the positions this run audits
  size_t jobs = 1;
  const cohort::CohortFormat* format = nullptr;
  std::optional<std::string> output;
};

// Fetches the remote targets, then audits every target of the range on `jobs` threads. A target
// that cannot be audited becomes a row with its error and the others go on. Exit code: see
// cohort::cohort_exit_code; 3 when the report cannot be written.
Result<ExitCode> run_cohort(const CohortRun& run, const AuditSettings& settings, const lint::Catalog& catalog,
                            Io& io);

// Writes a cohort report to FILE atomically, or to the output stream.
Result<void> write_cohort_report(const cohort::CohortFormat& format, const std::vector<cohort::Row>& rows,
                                 const std::optional<std::string>& output, Io& io);

} // namespace mlfolio::cli
