#pragma once

// Small helpers that rules of several categories use to name code.

#include "lint/analysis.h"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::lint {

// Words of a name (name_words, identifier_words): views into one lower-cased copy the list holds,
// with no string per word (the rules split every name of every module). It is neither copied nor
// moved, so that the views stay valid: keep it while its words are used.
class WordList
{
public:
  WordList(const WordList&) = delete;
  WordList& operator=(const WordList&) = delete;

  const std::string_view* begin() const { return m_more.empty() ? m_first.data() : m_more.data(); }
  const std::string_view* end() const { return begin() + m_count; }
  size_t size() const { return m_count; }
  bool empty() const { return m_count == 0; }
  std::string_view operator[](size_t i) const { return begin()[i]; }

protected:
  // `capacity`: the most characters the words will take, reserved so that the copy never moves.
  explicit WordList(size_t capacity) { m_lowered.reserve(capacity); }
  // Ends the word that started at `start` of m_lowered (if it is not empty); the next starts here.
  void end_word(size_t& start);

  std::string m_lowered;

private:
  static constexpr size_t k_inline = 12;
  std::array<std::string_view, k_inline> m_first{};
  std::vector<std::string_view> m_more; // all of them, past k_inline words
  size_t m_count = 0;
};

// Lower-case words of an identifier: "modelRegistry" -> model, registry; "PSIValue" -> psi, value.
// Anything but an ASCII letter or digit separates words.
class NameWords : public WordList
{
public:
  explicit NameWords(std::string_view identifier);
};

inline NameWords name_words(std::string_view identifier)
{
  return NameWords(identifier);
}

// "log_metric" for "mlflow.log_metric".
inline std::string_view last_component(std::string_view dotted)
{
  const size_t dot = dotted.rfind('.');
  return dot == std::string_view::npos ? dotted : dotted.substr(dot + 1);
}

// "12 Python modules and 3 notebooks", or "no Python code": what a code rule looked at.
std::string code_scope(const Analysis& analysis);

} // namespace mlfolio::lint
