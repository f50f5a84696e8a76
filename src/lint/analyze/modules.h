#pragma once

#include "lint/analyze/python.h"

#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::lint::analyze {

// The path of a dotted module name without an extension: "app.routes" is "app/routes".
std::string module_path(std::string_view dotted);

// The project files that "from <import.module> import <name>" in the module at `from` may read:
// the module's own file or package, or the name's module; relative to the importing file's folder
// for a relative import, else to the root, the importing folder or src/. With an empty `name`,
// only the module's own file and package ("import a.b").
std::vector<std::string> import_candidates(std::string_view from, const Import& import, std::string_view name);

} // namespace mlfolio::lint::analyze
