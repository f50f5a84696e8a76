#include "lint/analyze/python_tokens.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

namespace mlfolio::lint::analyze {

namespace {

constexpr size_t k_max_problems = 50;
// f-string replacement fields may hold strings that hold fields...; past this nesting a
// quote inside a field ends nothing, which bounds the recursion.
constexpr int k_max_fstring_nesting = 8;

// What a byte can be in a name: one table look-up per byte of every name of every module.
constexpr uint8_t k_name_start = 1;
constexpr uint8_t k_name_char = 2;
constexpr std::array<uint8_t, 256> k_name_bytes = [] {
  std::array<uint8_t, 256> bytes{};
  for (int b = 0; b < 256; ++b) {
    const bool start = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '_' || b >= 0x80;
    const bool digit = b >= '0' && b <= '9';
    const int bits = (start ? k_name_start | k_name_char : 0) | (digit ? k_name_char : 0);
    bytes[static_cast<size_t>(b)] = static_cast<uint8_t>(bits);
  }
  return bytes;
}();

bool is_name_start(char c)
{
  return (k_name_bytes[static_cast<unsigned char>(c)] & k_name_start) != 0;
}

bool is_name_char(char c)
{
  return (k_name_bytes[static_cast<unsigned char>(c)] & k_name_char) != 0;
}

bool is_digit(char c)
{
  return c >= '0' && c <= '9';
}

struct PrefixFlags
{
  bool valid = false;
  bool raw = false;
  bool format = false;
};

PrefixFlags prefix_flags(std::string_view prefix)
{
  PrefixFlags flags;
  if (prefix.size() > 2) {
    return flags;
  }
  int bytes = 0;
  int unicode = 0;
  int raw = 0;
  int format = 0;
  for (const char c : prefix) {
    switch (std::tolower(static_cast<unsigned char>(c))) {
    case 'b': ++bytes; break;
    case 'u': ++unicode; break;
    case 'r': ++raw; break;
    case 'f':
    case 't': ++format; break;
    default: return flags;
    }
  }
  const bool combination_ok = bytes + format <= 1 && unicode + raw <= 1 && raw <= 1 && (unicode == 0 || prefix.size() == 1);
  flags.valid = combination_ok;
  flags.raw = raw > 0;
  flags.format = format > 0;
  return flags;
}

class Tokenizer
{
public:
  Tokenizer(std::string_view source, Comments comments) : m_s(source), m_comments_apart(comments == Comments::apart)
  {
    m_out.tokens.reserve(source.size() / 4 + 16);
  }

  TokenizedSource run()
  {
    while (m_i < m_s.size()) {
      if (m_at_line_start) {
        measure_indent();
        continue;
      }
      step();
    }
    if (m_line_has_tokens) {
      emit(TokenKind::newline, m_s.size(), m_s.size());
    }
    if (m_depth > 0) {
      problem(m_line, "unclosed bracket at the end of the file");
    }
    m_out.line_count = m_s.empty() ? 0 : m_line - (m_s.back() == '\n' ? 1 : 0);
    return std::move(m_out);
  }

private:
  void problem(uint32_t line, std::string message)
  {
    if (m_out.problems.size() < k_max_problems) {
      m_out.problems.push_back(Problem{static_cast<int>(line), 0, std::move(message)});
    }
  }

  void measure_indent()
  {
    m_at_line_start = false;
    uint32_t width = 0;
    while (m_i < m_s.size() && (m_s[m_i] == ' ' || m_s[m_i] == '\t' || m_s[m_i] == '\f')) {
      width = m_s[m_i] == '\t' ? (width / 8 + 1) * 8 : m_s[m_i] == '\f' ? 0 : width + 1;
      ++m_i;
    }
    if (m_i < m_s.size() && m_s[m_i] != '\n' && m_s[m_i] != '#' && m_s[m_i] != '\r') {
      m_indent = width;
      m_logical_start = true;
    }
  }

  void emit(TokenKind kind, size_t start, size_t end)
  {
    Token token;
    token.text = m_s.substr(start, end - start);
    token.kind = kind;
    token.keyword = kind == TokenKind::name && is_python_keyword(token.text);
    token.line = m_line;
    token.column = static_cast<uint32_t>(start - m_line_start);
    token.depth = m_depth;
    token.indent = m_indent;
    (kind == TokenKind::comment && m_comments_apart ? m_out.comments : m_out.tokens).push_back(token);
    if (kind != TokenKind::newline && kind != TokenKind::comment) {
      m_line_has_tokens = true;
      m_logical_start = false;
    }
    // Only strings (triple-quoted, or continued with a backslash) span lines.
    if (kind == TokenKind::string || kind == TokenKind::error) {
      for (size_t k = start; k < end; ++k) {
        if (m_s[k] == '\n') {
          ++m_line;
          m_line_start = k + 1;
        }
      }
    }
  }

