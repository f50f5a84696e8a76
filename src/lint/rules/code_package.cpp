// code/package: the Python code is an importable package, not only loose scripts.
#include "lint/rules/registry.h"

#include "lint/wording.h"

namespace mlfolio::lint {

Finding check_code_package(const RuleContext& context)
{
  const auto& python = context.analysis().python_files();
  if (python.empty()) {
    return skip("no Python files outside tests");
  }
  for (const FileEntry* file : python) {
    const size_t slash = file->path.rfind('/');
    if (slash != std::string::npos && file->path.substr(slash + 1) == "__init__.py") {
      const std::string folder = file->path.substr(0, slash + 1);
      return pass("importable package " + folder, {{file->path, 0}});
    }
  }
  std::vector<Location> scripts;
  std::vector<std::string> names;
  for (const FileEntry* file : python) {
    if (scripts.size() < 10) {
      scripts.push_back({file->path, 0});
    }
    names.push_back(file->path);
  }
  return fail("no folder with an __init__.py; the code is loose scripts: " + join_some(names, 3),
              std::move(scripts));
}

} // namespace mlfolio::lint
