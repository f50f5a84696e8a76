#include "core/parallel.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace mlfolio {

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
  const size_t worker_count = std::min(jobs, count);
  size_t running = worker_count;
  std::exception_ptr failure;
  {
    std::vector<std::jthread> workers;
    for (size_t w = 0; w < worker_count; ++w) {
      workers.emplace_back([&] {
        for (size_t i = next++; i < count; i = next++) {
          try {
            task(i);
          } catch (...) {
            next = count;
            const std::lock_guard lock(mutex);
            if (!failure) {
              failure = std::current_exception();
            }
          }
          if (on_done) { // without a listener the workers never wait on each other
            const std::lock_guard lock(mutex);
            ++finished;
            changed.notify_one();
          }
        }
        const std::lock_guard lock(mutex);
        --running;
        changed.notify_one();
      });
    }
    if (on_done) {
      for (size_t reported = 0; reported < count;) {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return finished > reported || running == 0; });
        const size_t now = finished;
        const bool stopped = running == 0;
        lock.unlock();
        // One call per task, even when several finished while the last call ran.
        for (; reported < now; ++reported) {
          on_done(reported + 1);
        }
        if (stopped) {
          break; // a task threw: the others were not started
        }
      }
    }
  } // the workers join here
  if (failure) {
    std::rethrow_exception(failure);
  }
}

void run_parallel_runs(size_t count, size_t most, size_t jobs,
                       const std::function<void(size_t, size_t)>& task,
                       const std::function<uint64_t(size_t)>& cost, uint64_t budget)
{
  most = std::max<size_t>(most, 1);
  std::vector<std::pair<size_t, size_t>> runs;
  uint64_t spent = 0;
  for (size_t i = 0; i < count; ++i) {
    if (runs.empty() || runs.back().second - runs.back().first == most || spent >= budget) {
      runs.emplace_back(i, i);
      spent = 0;
    }
    ++runs.back().second;
    spent += cost ? cost(i) : 0;
  }
  run_parallel(runs.size(), jobs, [&](size_t index) { task(runs[index].first, runs[index].second); });
}

} // namespace mlfolio
