#include "lint/analyze/pytest_config.h"

#include "core/text.h"

#include <toml++/toml.h>

#include <fnmatch.h>

namespace mlfolio::lint::analyze {

namespace {

// pytest splits an ini value on whitespace (its "args" type); TOML gives a string or a list.
void add_words(std::string_view value, std::vector<std::string>& into)
{
  for (const auto word : text::split(value, ' ')) {
    const auto trimmed = text::trim(word);
    if (!trimmed.empty()) {
      into.emplace_back(trimmed);
    }
  }
}

void add_toml_value(const toml::node* node, std::vector<std::string>& into)
{
  if (node == nullptr) {
    return;
  }
  if (const auto value = node->value<std::string>()) {
    add_words(*value, into);
  } else if (const toml::array* array = node->as_array()) {
    for (const toml::node& element : *array) {
      if (const auto item = element.value<std::string>()) {
        add_words(*item, into);
      }
    }
  }
}

PytestNaming from_pyproject(std::string_view text)
{
  PytestNaming naming;
  try {
    const toml::table root = toml::parse(text);
    for (const char* table : {"ini_options", ""}) {
      const toml::node_view options = *table == '\0' ? root["tool"]["pytest"] : root["tool"]["pytest"][table];
      add_toml_value(options["python_functions"].node(), naming.functions);
      add_toml_value(options["python_classes"].node(), naming.classes);
    }
  } catch (const toml::parse_error&) {
    return {}; // dependency_files() notes what is wrong with a pyproject.toml
  }
  return naming;
}

PytestNaming from_ini(std::string_view text, std::string_view section)
{
  PytestNaming naming;
  bool in_section = false;
  std::vector<std::string>* value = nullptr; // the option whose continuation lines follow
  for (const auto raw : text::split(text, '\n')) {
    const std::string_view line = text::trim(raw);
    if (line.starts_with('[')) {
      in_section = line.size() > 2 && line.back() == ']' && line.substr(1, line.size() - 2) == section;
      value = nullptr;
      continue;
    }
    if (!in_section || line.empty() || line.starts_with('#') || line.starts_with(';')) {
      continue;
    }
    const bool continued = !raw.empty() && (raw.front() == ' ' || raw.front() == '\t');
    if (continued && value != nullptr) {
      add_words(line, *value);
      continue;
    }
    value = nullptr;
    const size_t equals = line.find_first_of("=:");
    if (equals == std::string_view::npos) {
      continue;
    }
    const std::string_view key = text::trim(line.substr(0, equals));
    if (key == "python_functions") {
      value = &naming.functions;
    } else if (key == "python_classes") {
      value = &naming.classes;
    } else {
      continue;
    }
    add_words(line.substr(equals + 1), *value);
  }
  return naming;
}

} // namespace

PytestConfigFormat pytest_config_format(std::string_view path)
{
  const std::string_view name = text::base_name(path);
  if (name == "pyproject.toml") {
    return PytestConfigFormat::pyproject;
  }
  if (name == "pytest.ini" || name == ".pytest.ini" || name == "tox.ini") {
    return PytestConfigFormat::pytest_ini;
  }
  if (name == "setup.cfg") {
    return PytestConfigFormat::setup_cfg;
  }
  return PytestConfigFormat::unknown;
}

PytestNaming parse_pytest_naming(std::string_view text, PytestConfigFormat format)
{
  switch (format) {
  case PytestConfigFormat::pyproject:
    return from_pyproject(text);
  case PytestConfigFormat::pytest_ini:
    return from_ini(text, "pytest");
  case PytestConfigFormat::setup_cfg:
    return from_ini(text, "tool:pytest");
  case PytestConfigFormat::unknown:
    break;
  }
  return {};
}

bool matches_pytest_pattern(std::string_view name, std::string_view pattern)
{
  if (pattern.find_first_of("*?[") == std::string_view::npos) {
    return name.starts_with(pattern);
  }
  return ::fnmatch(std::string(pattern).c_str(), std::string(name).c_str(), 0) == 0;
}

} // namespace mlfolio::lint::analyze
