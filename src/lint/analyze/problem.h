#pragma once

#include <string>
#include <string_view>

namespace mlfolio::lint::analyze {

// Something an analyzer could not make sense of. Analyzers never throw: a malformed input yields
// a result with what could be read plus problems saying where reading stopped or was unsure.
struct Problem
{
  int line = 0;   // 1-based; 0 when unknown
  int column = 0; // 1-based; 0 when unknown
  std::string message;
};

// "path:line:column: message", leaving out the parts that are 0.
std::string format_problem(std::string_view path, const Problem& problem);

} // namespace mlfolio::lint::analyze
