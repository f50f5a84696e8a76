#include "lint/analyze/python.h"

#include "lint/analyze/python_calls.h"
#include "lint/analyze/python_tokens.h"
#include "lint/analyze/text_decode.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

namespace mlfolio::lint::analyze {

namespace {

using detail::is_name;
using detail::is_op;

bool is_test_name(std::string_view name)
{
  if (name.substr(0, 4) != "test") {
    return false;
  }
  if (name.size() == 4) {
    return true;
  }
  const char next = name[4];
  return next == '_' || std::isupper(static_cast<unsigned char>(next)) != 0 || std::isdigit(static_cast<unsigned char>(next)) != 0;
}

bool is_cell_marker(std::string_view comment)
{
  // "# In[ ]:", "# In[12]:", "#In[3]:"
  size_t k = 1;
  while (k < comment.size() && comment[k] == ' ') {
    ++k;
  }
  if (comment.substr(k, 3) != "In[") {
    return false;
  }
  k += 3;
  while (k < comment.size() && (comment[k] == ' ' || std::isdigit(static_cast<unsigned char>(comment[k])) != 0)) {
    ++k;
  }
  return comment.substr(k, 2) == "]:";
}

struct PendingDecorator
{
  Decorator decorator;
  std::optional<size_t> call;
};

struct OpenHandler
{
  size_t index = 0;
  uint32_t indent = 0;
  bool seen_body = false;
};

struct Scope
{
  uint32_t indent = 0;
  bool is_class = false;
  std::string name;
  std::optional<size_t> function; // index into PythonModule::functions
};

// Names a body may hold and still check nothing: "pass", "assert True", "return None" (keywords all).
constexpr std::string_view k_trivial_names[] = {"pass", "assert", "return", "True", "False", "None",
                                                "not",  "and",    "or",     "is",   "in"};

bool is_trivial_token(const Token& token)
{
  if (token.kind == TokenKind::name) { // the trivial names are all keywords
    return token.keyword &&
           std::find(std::begin(k_trivial_names), std::end(k_trivial_names), token.text) != std::end(k_trivial_names);
  }
  return token.kind == TokenKind::number || token.kind == TokenKind::string || token.kind == TokenKind::op;
}

class ModuleBuilder
{
public:
  ModuleBuilder(std::string_view source, std::vector<Token> tokens, PythonModule& module)
    : m_t(std::move(tokens)), m_module(&module), m_calls(source, m_t, module)
  {
  }

  void run()
  {
    PythonModule& module = *m_module;
    for (size_t k = 0; k < m_t.size(); ++k) {
      const Token& token = m_t[k];
      if (token.kind == TokenKind::newline) {
        continue;
      }
      if (k == 0 || m_t[k - 1].kind == TokenKind::newline) {
        line_start(k);
      }
      m_calls.feed(k);
      if (token.keyword) { // a name: only these two keywords are noted
        if (token.text == "raise") {
          module.raise_lines.push_back(static_cast<int>(token.line));
        } else if (token.text == "assert") {
          module.assert_lines.push_back(static_cast<int>(token.line));
        }
      } else if (token.kind == TokenKind::name) {
        note_name(token, k > 0 && is_op(m_t[k - 1], "."));
      } else if (token.kind == TokenKind::string) {
        const std::string prefix = string_prefix(token.text);
        module.strings.push_back(StringLiteral{string_value(token.text), static_cast<int>(token.line),
                                               prefix.find_first_of("ft") != std::string::npos,
                                               prefix.find('b') != std::string::npos});
      } else if (token.kind == TokenKind::magic) {
        module.notebook_markers.push_back(NotebookMarker{
          token.text[0] == '!' ? NotebookMarkerKind::shell_escape : NotebookMarkerKind::magic,
          static_cast<int>(token.line), std::string(token.text)});
      }
    }
    m_calls.finish();
    close_handler(true);
    finish_decorators();
  }

private:
  const Token* at(size_t k) const { return k < m_t.size() ? &m_t[k] : nullptr; }

  void note_name(const Token& token, bool attribute)
  {
    if (token.keyword) {
      return;
    }
    const auto [seen, inserted] = m_seen_names.try_emplace(token.text, m_module->names.size());
    if (inserted) {
      m_module->names.push_back(Name{std::string(token.text), static_cast<int>(token.line), attribute});
    } else if (!attribute) {
      m_module->names[seen->second].only_attribute = false;
    }
  }

