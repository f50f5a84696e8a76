#pragma once

// How a project's pytest configuration names its tests: python_functions and python_classes
// ("it_*", "Describe*") beside pytest's own test_* functions and Test* classes.

#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::lint::analyze {

struct PytestNaming
{
  std::vector<std::string> functions; // python_functions patterns, as configured
  std::vector<std::string> classes;   // python_classes patterns
  bool empty() const { return functions.empty() && classes.empty(); }
};

enum class PytestConfigFormat {
  pyproject,  // [tool.pytest.ini_options] (and pytest 9's [tool.pytest])
  pytest_ini, // pytest.ini and tox.ini: [pytest]
  setup_cfg,  // [tool:pytest]
  unknown,
};

// By file name: pyproject.toml, pytest.ini, tox.ini, setup.cfg; unknown for anything else.
PytestConfigFormat pytest_config_format(std::string_view path);

// The naming options of one configuration file; empty when it sets none or cannot be read.
PytestNaming parse_pytest_naming(std::string_view text, PytestConfigFormat format);

// Whether `name` matches a pytest naming pattern: a glob ("it_*", "*_spec") or, without glob
// characters, a prefix ("test" matches "test_fit").
bool matches_pytest_pattern(std::string_view name, std::string_view pattern);

} // namespace mlfolio::lint::analyze
