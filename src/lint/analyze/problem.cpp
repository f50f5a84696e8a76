#include "lint/analyze/problem.h"

namespace mlfolio::lint::analyze {

std::string format_problem(std::string_view path, const Problem& problem)
{
  std::string result(path);
  if (problem.line > 0) {
    result += ':' + std::to_string(problem.line);
    if (problem.column > 0) {
      result += ':' + std::to_string(problem.column);
    }
  }
  if (!result.empty()) {
    result += ": ";
  }
  result += problem.message;
  return result;
}

} // namespace mlfolio::lint::analyze