  // Index of the first token after the dotted name starting at k; fills `name`.
  size_t dotted_name(size_t k, std::string& name) const
  {
    name.clear();
    while (k < m_t.size() && m_t[k].kind == TokenKind::name && !m_t[k].keyword) {
      name += m_t[k].text;
      if (k + 2 < m_t.size() && is_op(m_t[k + 1], ".") && m_t[k + 2].kind == TokenKind::name &&
          !m_t[k + 2].keyword) {
        name += '.';
        k += 2;
      } else {
        return k + 1;
      }
    }
    return k;
  }

  // ---- statements ---------------------------------------------------------------------

  // A statement that ends the program: sys.exit(...), exit(...), quit(...), os._exit(...).
  bool starts_exit(size_t k) const
  {
    const Token* a = at(k);
    const Token* b = at(k + 1);
    const Token* c = at(k + 2);
    const Token* d = at(k + 3);
    if (a != nullptr && b != nullptr && (is_name(*a, "exit") || is_name(*a, "quit")) && is_op(*b, "(")) {
      return true;
    }
    return a != nullptr && b != nullptr && c != nullptr && d != nullptr &&
           (is_name(*a, "sys") || is_name(*a, "os")) && is_op(*b, ".") &&
           (is_name(*c, "exit") || is_name(*c, "_exit")) && is_op(*d, "(");
  }

  void line_start(size_t k)
  {
    const Token& first = m_t[k];
    while (!m_scopes.empty() && m_scopes.back().indent >= first.indent) {
      m_scopes.pop_back();
    }
    while (!m_cleanup_bodies.empty() && m_cleanup_bodies.back() >= first.indent) {
      m_cleanup_bodies.pop_back();
    }
    note_body_statement(k);
    if (m_raise_scan) {
      if (first.indent > m_raise_scan->indent) {
        if (is_name(first, "raise")) {
          m_module->handlers[m_raise_scan->index].raises = true;
        }
        if (starts_exit(k)) {
          m_module->handlers[m_raise_scan->index].exits = true;
        }
      } else {
        m_raise_scan.reset();
      }
    }
    if (m_handler) {
      if (first.indent > m_handler->indent) {
        m_handler->seen_body = true;
        const Token* next = at(k + 1);
        const bool pass = (is_name(first, "pass") || is_op(first, "...")) && next != nullptr &&
                          next->kind == TokenKind::newline;
        if (!pass) {
          close_handler(false);
        }
      } else {
        close_handler(true);
      }
    }
    if (m_docstring_for) {
      if (first.kind == TokenKind::string && first.indent > m_docstring_indent) {
        m_module->functions[*m_docstring_for].has_docstring = true;
      }
      m_docstring_for.reset();
    }
    if (is_op(first, "@")) {
      decorator(k);
      return;
    }
    if (first.keyword) { // the statements below all start with one
      const bool is_async = first.text == "async" && at(k + 1) != nullptr && is_name(m_t[k + 1], "def");
      if (first.text == "def" || is_async) {
        function(is_async ? k + 1 : k, is_async);
      } else if (first.text == "class") {
        class_definition(k);
      } else if (first.text == "import") {
        import_statement(k);
      } else if (first.text == "from") {
        from_import(k);
      } else if (first.text == "except") {
        except_clause(k);
      } else if (first.text == "finally") {
        m_cleanup_bodies.push_back(first.indent);
      } else if (first.text == "if") {
        main_guard(k);
      }
    } else if (first.kind == TokenKind::name) {
      slice_assignment(k);
    }
    m_decorators.clear();
  }

  // "train, test = series[:cut], series[cut:]", "test = df.iloc[cut:]": names given a slice.
  void slice_assignment(size_t k)
  {
    std::vector<size_t> targets;
    size_t j = k;
    while (j < m_t.size() && m_t[j].kind == TokenKind::name && !m_t[j].keyword) {
      targets.push_back(j);
      const Token* next = at(j + 1);
      j += next != nullptr && is_op(*next, ",") ? 2 : 1;
      if (next == nullptr || !is_op(*next, ",")) {
        break;
      }
    }
    const Token* equals = at(j);
    if (equals == nullptr || !is_op(*equals, "=")) {
      return;
    }
    std::vector<char> open;
    bool sliced = false;
    for (++j; j < m_t.size() && m_t[j].kind != TokenKind::newline && !sliced; ++j) {
      const Token& token = m_t[j];
      if (token.kind != TokenKind::op) {
        continue;
      }
      if (token.text == "[" || token.text == "(" || token.text == "{") {
        open.push_back(token.text[0]);
      } else if ((token.text == "]" || token.text == ")" || token.text == "}") && !open.empty()) {
        open.pop_back();
      } else if (token.text == ":" && !open.empty() && open.back() == '[') {
        sliced = true;
      }
    }
    if (sliced) {
      for (const size_t target : targets) {
        m_module->slice_targets.push_back(Name{std::string(m_t[target].text), static_cast<int>(m_t[target].line)});
      }
    }
  }

