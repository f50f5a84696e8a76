// code/not-notebook-only: the ML code does not live only in notebooks.
#include "lint/rules/registry.h"
#include "lint/wording.h"

namespace mlfolio::lint {

namespace {

// Python files that hold no ML code even when they are the only ones.
bool is_packaging_script(const FileEntry* file)
{
  return file->path == "setup.py" || file->path.ends_with("/setup.py");
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
  return pass(count_of(modules, "Python module") + " beside " + count_of(notebooks.size(), "notebook"));
}

} // namespace mlfolio::lint
