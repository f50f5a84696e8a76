#include "lint/rules/code_names.h"

#include "core/text.h"
#include "lint/wording.h"

#include <cctype>

namespace mlfolio::lint {

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
