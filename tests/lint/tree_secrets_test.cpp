// The tree's secret scan reads files on several threads: what it finds, and in what order, does
// not depend on how many.
#include "lint/analysis.h"
#include "lint/history.h"
#include "lint/repo_view.h"
#include "support/git_fixture.h"

#include <algorithm>
#include <doctest/doctest.h>

using namespace mlfolio::lint;

namespace {

enum class Start { when_needed, in_background };

// The keys found, then the analysis' notes; with `in_background`, the scan starts first and
// the code modules are parsed while it runs, as the rules before repo/secrets would.
std::vector<std::string> found_with(const RepoView& view, unsigned threads, Start start = Start::when_needed)
{
  set_scan_threads(threads);
  const Analysis analysis(view);
  if (start == Start::in_background) {
    analysis.start_tree_scan();
    CHECK_FALSE(analysis.code_modules().empty());
  }
  std::vector<std::string> found;
  for (const auto& secret : analysis.tree_secrets()) {
    found.push_back(secret.path + ":" + std::to_string(secret.line) + " " + secret.kind + " " +
                    secret.fingerprint);
  }
  if (start == Start::when_needed) {
    CHECK_FALSE(analysis.code_modules().empty());
  }
  for (const auto& note : analysis.notes()) {
    found.push_back("note: " + note);
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
  view.add(
      "notebooks/explore.ipynb",
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

TEST_CASE(
    "tree secrets: a scan started in the background finds the same keys and notes as one run when needed")
{
  MemoryView view;
  for (int i = 0; i < 400; ++i) {
    const std::string index = std::to_string(1000 + i);
    view.add("src/pkg/module_" + index + ".py",
             "import os\n\nVALUE = " + index + "\n" +
                 (i % 9 == 4 ? "KEY = \"AKIAUJZDE8GXD6NC" + index + "\"\n" : ""));
    view.add("data/part_" + index + ".csv",
             i % 50 == 7 ? "token,AKIAUJZDE8GXD6NC" + index + "\n" : "a,b\n1,2\n");
  }
  view.add("notebooks/broken.ipynb", "{\"cells\": [\"AKIAUJZDE8GXD6NCF10E\""); // read as text instead
  view.add(
      "notebooks/ok.ipynb",
      R"({"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": 1,)"
      R"( "source": ["key = \"AKIAUJZDE8GXD6NCF11E\"\n"]}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})");
  view.add("empty.txt", "");
  view.add_symlink("link.py", "src/pkg/module_1004.py");

  for (const unsigned threads : {1u, 3u}) {
    CAPTURE(threads);
    const auto when_needed = found_with(view, threads, Start::when_needed);
    const auto in_background = found_with(view, threads, Start::in_background);
    CHECK(when_needed == in_background);
    CHECK(std::count_if(when_needed.begin(), when_needed.end(), [](const std::string& line) {
            return line.starts_with("note: notebooks/broken.ipynb");
          }) == 1);
    CHECK(std::count_if(when_needed.begin(), when_needed.end(), [](const std::string& line) {
            return line.starts_with("notebooks/broken.ipynb:1 ");
          }) == 1);
    CHECK(std::count_if(when_needed.begin(), when_needed.end(),
                        [](const std::string& line) { return line.starts_with("data/part_"); }) == 8);
  }

  // An audit that never asks for the keys still ends cleanly: the scan is waited for.
  const Analysis unused(view);
  unused.start_tree_scan();
  unused.start_tree_scan(); // once only
}

TEST_CASE("tree secrets: a commit's tree is read on several threads, each with a repository of its own")
{
  mlfolio::test::GitFixture repo;
  for (int i = 0; i < 400; ++i) {
    const std::string index = std::to_string(1000 + i);
    repo.write("data/part_" + index + ".csv",
               i % 40 == 7 ? "token,AKIAUJZDE8GXD6NC" + index + "\n" : "a,b\n1,2\n");
    repo.write("src/pkg/module_" + index + ".py",
               "VALUE = " + index + "\n" + (i % 90 == 4 ? "KEY = \"AKIAUJZDE8GXD6NC" + index + "\"\n" : ""));
  }
  repo.commit("many files");
  const auto revision = open_revision(repo.path(), "HEAD", "");
  REQUIRE(revision);
  const auto working = open_working_tree(repo.path(), "");
  REQUIRE(working);
  CHECK((*revision)->reads_concurrently());

  const auto one = found_with(**revision, 1);
  CHECK(one.size() == 15);
  CHECK(one == found_with(**revision, 3));
  CHECK(one == found_with(**revision, 3, Start::in_background));
  CHECK(one == found_with(**working, 3, Start::in_background)); // the same files, read from disk
}
