#pragma once

// What the code/ and tests/ rules share about the project's Python: modules outside notebooks,
// the test code (with Django's tests.py), the names the project's own code can be imported by,
// and a few helpers for paths and imports.

#include "lint/analysis.h"
#include "lint/finding.h"

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::lint {

using ModuleAt = Parsed<const analyze::PythonModule*>;

Location location_of(const FileEntry* file, int line);

// Non-test .py modules, notebooks left out: notebook code is exploration and judged elsewhere.
std::vector<ModuleAt> python_modules(const Analysis& analysis);

// Test modules plus non-test-path modules that test runners still collect (Django's tests.py,
// a root test.py), in path order. conftest.py is included: fixtures are part of the tests.
std::vector<ModuleAt> test_code(const Analysis& analysis);

// Whether `function` is named as a test runner collects it: test_x, testX, test, or a name the
// project's pytest configuration gives its tests (python_functions = it_* should_*).
bool is_test_name(const Analysis& analysis, const analyze::Function& function);
// Whether the class `name` of `module` holds tests: Test*, a TestCase, or a name of the
// configuration's python_classes (Describe*).
bool is_test_class(const Analysis& analysis, const analyze::PythonModule& module, std::string_view name);

// Whether the module defines a function a test runner collects (see is_test_name).
bool has_test_function(const Analysis& analysis, const analyze::PythonModule& module);

// The tests a runner collects from the module (a method only in a test class), split into those
// whose body does something and placeholders that only pass or assert a literal ("assert True").
struct CollectedTests
{
  std::vector<const analyze::Function*> real;
  std::vector<const analyze::Function*> placeholders;
};
CollectedTests collected_tests(const Analysis& analysis, const analyze::PythonModule& module);

// Whether the module checks a result anywhere: an assert statement (not one in a placeholder
// test), a raise, or a call of unittest's, NumPy's, pandas' or a mock's assert* methods,
// pytest.raises/warns or fail().
bool checks_results(const analyze::PythonModule& module);

// Whether any module of the test code (conftest.py and helpers included) checks a result: tests
// that only print or call a server check nothing.
bool any_checks_results(const std::vector<ModuleAt>& tests);

// The import is of `wanted` or one of its submodules ("logging.handlers" is "logging").
bool is_module(std::string_view module, std::string_view wanted);

// The first import of one of `modules` (also "from pydantic_settings import X" and, for
// "from absl import logging", "absl.logging"); nullptr when there is none.
const analyze::Import* find_import(const analyze::PythonModule& module,
                                   std::span<const std::string_view> modules);

// Names the project's own code is imported by: every folder and module stem of a non-test
// Python file ("src/churn/model.py" gives src, churn and model).
std::set<std::string, std::less<>> project_import_names(const Analysis& analysis);

// "src/a.py" -> "src/"; "a.py" -> "".
std::string folder_of(std::string_view path);

} // namespace mlfolio::lint
