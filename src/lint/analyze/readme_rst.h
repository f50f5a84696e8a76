#pragma once

// Internal to the reStructuredText reader: inline markup and the table forms.

#include "lint/analyze/readme.h"

#include <span>
#include <string>
#include <string_view>

namespace mlfolio::lint::analyze::detail {

// Plain text of inline markup starting on `line` (roles, literals, emphasis, substitution
// references and reference suffixes removed); hyperlinks and bare URLs in it are added to the
// document's links.
std::string rst_inline(std::string_view text, int line, Document& document);

// Tables from the lines of a grid table, a simple table, or the content of a list-table or
// csv-table directive (dedented). `line` is the line of lines[0]; `header_rows` is the
// directive's :header-rows: option.
Table parse_grid_table(std::span<const std::string_view> lines, int line, Document& document);
Table parse_simple_table(std::span<const std::string_view> lines, int line, Document& document);
Table parse_list_table(std::span<const std::string_view> lines, int line, size_t header_rows, Document& document);
Table parse_csv_table(std::span<const std::string_view> lines, int line, std::string_view header_option,
                      size_t header_rows, Document& document);

} // namespace mlfolio::lint::analyze::detail
