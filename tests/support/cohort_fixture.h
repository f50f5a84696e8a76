#pragma once

// A cohort of small ML projects in one temporary folder, for the cohort tests: plain folders
// and git repositories (built with libgit2, commits at a fixed time so their ids never change),
// each with a different subset of a good project so that their scores differ.

#include "support/process.h"

#include <filesystem>
#include <string>
#include <vector>

namespace mlfolio::test {

// Writes the files of project `variant` (0, 1, 2, ...) below `root`; variant 0 is the best.
void write_cohort_project(const std::filesystem::path& root, unsigned variant);

class CohortFixture
{
public:
  // `count` projects "student-01", "student-02", ... below path(); every `git_every`-th one is a
  // git repository with one commit, the others plain folders.
  explicit CohortFixture(size_t count, size_t git_every = 3);

  const std::filesystem::path& path() const { return m_dir.path(); }
  const std::vector<std::string>& names() const { return m_names; } // relative to path()

  // A target list file below path() holding `lines`; returns its name.
  std::string write_list(const std::string& name, const std::vector<std::string>& lines) const;

private:
  TempDir m_dir;
  std::vector<std::string> m_names;
};

} // namespace mlfolio::test
