#pragma once

// Small helpers that rules of several categories use to name code.

#include "lint/analysis.h"

#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::lint {

// Lower-case words of an identifier: "modelRegistry" -> model, registry; "PSIValue" -> psi, value.
std::vector<std::string> name_words(std::string_view identifier);

// "log_metric" for "mlflow.log_metric".
inline std::string_view last_component(std::string_view dotted)
{
  const size_t dot = dotted.rfind('.');
  return dot == std::string_view::npos ? dotted : dotted.substr(dot + 1);
}

// "12 Python modules and 3 notebooks", or "no Python code": what a code rule looked at.
std::string code_scope(const Analysis& analysis);

} // namespace mlfolio::lint