  void newline()
  {
    if (m_depth == 0) {
      if (m_line_has_tokens) {
        emit(TokenKind::newline, m_i, m_i);
      }
      m_line_has_tokens = false;
      m_at_line_start = true;
    }
    ++m_line;
    ++m_i;
    m_line_start = m_i;
  }

  void step()
  {
    const char c = m_s[m_i];
    const auto blank = [](char b) { return b == ' ' || b == '\t' || b == '\f' || b == '\r'; };
    if (blank(c)) {
      do {
        ++m_i;
      } while (m_i < m_s.size() && blank(m_s[m_i]));
    } else if (c == '\n') {
      newline();
    } else if (c == '#') {
      const size_t end = std::min(m_s.find('\n', m_i), m_s.size());
      emit(TokenKind::comment, m_i, end);
      m_i = end;
    } else if (c == '\\') {
      if (m_i + 1 < m_s.size() && m_s[m_i + 1] == '\n') {
        m_i += 2;
        ++m_line;
        m_line_start = m_i;
      } else {
        emit(TokenKind::error, m_i, m_i + 1);
        ++m_i;
      }
    } else if ((c == '!' || c == '%') && m_logical_start && m_depth == 0) {
      const size_t end = std::min(m_s.find('\n', m_i), m_s.size());
      emit(TokenKind::magic, m_i, end);
      m_i = end;
    } else if (c == '"' || c == '\'') {
      string_token(m_i, m_i, PrefixFlags{true, false, false});
    } else if (is_name_start(c)) {
      size_t end = m_i + 1;
      while (end < m_s.size() && is_name_char(m_s[end])) {
        ++end;
      }
      if (end < m_s.size() && (m_s[end] == '"' || m_s[end] == '\'')) {
        const PrefixFlags flags = prefix_flags(m_s.substr(m_i, end - m_i));
        if (flags.valid) {
          string_token(m_i, end, flags);
          return;
        }
      }
      emit(TokenKind::name, m_i, end);
      m_i = end;
    } else if (is_digit(c) || (c == '.' && m_i + 1 < m_s.size() && is_digit(m_s[m_i + 1]))) {
      number_token();
    } else {
      operator_token();
    }
  }

  void number_token()
  {
    size_t end = m_i;
    const bool hex = m_s.substr(m_i, 2) == "0x" || m_s.substr(m_i, 2) == "0X";
    while (end < m_s.size()) {
      const char d = m_s[end];
      if (is_name_char(d) || d == '.') {
        ++end;
      } else if (!hex && (d == '+' || d == '-') && (m_s[end - 1] == 'e' || m_s[end - 1] == 'E')) {
        ++end;
      } else {
        break;
      }
    }
    emit(TokenKind::number, m_i, end);
    m_i = end;
  }

  // Length of the operator at m_i (the longest match), or 0 for a byte that starts none.
  size_t operator_length() const
  {
    const char c = m_s[m_i];
    const char n1 = m_i + 1 < m_s.size() ? m_s[m_i + 1] : '\0';
    const char n2 = m_i + 2 < m_s.size() ? m_s[m_i + 2] : '\0';
    switch (c) {
    case '.': return n1 == '.' && n2 == '.' ? 3 : 1;
    case '*':
    case '/':
    case '<':
    case '>':
      if (n1 == c) {
        return n2 == '=' ? 3 : 2; // ** //  << >> and their assignments
      }
      return n1 == '=' || (c == '<' && n1 == '>') ? 2 : 1;
    case '-': return n1 == '>' || n1 == '=' ? 2 : 1;
    case '=':
    case '!':
    case ':':
    case '+':
    case '%':
    case '&':
    case '|':
    case '^':
    case '@': return n1 == '=' ? 2 : 1;
    case '(':
    case ')':
    case '[':
    case ']':
    case '{':
    case '}':
    case '~':
    case ',':
    case ';': return 1;
    default: return 0;
    }
  }

