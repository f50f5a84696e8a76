// code/package: the Python code is an importable package, not only loose scripts.
#include "lint/rules/registry.h"

#include "lint/wording.h"

#include <algorithm>

namespace mlfolio::lint {

Finding check_code_package(const RuleContext& context)
{
  const auto& python = context.analysis().python_files();
  if (python.empty()) {
    return skip("no Python files outside tests");
  }
  // The project's own package when there are several: one under src/ first, then the one that
  // holds the most modules (a project's package over its load-test driver), then path order.
  const FileEntry* best = nullptr;
  std::string best_folder;
  size_t best_score = 0;
  for (const FileEntry* file : python) {
    const size_t slash = file->path.rfind('/');
    if (slash == std::string::npos || file->path.substr(slash + 1) != "__init__.py") {
      continue;
    }
    const std::string folder = file->path.substr(0, slash + 1);
    size_t score =
        static_cast<size_t>(std::count_if(python.begin(), python.end(), [&](const FileEntry* other) {
          return other->path.starts_with(folder);
        }));
    score += folder.starts_with("src/") ? python.size() : 0;
    if (best == nullptr || score > best_score) {
      best = file;
      best_folder = folder;
      best_score = score;
    }
  }
  if (best != nullptr) {
    return pass("importable package " + best_folder, {{best->path, 0}});
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
