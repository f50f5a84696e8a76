#include "cohort/pool.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <sched.h>
#include <thread>
#include <vector>

namespace mlfolio::cohort {

void run_parallel(size_t count, size_t jobs, const std::function<void(size_t)>& task,
                  const std::function<void(size_t finished)>& on_done)
{
  if (jobs <= 1 || count <= 1) {
    for (size_t i = 0; i < count; ++i) {
      task(i);
      if (on_done) {
        on_done(i + 1);
      }
    }
    return;
  }
  std::atomic<size_t> next{0};
  std::mutex mutex;
  std::condition_variable changed;
  size_t finished = 0;
  std::vector<std::jthread> workers;
  for (size_t w = 0; w < std::min(jobs, count); ++w) {
    workers.emplace_back([&] {
      for (size_t i = next++; i < count; i = next++) {
        task(i);
        if (on_done) { // without a listener the workers never wait on each other
          const std::lock_guard lock(mutex);
          ++finished;
          changed.notify_one();
        }
      }
    });
  }
  if (!on_done) {
    return; // the workers join as they go out of scope
  }
  for (size_t reported = 0; reported < count;) {
    std::unique_lock lock(mutex);
    changed.wait(lock, [&] { return finished > reported; });
    const size_t now = finished;
    lock.unlock();
    // One call per task, even when several finished while the last call ran.
    for (; reported < now; ++reported) {
      on_done(reported + 1);
    }
  }
}

size_t default_jobs()
{
  // The cores this process may run on (as nproc counts them: a container or taskset may allow
  // fewer than the machine has), else the machine's.
  cpu_set_t allowed;
  CPU_ZERO(&allowed);
  if (::sched_getaffinity(0, sizeof allowed, &allowed) == 0 && CPU_COUNT(&allowed) > 0) {
    return static_cast<size_t>(CPU_COUNT(&allowed));
  }
  return std::max<size_t>(1, std::thread::hardware_concurrency());
}

} // namespace mlfolio::cohort