  // The logical line starting at k belongs to the body of every enclosing function.
  void note_body_statement(size_t k)
  {
    if (std::none_of(m_scopes.begin(), m_scopes.end(), [](const Scope& scope) { return scope.function.has_value(); })) {
      return;
    }
    bool trivial = true;
    uint32_t last_line = m_t[k].line;
    for (size_t j = k; j < m_t.size() && m_t[j].kind != TokenKind::newline; ++j) {
      trivial = trivial && is_trivial_token(m_t[j]);
      last_line = m_t[j].line;
    }
    for (const Scope& scope : m_scopes) {
      if (scope.function) {
        Function& function = m_module->functions[*scope.function];
        function.end_line = static_cast<int>(last_line);
        function.trivial_body = function.trivial_body && trivial;
      }
    }
  }

  void decorator(size_t k)
  {
    PendingDecorator pending;
    const size_t after = dotted_name(k + 1, pending.decorator.name);
    pending.decorator.line = static_cast<int>(m_t[k].line);
    if (const Token* next = at(after); next != nullptr && is_op(*next, "(") && !pending.decorator.name.empty()) {
      pending.call = m_module->calls.size(); // maybe_call records it next
    }
    m_decorators.push_back(std::move(pending));
  }

  // Index of the token closing the bracket at k (same depth), or m_t.size().
  size_t matching_close(size_t k) const
  {
    const uint32_t depth = m_t[k].depth;
    for (size_t j = k + 1; j < m_t.size(); ++j) {
      if (m_t[j].depth == depth && m_t[j].kind == TokenKind::op &&
          (m_t[j].text == ")" || m_t[j].text == "]" || m_t[j].text == "}")) {
        return j;
      }
      if (m_t[j].kind == TokenKind::newline) {
        return j;
      }
    }
    return m_t.size();
  }

  void function(size_t def, bool is_async)
  {
    const Token* name = at(def + 1);
    if (name == nullptr || name->kind != TokenKind::name) {
      return;
    }
    Function function;
    function.name = std::string(name->text);
    function.line = static_cast<int>(m_t[def].line);
    function.is_async = is_async;
    function.is_test = is_test_name(function.name);
    if (!m_scopes.empty() && m_scopes.back().is_class) {
      function.class_name = m_scopes.back().name;
    }
    size_t after = def + 2;
    if (const Token* open = at(def + 2); open != nullptr && is_op(*open, "(")) {
      const size_t close = matching_close(def + 2);
      parameters(def + 3, close, open->depth + 1, function);
      after = close + 1;
    }
    function.all_parameters_annotated = function.annotated_parameters == function.parameter_count;
    if (const Token* arrow = at(after); arrow != nullptr && is_op(*arrow, "->")) {
      function.has_return_annotation = true;
    }
    for (auto& pending : m_decorators) {
      function.decorators.push_back(pending.decorator);
      if (pending.call) {
        m_decorator_calls.push_back({m_module->functions.size(), function.decorators.size() - 1, *pending.call, false});
      }
    }
    // The docstring: a string right after the header's ':' or opening the next line.
    size_t colon = after;
    while (colon < m_t.size() && m_t[colon].kind != TokenKind::newline &&
           !(is_op(m_t[colon], ":") && m_t[colon].depth == m_t[def].depth)) {
      ++colon;
    }
    const Token* body = at(colon + 1);
    if (body != nullptr && colon < m_t.size() && is_op(m_t[colon], ":")) {
      if (body->kind == TokenKind::newline) {
        m_docstring_for = m_module->functions.size();
        m_docstring_indent = m_t[def].indent;
      } else {
        // "def test_x(): assert True": the body is the rest of the header's line.
        function.has_docstring = body->kind == TokenKind::string;
        for (size_t j = colon + 1; j < m_t.size() && m_t[j].kind != TokenKind::newline; ++j) {
          function.trivial_body = function.trivial_body && is_trivial_token(m_t[j]);
          function.end_line = static_cast<int>(m_t[j].line);
        }
      }
    }
    if (function.end_line == 0) {
      function.end_line = function.line;
    }
    m_scopes.push_back(Scope{m_t[def].indent, false, function.name, m_module->functions.size()});
    m_module->functions.push_back(std::move(function));
  }

