#pragma once

#include <optional>
#include <string_view>

namespace mlfolio::lint {

// Ordered: a failing rule counts against `--fail-on S` when its severity is at least S.
enum class Severity { info, warning, error };

constexpr std::string_view k_severity_names[] = {"info", "warning", "error"}; // indexed by Severity

constexpr std::string_view severity_name(Severity severity)
{
  return k_severity_names[static_cast<int>(severity)];
}

constexpr std::optional<Severity> parse_severity(std::string_view name)
{
  for (int i = 0; i < 3; ++i) {
    if (k_severity_names[i] == name) {
      return static_cast<Severity>(i);
    }
  }
  return std::nullopt;
}

} // namespace mlfolio::lint
