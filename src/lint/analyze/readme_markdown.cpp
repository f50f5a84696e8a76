#include "core/text.h"
#include "lint/analyze/line_index.h"
#include "lint/analyze/readme_build.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace mlfolio::lint::analyze::detail {

namespace {

using ParserPtr = std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)>;
using NodePtr = std::unique_ptr<cmark_node, decltype(&cmark_node_free)>;
using IterPtr = std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)>;

// cmark-gfm 0.29.0.gfm.6 builds every cell of a table (header columns x rows) and is
// quadratic in the cells of one row, so a hostile table takes minutes. Above this many
// estimated cell operations the table extension is left off and tables read as paragraphs.
constexpr size_t k_table_budget = 1'000'000;

bool is_delimiter_row(std::string_view line, size_t& columns)
{
  bool dash = false;
  bool pipe = false;
  columns = 0;
  bool in_cell = false;
  for (const char c : line) {
    if (c == '-' || c == ':') {
      dash = dash || c == '-';
      if (!in_cell) {
        ++columns;
        in_cell = true;
      }
    } else if (c == '|') {
      pipe = true;
      in_cell = false;
    } else if (c != ' ' && c != '\t') {
      return false;
    }
  }
  return dash && (pipe || columns == 1);
}

// Returns the line of the first table whose cost breaks the budget, or 0.
int expensive_table_line(std::string_view text)
{
  const std::vector<std::string_view> lines = split_lf_lines(text);
  size_t cost = 0;
  for (size_t i = 1; i < lines.size(); ++i) {
    size_t columns = 0;
    if (lines[i - 1].find('|') == std::string_view::npos || !is_delimiter_row(lines[i], columns)) {
      continue;
    }
    const size_t header_line = i - 1;
    size_t j = i + 1;
    for (; j < lines.size() && lines[j].find_first_not_of(" \t") != std::string_view::npos; ++j) {
      const size_t pipes = static_cast<size_t>(std::count(lines[j].begin(), lines[j].end(), '|'));
      cost += columns + pipes * pipes / 64;
    }
    if (cost > k_table_budget) {
      return static_cast<int>(header_line) + 1;
    }
    i = j;
  }
  return 0;
}

