#pragma once

#include "core/result.h"

#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::git {

struct Identity
{
  std::string name;
  std::string email;
};

// user.name and user.email from the user's git configuration (global, XDG, system);
// empty strings where unset.
Identity default_identity();

// Whether `path` already is (or is inside) a git repository that does not ignore it.
bool inside_repository(const std::filesystem::path& path);

// A file of the first commit: already written below the working tree with this content.
struct CommitFile
{
  std::string_view path; // relative, '/'-separated
  std::string_view content;
  bool executable = false;
};

// `git init` in `workdir` (when it has no repository yet), then one commit of `files` on the
// initial branch, its objects in one pack file, and an index that knows the files unchanged.
Result<void> init_and_commit(const std::filesystem::path& workdir, std::span<const CommitFile> files,
                             const std::string& message, const Identity& author);

} // namespace mlfolio::git
