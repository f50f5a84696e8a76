#pragma once

// Internal to the reStructuredText reader: the block parser, split over readme_rst.cpp
// (structure: sections, lists, tables, paragraphs) and readme_rst_directives.cpp (explicit
// markup: directives, comments, targets).

#include "lint/analyze/readme.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mlfolio::lint::analyze::detail {

namespace rst {

inline std::string_view trim(std::string_view s)
{
  const size_t first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) {
    return {};
  }
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

inline bool starts_with(std::string_view s, std::string_view prefix)
{
  return s.substr(0, prefix.size()) == prefix;
}

} // namespace rst

// Reads the lines of a document block by block; nested bodies (block quotes, list items,
// directive content) are parsed recursively up to a fixed depth.
class RstParser
{
public:
  RstParser(std::string_view text, Document& document);
  void run() { parse(0, m_lines.size(), 0, 0, std::nullopt); }

private:
  bool blank(size_t i) const { return m_contents[i].empty(); }
  size_t indent(size_t i) const { return m_indents[i]; }
  std::string_view content(size_t i) const { return m_contents[i]; }
  int line_number(size_t i) const { return static_cast<int>(i) + 1; }

  // First line at or after `i` that is not blank and indented at most `limit`; trailing
  // blank lines before it are left out.
  size_t body_end(size_t i, size_t end, size_t limit) const;
  // The lines [begin, end) without their common indentation.
  std::vector<std::string_view> dedented(size_t begin, size_t end) const;
  size_t first_text_line(size_t begin, size_t end) const;
  static std::string joined(const std::vector<std::string_view>& lines);
  void add_block(BlockKind kind, int line, std::string text);
  void add_paragraph(std::string_view raw, int line, std::optional<size_t> item);
  void add_code(std::string language, std::string info, std::string content, int line);
  int heading_level(char adornment, bool overline);
  void add_heading(std::string_view title, int line, char adornment, bool overline);
  // A section title at line i (only at the top level); returns the lines it takes, or 0.
  size_t try_heading(size_t i, size_t end);

  struct Options
  {
    std::vector<std::pair<std::string, std::string>> values;
    size_t content_begin = 0;
    std::string value(std::string_view name) const
    {
      for (const auto& [key, value] : values) {
        if (key == name) {
          return value;
        }
      }
      return {};
    }
  };

  // Directive options ":name: value" directly below the directive line.
  Options options_of(size_t begin, size_t end) const;
  void explicit_markup(size_t i, size_t body_begin, size_t end, int depth, int list_depth);
  // A list item at line i; returns the end of its body.
  size_t list_item(size_t i, size_t end, size_t marker, bool ordered, int depth, int list_depth);
  // A table at line i when one starts there; returns its end, or i.
  size_t try_table(size_t i, size_t end);
  void parse(size_t begin, size_t end, int depth, int list_depth, std::optional<size_t> item);
  size_t paragraph(size_t i, size_t end, size_t base, std::optional<size_t> item);

  std::vector<std::string_view> m_lines;
  std::vector<size_t> m_indents;
  std::vector<std::string_view> m_contents; // each line without surrounding whitespace
  Document& m_doc;
  std::vector<std::pair<char, bool>> m_styles;
  size_t m_no_simple_table_before = 0;
};

} // namespace mlfolio::lint::analyze::detail
