#include "lint/analyze/deps_build.h"
#include "lint/analyze/line_index.h"
#include "lint/analyze/python_tokens.h"
#include "lint/analyze/yaml_limits.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <map>

namespace mlfolio::lint::analyze::detail {

namespace {

std::string_view trim(std::string_view s)
{
  const size_t first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) {
    return {};
  }
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

std::string lower(std::string_view s)
{
  std::string out(s);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// A setup.cfg value: "a; b" on one line is a list unless the part after ';' is a marker.
void add_cfg_value(std::string_view value, int line, std::string_view group, DependencyFile& file)
{
  static constexpr std::string_view k_marker_words[] = {"python_version", "python_full_version", "sys_platform",
                                                        "platform_",      "os_name",             "implementation_",
                                                        "extra"};
  const size_t semicolon = value.find(';');
  if (semicolon != std::string_view::npos) {
    const std::string_view after = value.substr(semicolon + 1);
    const bool marker = std::any_of(std::begin(k_marker_words), std::end(k_marker_words),
                                    [&](std::string_view word) { return after.find(word) != std::string_view::npos; });
    if (!marker) {
      add_requirement_line(value.substr(0, semicolon), line, group, file);
      add_cfg_value(after, line, group, file);
      return;
    }
  }
  add_requirement_line(value, line, group, file);
}

// "train-model = churn.train:main", a console_scripts entry of setup.cfg or setup.py.
void add_entry_point(std::string_view spec, int line, DependencyFile& file)
{
  const size_t equals = spec.find('=');
  if (equals == std::string_view::npos) {
    return;
  }
  const std::string_view name = trim(spec.substr(0, equals));
  const std::string_view target = trim(spec.substr(equals + 1));
  if (!name.empty() && !target.empty()) {
    file.scripts.push_back({std::string(name), std::string(target), line});
  }
}

} // namespace

void read_setup_cfg(std::string_view text, DependencyFile& file)
{
  static constexpr std::string_view k_not_tools[] = {"metadata", "options", "bdist_wheel", "sdist", "egg_info", "global",
                                                     "aliases", "install", "build_ext", "develop"};
  const std::vector<std::string_view> lines = split_lf_lines(text);
  std::string section;
  std::string key;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string_view raw = lines[i];
    const std::string_view line = trim(raw);
    const int number = static_cast<int>(i) + 1;
    if (line.empty() || line[0] == '#' || line[0] == ';') {
      continue;
    }
    if (line.front() == '[' && line.back() == ']') {
      section = lower(trim(line.substr(1, line.size() - 2)));
      key.clear();
      const bool options = section.substr(0, 7) == "options";
      if (!options && std::find(std::begin(k_not_tools), std::end(k_not_tools), section) == std::end(k_not_tools)) {
        const size_t colon = section.find(':');
        file.tool_tables.push_back(section.substr(0, 5) == "tool:" ? section.substr(5) : section.substr(0, colon));
      }
      continue;
    }
    const bool continuation = raw[0] == ' ' || raw[0] == '\t';
    std::string_view value = line;
    if (!continuation) {
      const size_t separator = line.find_first_of("=:");
      if (separator == std::string_view::npos) {
        continue;
      }
      key = lower(trim(line.substr(0, separator)));
      value = trim(line.substr(separator + 1));
    }
    if (section == "options" && key == "install_requires") {
      add_cfg_value(value, number, "", file);
    } else if (section == "options.extras_require" && !key.empty()) {
      add_cfg_value(value, number, key, file);
    } else if (section == "metadata" && key == "name" && !continuation) {
      file.project_name = std::string(value);
    } else if (section == "options.entry_points" && key == "console_scripts" && !value.empty()) {
      add_entry_point(value, number, file);
    }
  }
}

namespace {

bool is_op(const Token& token, std::string_view op)
{
  return token.kind == TokenKind::op && token.text == op;
}

// String literals directly inside the bracket at tokens[open] (same depth + 1).
std::vector<const Token*> strings_in(const std::vector<Token>& tokens, size_t open)
{
  std::vector<const Token*> strings;
  const uint32_t depth = tokens[open].depth;
  for (size_t k = open + 1; k < tokens.size() && tokens[k].depth > depth; ++k) {
    if (tokens[k].kind == TokenKind::string && tokens[k].depth == depth + 1) {
      strings.push_back(&tokens[k]);
    }
  }
  return strings;
}

void add_python_strings(const std::vector<const Token*>& strings, std::string_view group, DependencyFile& file)
{
  for (const Token* token : strings) {
    add_requirement_line(string_value(token->text), static_cast<int>(token->line), group, file);
  }
}

} // namespace

void read_setup_py(std::string_view text, DependencyFile& file)
{
  const TokenizedSource source = tokenize_python(text);
  std::vector<Token> tokens;
  for (const auto& token : source.tokens) {
    if (token.kind != TokenKind::comment && token.kind != TokenKind::newline) {
      tokens.push_back(token);
    }
  }
  // Module-level "NAME = [ ... ]" lists, for install_requires=NAME.
  std::map<std::string, size_t, std::less<>> lists;
  for (size_t k = 0; k + 2 < tokens.size(); ++k) {
    const Token& token = tokens[k];
    if (token.kind == TokenKind::name && token.depth == 0 && is_op(tokens[k + 1], "=") && is_op(tokens[k + 2], "[")) {
      lists[std::string(token.text)] = k + 2;
    }
    if (token.kind == TokenKind::string) {
      const std::string value = string_value(token.text);
      if (value.find("requirements") != std::string::npos && value.size() > 4 &&
          (value.substr(value.size() - 4) == ".txt" || value.substr(value.size() - 3) == ".in")) {
        file.includes.push_back(DependencyInclude{value, false, static_cast<int>(token.line)});
      }
    }
  }
  for (size_t k = 0; k + 2 < tokens.size(); ++k) {
    const Token& token = tokens[k];
    if (token.kind != TokenKind::name || !is_op(tokens[k + 1], "=")) {
      continue;
    }
    const Token& value = tokens[k + 2];
    if (token.text == "install_requires") {
      if (is_op(value, "[") || is_op(value, "(")) {
        add_python_strings(strings_in(tokens, k + 2), "", file);
      } else if (value.kind == TokenKind::name) {
        if (const auto found = lists.find(value.text); found != lists.end()) {
          add_python_strings(strings_in(tokens, found->second), "", file);
        }
      }
    } else if (token.text == "entry_points") {
      // entry_points={"console_scripts": ["train = churn.train:main"]} or dict(console_scripts=[...])
      size_t open = k + 2;
      if (value.kind == TokenKind::name && value.text == "dict" && open + 1 < tokens.size()) {
        ++open;
      }
      if (!is_op(tokens[open], "{") && !is_op(tokens[open], "(")) {
        continue;
      }
      const uint32_t depth = tokens[open].depth;
      for (size_t j = open + 1; j + 2 < tokens.size() && tokens[j].depth > depth; ++j) {
        const bool key = (tokens[j].kind == TokenKind::string && string_value(tokens[j].text) == "console_scripts" &&
                          is_op(tokens[j + 1], ":")) ||
                         (tokens[j].kind == TokenKind::name && tokens[j].text == "console_scripts" &&
                          is_op(tokens[j + 1], "="));
        if (key && (is_op(tokens[j + 2], "[") || is_op(tokens[j + 2], "("))) {
          for (const Token* entry : strings_in(tokens, j + 2)) {
            add_entry_point(string_value(entry->text), static_cast<int>(entry->line), file);
          }
        }
      }
    } else if (token.text == "extras_require" && is_op(value, "{")) {
      // {"dev": ["pytest", ...], ...}
      const uint32_t depth = value.depth;
      for (size_t j = k + 3; j + 2 < tokens.size() && tokens[j].depth > depth; ++j) {
        if (tokens[j].kind == TokenKind::string && tokens[j].depth == depth + 1 && is_op(tokens[j + 1], ":") &&
            (is_op(tokens[j + 2], "[") || is_op(tokens[j + 2], "("))) {
          add_python_strings(strings_in(tokens, j + 2), string_value(tokens[j].text), file);
        }
      }
    }
  }
}

namespace {

// "numpy=1.21.0=py39h_0", "conda-forge::pandas>=2", "scipy 1.11.*", "python=3.10".
void add_conda_spec(std::string_view spec, int line, DependencyFile& file)
{
  spec = trim(spec);
  if (const size_t channel = spec.find("::"); channel != std::string_view::npos) {
    spec = spec.substr(channel + 2);
  }
  const size_t name_end = spec.find_first_of("=<>!~ ");
  Dependency dependency;
  dependency.name = normalize_package_name(spec.substr(0, name_end));
  dependency.line = line;
  if (dependency.name.empty() || dependency.name == "python") {
    return;
  }
  if (name_end != std::string_view::npos) {
    std::string_view version = trim(spec.substr(name_end));
    dependency.specifier = std::string(version);
    bool has_build = false;
    if (version.substr(0, 2) == "==") {
      version.remove_prefix(2);
    } else if (!version.empty() && version[0] == '=') {
      version.remove_prefix(1);
      const size_t build = version.find('=');
      has_build = build != std::string_view::npos;
      version = version.substr(0, build);
    } else if (!version.empty() && std::isdigit(static_cast<unsigned char>(version[0])) != 0) {
      const size_t space = version.find(' ');
      has_build = space != std::string_view::npos;
      version = version.substr(0, space);
    } else {
      version = {};
    }
    // "=1.21" matches 1.21.x in conda: pinned only with three parts or a build string.
    const bool exact = !version.empty() && version.find_first_of("*<>,|") == std::string_view::npos &&
                       (has_build || std::count(version.begin(), version.end(), '.') >= 2 ||
                        dependency.specifier.substr(0, 2) == "==");
    dependency.pinned = exact;
  }
  file.dependencies.push_back(std::move(dependency));
}

} // namespace

void read_conda_environment(std::string_view text, DependencyFile& file)
{
  if (const int line = yaml_too_deep_line(text); line > 0) {
    file.problems.push_back(Problem{line, 0, "YAML nested too deeply to read"});
    return;
  }
  try {
    const YAML::Node root = YAML::Load(std::string(text));
    if (!root.IsDefined() || !root.IsMap()) {
      file.problems.push_back(Problem{1, 0, "the environment file is not a YAML mapping"});
      return;
    }
    const YAML::Node name = root["name"];
    if (name.IsDefined() && name.IsScalar()) {
      file.project_name = name.Scalar();
    }
    const YAML::Node dependencies = root["dependencies"];
    if (!dependencies.IsDefined() || !dependencies.IsSequence()) {
      return;
    }
    for (const auto& item : dependencies) {
      if (item.IsScalar()) {
        add_conda_spec(item.Scalar(), item.Mark().line + 1, file);
      } else if (item.IsMap()) {
        const YAML::Node pip = item["pip"];
        if (pip.IsDefined() && pip.IsSequence()) {
          for (const auto& requirement : pip) {
            if (requirement.IsScalar()) {
              add_requirement_line(requirement.Scalar(), requirement.Mark().line + 1, "pip", file);
            }
          }
        }
      }
    }
  } catch (const YAML::Exception& error) {
    const bool known = !error.mark.is_null();
    file.problems.push_back(
      Problem{known ? error.mark.line + 1 : 0, known ? error.mark.column + 1 : 0, "invalid YAML: " + error.msg});
  }
}

} // namespace mlfolio::lint::analyze::detail
