#include "lint/rules/code_names.h"

#include "core/text.h"
#include "lint/wording.h"

namespace mlfolio::lint {

void WordList::end_word(size_t& start)
{
  if (m_lowered.size() > start) {
    const std::string_view word = std::string_view(m_lowered).substr(start);
    if (m_count < k_inline) {
      m_first[m_count] = word;
    } else {
      if (m_more.empty()) {
        m_more.assign(m_first.begin(), m_first.end());
      }
      m_more.push_back(word);
    }
    ++m_count;
  }
  start = m_lowered.size();
}

NameWords::NameWords(std::string_view identifier) : WordList(identifier.size())
{
  // ASCII classes, inline (as <cctype>'s in the C locale, without a call per character).
  const auto is_upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  const auto is_lower = [](char c) { return c >= 'a' && c <= 'z'; };
  const auto is_alnum = [&](char c) { return is_upper(c) || is_lower(c) || (c >= '0' && c <= '9'); };
  size_t start = 0;
  for (size_t k = 0; k < identifier.size(); ++k) {
    const char c = identifier[k];
    if (!is_alnum(c)) {
      end_word(start);
      continue;
    }
    const bool previous_lower = k > 0 && is_lower(identifier[k - 1]);
    const bool next_lower = k + 1 < identifier.size() && is_lower(identifier[k + 1]);
    const bool previous_upper = k > 0 && is_upper(identifier[k - 1]);
    if (is_upper(c) && (previous_lower || (previous_upper && next_lower))) {
      end_word(start); // "modelRegistry", "PSIValue"
    }
    m_lowered += text::ascii_lower(c);
  }
  end_word(start);
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
