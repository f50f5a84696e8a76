// Rules run on several threads at once (run_rules): Analysis computes each shared form once
// whatever thread asks first, hands every thread the same one, records each note once, and the
// report does not depend on how many threads ran the rules.
#include "lint/analysis.h"
#include "lint/catalog.h"
#include "lint/history.h"
#include "lint/runner.h"

#include <atomic>
#include <chrono>
#include <doctest/doctest.h>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace mlfolio;
using namespace mlfolio::lint;

namespace {

// Runs `task(i)` on `count` threads started together.
template <typename Task> void on_threads(size_t count, Task task)
{
  std::atomic<bool> go{false};
  std::vector<std::jthread> threads;
  for (size_t i = 0; i < count; ++i) {
    threads.emplace_back([&, i] {
      while (!go) {
        std::this_thread::yield();
      }
      task(i);
    });
  }
  go = true;
}

// A project with what every analyzer reads, problems that become notes, and enough Python
// modules and data files (over 256) for the parsing and the credential scan to use threads.
MemoryView busy_project()
{
  MemoryView view;
  view.add("README.md",
           "# Churn\n\nPredicts churn.\n\n## Results\n\n| model | F1 |\n|---|---|\n| baseline | 0.41 |\n"
           "| model | 0.62 |\n\n```bash\npython -m churn.train\n```\n");
  view.add("pyproject.toml", "[project\nname = \"churn\"\n");
  view.add("requirements.txt", "pandas==2.2.2\nscikit-learn>=1.4\n");
  view.add("Dockerfile", "FROM python:3.11-slim\nRUN pip install -r requirements.txt\nCMD [\"python\"]\n");
  view.add(".github/workflows/ci.yml", "on: [push]\njobs:\n  test:\n    steps: [\n");
  view.add("notebooks/broken.ipynb", "{\"cells\": [");
  view.add("notebooks/eda.ipynb",
           "{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"import pandas as pd\\n\"], "
           "\"outputs\": [], \"metadata\": {}}], \"metadata\": {}, \"nbformat\": 4, "
           "\"nbformat_minor\": 5}\n");
  view.add("src/churn/settings.py", "API_KEY = 'AKIAZ7Q3W4E5R6T7Y8U9'\n");
  for (int i = 0; i < 300; ++i) {
    const std::string n = std::to_string(i);
    view.add("src/churn/m" + n + ".py",
             "import logging\n\n\ndef f" + n + "(x: int) -> int:\n    return x + " + n + "\n");
    view.add("data/part" + n + ".csv", "a,b\n" + n + ",1\n");
  }
  view.add("tests/test_train.py", "def test_f():\n    assert True\n");
  return view;
}

std::string summary(const RunResult& run)
{
  std::string text;
  for (const auto& finding : run.findings) {
    text += finding.rule + " " + std::string(status_name(finding.status)) + " " + finding.message;
    for (const auto& location : finding.locations) {
      text += " @" + location.to_string();
    }
    text += "\n";
  }
  for (const auto& note : run.notes) {
    text += "note: " + note + "\n";
  }
  return text;
}

} // namespace

TEST_CASE("analysis threads: a lazy value is computed once while other threads wait for it")
{
  Lazy<int> lazy;
  std::atomic<int> computed{0};
  std::vector<const int*> seen(6);
  on_threads(seen.size(), [&](size_t i) {
    seen[i] = &lazy.get([&] {
      ++computed;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      return 42;
    });
  });
  CHECK(computed == 1);
  for (const int* value : seen) {
    CHECK(value == seen.front());
    CHECK(*value == 42);
  }

  Lazy<int> retried;
  CHECK_THROWS_AS(retried.get([]() -> int { throw std::runtime_error("first"); }), std::runtime_error);
  CHECK(retried.get([] { return 7; }) == 7); // a compute that threw is run again
}

TEST_CASE("analysis threads: every thread gets the same parsed forms, and each problem is noted once")
{
  const MemoryView view = busy_project();
  const Analysis analysis(view);
  analysis.start_tree_scan();
  struct Seen
  {
    const TextFile* text = nullptr;
    const analyze::PythonModule* module = nullptr;
    const analyze::Notebook* notebook = nullptr;
    const void* code_modules = nullptr;
    const void* workflows = nullptr;
    size_t secrets = 0;
  };
  std::vector<Seen> seen(4);
  on_threads(seen.size(), [&](size_t i) {
    // Each thread asks in another order.
    if (i % 2 == 0) {
      seen[i].code_modules = &analysis.code_modules();
      seen[i].secrets = analysis.tree_secrets().size();
    } else {
      seen[i].secrets = analysis.tree_secrets().size();
      seen[i].code_modules = &analysis.code_modules();
    }
    seen[i].text = analysis.text("src/churn/m7.py");
    seen[i].module = analysis.python("src/churn/m7.py");
    seen[i].notebook = analysis.notebook("notebooks/broken.ipynb");
    seen[i].workflows = &analysis.workflows();
  });
  for (const Seen& one : seen) {
    CHECK(one.text == seen.front().text);
    CHECK(one.module == seen.front().module);
    CHECK(one.notebook == seen.front().notebook);
    CHECK(one.code_modules == seen.front().code_modules);
    CHECK(one.workflows == seen.front().workflows);
    CHECK(one.secrets == 1);
  }
  REQUIRE(seen.front().module != nullptr);
  CHECK(seen.front().module->functions.at(0).name == "f7");
  CHECK(analysis.code_modules().size() == 303); // 301 modules, 2 notebooks' code

  const auto notes = analysis.notes();
  REQUIRE(notes.size() == 2);
  CHECK(notes[0].starts_with(".github/workflows/ci.yml:"));
  CHECK(notes[1].starts_with("notebooks/broken.ipynb:1:"));
}

