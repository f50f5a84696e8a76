#pragma once

#include "core/result.h"

#include <map>
#include <string>
#include <string_view>
#include <variant>

namespace mlfolio::generate {

// Values a template sees: strings for <%name%>, booleans for <%#flag%> sections.
using Value = std::variant<std::string, bool>;
using Variables = std::map<std::string, Value, std::less<>>;

// Renders Mustache text with the delimiters <% %> and no HTML escaping. Every tag must name
// a known variable, so a typo in a template is an error naming `where`:line, not an empty string.
Result<std::string> render(std::string_view text, const Variables& variables, std::string_view where);

// Whether `when` ("name" or "!name") holds; an unknown name is an error.
Result<bool> condition_holds(std::string_view when, const Variables& variables, std::string_view where);

} // namespace mlfolio::generate