  void parameters(size_t begin, size_t end, uint32_t depth, Function& function) const
  {
    size_t segment = 0;
    size_t k = begin;
    while (k < end) {
      size_t stop = k;
      while (stop < end && !(m_t[stop].depth == depth && is_op(m_t[stop], ","))) {
        ++stop;
      }
      size_t p = k;
      bool starred = false;
      while (p < stop && (is_op(m_t[p], "*") || is_op(m_t[p], "**"))) {
        starred = true;
        ++p;
      }
      if (p < stop && m_t[p].kind == TokenKind::name) {
        const bool self = segment == 0 && !starred && (m_t[p].text == "self" || m_t[p].text == "cls");
        if (!self) {
          ++function.parameter_count;
          if (p + 1 < stop && is_op(m_t[p + 1], ":")) {
            ++function.annotated_parameters;
          }
        }
      }
      ++segment;
      k = stop + 1;
    }
  }

  void class_definition(size_t k)
  {
    const Token* name = at(k + 1);
    if (name == nullptr || name->kind != TokenKind::name) {
      return;
    }
    Class result;
    result.name = std::string(name->text);
    result.line = static_cast<int>(m_t[k].line);
    if (const Token* open = at(k + 2); open != nullptr && is_op(*open, "(")) {
      const size_t close = matching_close(k + 2);
      size_t j = k + 3;
      while (j < close) {
        size_t stop = j;
        bool keyword = false;
        while (stop < close && !(m_t[stop].depth == open->depth + 1 && is_op(m_t[stop], ","))) {
          keyword = keyword || (m_t[stop].depth == open->depth + 1 && is_op(m_t[stop], "="));
          ++stop;
        }
        std::string base;
        dotted_name(j, base);
        if (!keyword && !base.empty()) {
          result.bases.push_back(std::move(base));
        }
        j = stop + 1;
      }
    }
    for (auto& pending : m_decorators) {
      result.decorators.push_back(pending.decorator);
      if (pending.call) {
        m_decorator_calls.push_back({m_module->classes.size(), result.decorators.size() - 1, *pending.call, true});
      }
    }
    m_scopes.push_back(Scope{m_t[k].indent, true, result.name, std::nullopt});
    m_module->classes.push_back(std::move(result));
  }

  void import_statement(size_t k)
  {
    size_t j = k + 1;
    while (j < m_t.size() && m_t[j].kind != TokenKind::newline) {
      Import entry;
      entry.line = static_cast<int>(m_t[k].line);
      j = dotted_name(j, entry.module);
      if (j < m_t.size() && is_name(m_t[j], "as")) {
        j += 2;
      }
      if (!entry.module.empty()) {
        m_module->imports.push_back(std::move(entry));
      }
      while (j < m_t.size() && m_t[j].kind != TokenKind::newline && !is_op(m_t[j], ",")) {
        ++j; // something unexpected: skip to the next name
      }
      if (j < m_t.size() && is_op(m_t[j], ",")) {
        ++j;
      }
    }
  }

  void from_import(size_t k)
  {
    Import entry;
    entry.line = static_cast<int>(m_t[k].line);
    size_t j = k + 1;
    while (j < m_t.size() && (is_op(m_t[j], ".") || is_op(m_t[j], "..."))) {
      entry.level += static_cast<int>(m_t[j].text.size());
      ++j;
    }
    j = dotted_name(j, entry.module);
    if (j >= m_t.size() || !is_name(m_t[j], "import")) {
      return;
    }
    for (++j; j < m_t.size() && m_t[j].kind != TokenKind::newline; ++j) {
      if (is_name(m_t[j], "as")) {
        ++j; // skip the alias
      } else if (m_t[j].kind == TokenKind::name || is_op(m_t[j], "*")) {
        entry.names.emplace_back(m_t[j].text);
      }
    }
    m_module->imports.push_back(std::move(entry));
  }

