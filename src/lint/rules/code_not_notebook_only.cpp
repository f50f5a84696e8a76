// code/not-notebook-only: the ML code does not live only in notebooks.
#include "lint/rules/code_names.h"
#include "lint/rules/python_code.h"
#include "lint/rules/registry.h"
#include "lint/rules/rigor_code.h"
#include "lint/wording.h"

#include <algorithm>

namespace mlfolio::lint {

namespace {

// Python files that hold no ML code even when they are the only ones.
bool is_packaging_script(const FileEntry* file)
{
  return file->path == "setup.py" || file->path.ends_with("/setup.py");
}

// Whether a module holds ML code: it imports an ML library, trains or predicts.
bool holds_ml_code(const analyze::PythonModule& module)
{
  if (std::any_of(module.imports.begin(), module.imports.end(),
                  [](const analyze::Import& import) { return !ml_library_of(import).empty(); })) {
    return true;
  }
  return training_call(module).has_value() ||
         std::any_of(module.calls.begin(), module.calls.end(), [](const analyze::Call& call) {
           const std::string_view name = last_component(call.callee);
           return name == "predict" || name == "predict_proba";
         });
}

} // namespace

Finding check_code_not_notebook_only(const RuleContext& context)
{
  const auto& notebooks = context.analysis().notebooks();
  size_t modules = 0;
  for (const FileEntry* file : context.analysis().python_files()) {
    modules += is_packaging_script(file) ? 0 : 1;
  }
  if (notebooks.empty()) {
    if (modules == 0) {
      return skip("no Python code or notebooks");
    }
    return pass(count_of(modules, "Python module") + ", no notebooks");
  }
  if (modules == 0) {
    std::vector<Location> locations;
    for (const FileEntry* notebook : notebooks) {
      locations.push_back({notebook->path, 0});
    }
    return fail("the code lives only in notebooks (" + count_of(notebooks.size(), "notebook") +
                    "); there is no Python module outside tests",
                std::move(locations));
  }
  // Modules beside the notebooks that only move files or query a database: the model is still
  // made in a notebook and nowhere else.
  const Analysis& analysis = context.analysis();
  const ModuleAt* trained_in = nullptr;
  std::optional<std::pair<std::string, int>> training;
  std::vector<std::string> scripts;
  for (const auto& entry : analysis.code_modules()) {
    const auto& [file, module] = entry;
    if (module == nullptr) {
      continue;
    }
    if (!Analysis::is_notebook_path(file->path)) {
      if (holds_ml_code(*module)) {
        return pass(count_of(modules, "Python module") + " beside " + count_of(notebooks.size(), "notebook"));
      }
      if (!is_packaging_script(file)) {
        scripts.push_back(file->path);
      }
    } else if (trained_in == nullptr &&
               std::any_of(module->imports.begin(), module->imports.end(),
                           [](const analyze::Import& import) { return !ml_library_of(import).empty(); })) {
      if ((training = training_call(*module))) {
        trained_in = &entry;
      }
    }
  }
  if (trained_in != nullptr && !scripts.empty()) {
    const Location where = code_location(analysis, trained_in->file, training->second);
    return fail("the model is trained only in a notebook (" + training->first + " at " + where.to_string() +
                    "); the " + count_of(scripts.size(), "Python module") + " beside it (" +
                    join_some(scripts, 3) +
                    (scripts.size() == 1 ? ") imports no ML library and neither trains nor predicts"
                                         : ") import no ML library and neither train nor predict"),
                {where});
  }
  return pass(count_of(modules, "Python module") + " beside " + count_of(notebooks.size(), "notebook"));
}

} // namespace mlfolio::lint
