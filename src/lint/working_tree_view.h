#pragma once

#include "lint/repo_view.h"

#include <filesystem>
#include <memory>
#include <string>

namespace mlfolio::lint {

// The view behind open_working_tree, once the arguments are checked: `folder` is an existing
// folder, absolute and normal (it names the view in messages); `subdir` is "" or a clean
// relative path ("a/b": no ".", ".." or trailing '/').
Result<std::unique_ptr<RepoView>> open_working_tree_view(const std::filesystem::path& folder,
                                                         const std::string& subdir);

} // namespace mlfolio::lint
