// The tree's secret scan reads files on several threads: what it finds, and in what order, does
// not depend on how many.
#include "lint/analysis.h"
#include "lint/history.h"
#include "lint/repo_view.h"

#include <doctest/doctest.h>

using namespace mlfolio::lint;

namespace {

std::vector<std::string> found_with(const MemoryView& view, unsigned threads)
{
  set_scan_threads(threads);
  const Analysis analysis(view);
  std::vector<std::string> found;
  for (const auto& secret : analysis.tree_secrets()) {
    found.push_back(secret.path + ":" + std::to_string(secret.line) + " " + secret.kind + " " + secret.fingerprint);
  }
  set_scan_threads(0);
  return found;
}

} // namespace

TEST_CASE("tree secrets: one thread and three find the same keys in the files' order")
{
  MemoryView view;
  size_t planted = 0;
  for (int i = 0; i < 300; ++i) {
    const std::string index = std::to_string(1000 + i);
    std::string content = "import os\n\nVALUE = " + index + "\n";
    if (i % 7 == 3) {
      content += "AWS_KEY = \"AKIAUJZDE8GXD6NC" + index + "\"\n"; // a different key in each
      ++planted;
    }
    view.add("src/pkg/module_" + index + ".py", content);
  }
  view.add("data/blob.bin", std::string("\0\1\2AKIAUJZDE8GXD6NCF10E", 23)); // binary: not scanned
  view.add("notebooks/explore.ipynb",
           R"({"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": 1,)"
           R"( "source": ["key = \"AKIAUJZDE8GXD6NCF10E\"\n"]}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})");
  ++planted;

  const auto one = found_with(view, 1);
  const auto three = found_with(view, 3);
  CHECK(one.size() == planted);
  CHECK(one == three);
  REQUIRE_FALSE(one.empty());
  CHECK(one.front().starts_with("notebooks/explore.ipynb:"));
  CHECK(one.back().starts_with("src/pkg/module_1297.py:4 "));
}