void ensure_extensions_registered()
{
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

bool type_is(cmark_node* node, const char* type)
{
  return std::strcmp(cmark_node_get_type_string(node), type) == 0;
}

std::string literal_of(cmark_node* node)
{
  const char* literal = cmark_node_get_literal(node);
  return literal != nullptr ? std::string(literal) : std::string();
}

std::string url_of(cmark_node* node)
{
  const char* url = cmark_node_get_url(node);
  return url != nullptr ? std::string(url) : std::string();
}

// "python", "{.python}", "py title=x" -> first word without pandoc braces and dots.
std::string language_of(std::string_view info)
{
  size_t start = info.find_first_not_of(" \t{.");
  if (start == std::string_view::npos) {
    return {};
  }
  size_t end = info.find_first_of(" \t{}.,", start);
  return std::string(info.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
}

enum class Sink { none, paragraph, heading, item, cell };

class MarkdownWalker
{
public:
  explicit MarkdownWalker(Document& document) : m_doc(document) {}

  void enter(cmark_node* node)
  {
    const int start = cmark_node_get_start_line(node);
    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_LIST:
      m_list_ordered.push_back(cmark_node_get_list_type(node) == CMARK_ORDERED_LIST);
      return;
    case CMARK_NODE_ITEM: {
      ListItem item;
      item.line = start;
      item.depth = static_cast<int>(m_list_ordered.size());
      item.ordered = !m_list_ordered.empty() && m_list_ordered.back();
      if (type_is(node, "tasklist")) {
        item.checked = cmark_gfm_extensions_get_tasklist_item_checked(node);
      }
      m_open_items.push_back(m_doc.list_items.size());
      m_doc.list_items.push_back(std::move(item));
      return;
    }
    case CMARK_NODE_PARAGRAPH:
      begin_text(m_open_items.empty() ? Sink::paragraph : Sink::item, start);
      return;
    case CMARK_NODE_HEADING:
      begin_text(Sink::heading, start);
      return;
    case CMARK_NODE_CODE_BLOCK: {
      const char* info = cmark_node_get_fence_info(node);
      CodeBlock code;
      code.info = info != nullptr ? info : "";
      code.language = language_of(code.info);
      code.content = literal_of(node);
      code.line = start;
      int fence_length = 0;
      int fence_offset = 0;
      char fence_char = 0;
      code.fenced = cmark_node_get_fenced(node, &fence_length, &fence_offset, &fence_char) != 0;
      add_block(BlockKind::code, start, code.content);
      m_doc.code_blocks.push_back(std::move(code));
      return;
    }
    case CMARK_NODE_HTML_BLOCK: {
      const bool top_level = cmark_node_parent(node) == m_root;
      std::string visible = scan_html(literal_of(node), start, false, top_level, m_doc);
      add_block(BlockKind::html, start, visible);
      return;
    }
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
      track_line(start);
      append_text(literal_of(node));
      return;
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
      ++m_inline_line;
      append_break();
      return;
    case CMARK_NODE_HTML_INLINE:
      track_line(start);
      append_text(scan_html(literal_of(node), m_inline_line, true, false, m_doc));
      return;
    case CMARK_NODE_LINK:
      track_line(start);
      m_open_link = m_doc.links.size();
      m_doc.links.push_back(Link{url_of(node), "", m_inline_line, false});
      return;
    case CMARK_NODE_IMAGE:
      track_line(start);
      m_open_image = m_doc.images.size();
      m_doc.images.push_back(Image{url_of(node), "", m_inline_line,
                                  m_open_link ? m_doc.links[*m_open_link].url : std::string(), false});
      return;
    default:
      break;
    }
    if (type_is(node, "table")) {
      Table table;
      table.line = start;
      const uint16_t columns = cmark_gfm_extensions_get_table_columns(node);
      const uint8_t* alignments = cmark_gfm_extensions_get_table_alignments(node);
      for (uint16_t k = 0; alignments != nullptr && k < columns; ++k) {
        table.alignments.push_back(alignments[k] == 'l'   ? Alignment::left
                                   : alignments[k] == 'c' ? Alignment::center
                                   : alignments[k] == 'r' ? Alignment::right
                                                          : Alignment::none);
      }
      m_doc.tables.push_back(std::move(table));
    } else if (type_is(node, "table_header") || type_is(node, "table_row")) {
      m_row.clear();
    } else if (type_is(node, "table_cell")) {
      begin_text(Sink::cell, start);
    }
  }

  void exit(cmark_node* node)
  {
    if (m_sink != Sink::none) {
      trim_text();
    }
    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_LIST:
      m_list_ordered.pop_back();
      return;
    case CMARK_NODE_ITEM: {
      const ListItem& item = m_doc.list_items[m_open_items.back()];
      add_block(BlockKind::list_item, item.line, item.text);
      m_open_items.pop_back();
      return;
    }
    case CMARK_NODE_PARAGRAPH:
      if (m_sink == Sink::paragraph) {
        add_block(BlockKind::paragraph, m_text_line, m_text);
        m_doc.paragraphs.push_back(Paragraph{m_text, m_text_line});
      } else if (m_sink == Sink::item) {
        append_separated(m_doc.list_items[m_open_items.back()].text, m_text, "\n");
      }
      m_sink = Sink::none;
      return;
    case CMARK_NODE_HEADING:
      std::replace(m_text.begin(), m_text.end(), '\n', ' ');
      add_block(BlockKind::heading, m_text_line, m_text);
      if (!m_open_items.empty()) {
        append_separated(m_doc.list_items[m_open_items.back()].text, m_text, "\n");
      }
      if (cmark_node_parent(node) == m_root) {
        Section section;
        section.heading = m_text;
        section.level = cmark_node_get_heading_level(node);
        section.line = m_text_line;
        m_doc.sections.push_back(std::move(section));
      }
      m_sink = Sink::none;
      return;
    case CMARK_NODE_LINK:
      m_open_link.reset();
      return;
    case CMARK_NODE_IMAGE:
      m_open_image.reset();
      return;
    default:
      break;
    }
    if (type_is(node, "table_cell")) {
      m_row.push_back(m_text);
      m_sink = Sink::none;
    } else if (type_is(node, "table_header")) {
      m_doc.tables.back().header = std::move(m_row);
      m_row.clear();
    } else if (type_is(node, "table_row")) {
      m_doc.tables.back().rows.push_back(std::move(m_row));
      m_row.clear();
    } else if (type_is(node, "table")) {
      const Table& table = m_doc.tables.back();
      std::string text = join_cells(table.header);
      for (const auto& row : table.rows) {
        append_separated(text, join_cells(row), "\n");
      }
      add_block(BlockKind::table, table.line, text);
    }
  }

  void set_root(cmark_node* root) { m_root = root; }

private:
  static std::string join_cells(const std::vector<std::string>& cells)
  {
    std::string text;
    for (const auto& cell : cells) {
      append_separated(text, cell, " | ");
    }
    return text;
  }

  void trim_text()
  {
    const size_t last = m_text.find_last_not_of(" \t\n");
    m_text.erase(last == std::string::npos ? 0 : last + 1);
    m_text.erase(0, m_text.find_first_not_of(" \t\n") == std::string::npos ? m_text.size()
                                                                            : m_text.find_first_not_of(" \t\n"));
  }

  void begin_text(Sink sink, int line)
  {
    m_sink = sink;
    m_text.clear();
    m_text_line = line;
    m_inline_line = line;
  }

  void track_line(int line)
  {
    if (line > 0) {
      m_inline_line = line;
    }
  }

  void append_text(std::string_view text)
  {
    if (m_open_image) {
      m_doc.images[*m_open_image].alt += text;
    } else if (m_sink != Sink::none) {
      m_text += text;
    }
    if (m_open_link) {
      m_doc.links[*m_open_link].text += text;
    }
  }

  void append_break()
  {
    if (m_open_image) {
      m_doc.images[*m_open_image].alt += ' ';
    } else if (m_sink != Sink::none) {
      m_text += '\n';
    }
    if (m_open_link) {
      m_doc.links[*m_open_link].text += ' ';
    }
  }

  void add_block(BlockKind kind, int line, std::string_view text)
  {
    if (!text.empty()) {
      m_doc.blocks.push_back(Block{kind, line, std::string(text)});
    }
  }

  Document& m_doc;
  cmark_node* m_root = nullptr;
  Sink m_sink = Sink::none;
  std::string m_text;
  int m_text_line = 0;
  int m_inline_line = 0;
  std::optional<size_t> m_open_link;
  std::optional<size_t> m_open_image;
  std::vector<size_t> m_open_items;
  std::vector<bool> m_list_ordered;
  std::vector<std::string> m_row;
};

