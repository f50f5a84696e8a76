#include "cli/cohort.h"

#include "cohort/pool.h"
#include "cohort/progress.h"
#include "core/fs.h"
#include "core/parallel.h"
#include "core/text.h"
#include "git/library.h"
#include "lint/history.h"
#include "lint/wording.h"

#include <atomic>
#include <exception>
#include <filesystem>
#include <functional>
#include <map>
#include <ostream>
#include <sstream>

namespace mlfolio::cli {

namespace {

using Fetch = Result<git::FetchedRepository>;

// What the pool calls after each task: the bar on a terminal, nothing otherwise (the workers
// then never wait for the main thread).
std::function<void(size_t)> progress_of(cohort::ProgressBar& bar, const std::atomic<size_t>& failed, const Io& io)
{
  if (!io.err_is_tty) {
    return {};
  }
  return [&bar, &failed](size_t done) { bar.update(done, failed); };
}

// Every distinct remote of the run fetched once, in parallel. This runs before any audit: a
// transfer forks a child process, and a fork while other threads hold libgit2's locks (pack
// windows, caches) could leave the child waiting on a lock nobody will release.
std::vector<std::optional<Fetch>> fetch_remotes(const std::vector<Target>& targets,
                                                const AuditSettings& settings, size_t jobs, Io& io,
                                                std::vector<RemoveOnExit>& temporaries)
{
  std::vector<size_t> first_of(targets.size(), targets.size()); // target -> the target whose fetch it uses
  std::vector<size_t> to_fetch;
  std::map<std::string, size_t> by_key;
  for (size_t i = 0; i < targets.size(); ++i) {
    if (!targets[i].remote) {
      continue;
    }
    // Two spellings of one repository share a cached clone; fetching it twice at once would race.
    const std::string key = settings.fetch.use_cache ? targets[i].remote->cache_key : std::to_string(i);
    const auto [it, added] = by_key.emplace(key, i);
    first_of[i] = it->second;
    if (added) {
      to_fetch.push_back(i);
    }
  }
  std::vector<std::optional<Fetch>> fetched(targets.size());
  if (to_fetch.empty()) {
    return fetched;
  }
  git::ensure_initialized(); // here, not in whichever worker forks first
  std::atomic<size_t> failed{0};
  cohort::ProgressBar bar(io.err, io.err_is_tty, to_fetch.size(), "fetched");
  run_parallel(
      to_fetch.size(), jobs,
      [&](size_t n) {
        const size_t i = to_fetch[n];
        try {
          fetched[i] = git::fetch_remote(*targets[i].remote, settings.fetch);
        } catch (const std::exception& error) { // a thread must not end the process
          fetched[i] = runtime_error("cannot fetch " + targets[i].remote->display + ": " + error.what());
        }
        failed += *fetched[i] ? 0 : 1;
      },
      progress_of(bar, failed, io));
  bar.finish();
  for (size_t i : to_fetch) {
    if (*fetched[i] && (*fetched[i])->temporary) {
      temporaries.emplace_back((*fetched[i])->git_dir);
    }
  }
  for (size_t i = 0; i < targets.size(); ++i) {
    if (targets[i].remote && first_of[i] != i) {
      fetched[i] = fetched[first_of[i]];
    }
  }
  return fetched;
}

// A local target's errors name it as it was given, not by its absolute path, so that a cohort
// report reads the same wherever it was made.
std::string naming_as_given(std::string message, const Target& target)
{
  if (target.remote) {
    return message;
  }
  std::string given = target.given;
  while (given.size() > 1 && given.ends_with('/')) {
    given.pop_back();
  }
  std::error_code ignored;
  for (const auto& spelling : {std::filesystem::weakly_canonical(target.given, ignored),
                               std::filesystem::absolute(target.given, ignored).lexically_normal()}) {
    std::string absolute = spelling.string();
    while (absolute.size() > 1 && absolute.ends_with('/')) {
      absolute.pop_back();
    }
    if (!absolute.empty() && absolute != given) {
      message = text::replace_all(message, absolute, given);
    }
  }
  return message;
}

cohort::Row audit_row(const Target& target, const std::optional<Fetch>& fetched, size_t index,
                      size_t cohort_size, const AuditSettings& settings, const lint::Catalog& catalog)
{
  std::string shown = git::redact_url(target.given);
  if (fetched && !*fetched) {
    return cohort::failed_row(index, cohort_size, std::move(shown), fetched->error().message);
  }
  try {
    const auto audit =
        audit_target(target, fetched ? std::optional(**fetched) : std::nullopt, settings, catalog);
    if (!audit) {
      return cohort::failed_row(index, cohort_size, std::move(shown),
                                naming_as_given(audit.error().message, target));
    }
    return cohort::audited_row(index, cohort_size, std::move(shown), audit->report,
                               audit->threshold_failures.empty());
  } catch (const std::exception& error) {
    // One repository that trips an internal error must not take the cohort down with it.
    return cohort::failed_row(index, cohort_size, std::move(shown),
                              std::string("internal error: ") + error.what() + " (please report it)");
  }
}

} // namespace

Result<void> write_cohort_report(const cohort::CohortFormat& format, const std::vector<cohort::Row>& rows,
                                 const std::optional<std::string>& output, Io& io)
{
  if (!output) {
    format.write(rows, io.out);
    return {};
  }
  std::ostringstream text;
  format.write(rows, text);
  if (auto written = fs::write_file_atomic(*output, text.str()); !written) {
    return runtime_error("mlfolio check: " + written.error().message);
  }
  return {};
}

Result<ExitCode> run_cohort(const CohortRun& run, const AuditSettings& given, const lint::Catalog& catalog,
                            Io& io)
{
  AuditSettings settings = given;
  settings.fetch.progress = false; // the cohort's own bar stands for every transfer
  lint::set_scan_threads(1); // --jobs says how many cores the run takes
  std::vector<Target> targets;
  for (size_t i = run.range.begin; i < run.range.end; ++i) {
    targets.push_back(resolve_target(run.targets[i], i < run.first_listed));
  }
  std::vector<RemoveOnExit> temporaries;
  const auto fetched = fetch_remotes(targets, settings, run.jobs, io, temporaries);

  std::vector<cohort::Row> rows(targets.size());
  std::atomic<size_t> failed{0};
  cohort::ProgressBar bar(io.err, io.err_is_tty, targets.size(), "audited");
  run_parallel(
      targets.size(), run.jobs,
      [&](size_t i) {
        rows[i] =
            audit_row(targets[i], fetched[i], run.range.begin + i, run.targets.size(), settings, catalog);
        failed += rows[i].error ? 1 : 0;
      },
      progress_of(bar, failed, io));
  bar.finish();

  TRY(write_cohort_report(*run.format, rows, run.output, io));
  size_t below = 0;
  for (const auto& row : rows) {
    below += row.thresholds_met == false ? 1 : 0;
  }
  if (failed > 0) {
    io.err << "mlfolio check: " << failed << " of " << lint::count_of(rows.size(), "target")
           << " could not be audited; the report says why.\n";
  }
  if (below > 0) {
    io.err << "mlfolio check: " << below << " of " << lint::count_of(rows.size(), "target")
           << " missed the thresholds.\n";
  }
  return cohort::cohort_exit_code(rows);
}

} // namespace mlfolio::cli
