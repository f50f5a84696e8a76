#include "lint/analyze/modules.h"

#include <algorithm>

namespace mlfolio::lint::analyze {

std::string module_path(std::string_view dotted)
{
  std::string path(dotted);
  std::replace(path.begin(), path.end(), '.', '/');
  return path;
}

std::vector<std::string> import_candidates(std::string_view from, const Import& import, std::string_view name)
{
  const std::string dotted = module_path(import.module);
  std::string folder(from.substr(0, from.rfind('/') + 1)); // npos + 1 is 0
  std::vector<std::string> bases;
  if (import.level > 0) {
    for (int up = 1; up < import.level && !folder.empty(); ++up) {
      folder.pop_back();
      folder.erase(folder.rfind('/') + 1);
    }
    bases.push_back(folder);
  } else {
    bases = {"", folder, "src/"};
  }
  std::vector<std::string> paths;
  for (const auto& base : bases) {
    const std::string module = base + dotted;
    if (!dotted.empty()) {
      paths.push_back(module + ".py");
      paths.push_back(module + "/__init__.py");
    }
    if (!name.empty()) {
      const std::string named = (dotted.empty() ? base : module + "/") + std::string(name);
      paths.push_back(named + ".py");
    }
  }
  return paths;
}

} // namespace mlfolio::lint::analyze
