#pragma once

// Internal to the Python analyzer: calls with their arguments, and HTTP routes.

#include "lint/analyze/python.h"
#include "lint/analyze/python_tokens.h"

#include <optional>
#include <string_view>
#include <vector>

namespace mlfolio::lint::analyze::detail {

// Inline: they run several times for every token of every module.
inline bool is_op(const Token& token, std::string_view op)
{
  return token.kind == TokenKind::op && token.text == op;
}
inline bool is_name(const Token& token, std::string_view name)
{
  return token.kind == TokenKind::name && token.text == name;
}

// Records every call "a.b.c(...)" with its first string argument and keyword arguments while
// the tokens go by, in one pass: an open call is a frame on a stack.
class CallTracker
{
public:
  // `tokens` without comments; views into `source`.
  CallTracker(std::string_view source, const std::vector<Token>& tokens, PythonModule& module)
    : m_source(source), m_t(tokens), m_module(module)
  {
  }

  // Feeds token k; tokens must be fed in order.
  void feed(size_t k);
  // Closes the calls left open at the end of the file.
  void finish();

private:
  struct Frame
  {
    size_t call = 0;
    uint32_t depth = 0;
    int argument = 0;
    bool argument_start = true;
    bool expect_equals = false;
    bool first_only_strings = true;
    bool first_has_string = false;
    std::string first;
    std::optional<size_t> keyword;
    size_t value_start = 0;
  };

  size_t offset_of(const Token& token) const { return static_cast<size_t>(token.text.data() - m_source.data()); }
  void maybe_call(size_t k);
  void track_argument(size_t k);
  void finish_argument(Frame& frame, size_t end_offset);
  void finish_frame(size_t end_offset);
  void close_frames(const Token& token);

  std::string_view m_source;
  const std::vector<Token>& m_t;
  PythonModule& m_module;
  std::vector<Frame> m_frames;
};

// Routes from decorators (@app.get("/x"), @bp.route("/y", methods=[...])) and from calls
// such as app.add_url_rule("/z", ...). Decorators must carry their arguments already.
void collect_routes(PythonModule& module);

} // namespace mlfolio::lint::analyze::detail
