#pragma once

#include "lint/analyze/problem.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::lint::analyze {

enum class TokenKind : uint8_t {
  name,    // identifiers and keywords
  number,
  string,  // one literal with its prefix and quotes; an f-string is one token
  op,      // operators and brackets
  comment, // "# ..." to the end of the line
  newline, // end of a logical line (not inside brackets, not after a backslash)
  magic,   // an IPython line that is not Python: "!pip install x", "%matplotlib inline"
  error,   // a byte that starts no token, or an unterminated string
};

struct Token
{
  std::string_view text; // a view into the tokenized source
  TokenKind kind = TokenKind::op;
  bool keyword = false;  // a name that is one of Python's keywords (is_python_keyword)
  uint32_t line = 0;     // 1-based line of the first byte
  uint32_t column = 0;   // 0-based byte column
  uint32_t depth = 0;    // bracket depth around the token; a bracket has the depth outside it
  uint32_t indent = 0;   // indentation (tabs to multiples of 8) of the token's logical line
};

struct TokenizedSource
{
  std::vector<Token> tokens;     // views into the source given to tokenize_python
  std::vector<Token> comments;   // with Comments::apart: the comments, which `tokens` then lacks
  std::vector<Problem> problems; // unterminated strings, unbalanced brackets
  uint32_t line_count = 0;
};

// Where comment tokens go: among the others, or into TokenizedSource::comments.
enum class Comments { inline_, apart };

// Tokenizes Python 3 source. Never fails: unknown bytes become error tokens and tokenizing
// goes on. Linear in the input. Lines are split at "\n" (give it decode_text output).
TokenizedSource tokenize_python(std::string_view source, Comments comments = Comments::inline_);

// The value of a string token without prefix and quotes; simple escapes (\n \t \\ \' \" and
// an escaped newline) are decoded unless the string is raw. f-strings keep their fields.
std::string string_value(std::string_view token_text);

// The prefix letters of a string token, lower-cased ("rb", "f", "").
std::string string_prefix(std::string_view token_text);

bool is_python_keyword(std::string_view name);

} // namespace mlfolio::lint::analyze