  void operator_token()
  {
    const size_t length = operator_length();
    const char c = m_s[m_i];
    if (length == 0) {
      emit(TokenKind::error, m_i, m_i + 1);
      ++m_i;
      return;
    }
    if (c == '(' || c == '[' || c == '{') {
      emit(TokenKind::op, m_i, m_i + 1);
      ++m_depth;
    } else if (c == ')' || c == ']' || c == '}') {
      if (m_depth == 0) {
        problem(m_line, std::string("unmatched '") + c + "'");
      } else {
        --m_depth;
      }
      emit(TokenKind::op, m_i, m_i + 1);
    } else {
      emit(TokenKind::op, m_i, m_i + length);
    }
    m_i += length;
  }

  // A string literal whose prefix starts at `start` and whose quote is at `quote`.
  void string_token(size_t start, size_t quote, PrefixFlags flags)
  {
    m_unterminated = false;
    const size_t end = scan_string(quote, flags, 0);
    if (m_unterminated) {
      problem(m_line, "unterminated string");
      emit(TokenKind::error, start, end);
    } else {
      emit(TokenKind::string, start, end);
    }
    m_i = end;
  }

  bool is_triple(size_t at, char quote) const
  {
    return at + 2 < m_s.size() && m_s[at] == quote && m_s[at + 1] == quote && m_s[at + 2] == quote;
  }

  // Returns the end of the string whose opening quote is at q.
  size_t scan_string(size_t q, PrefixFlags flags, int nesting)
  {
    const char quote = m_s[q];
    const bool triple = is_triple(q, quote);
    size_t j = q + (triple ? 3 : 1);
    while (j < m_s.size()) {
      const char ch = m_s[j];
      if (ch == '\\') {
        j += 2; // even in raw strings a backslash keeps the next quote from closing
      } else if (ch == '\n' && !triple) {
        m_unterminated = true;
        return j;
      } else if (ch == quote && (!triple || is_triple(j, quote))) {
        return j + (triple ? 3 : 1);
      } else if (ch == '{' && flags.format) {
        if (j + 1 < m_s.size() && m_s[j + 1] == '{') {
          j += 2;
        } else {
          j = scan_field(j + 1, triple, nesting);
          if (m_unterminated) {
            return j;
          }
        }
      } else {
        ++j;
      }
    }
    m_unterminated = true;
    return m_s.size();
  }

  // A replacement field of an f-string from just after its "{"; returns after its "}".
  size_t scan_field(size_t j, bool triple, int nesting)
  {
    int depth = 0;
    bool in_spec = false;
    while (j < m_s.size()) {
      const char ch = m_s[j];
      if (ch == '\n' && !triple) {
        m_unterminated = true;
        return j;
      }
      if (in_spec) {
        if (ch == '}') {
          return j + 1;
        }
        if (ch == '{') {
          j = scan_field(j + 1, triple, nesting);
          if (m_unterminated) {
            return j;
          }
          continue;
        }
        if ((ch == '"' || ch == '\'') && !triple) {
          m_unterminated = true; // the f-string's own quote: the field never closed
          return j;
        }
        ++j;
        continue;
      }
      if (ch == '(' || ch == '[' || ch == '{') {
        ++depth;
      } else if (ch == ')' || ch == ']') {
        depth = std::max(0, depth - 1);
      } else if (ch == '}') {
        if (depth == 0) {
          return j + 1;
        }
        --depth;
      } else if (ch == ':' && depth == 0) {
        in_spec = true;
      } else if (ch == '"' || ch == '\'') {
        if (nesting >= k_max_fstring_nesting) {
          m_unterminated = true;
          return j;
        }
        size_t prefix_start = j;
        while (prefix_start > 0 && j - prefix_start < 2 && std::isalpha(static_cast<unsigned char>(m_s[prefix_start - 1]))) {
          --prefix_start;
        }
        PrefixFlags flags = prefix_flags(m_s.substr(prefix_start, j - prefix_start));
        if (!flags.valid) {
          flags = PrefixFlags{true, false, false};
        }
        j = scan_string(j, flags, nesting + 1);
        if (m_unterminated) {
          return j;
        }
        continue;
      }
      ++j;
    }
    m_unterminated = true;
    return m_s.size();
  }

