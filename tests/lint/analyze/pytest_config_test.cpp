#include "lint/analyze/pytest_config.h"

#include <doctest/doctest.h>

using namespace mlfolio::lint::analyze;

TEST_CASE("pytest naming: pyproject.toml lists and strings, ini files with continuation lines")
{
  PytestNaming naming = parse_pytest_naming("[project]\nname = \"ldp\"\n\n[tool.pytest.ini_options]\n"
                                            "python_classes = [\"Test*\", \"Describe*\", \"For*\"]\n"
                                            "python_functions = [\"test_*\", \"it_*\", \"should_*\"]\n",
                                            PytestConfigFormat::pyproject);
  CHECK(naming.functions == std::vector<std::string>{"test_*", "it_*", "should_*"});
  CHECK(naming.classes == std::vector<std::string>{"Test*", "Describe*", "For*"});
  naming = parse_pytest_naming("[tool.pytest.ini_options]\npython_functions = \"check_* verify\"\n",
                               PytestConfigFormat::pyproject);
  CHECK(naming.functions == std::vector<std::string>{"check_*", "verify"});
  CHECK(parse_pytest_naming("[tool.pytest]\npython_functions = [\"spec_*\"]\n", PytestConfigFormat::pyproject)
            .functions == std::vector<std::string>{"spec_*"});
  CHECK(parse_pytest_naming("[tool.pytest.ini_options\n", PytestConfigFormat::pyproject)
            .empty()); // invalid TOML

  naming = parse_pytest_naming(
      "[metadata]\nname = x\n\n[tool:pytest]\ntestpaths = tests\npython_functions =\n"
      "    it_*\n    should_*\npython_classes = Describe*\n[flake8]\npython_functions = no\n",
      PytestConfigFormat::setup_cfg);
  CHECK(naming.functions == std::vector<std::string>{"it_*", "should_*"});
  CHECK(naming.classes == std::vector<std::string>{"Describe*"});
  naming = parse_pytest_naming("[tox]\nenvlist = py311\n[pytest]\n; comment\npython_functions = check_*\n",
                               PytestConfigFormat::pytest_ini);
  CHECK(naming.functions == std::vector<std::string>{"check_*"});
  CHECK(parse_pytest_naming("[pytest]\naddopts = -q\n", PytestConfigFormat::pytest_ini).empty());

  CHECK(pytest_config_format("experiments/pyproject.toml") == PytestConfigFormat::pyproject);
  CHECK(pytest_config_format("tox.ini") == PytestConfigFormat::pytest_ini);
  CHECK(pytest_config_format("setup.cfg") == PytestConfigFormat::setup_cfg);
  CHECK(pytest_config_format("config.ini") == PytestConfigFormat::unknown);
}

TEST_CASE("pytest naming: globs, and prefixes without glob characters")
{
  CHECK(matches_pytest_pattern("it_returns_an_integer", "it_*"));
  CHECK_FALSE(matches_pytest_pattern("iterate", "it_*"));
  CHECK(matches_pytest_pattern("DescribeGenerateSeed", "Describe*"));
  CHECK(matches_pytest_pattern("check_schema", "check"));
  CHECK(matches_pytest_pattern("loader_spec", "*_spec"));
  CHECK_FALSE(matches_pytest_pattern("helper", "check"));
}
