#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace mlfolio {

// Calls work(i) for every i < count, on `threads` threads (the caller's among them), each taking
// the next index as it finishes one: files differ a lot in size, so fixed shares would leave a
// thread idle. work may write only to what index i owns. The first exception thrown stops the
// other threads at their next index and is rethrown here once all have stopped.
template<typename Work> void parallel_for(size_t count, unsigned threads, const Work& work)
{
  std::atomic<size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  const auto run = [&] {
    try {
      for (size_t i = next++; i < count; i = next++) {
        work(i);
      }
    } catch (...) {
      next = count;
      const std::lock_guard lock(failure_mutex);
      if (!failure) {
        failure = std::current_exception();
      }
    }
  };
  std::vector<std::thread> helpers;
  const size_t extra = std::min<size_t>(threads > 0 ? threads - 1 : 0, count > 0 ? count - 1 : 0);
  for (size_t t = 0; t < extra; ++t) {
    helpers.emplace_back(run);
  }
  run();
  for (auto& helper : helpers) {
    helper.join();
  }
  if (failure) {
    std::rethrow_exception(failure);
  }
}

} // namespace mlfolio
