#pragma once

// Runs independent tasks on a fixed number of threads. Results go wherever each task writes
// them (its own slot), so the caller's order never depends on which thread finished first.

#include <cstddef>
#include <functional>

namespace mlfolio::cohort {

// Calls task(i) for every i in [0, count) on `jobs` threads (the calling thread alone when
// jobs is 1), and on_done(finished), when given, on the calling thread after each task, in
// completion order. Tasks must not throw.
void run_parallel(size_t count, size_t jobs, const std::function<void(size_t)>& task,
                  const std::function<void(size_t finished)>& on_done);

// The default of --jobs: the number of cores this process may use, at least 1.
size_t default_jobs();

} // namespace mlfolio::cohort
