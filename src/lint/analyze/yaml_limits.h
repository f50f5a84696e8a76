#pragma once

#include "lint/analyze/problem.h"

#include <optional>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

namespace mlfolio::lint::analyze::detail {

// yaml-cpp recurses once per nesting level. Returns the first line nested deeper than any
// real configuration (flow brackets or indentation), or 0 when the text is safe to load.
int yaml_too_deep_line(std::string_view text);

// A YAML document whose root is a mapping, parsed without throwing. nullopt when the text is
// empty or only comments, and nullopt with a problem (line, column, what is wrong) when it is
// too deep, invalid or not a mapping.
std::optional<YAML::Node> load_yaml_map(std::string_view text, std::vector<Problem>& problems);

// The 1-based line of a node, 0 when yaml-cpp does not know it.
int yaml_line(const YAML::Node& node);

} // namespace mlfolio::lint::analyze::detail
