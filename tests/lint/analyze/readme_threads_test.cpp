// Cohort audits parse READMEs on several threads at once. cmark-gfm switches the special
// characters of its extensions (the "~" of strikethrough, the "w" and ":" of autolinks) on and
// off in one global table around each inline parse, so unserialised parses lose each other's
// autolinks: every parse here must find the same links.
#include "lint/analyze/readme.h"

#include <atomic>
#include <doctest/doctest.h>
#include <thread>
#include <vector>

using namespace mlfolio::lint::analyze;

TEST_CASE("readme: parses on several threads at once see the same autolinks")
{
  std::string text = "# Churn\n\n";
  for (int i = 0; i < 40; ++i) {
    text += "See www.example.com/page" + std::to_string(i) + " and ~~old~~ https://example.org/" +
            std::to_string(i) + " for details.\n\n";
  }
  const size_t expected = parse_readme(text, DocumentFormat::markdown).links.size();
  REQUIRE(expected == 80);
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 150; ++i) {
        wrong += parse_readme(text, DocumentFormat::markdown).links.size() == expected ? 0 : 1;
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  CHECK(wrong == 0);
}