// YAML front matter (Hugging Face Spaces and model cards, Jekyll pages): "---", "key: value"
// lines, then "---" or "...". cmark-gfm reads it as a rule and a setext heading made of the
// metadata. Returns the number of lines it spans, 0 without one.
size_t front_matter_lines(std::string_view text)
{
  const auto line_at = [&](size_t& pos) {
    const size_t end = text.find('\n', pos);
    std::string_view line = text.substr(pos, end == std::string_view::npos ? text.size() - pos : end - pos);
    pos = end == std::string_view::npos ? text.size() : end + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
      line.remove_suffix(1);
    }
    return line;
  };
  size_t pos = 0;
  if (line_at(pos) != "---") {
    return 0;
  }
  bool has_key = false;
  for (size_t lines = 1; pos < text.size() && lines < 200; ++lines) {
    const std::string_view line = line_at(pos);
    if (line == "---" || line == "...") {
      return has_key ? lines + 1 : 0;
    }
    const size_t colon = line.find(':');
    if (colon != std::string_view::npos && colon > 0 && line.front() != ' ' && line.front() != '-' &&
        line.front() != '#') {
      const std::string_view key = line.substr(0, colon);
      has_key = has_key || key.find_first_of(" \t") == std::string_view::npos;
    }
  }
  return 0;
}

// A README wrapped by mistake in a Markdown fence: "```markdown" (or "md", any fence length)
// as its first block after front matter and rules, with a heading as the fence's first line.
// GitHub shows such a README as one code box, but every word of it is there for a reader to
// see. Returns the 0-based lines of the opening and closing fence (npos when it stays open),
// or nullopt when the README does not start that way.
struct WrappingFence
{
  size_t open = 0;
  size_t close = std::string_view::npos;
};

