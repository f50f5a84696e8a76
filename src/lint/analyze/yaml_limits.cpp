#include "lint/analyze/yaml_limits.h"

#include <cstddef>

namespace mlfolio::lint::analyze::detail {

namespace {

// Deeper than any real CI or environment file, shallow enough for yaml-cpp's recursion.
constexpr int k_max_flow_depth = 64;
constexpr size_t k_max_indent = 400;

} // namespace

int yaml_too_deep_line(std::string_view text)
{
  int depth = 0;
  int line = 1;
  size_t indent = 0;
  bool at_line_start = true;
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      ++line;
      indent = 0;
      at_line_start = true;
      quote = 0;
      continue;
    }
    if (at_line_start && c == ' ') {
      if (++indent > k_max_indent) {
        return line;
      }
      continue;
    }
    at_line_start = false;
    if (quote != 0) {
      quote = c == quote ? 0 : quote;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#' && (i == 0 || text[i - 1] == ' ')) {
      const size_t end = text.find('\n', i);
      i = (end == std::string_view::npos ? text.size() : end) - 1;
    } else if (c == '[' || c == '{') {
      if (++depth > k_max_flow_depth) {
        return line;
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return 0;
}

std::optional<YAML::Node> load_yaml_map(std::string_view text, std::vector<Problem>& problems)
{
  if (const int line = yaml_too_deep_line(text); line > 0) {
    problems.push_back(Problem{line, 0, "YAML nested too deeply to read"});
    return std::nullopt;
  }
  try {
    YAML::Node root = YAML::Load(std::string(text));
    if (root.IsMap()) {
      return root;
    }
    if (!root.IsDefined() || root.IsNull()) {
      return std::nullopt; // empty, or comments only: nothing to read, nothing wrong
    }
    problems.push_back(Problem{1, 0, "the YAML document is not a mapping"});
  } catch (const YAML::Exception& error) {
    const bool known = !error.mark.is_null();
    problems.push_back(Problem{known ? error.mark.line + 1 : 0, known ? error.mark.column + 1 : 0,
                               "invalid YAML: " + error.msg});
  }
  return std::nullopt;
}

int yaml_line(const YAML::Node& node)
{
  return node.Mark().is_null() ? 0 : node.Mark().line + 1;
}

} // namespace mlfolio::lint::analyze::detail
