#pragma once

// Small helpers for the wording of findings, so every rule lists and counts the same way.

#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::lint {

// "a, b, c and 4 more" (at most `max` shown).
std::string join_some(const std::vector<std::string>& items, size_t max);

// "1 file", "3 files".
std::string count_of(size_t count, std::string_view singular, std::string_view plural_form = {});

// "0.5", "25", "0.000001": a number without trailing zeros.
std::string format_number(double value);

} // namespace mlfolio::lint
