#pragma once

#include <string_view>

namespace mlfolio::lint::analyze::detail {

// yaml-cpp recurses once per nesting level. Returns the first line nested deeper than any
// real configuration (flow brackets or indentation), or 0 when the text is safe to load.
int yaml_too_deep_line(std::string_view text);

} // namespace mlfolio::lint::analyze::detail
