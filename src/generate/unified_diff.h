#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mlfolio::generate {

// A unified diff (3 lines of context) from `before` to `after` for `path`; a new file
// (`before` is nullopt) is a diff from /dev/null. Empty when nothing changes.
std::string unified_diff(std::string_view path, const std::optional<std::string>& before, std::string_view after);

} // namespace mlfolio::generate
