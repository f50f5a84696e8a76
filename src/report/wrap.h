#pragma once

#include <string>
#include <string_view>

namespace mlfolio::report {

// Re-flows `text` into lines of at most `width` characters (longer words stay whole), each
// starting with `indent`. Runs of whitespace become one space; a blank line starts a new paragraph.
std::string wrap(std::string_view text, size_t width, std::string_view indent);

} // namespace mlfolio::report