  void except_clause(size_t k)
  {
    ExceptHandler handler;
    handler.line = static_cast<int>(m_t[k].line);
    handler.in_cleanup = !m_cleanup_bodies.empty();
    m_cleanup_bodies.push_back(m_t[k].indent); // its body, up to the next line as shallow as it
    size_t j = k + 1;
    if (j < m_t.size() && is_op(m_t[j], "*")) {
      ++j;
    }
    handler.bare = j < m_t.size() && is_op(m_t[j], ":");
    while (j < m_t.size() && m_t[j].kind != TokenKind::newline &&
           !(is_op(m_t[j], ":") && m_t[j].depth == m_t[k].depth)) {
      if (is_name(m_t[j], "as")) {
        j += 2;
        continue;
      }
      if (m_t[j].kind == TokenKind::name) {
        std::string name;
        j = dotted_name(j, name);
        handler.exceptions.push_back(std::move(name));
        continue;
      }
      ++j;
    }
    const size_t index = m_module->handlers.size();
    if (j < m_t.size() && is_op(m_t[j], ":")) {
      const Token* body = at(j + 1);
      if (body != nullptr && body->kind == TokenKind::newline) {
        close_handler(false);
        m_handler = OpenHandler{index, m_t[k].indent, false};
        m_raise_scan = OpenHandler{index, m_t[k].indent, false};
      } else if (body != nullptr) {
        handler.raises = is_name(*body, "raise");
        handler.exits = starts_exit(j + 1);
        const Token* after = at(j + 2);
        handler.body_is_pass = (is_name(*body, "pass") || is_op(*body, "...")) && after != nullptr &&
                               after->kind == TokenKind::newline;
      }
    }
    m_module->handlers.push_back(std::move(handler));
  }

  void close_handler(bool body_ended)
  {
    if (m_handler) {
      m_module->handlers[m_handler->index].body_is_pass = body_ended && m_handler->seen_body;
      m_handler.reset();
    }
  }

  void main_guard(size_t k)
  {
    const Token* a = at(k + 1);
    const Token* op = at(k + 2);
    const Token* b = at(k + 3);
    const Token* colon = at(k + 4);
    if (a == nullptr || op == nullptr || b == nullptr || colon == nullptr || !is_op(*op, "==") || !is_op(*colon, ":")) {
      return;
    }
    const auto guard = [](const Token& name, const Token& value) {
      return is_name(name, "__name__") && value.kind == TokenKind::string && string_value(value.text) == "__main__";
    };
    if (guard(*a, *b) || guard(*b, *a)) {
      m_module->main_guard_line = static_cast<int>(m_t[k].line);
    }
  }

  // ---- calls ----------------------------------------------------------------------------

  // ---- after the pass -------------------------------------------------------------------

  struct DecoratorCall
  {
    size_t owner = 0; // a function or, with on_class, a class
    size_t decorator = 0;
    size_t call = 0;
    bool on_class = false;
  };

  void finish_decorators()
  {
    for (const auto& link : m_decorator_calls) {
      if (link.call >= m_module->calls.size()) {
        continue;
      }
      Decorator& decorator = link.on_class ? m_module->classes[link.owner].decorators[link.decorator]
                                           : m_module->functions[link.owner].decorators[link.decorator];
      const Call& call = m_module->calls[link.call];
      if (call.callee != decorator.name) {
        continue;
      }
      decorator.first_string = call.first_string;
      decorator.keywords = call.keywords;
    }
    detail::collect_routes(*m_module);
  }

  std::vector<Token> m_t; // without comments
  PythonModule* m_module = nullptr;
  detail::CallTracker m_calls;
  std::vector<Scope> m_scopes;
  std::vector<PendingDecorator> m_decorators;
  std::vector<DecoratorCall> m_decorator_calls;
  std::optional<OpenHandler> m_handler;
  // Indents of the except and finally clauses whose bodies are open, innermost last.
  std::vector<uint32_t> m_cleanup_bodies;
  // The handler whose body is scanned for a raise statement, until the body ends.
  std::optional<OpenHandler> m_raise_scan;
  std::unordered_map<std::string_view, size_t> m_seen_names; // views into the source; index in names
  std::optional<size_t> m_docstring_for;
  uint32_t m_docstring_indent = 0;
};

} // namespace

PythonModule analyze_python_text(std::string_view text)
{
  PythonModule module;
  TokenizedSource tokenized = tokenize_python(text, Comments::apart);
  module.line_count = static_cast<int>(tokenized.line_count);
  module.problems = std::move(tokenized.problems);
  for (const auto& comment : tokenized.comments) {
    if (is_cell_marker(comment.text)) {
      module.notebook_markers.push_back(
        NotebookMarker{NotebookMarkerKind::cell_marker, static_cast<int>(comment.line), std::string(comment.text)});
    }
  }
  ModuleBuilder(text, std::move(tokenized.tokens), module).run(); // the code's tokens, without comments
  std::stable_sort(module.notebook_markers.begin(), module.notebook_markers.end(),
                   [](const NotebookMarker& a, const NotebookMarker& b) { return a.line < b.line; });
  return module;
}

PythonModule analyze_python(std::string_view bytes)
{
  const DecodedText decoded = decode_text(bytes);
  return analyze_python_text(decoded.text);
}

} // namespace mlfolio::lint::analyze
