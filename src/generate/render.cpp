#include "generate/render.h"

#include "core/text.h"

#include <algorithm>
#include <vector>

// A Mustache subset, written to the spec (https://github.com/mustache/spec): variables,
// sections and inverted sections over true/false values, comments, and the standalone rule
// (a line holding only a section, inverted, closing or comment tag disappears with its line
// break). Packaged renderers were tried: kainjow 4.1 leaves a blank line where a false
// section stood alone, which breaks generated Python formatting.
namespace mlfolio::generate {

namespace {

constexpr std::string_view k_open = "<%";
constexpr std::string_view k_close = "%>";

enum class TokenKind { text, variable, section, inverted, close, comment };

struct Token
{
  TokenKind kind;
  std::string_view value; // the text, or the tag's name
  size_t line;
};

size_t line_of(std::string_view text, size_t offset)
{
  return 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + std::min(offset, text.size()), '\n'));
}

std::string at(std::string_view where, size_t line)
{
  return std::string(where) + ":" + std::to_string(line);
}

bool is_blank(std::string_view text)
{
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t'; });
}

Result<std::vector<Token>> tokenize(std::string_view text, std::string_view where)
{
  std::vector<Token> tokens;
  size_t position = 0;
  while (position < text.size()) {
    const size_t open = text.find(k_open, position);
    if (open == std::string_view::npos) {
      tokens.push_back({TokenKind::text, text.substr(position), line_of(text, position)});
      break;
    }
    const size_t close = text.find(k_close, open + k_open.size());
    if (close == std::string_view::npos) {
      return usage_error(at(where, line_of(text, open)) + ": unclosed tag '<%'; close it with '%>'.");
    }
    std::string_view tag = text::trim(text.substr(open + k_open.size(), close - open - k_open.size()));
    TokenKind kind = TokenKind::variable;
    if (!tag.empty()) {
      switch (tag.front()) {
      case '#': kind = TokenKind::section; break;
      case '^': kind = TokenKind::inverted; break;
      case '/': kind = TokenKind::close; break;
      case '!': kind = TokenKind::comment; break;
      case '&': kind = TokenKind::variable; break;
      default: break;
      }
      if (kind != TokenKind::variable || tag.front() == '&') {
        tag = text::trim(tag.substr(1));
      }
    }
    size_t text_end = open;
    size_t next = close + k_close.size();
    if (kind != TokenKind::variable) {
      // Standalone: only blanks between the line start and the tag, and between the tag and
      // the line end; then the whole line goes.
      const size_t line_start = text.rfind('\n', open == 0 ? 0 : open - 1);
      const size_t from = (line_start == std::string_view::npos || open == 0) ? 0 : line_start + 1;
      const size_t line_end = text.find('\n', next);
      const size_t to = line_end == std::string_view::npos ? text.size() : line_end;
      std::string_view after = text.substr(next, to - next);
      if (!after.empty() && after.back() == '\r') {
        after.remove_suffix(1);
      }
      if (is_blank(text.substr(from, open - from)) && is_blank(after) && (from >= position || open == 0)) {
        text_end = from;
        next = line_end == std::string_view::npos ? text.size() : line_end + 1;
      }
    }
    if (text_end > position) {
      tokens.push_back({TokenKind::text, text.substr(position, text_end - position), line_of(text, position)});
    }
    tokens.push_back({kind, tag, line_of(text, open)});
    position = next;
  }
  return tokens;
}

class Renderer
{
public:
  Renderer(const std::vector<Token>& tokens, const Variables& variables, std::string_view where)
    : m_tokens(tokens), m_variables(variables), m_where(where)
  {}

  Result<std::string> run()
  {
    std::string out;
    size_t index = 0;
    TRY(render_until(index, {}, true, out));
    return out;
  }

private:
  Result<const Value*> lookup(const Token& token) const
  {
    const auto found = m_variables.find(token.value);
    if (found == m_variables.end()) {
      std::vector<std::string> names;
      for (const auto& [name, value] : m_variables) {
        names.push_back(name);
      }
      return usage_error(at(m_where, token.line) + ": unknown variable '" + std::string(token.value) + "'."
                         + text::did_you_mean(text::suggest(token.value, std::span<const std::string>(names))));
    }
    return &found->second;
  }

  // Renders tokens from `index` up to the close tag of `section` (or the end when it is empty).
  Result<void> render_until(size_t& index, std::string_view section, bool emit, std::string& out)
  {
    while (index < m_tokens.size()) {
      const Token& token = m_tokens[index++];
      switch (token.kind) {
      case TokenKind::text:
        if (emit) {
          out.append(token.value);
        }
        break;
      case TokenKind::comment: break;
      case TokenKind::variable: {
        TRY_ASSIGN(const Value* value, lookup(token));
        if (emit) {
          out += std::holds_alternative<bool>(*value) ? (std::get<bool>(*value) ? "true" : "false")
                                                      : std::get<std::string>(*value);
        }
        break;
      }
      case TokenKind::section:
      case TokenKind::inverted: {
        TRY_ASSIGN(const Value* value, lookup(token));
        if (!std::holds_alternative<bool>(*value)) {
          return usage_error(at(m_where, token.line) + ": '" + std::string(token.value)
                             + "' is text, not true/false; a section needs a true/false variable.");
        }
        const bool shown = std::get<bool>(*value) != (token.kind == TokenKind::inverted);
        TRY(render_until(index, token.value, emit && shown, out));
        break;
      }
      case TokenKind::close:
        if (token.value != section) {
          return usage_error(at(m_where, token.line) + ": '<%/" + std::string(token.value) + "%>' closes "
                             + (section.empty() ? std::string("no open section")
                                                : "'" + std::string(token.value) + "' but '" + std::string(section)
                                                    + "' is open")
                             + ".");
        }
        return {};
      }
    }
    if (!section.empty()) {
      return usage_error(std::string(m_where) + ": section '" + std::string(section)
                         + "' is never closed; add '<%/" + std::string(section) + "%>'.");
    }
    return {};
  }

  const std::vector<Token>& m_tokens;
  const Variables& m_variables;
  std::string_view m_where;
};

} // namespace

Result<std::string> render(std::string_view text, const Variables& variables, std::string_view where)
{
  if (text.find(k_open) == std::string_view::npos) {
    return std::string(text);
  }
  TRY_ASSIGN(const std::vector<Token> tokens, tokenize(text, where));
  return Renderer(tokens, variables, where).run();
}

Result<bool> condition_holds(std::string_view when, const Variables& variables, std::string_view where)
{
  const bool negated = !when.empty() && when.front() == '!';
  const std::string_view name = negated ? when.substr(1) : when;
  const auto found = variables.find(name);
  if (found == variables.end() || !std::holds_alternative<bool>(found->second)) {
    std::vector<std::string> names;
    for (const auto& [key, value] : variables) {
      names.push_back(key);
    }
    return usage_error(std::string(where) + ": 'when' names '" + std::string(name)
                       + "', which is not a true/false variable."
                       + text::did_you_mean(text::suggest(name, std::span<const std::string>(names))));
  }
  return std::get<bool>(found->second) != negated;
}

} // namespace mlfolio::generate
