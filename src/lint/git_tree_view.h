#pragma once

#include "lint/repo_view.h"

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace mlfolio::lint {

// The view behind open_revision, once the arguments are checked (see open_working_tree_view).
// A `folder` inside a working tree stands for that folder in the commit's tree.
Result<std::unique_ptr<RepoView>> open_git_tree_view(const std::filesystem::path& folder,
                                                     std::string_view rev, const std::string& subdir,
                                                     const std::string& display);

} // namespace mlfolio::lint
