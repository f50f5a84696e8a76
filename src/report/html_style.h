#pragma once

#include <string_view>

namespace mlfolio::report {

// The HTML report's whole style sheet, inlined into the page (no external assets).
extern const std::string_view k_html_style;

} // namespace mlfolio::report
