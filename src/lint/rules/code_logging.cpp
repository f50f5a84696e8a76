// code/logging: the code logs through a logging library rather than scattered print() calls.
//
// Lenient on purpose: any logging, loguru or structlog import outside tests passes, and print()
// is only held against library code. Scripts print by nature, so a module with a __main__ guard,
// a command-line interface, an app script, a module without functions (run top to bottom), or a
// file in a scripts-like folder is never blamed. Notebooks are not looked at.
#include "lint/rules/registry.h"

#include "core/text.h"
#include "lint/rules/python_code.h"
#include "lint/wording.h"

#include <algorithm>
#include <cctype>

namespace mlfolio::lint {

namespace {

struct LoggingLibrary
{
  std::string_view module;
  std::string_view name;
};

constexpr LoggingLibrary k_logging_libraries[] = {
    {"logging", "logging"},   {"loguru", "loguru"},   {"structlog", "structlog"},
    {"absl.logging", "absl"}, {"logzero", "logzero"}, {"eliot", "eliot"},
};

// Imports that make a module an entry point whose output is meant for a terminal or a page.
constexpr std::string_view k_entry_point_modules[] = {"argparse", "click",     "typer",  "fire",
                                                      "docopt",   "streamlit", "gradio", "jsonargparse"};

constexpr std::string_view k_script_folders[] = {"scripts", "script",  "bin",        "tools",     "examples",
                                                 "example", "demo",    "demos",      "notebooks", "notebook",
                                                 "sandbox", "scratch", "experiments"};

constexpr std::string_view k_script_names[] = {"main.py",   "__main__.py", "cli.py", "app.py",
                                               "manage.py", "setup.py",    "run.py", "streamlit_app.py"};

// Library code needs at least this many print() calls before they count as the habit.
constexpr size_t k_min_prints = 3;
constexpr size_t k_max_details = 10;

bool in_script_folder(std::string_view path)
{
  const auto parts = text::split(path, '/');
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    const std::string folder = text::to_lower(parts[i]);
    if (std::find(std::begin(k_script_folders), std::end(k_script_folders), folder) !=
        std::end(k_script_folders)) {
      return true;
    }
  }
  return false;
}

bool is_script(const FileEntry* file, const analyze::PythonModule& module)
{
  const std::string name = text::to_lower(text::base_name(file->path));
  return module.main_guard_line.has_value() || (module.functions.empty() && module.classes.empty()) ||
         find_import(module, k_entry_point_modules) != nullptr || in_script_folder(file->path) ||
         name.starts_with("run_") ||
         // 08_train_trees.py: a numbered step of a pipeline, which no import statement can name
         (!name.empty() && std::isdigit(static_cast<unsigned char>(name.front())) != 0) ||
         std::find(std::begin(k_script_names), std::end(k_script_names), name) != std::end(k_script_names);
}

std::vector<int> print_lines(const analyze::PythonModule& module)
{
  std::vector<int> lines;
  for (const auto& call : module.calls) {
    if (call.callee == "print" && !call.chained) {
      lines.push_back(call.line);
    }
  }
  return lines;
}

} // namespace

Finding check_code_logging(const RuleContext& context)
{
  const auto modules = python_modules(context.analysis());
  if (modules.empty()) {
    return skip("no Python modules outside tests and notebooks");
  }
  std::vector<std::string> libraries;
  std::vector<std::string> logging_paths;
  std::vector<Location> logging_at;
  size_t library_prints = 0;
  size_t script_prints = 0;
  std::vector<Detail> details;
  for (const auto& [file, module] : modules) {
    bool logs = false;
    for (const auto& library : k_logging_libraries) {
      const std::string_view wanted[] = {library.module};
      if (const analyze::Import* import = find_import(*module, wanted)) {
        if (!logs) {
          logging_paths.push_back(file->path);
          logging_at.push_back(location_of(file, import->line));
          logs = true;
        }
        if (std::find(libraries.begin(), libraries.end(), library.name) == libraries.end()) {
          libraries.emplace_back(library.name);
        }
      }
    }
    const auto prints = print_lines(*module);
    if (prints.empty()) {
      continue;
    }
    if (is_script(file, *module)) {
      script_prints += prints.size();
      continue;
    }
    library_prints += prints.size();
    std::vector<Location> at;
    for (const int line : prints) {
      at.push_back(location_of(file, line));
    }
    details.push_back({file->path + ": " + count_of(prints.size(), "print() call"), std::move(at)});
  }
  if (!libraries.empty()) {
    std::sort(libraries.begin(), libraries.end());
    if (logging_at.size() > k_max_details) {
      logging_at.resize(k_max_details);
    }
    return pass("logs with " + join_some(libraries, 3) + " in " + count_of(logging_paths.size(), "module") +
                    " (" + join_some(logging_paths, 3) + ")",
                std::move(logging_at));
  }
  if (library_prints >= k_min_prints) {
    std::vector<Location> locations;
    for (const auto& detail : details) {
      locations.push_back(detail.locations.front());
    }
    if (details.size() > k_max_details) {
      details.resize(k_max_details);
      locations.resize(k_max_details);
    }
    Finding finding =
        fail(count_of(library_prints, "print() call") + " in " + count_of(details.size(), "library module") +
                 " and no logging, loguru or structlog anywhere outside tests",
             std::move(locations));
    finding.details = std::move(details);
    return finding;
  }
  if (library_prints + script_prints == 0) {
    return skip("no logging and no print() calls in the Python modules: nothing to judge");
  }
  if (library_prints == 0) {
    return pass("no logging library, but print() appears only in scripts and entry points (" +
                count_of(script_prints, "call") + "), where writing to the terminal is normal");
  }
  return pass("no logging library, and only " + count_of(library_prints, "print() call") +
              " in library code: too few to call for logging");
}

} // namespace mlfolio::lint
