// run_parallel: every task once, progress in order, and a throwing task neither hangs the run
// nor is lost.
#include "core/parallel.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <doctest/doctest.h>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

using mlfolio::run_parallel;

TEST_CASE("parallel: every index runs once, and on_done counts 1 to n on the calling thread")
{
  for (const size_t jobs : {1u, 2u, 5u}) {
    CAPTURE(jobs);
    std::vector<std::atomic<int>> runs(200);
    std::vector<size_t> reported;
    run_parallel(
        runs.size(), jobs, [&](size_t i) { ++runs[i]; }, [&](size_t finished) { reported.push_back(finished); });
    for (const auto& count : runs) {
      CHECK(count == 1);
    }
    REQUIRE(reported.size() == runs.size());
    for (size_t i = 0; i < reported.size(); ++i) {
      CHECK(reported[i] == i + 1);
    }
  }
}

TEST_CASE("parallel: the first exception of a task comes back to the caller, with or without on_done")
{
  for (const size_t jobs : {1u, 3u}) {
    for (const bool listen : {false, true}) {
      CAPTURE(jobs);
      CAPTURE(listen);
      std::atomic<size_t> started{0};
      const auto task = [&](size_t i) {
        ++started;
        std::this_thread::sleep_for(std::chrono::microseconds(500)); // long enough to be stopped
        if (i == 10) {
          throw std::runtime_error("task 10 failed");
        }
      };
      size_t reported = 0;
      std::function<void(size_t)> on_done;
      if (listen) {
        on_done = [&](size_t finished) { reported = finished; };
      }
      CHECK_THROWS_WITH(run_parallel(1000, jobs, task, on_done), "task 10 failed");
      CHECK(started < 1000); // the others stopped rather than running every task
      CHECK(reported <= started);
    }
  }
}

TEST_CASE("parallel runs: consecutive runs of at most `run` indices cover every index once")
{
  for (const size_t count : {size_t{0}, size_t{1}, size_t{64}, size_t{65}, size_t{200}}) {
    CAPTURE(count);
    std::vector<std::atomic<int>> seen(count);
    std::atomic<size_t> runs{0};
    mlfolio::run_parallel_runs(count, 64, 3, [&](size_t begin, size_t end) {
      CHECK(begin < end);
      CHECK(end - begin <= 64);
      CHECK(begin % 64 == 0);
      ++runs;
      for (size_t i = begin; i < end; ++i) {
        ++seen[i];
      }
    });
    for (const auto& times : seen) {
      CHECK(times == 1);
    }
    CHECK(runs == (count + 63) / 64);
  }
}

TEST_CASE("run_parallel_runs: with costs, a run also ends once its items' costs reach the budget")
{
  // Bytes to read per file: small ones batch up to four, a large one closes its run.
  const std::vector<uint64_t> costs = {10, 10, 500, 1, 1, 1, 1, 1, 600, 700, 5, 0, 0, 0, 0, 0};
  std::mutex mutex;
  std::vector<std::pair<size_t, size_t>> runs;
  mlfolio::run_parallel_runs(
      costs.size(), 4, 3,
      [&](size_t begin, size_t end) {
        const std::lock_guard lock(mutex);
        runs.emplace_back(begin, end);
      },
      [&](size_t i) { return costs[i]; }, 100);
  std::sort(runs.begin(), runs.end());
  const std::vector<std::pair<size_t, size_t>> expected = {{0, 3}, {3, 7}, {7, 9}, {9, 10}, {10, 14}, {14, 16}};
  CHECK(runs == expected);
}