TEST_CASE("analysis threads: the report is the same on one thread and on four, notes sorted")
{
  const auto catalog = builtin_catalog();
  REQUIRE_MESSAGE(catalog.has_value(), catalog.error().message);
  const MemoryView view = busy_project();
  set_scan_threads(1);
  const RunResult serial = run_rules(view, **catalog, config::Config{});
  set_scan_threads(4);
  for (int round = 0; round < 3; ++round) {
    CHECK(summary(run_rules(view, **catalog, config::Config{})) == summary(serial));
  }
  set_scan_threads(0);
  // Found in another order than the catalog's (the notebooks' and pyproject's problems are met
  // by the code/ rules, the workflow's by mlops/): reported sorted, each once.
  CHECK(serial.notes.size() == 3);
  CHECK(std::is_sorted(serial.notes.begin(), serial.notes.end()));
  CHECK(summary(serial).find("repo/secrets fail") != std::string::npos);
}

TEST_CASE("analysis threads: an analysis kept to the end of the process reports the same, outliving its view")
{
  const auto catalog = builtin_catalog();
  REQUIRE_MESSAGE(catalog.has_value(), catalog.error().message);
  set_scan_threads(4); // the credential scan runs on threads of its own
  const size_t kept_before = analyses_kept_until_exit();
  std::string kept;
  {
    const MemoryView view = busy_project();
    kept = summary(run_rules(view, **catalog, config::Config{}, AfterRun::keep_until_exit));
  } // the view is gone, the analysis is not: it must not read the view again (ASan would see it)
  CHECK(analyses_kept_until_exit() == kept_before + 1);
  const MemoryView view = busy_project();
  const std::string freed = summary(run_rules(view, **catalog, config::Config{}, AfterRun::free));
  set_scan_threads(0);
  CHECK(analyses_kept_until_exit() == kept_before + 1); // freed, not kept
  CHECK(kept == freed);
  CHECK(kept.find("repo/secrets fail") != std::string::npos);
}

TEST_CASE("analysis threads: a few large notebooks are parsed on several threads, with the same report")
{
  set_scan_threads(4);
  CHECK(scan_threads_for(300) == 4);
  CHECK(scan_threads_for(50, 1 << 20) == 1);   // a few small files: read on the calling thread
  CHECK(scan_threads_for(50, 150 << 20) == 4); // fifty notebooks of 3 MB: threads pay
  set_scan_threads(0);

  // Six notebooks of 2 MB each (an image output), one of them broken, and a README: fewer than
  // 256 files, but enough bytes for the notebooks to be spread over the threads.
  MemoryView view;
  view.add("README.md", "# Vision\n\nClassifies leaf diseases.\n");
  const std::string image(2 << 20, 'A');
  for (int i = 0; i < 6; ++i) {
    const std::string n = std::to_string(i);
    view.add(
        "notebooks/step" + n + ".ipynb",
        "{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"import torch\\n\", \"def step" + n +
            "(x: int) -> int:\\n\", \"    return x\\n\"], \"metadata\": {}, \"outputs\": [{\"output_type\": "
            "\"display_data\", \"metadata\": {}, \"data\": {\"image/png\": \"" +
            image + "\"}}]}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}\n");
  }
  view.add("notebooks/broken.ipynb", "{\"cells\": [" + image);
  const auto catalog = builtin_catalog();
  REQUIRE_MESSAGE(catalog.has_value(), catalog.error().message);
  set_scan_threads(1);
  const RunResult serial = run_rules(view, **catalog, config::Config{});
  set_scan_threads(4);
  const RunResult threaded = run_rules(view, **catalog, config::Config{});
  set_scan_threads(0);
  CHECK(summary(threaded) == summary(serial));
  REQUIRE(serial.notes.size() == 1);
  CHECK(serial.notes[0].starts_with("notebooks/broken.ipynb:1:"));

  const Analysis analysis(view);
  REQUIRE(analysis.code_modules().size() == 7); // in path order: broken.ipynb, then step0 to step5
  CHECK(analysis.code_modules()[4].file->path == "notebooks/step3.ipynb");
  CHECK(analysis.code_modules()[4].value->functions.at(0).name == "step3");
}