  std::string_view m_s;
  size_t m_i = 0;
  uint32_t m_line = 1;
  size_t m_line_start = 0;
  uint32_t m_depth = 0;
  uint32_t m_indent = 0;
  bool m_at_line_start = true;
  bool m_logical_start = true;
  bool m_line_has_tokens = false;
  bool m_unterminated = false;
  bool m_comments_apart = false;
  TokenizedSource m_out;
};

} // namespace

TokenizedSource tokenize_python(std::string_view source, Comments comments)
{
  return Tokenizer(source, comments).run();
}

std::string string_prefix(std::string_view token_text)
{
  std::string prefix;
  for (const char c : token_text) {
    if (c == '"' || c == '\'') {
      break;
    }
    prefix += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return prefix;
}

std::string string_value(std::string_view token_text)
{
  const size_t quote_at = token_text.find_first_of("\"'");
  if (quote_at == std::string_view::npos) {
    return {};
  }
  const std::string prefix = string_prefix(token_text);
  const bool raw = prefix.find('r') != std::string::npos;
  const char quote = token_text[quote_at];
  const bool triple = token_text.substr(quote_at, 3) == std::string(3, quote);
  const size_t quote_length = triple ? 3 : 1;
  std::string_view inner = token_text.substr(quote_at + quote_length);
  if (inner.size() >= quote_length && inner.substr(inner.size() - quote_length) == std::string(quote_length, quote)) {
    inner.remove_suffix(quote_length);
  }
  if (raw || inner.find('\\') == std::string_view::npos) {
    return std::string(inner);
  }
  std::string value;
  value.reserve(inner.size());
  for (size_t k = 0; k < inner.size(); ++k) {
    if (inner[k] != '\\' || k + 1 >= inner.size()) {
      value += inner[k];
      continue;
    }
    const char next = inner[++k];
    switch (next) {
    case 'n': value += '\n'; break;
    case 't': value += '\t'; break;
    case 'r': value += '\r'; break;
    case '\\': value += '\\'; break;
    case '\'': value += '\''; break;
    case '"': value += '"'; break;
    case '\n': break;
    default:
      value += '\\';
      value += next;
    }
  }
  return value;
}

namespace {

// Up to eight characters packed into a number, the first in the lowest byte: a keyword is then
// one case of a switch.
constexpr uint64_t packed(std::string_view name)
{
  uint64_t value = 0;
  for (size_t i = 0; i < name.size(); ++i) {
    value |= static_cast<uint64_t>(static_cast<unsigned char>(name[i])) << (8 * i);
  }
  return value;
}

constexpr std::string_view k_keywords[] = {
    "False", "None",   "True",  "and",    "as",       "assert", "async",  "await",    "break",
    "class", "continue", "def", "del",    "elif",     "else",   "except", "finally",  "for",
    "from",  "global", "if",    "import", "in",       "is",     "lambda", "nonlocal", "not",
    "or",    "pass",   "raise", "return", "try",      "while",  "with",   "yield"};

// For each first byte, the lengths of the keywords starting with it (bit n: length n): most
// names are ruled out by one look-up ("self", "value", "step_1" start no keyword of their length).
constexpr std::array<uint16_t, 256> k_keyword_lengths = [] {
  std::array<uint16_t, 256> lengths{};
  for (const std::string_view keyword : k_keywords) {
    lengths[static_cast<unsigned char>(keyword[0])] |= static_cast<uint16_t>(1u << keyword.size());
  }
  return lengths;
}();

} // namespace

bool is_python_keyword(std::string_view name)
{
  if (name.size() < 2 || name.size() > 8 ||
      (k_keyword_lengths[static_cast<unsigned char>(name[0])] & (1u << name.size())) == 0) {
    return false;
  }
  switch (packed(name)) {
  case packed("False"): case packed("None"): case packed("True"): case packed("and"): case packed("as"):
  case packed("assert"): case packed("async"): case packed("await"): case packed("break"):
  case packed("class"): case packed("continue"): case packed("def"): case packed("del"): case packed("elif"):
  case packed("else"): case packed("except"): case packed("finally"): case packed("for"): case packed("from"):
  case packed("global"): case packed("if"): case packed("import"): case packed("in"): case packed("is"):
  case packed("lambda"): case packed("nonlocal"): case packed("not"): case packed("or"): case packed("pass"):
  case packed("raise"): case packed("return"): case packed("try"): case packed("while"): case packed("with"):
  case packed("yield"):
    return true;
  default:
    return false;
  }
}

} // namespace mlfolio::lint::analyze
