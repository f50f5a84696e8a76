#pragma once

#include "core/result.h"

#include <filesystem>
#include <string>
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

// Whether `path` already is (or is inside) a git repository.
bool inside_repository(const std::filesystem::path& path);

// `git init` in `workdir` (when it has no repository yet), then one commit of `paths`
// (relative, '/'-separated) on the initial branch.
Result<void> init_and_commit(const std::filesystem::path& workdir, const std::vector<std::string>& paths,
                             const std::string& message, const Identity& author);

} // namespace mlfolio::git
