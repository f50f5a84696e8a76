#include "lint/rules/mlops_usage.h"

#include "core/text.h"
#include "lint/rules/python_code.h"
#include "lint/rules/rigor_code.h"
#include "lint/wording.h"

#include <algorithm>
#include <cctype>

namespace mlfolio::lint {

std::vector<LibraryUse> library_uses(const Analysis& analysis, std::span<const Library> libraries)
{
  std::vector<LibraryUse> uses;
  for (const auto& [file, module] : analysis.code_modules()) {
    for (const auto& import : module->imports) {
      if (import.level > 0) {
        continue;
      }
      for (const auto& library : libraries) {
        bool matches = is_module(import.module, library.module);
        for (const auto& name : import.names) {
          matches = matches || is_module(import.module + "." + name, library.module);
        }
        const bool seen = std::any_of(uses.begin(), uses.end(),
                                      [&](const LibraryUse& use) { return use.name == library.name; });
        if (matches && !seen) {
          uses.push_back({std::string(library.name), code_location(analysis, file, import.line)});
        }
      }
    }
  }
  return uses;
}

std::string describe(const LibraryUse& use)
{
  return use.name + " (" + use.where.to_string() + ")";
}

std::string describe(const std::vector<LibraryUse>& uses, size_t max)
{
  std::vector<std::string> items;
  for (const auto& use : uses) {
    items.push_back(describe(use));
  }
  return join_some(items, max);
}
} // namespace mlfolio::lint
