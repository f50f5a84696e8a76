#include "lint/rules/python_code.h"

#include "lint/analyze/pytest_config.h"

#include "core/text.h"
#include "lint/analyze/modules.h"
#include "lint/rules/code_names.h"

#include <algorithm>

namespace mlfolio::lint {

namespace {

// Names of modules that test runners collect although Analysis::is_test_path does not call them
// tests: unittest discovers test*.py, Django apps keep their tests in tests.py.
constexpr std::string_view k_collected_test_names[] = {"test.py", "tests.py"};

// Whether another module of the project's code imports the module at `file`: a pipeline's
// evaluation step in steps/test.py ("from attrition.steps.test import test_step") is code.
bool imported_by_code(const Analysis& analysis, const FileEntry* file)
{
  const auto reads_file = [&](const FileEntry* from, const analyze::Import& import, std::string_view name) {
    const auto candidates = analyze::import_candidates(from->path, import, name);
    return std::find(candidates.begin(), candidates.end(), file->path) != candidates.end();
  };
  for (const auto& [other, module] : analysis.code_modules()) {
    if (other == file) {
      continue;
    }
    for (const auto& import : module->imports) {
      if (import.names.empty()
              ? reads_file(other, import, "")
              : std::any_of(import.names.begin(), import.names.end(),
                            [&](const std::string& name) { return reads_file(other, import, name); })) {
        return true;
      }
    }
  }
  return false;
}

} // namespace

std::string folder_of(std::string_view path)
{
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash + 1));
}

Location location_of(const FileEntry* file, int line)
{
  return {file->path, static_cast<uint32_t>(std::max(line, 0))};
}

std::vector<ModuleAt> python_modules(const Analysis& analysis)
{
  std::vector<ModuleAt> modules;
  for (const auto& entry : analysis.code_modules()) {
    if (!Analysis::is_notebook_path(entry.file->path)) {
      modules.push_back(entry);
    }
  }
  return modules;
}

std::vector<ModuleAt> test_code(const Analysis& analysis)
{
  std::vector<ModuleAt> modules = analysis.test_modules();
  for (const auto& entry : python_modules(analysis)) {
    const std::string name = text::to_lower(text::base_name(entry.file->path));
    if (std::find(std::begin(k_collected_test_names), std::end(k_collected_test_names), name) !=
            std::end(k_collected_test_names) &&
        !imported_by_code(analysis, entry.file)) {
      modules.push_back(entry);
    }
  }
  std::sort(modules.begin(), modules.end(),
            [](const ModuleAt& a, const ModuleAt& b) { return a.file->path < b.file->path; });
  return modules;
}

bool is_test_name(const Analysis& analysis, const analyze::Function& function)
{
  if (function.is_test) {
    return true;
  }
  const auto& patterns = analysis.pytest_naming().functions;
  return std::any_of(patterns.begin(), patterns.end(), [&](const std::string& pattern) {
    return analyze::matches_pytest_pattern(function.name, pattern);
  });
}

bool is_test_class(const Analysis& analysis, const analyze::PythonModule& module, std::string_view name)
{
  const auto& patterns = analysis.pytest_naming().classes;
  for (const auto& type : module.classes) {
    if (type.name != name) {
      continue;
    }
    return name.starts_with("Test") ||
           std::any_of(type.bases.begin(), type.bases.end(),
                       [](const std::string& base) { return base.ends_with("TestCase") || base.ends_with("TestBase"); }) ||
           std::any_of(patterns.begin(), patterns.end(),
                       [&](const std::string& pattern) { return analyze::matches_pytest_pattern(name, pattern); });
  }
  return false;
}

bool has_test_function(const Analysis& analysis, const analyze::PythonModule& module)
{
  return std::any_of(module.functions.begin(), module.functions.end(),
                     [&](const analyze::Function& function) { return is_test_name(analysis, function); });
}

CollectedTests collected_tests(const Analysis& analysis, const analyze::PythonModule& module)
{
  CollectedTests tests;
  for (const auto& function : module.functions) {
    if (!is_test_name(analysis, function) ||
        (!function.class_name.empty() && !is_test_class(analysis, module, function.class_name))) {
      continue;
    }
    (function.trivial_body ? tests.placeholders : tests.real).push_back(&function);
  }
  return tests;
}

bool checks_results(const analyze::PythonModule& module)
{
  // "assert True" in a placeholder test checks nothing.
  const auto in_placeholder = [&](int line) {
    return std::any_of(module.functions.begin(), module.functions.end(),
                       [&](const analyze::Function& function) {
                         return function.trivial_body && function.line <= line && line <= function.end_line;
                       });
  };
  if (!std::all_of(module.assert_lines.begin(), module.assert_lines.end(), in_placeholder) ||
      !module.raise_lines.empty()) {
    return true;
  }
  return std::any_of(module.calls.begin(), module.calls.end(), [](const analyze::Call& call) {
    const std::string_view name = last_component(call.callee);
    return name.starts_with("assert") || name.starts_with("Assert") || name == "raises" || name == "warns" ||
           name == "fail" || name == "expect";
  });
}

bool any_checks_results(const std::vector<ModuleAt>& tests)
{
  return std::any_of(tests.begin(), tests.end(), [](const ModuleAt& module) {
    return module.value != nullptr && checks_results(*module.value);
  });
}

bool is_module(std::string_view module, std::string_view wanted)
{
  return module == wanted ||
         (module.size() > wanted.size() && module.starts_with(wanted) && module[wanted.size()] == '.');
}

const analyze::Import* find_import(const analyze::PythonModule& module,
                                   std::span<const std::string_view> modules)
{
  for (const auto& import : module.imports) {
    if (import.level > 0) {
      continue;
    }
    for (const auto wanted : modules) {
      if (is_module(import.module, wanted)) {
        return &import;
      }
      for (const auto& name : import.names) {
        if (is_module(import.module + "." + name, wanted)) {
          return &import;
        }
      }
    }
  }
  return nullptr;
}

std::set<std::string, std::less<>> project_import_names(const Analysis& analysis)
{
  std::set<std::string, std::less<>> names;
  for (const FileEntry* file : analysis.python_files()) {
    const auto parts = text::split(file->path, '/');
    for (size_t i = 0; i < parts.size(); ++i) {
      std::string_view part = parts[i];
      if (i + 1 == parts.size()) {
        part = part.substr(0, part.size() - 3); // ".py"
      }
      if (!part.empty() && part != "__init__" && part != "__main__" && part != "setup") {
        names.emplace(part);
      }
    }
  }
  return names;
}

} // namespace mlfolio::lint
