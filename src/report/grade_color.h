#pragma once

#include <optional>
#include <string_view>

namespace mlfolio::report {

// The colour of a grade in the badge and the HTML report (grey: no score).
std::string_view grade_color(std::optional<char> grade);

} // namespace mlfolio::report
