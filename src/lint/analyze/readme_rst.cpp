#include "lint/analyze/readme_rst_parser.h"

#include "lint/analyze/line_index.h"
#include "lint/analyze/readme_build.h"
#include "lint/analyze/readme_rst.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <utility>

namespace mlfolio::lint::analyze::detail {

namespace {

using rst::starts_with;
using rst::trim;

// Block quotes and directive bodies nest by indentation; past this depth the rest of a nested
// body is read as paragraphs, which keeps hostile input linear.
constexpr int k_max_depth = 16;

bool is_adornment(std::string_view line)
{
  line = line.substr(0, line.find_last_not_of(" \t") + 1);
  if (line.size() < 2 || std::ispunct(static_cast<unsigned char>(line[0])) == 0) {
    return false;
  }
  return line.find_first_not_of(line[0]) == std::string_view::npos;
}

size_t code_points(std::string_view s)
{
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// Length of a list marker with its following space ("- ", "12. ", "(a) ", "#) "), or 0.
size_t list_marker_length(std::string_view content, bool& ordered)
{
  ordered = false;
  if (content.empty()) {
    return 0;
  }
  static constexpr std::string_view k_bullets[] = {"- ", "* ", "+ ", "\u2022 ", "\u2023 ", "\u2043 "};
  for (const auto bullet : k_bullets) {
    if (starts_with(content, bullet)) {
      return bullet.size();
    }
  }
  size_t k = content[0] == '(' ? 1 : 0;
  const size_t start = k;
  while (k < content.size() && k - start < 5 && std::isalnum(static_cast<unsigned char>(content[k])) != 0) {
    ++k;
  }
  if (k == start && k < content.size() && content[k] == '#') {
    ++k;
  }
  if (k == start || k + 1 >= content.size()) {
    return 0;
  }
  const std::string_view enumerator = content.substr(start, k - start);
  const bool digits = enumerator.find_first_not_of("0123456789") == std::string_view::npos;
  const bool roman = enumerator.find_first_not_of("ivxlcdm") == std::string_view::npos ||
                     enumerator.find_first_not_of("IVXLCDM") == std::string_view::npos;
  const bool letter = enumerator.size() == 1 && std::isalpha(static_cast<unsigned char>(enumerator[0])) != 0;
  if (!digits && !roman && !letter && enumerator != "#") {
    return 0;
  }
  const bool closes = content[k] == ')' || (start == 0 && content[k] == '.');
  if (!closes || content[k + 1] != ' ') {
    return 0;
  }
  ordered = true;
  return k + 2;
}

} // namespace

RstParser::RstParser(std::string_view text, Document& document) : m_lines(split_lf_lines(text)), m_doc(document)
{
  // Indentation and blankness are asked for at every nesting level: compute them once.
  m_indents.reserve(m_lines.size());
  m_contents.reserve(m_lines.size());
  for (const auto line : m_lines) {
    size_t column = 0;
    for (const char c : line) {
      if (c == ' ') {
        ++column;
      } else if (c == '\t') {
        column = (column / 8 + 1) * 8;
      } else {
        break;
      }
    }
    m_indents.push_back(column);
    m_contents.push_back(trim(line));
  }
}


// First line at or after `i` that is not blank and indented at most `limit`; trailing
// blank lines before it are left out.
size_t RstParser::body_end(size_t i, size_t end, size_t limit) const
{
  size_t last = i;
  for (; i < end; ++i) {
    if (blank(i)) {
      continue;
    }
    if (indent(i) <= limit) {
      break;
    }
    last = i + 1;
  }
  return last;
}


// The lines [begin, end) without their common indentation.
std::vector<std::string_view> RstParser::dedented(size_t begin, size_t end) const
{
  size_t common = std::string_view::npos;
  for (size_t i = begin; i < end; ++i) {
    if (!blank(i)) {
      common = std::min(common, m_lines[i].find_first_not_of(" \t"));
    }
  }
  std::vector<std::string_view> lines;
  begin = first_text_line(begin, end);
  for (size_t i = begin; i < end; ++i) {
    lines.push_back(blank(i) ? std::string_view() : m_lines[i].substr(std::min(common, m_lines[i].size())));
  }
  while (!lines.empty() && lines.back().empty()) {
    lines.pop_back();
  }
  return lines;
}


size_t RstParser::first_text_line(size_t begin, size_t end) const
{
  while (begin < end && blank(begin)) {
    ++begin;
  }
  return begin;
}


std::string RstParser::joined(const std::vector<std::string_view>& lines)
{
  std::string text;
  for (size_t k = 0; k < lines.size(); ++k) {
    text += lines[k];
    if (k + 1 < lines.size()) {
      text += '\n';
    }
  }
  return text;
}


void RstParser::add_block(BlockKind kind, int line, std::string text)
{
  if (!trim(text).empty()) {
    m_doc.blocks.push_back(Block{kind, line, std::move(text)});
  }
}


void RstParser::add_paragraph(std::string_view raw, int line, std::optional<size_t> item)
{
  std::string text = rst_inline(raw, line, m_doc);
  if (item) {
    append_separated(m_doc.list_items[*item].text, text, "\n");
    m_doc.blocks.push_back(Block{BlockKind::list_item, line, std::move(text)});
    return;
  }
  add_block(BlockKind::paragraph, line, text);
  m_doc.paragraphs.push_back(Paragraph{std::move(text), line});
}


void RstParser::add_code(std::string language, std::string info, std::string content, int line)
{
  add_block(BlockKind::code, line, content);
  m_doc.code_blocks.push_back(CodeBlock{std::move(language), std::move(info), std::move(content), line, true});
}


int RstParser::heading_level(char adornment, bool overline)
{
  const auto style = std::make_pair(adornment, overline);
  auto found = std::find(m_styles.begin(), m_styles.end(), style);
  if (found == m_styles.end()) {
    m_styles.push_back(style);
    found = m_styles.end() - 1;
  }
  return std::min(6, static_cast<int>(found - m_styles.begin()) + 1);
}


void RstParser::add_heading(std::string_view title, int line, char adornment, bool overline)
{
  Section section;
  section.heading = rst_inline(title, line, m_doc);
  section.level = heading_level(adornment, overline);
  section.line = line;
  add_block(BlockKind::heading, line, section.heading);
  m_doc.sections.push_back(std::move(section));
}


// A section title at line i (only at the top level); returns the lines it takes, or 0.
size_t RstParser::try_heading(size_t i, size_t end)
{
  const std::string_view line = m_lines[i];
  if (is_adornment(line) && i + 2 < end && !blank(i + 1) && is_adornment(m_lines[i + 2]) &&
      m_lines[i + 2][0] == line[0] && !is_adornment(content(i + 1))) {
    add_heading(content(i + 1), line_number(i + 1), line[0], true);
    return 3;
  }
  if (indent(i) == 0 && !is_adornment(line) && i + 1 < end && is_adornment(m_lines[i + 1])) {
    const size_t underline = trim(m_lines[i + 1]).size();
    if (underline >= 4 || underline >= code_points(trim(line))) {
      add_heading(trim(line), line_number(i), m_lines[i + 1][0], false);
      return 2;
    }
  }
  return 0;
}


// A list item at line i; returns the end of its body.
size_t RstParser::list_item(size_t i, size_t end, size_t marker, bool ordered, int depth, int list_depth)
{
  const size_t item_end = body_end(i + 1, end, indent(i));
  ListItem item;
  item.line = line_number(i);
  item.depth = list_depth + 1;
  item.ordered = ordered;
  const size_t index = m_doc.list_items.size();
  m_doc.list_items.push_back(std::move(item));
  // The first paragraph: the marker line and the lines below it up to a blank line or a
  // nested list.
  std::string text(trim(content(i).substr(marker)));
  size_t k = i + 1;
  for (; k < item_end && !blank(k); ++k) {
    bool nested_ordered = false;
    if (list_marker_length(content(k), nested_ordered) > 0) {
      break;
    }
    append_separated(text, content(k), "\n");
  }
  add_paragraph(text, line_number(i), index);
  if (k < item_end) {
    parse(k, item_end, depth + 1, list_depth + 1, index);
  }
  return item_end;
}


// A table at line i when one starts there; returns its end, or i.
size_t RstParser::try_table(size_t i, size_t end)
{
  const std::string_view first = content(i);
  if (starts_with(first, "+-") || starts_with(first, "+=")) {
    if (first.find_first_not_of("+-=") != std::string_view::npos) {
      return i;
    }
    size_t k = i;
    while (k < end && !blank(k) && (content(k).front() == '+' || content(k).front() == '|')) {
      ++k;
    }
    std::vector<std::string_view> lines(m_lines.begin() + static_cast<long>(i), m_lines.begin() + static_cast<long>(k));
    m_doc.tables.push_back(parse_grid_table(lines, line_number(i), m_doc));
    return k;
  }
  const bool border = !first.empty() && first[0] == '=' && first.find(' ') != std::string_view::npos &&
                      first.find_first_not_of("= ") == std::string_view::npos;
  if (!border) {
    return i;
  }
  if (i < m_no_simple_table_before) {
    return i;
  }
  // The table ends at a border followed by a blank line or the end.
  for (size_t k = i + 1; k < end; ++k) {
    const std::string_view line = content(k);
    if (!line.empty() && line[0] == '=' && line.find_first_not_of("= ") == std::string_view::npos &&
        (k + 1 >= end || blank(k + 1))) {
      std::vector<std::string_view> lines(m_lines.begin() + static_cast<long>(i),
                                          m_lines.begin() + static_cast<long>(k + 1));
      m_doc.tables.push_back(parse_simple_table(lines, line_number(i), m_doc));
      return k + 1;
    }
    if (blank(k) && k + 1 < end && blank(k + 1)) {
      m_no_simple_table_before = k;
      return i;
    }
  }
  m_no_simple_table_before = end; // no later border in [i, end) can close a table either
  return i;
}


void RstParser::parse(size_t begin, size_t end, int depth, int list_depth, std::optional<size_t> item)
{
  size_t base = std::string_view::npos;
  for (size_t i = begin; i < end; ++i) {
    if (!blank(i)) {
      base = std::min(base, indent(i));
    }
  }
  size_t i = begin;
  while (i < end) {
    if (blank(i)) {
      ++i;
      continue;
    }
    const int line = line_number(i);
    const std::string_view text = content(i);
    if (depth > k_max_depth) {
      size_t k = i;
      std::string paragraph;
      for (; k < end && !blank(k); ++k) {
        append_separated(paragraph, content(k), "\n");
      }
      add_paragraph(paragraph, line, item);
      i = k;
      continue;
    }
    if (indent(i) > base) { // a block quote
      const size_t quote_end = body_end(i, end, base);
      parse(i, quote_end, depth + 1, list_depth, item);
      i = quote_end;
      continue;
    }
    if (text == ".." || starts_with(text, ".. ")) {
      const size_t markup_end = body_end(i + 1, end, indent(i));
      explicit_markup(i, i + 1, markup_end, depth, list_depth);
      i = markup_end;
      continue;
    }
    if (const size_t table_end = try_table(i, end); table_end > i) {
      i = table_end;
      continue;
    }
    if (depth == 0 && base == 0) {
      if (const size_t taken = try_heading(i, end); taken > 0) {
        i += taken;
        continue;
      }
      if (is_adornment(text) && text.size() >= 4) { // a transition
        ++i;
        continue;
      }
    }
    bool ordered = false;
    if (const size_t marker = list_marker_length(text, ordered); marker > 0) {
      i = list_item(i, end, marker, ordered, depth, list_depth);
      continue;
    }
    i = paragraph(i, end, base, item);
  }
}


size_t RstParser::paragraph(size_t i, size_t end, size_t base, std::optional<size_t> item)
{
  const int line = line_number(i);
  std::string text;
  size_t k = i;
  for (; k < end && !blank(k) && indent(k) == base; ++k) {
    std::string_view piece = content(k);
    if (piece.front() == '|' && (piece.size() == 1 || piece[1] == ' ')) {
      piece = trim(piece.substr(1)); // a line block
    }
    append_separated(text, piece, "\n");
  }
  if (starts_with(text, ">>>")) { // a doctest block
    add_code("pycon", "", text, line);
    return k;
  }
  const bool literal_follows = text.size() >= 2 && text.substr(text.size() - 2) == "::";
  if (literal_follows) {
    text.resize(text.size() - 2);
    if (!text.empty() && text.back() != ' ' && text.back() != '\n') {
      text += ':';
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) {
      text.pop_back();
    }
  }
  if (!text.empty()) {
    add_paragraph(text, line, item);
  }
  if (literal_follows) {
    size_t start = k;
    while (start < end && blank(start)) {
      ++start;
    }
    if (start < end && indent(start) > base) {
      const size_t literal_end = body_end(start, end, base);
      add_code("", "", joined(dedented(start, literal_end)), line_number(start));
      return literal_end;
    }
  }
  return k;
}


void parse_rst(std::string_view text, Document& document)
{
  RstParser parser(text, document);
  parser.run();
}

} // namespace mlfolio::lint::analyze::detail
