#pragma once

// Runs independent tasks on a fixed number of threads. Results go wherever each task writes
// them (its own slot), so the caller's order never depends on which thread finished first.

#include <cstddef>
#include <cstdint>
#include <functional>

namespace mlfolio {

// Calls task(i) for every i in [0, count) on `jobs` threads (the calling thread alone when jobs
// is 1), each taking the next index as it finishes one: files and repositories differ a lot in
// size, so fixed shares would leave a thread idle. on_done(finished), when given, is called on
// the calling thread after each task, in completion order. A task that throws stops the others
// at their next index; the first exception is rethrown here once every thread has stopped.
void run_parallel(size_t count, size_t jobs, const std::function<void(size_t)>& task,
                  const std::function<void(size_t finished)>& on_done = {});

// run_parallel over runs of consecutive indices: task(begin, end) once per run, for items that
// cost less together than one by one (files read in one batch). A run ends after `most` items,
// or, given `cost`, as soon as its items' costs (bytes to read, say) add up to `budget`: a few
// large items are then spread over the threads instead of falling into one run.
void run_parallel_runs(size_t count, size_t most, size_t jobs,
                       const std::function<void(size_t, size_t)>& task,
                       const std::function<uint64_t(size_t)>& cost = {}, uint64_t budget = UINT64_MAX);

} // namespace mlfolio
