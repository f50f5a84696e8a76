#pragma once

#include "core/result.h"
#include "generate/plan.h"
#include "git/initial_commit.h"

#include <string>
#include <vector>

namespace mlfolio::generate {

struct WriteOptions
{
  bool force = false; // write into a non-empty folder, replacing only the template's own files
  bool git = true;    // git init and an initial commit (not when the folder already has a repository)
  git::Identity author;
};

struct WriteOutcome
{
  std::vector<std::string> created;
  std::vector<std::string> replaced; // only with --force
  bool committed = false;
  std::string git_note; // why no commit was made, when none was
};

// What each planned file would do to the disk now: "create" or "replace". Fails, changing
// nothing, when the target is a non-empty folder without --force, or a planned file would
// collide with a folder or a non-folder on the way.
Result<std::vector<std::string>> preview(const Plan& plan, const WriteOptions& options);

// Writes the plan. A new project is assembled in a hidden staging folder beside the target
// and renamed into place at the end, so a failure midway leaves nothing behind. With --force
// into an existing folder, every file is staged first and then renamed over its target one
// by one; files the template does not own are never touched.
Result<WriteOutcome> write_plan(const Plan& plan, const WriteOptions& options);

} // namespace mlfolio::generate
