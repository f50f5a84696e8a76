#include "lint/rules/mlops_usage.h"

#include "core/text.h"
#include "lint/wording.h"

#include <algorithm>
#include <cctype>

namespace mlfolio::lint {

bool module_is(std::string_view module, std::string_view wanted)
{
  return module == wanted ||
         (module.size() > wanted.size() && module.starts_with(wanted) && module[wanted.size()] == '.');
}

std::vector<LibraryUse> library_uses(const Analysis& analysis, std::span<const Library> libraries)
{
  std::vector<LibraryUse> uses;
  for (const auto& [file, module] : analysis.code_modules()) {
    for (const auto& import : module->imports) {
      if (import.level > 0) {
        continue;
      }
      for (const auto& library : libraries) {
        bool matches = module_is(import.module, library.module);
        for (const auto& name : import.names) {
          matches = matches || module_is(import.module + "." + name, library.module);
        }
        const bool seen = std::any_of(uses.begin(), uses.end(),
                                      [&](const LibraryUse& use) { return use.name == library.name; });
        if (matches && !seen) {
          uses.push_back({std::string(library.name), {file->path, static_cast<uint32_t>(import.line)}});
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

std::vector<std::string> name_words(std::string_view identifier)
{
  std::vector<std::string> words;
  std::string word;
  const auto flush = [&] {
    if (!word.empty()) {
      words.push_back(text::to_lower(word));
      word.clear();
    }
  };
  for (size_t k = 0; k < identifier.size(); ++k) {
    const char c = identifier[k];
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      flush();
      continue;
    }
    const bool upper = std::isupper(static_cast<unsigned char>(c)) != 0;
    const bool previous_lower = k > 0 && std::islower(static_cast<unsigned char>(identifier[k - 1])) != 0;
    const bool next_lower =
        k + 1 < identifier.size() && std::islower(static_cast<unsigned char>(identifier[k + 1]));
    const bool previous_upper = k > 0 && std::isupper(static_cast<unsigned char>(identifier[k - 1])) != 0;
    if (upper && (previous_lower || (previous_upper && next_lower))) {
      flush(); // "modelRegistry", "PSIValue"
    }
    word += c;
  }
  flush();
  return words;
}

std::string_view last_component(std::string_view dotted)
{
  const size_t dot = dotted.rfind('.');
  return dot == std::string_view::npos ? dotted : dotted.substr(dot + 1);
}

std::string code_scope(const Analysis& analysis)
{
  const size_t modules = analysis.python_files().size();
  const size_t notebooks = analysis.notebooks().size();
  if (modules == 0 && notebooks == 0) {
    return "no Python code";
  }
  if (notebooks == 0) {
    return count_of(modules, "Python module");
  }
  if (modules == 0) {
    return count_of(notebooks, "notebook");
  }
  return count_of(modules, "Python module") + " and " + count_of(notebooks, "notebook");
}

} // namespace mlfolio::lint