std::optional<WrappingFence> wrapping_markdown_fence(const std::vector<std::string_view>& lines)
{
  size_t i = 0;
  while (i < lines.size()) {
    const std::string_view line = text::trim(lines[i]);
    if (!line.empty() && line.find_first_not_of("-*_ ") != std::string_view::npos) {
      break;
    }
    ++i;
  }
  if (i == lines.size()) {
    return std::nullopt;
  }
  const std::string_view opener = text::trim(lines[i]);
  const char mark = opener.empty() ? '\0' : opener.front();
  if (mark != '`' && mark != '~') {
    return std::nullopt;
  }
  const size_t length = opener.find_first_not_of(mark);
  if (length == std::string_view::npos || length < 3) {
    return std::nullopt;
  }
  const std::string info = text::to_lower(text::trim(opener.substr(length)));
  if (info != "markdown" && info != "md") {
    return std::nullopt;
  }
  size_t first = i + 1;
  while (first < lines.size() && text::trim(lines[first]).empty()) {
    ++first;
  }
  if (first == lines.size() || !text::trim(lines[first]).starts_with("# ")) {
    return std::nullopt;
  }
  WrappingFence fence{i, std::string_view::npos};
  for (size_t l = first + 1; l < lines.size(); ++l) {
    const std::string_view line = text::trim(lines[l]);
    if (line.size() >= length && line.find_first_not_of(mark) == std::string_view::npos) {
      fence.close = l;
      break;
    }
  }
  return fence;
}

} // namespace

void parse_markdown(std::string_view text, Document& document)
{
  // Front matter becomes blank lines, so that line numbers stay those of the file.
  std::string without_front_matter;
  if (const size_t lines = front_matter_lines(text); lines > 0) {
    size_t pos = 0;
    for (size_t l = 0; l < lines && pos < text.size(); ++l) {
      const size_t end = text.find('\n', pos);
      pos = end == std::string_view::npos ? text.size() : end + 1;
    }
    without_front_matter.assign(lines, '\n');
    without_front_matter.append(text.substr(pos));
    text = without_front_matter;
  }
  std::string unwrapped;
  {
    const std::vector<std::string_view> lines = text::split_lines(text);
    if (const auto fence = wrapping_markdown_fence(lines)) {
      // The fence lines become blank lines, so that line numbers stay those of the file.
      for (size_t l = 0; l < lines.size(); ++l) {
        if (l != fence->open && l != fence->close) {
          unwrapped.append(lines[l]);
        }
        unwrapped.push_back('\n');
      }
      document.problems.push_back(
          Problem{static_cast<int>(fence->open) + 1, 0,
                  "the README is wrapped in a ```markdown fence, so GitHub shows it as one code "
                  "block; read as Markdown. Delete the fence lines"});
      text = unwrapped;
    }
  }
  ensure_extensions_registered();
  ParserPtr parser(cmark_parser_new(CMARK_OPT_DEFAULT), &cmark_parser_free);
  if (!parser) {
    document.problems.push_back(Problem{0, 0, "cannot create a Markdown parser"});
    return;
  }
  const int expensive_line = expensive_table_line(text);
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter", "tasklist"}) {
    if (expensive_line > 0 && std::strcmp(name, "table") == 0) {
      document.problems.push_back(
        Problem{expensive_line, 0, "table too large to parse as a table; read as text"});
      continue;
    }
    if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser.get(), extension);
    }
  }
  NodePtr root(nullptr, &cmark_node_free);
  {
    // cmark-gfm turns its extensions' special characters on and off in one global table around
    // each inline parse (cmark_manage_extensions_special_characters): parses on several threads
    // (a cohort audit) must take turns, or one loses the other's strikethrough and autolinks.
    static std::mutex parse_mutex;
    const std::lock_guard lock(parse_mutex);
    cmark_parser_feed(parser.get(), text.data(), text.size());
    root.reset(cmark_parser_finish(parser.get()));
  }
  if (!root) {
    document.problems.push_back(Problem{0, 0, "the Markdown parser returned no document"});
    return;
  }
  MarkdownWalker walker(document);
  walker.set_root(root.get());
  IterPtr iter(cmark_iter_new(root.get()), &cmark_iter_free);
  for (cmark_event_type event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE;
       event = cmark_iter_next(iter.get())) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    if (event == CMARK_EVENT_ENTER) {
      walker.enter(node);
    } else if (event == CMARK_EVENT_EXIT) {
      walker.exit(node);
    }
  }
}

} // namespace mlfolio::lint::analyze::detail
