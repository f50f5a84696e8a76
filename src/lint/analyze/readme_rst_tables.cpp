#include "lint/analyze/readme_build.h"
#include "lint/analyze/readme_rst.h"

#include <algorithm>
#include <string>

namespace mlfolio::lint::analyze::detail {

namespace {

std::string_view trim(std::string_view s)
{
  const size_t first = s.find_first_not_of(" \t\n");
  if (first == std::string_view::npos) {
    return {};
  }
  return s.substr(first, s.find_last_not_of(" \t\n") - first + 1);
}

std::vector<std::string> split_cells(std::string_view line, char separator)
{
  std::vector<std::string> cells;
  size_t start = 0;
  while (true) {
    const size_t end = line.find(separator, start);
    cells.emplace_back(trim(line.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start)));
    if (end == std::string_view::npos) {
      return cells;
    }
    start = end + 1;
  }
}

void add_table_block(const Table& table, Document& document)
{
  std::string text;
  const auto add_row = [&](const std::vector<std::string>& row) {
    std::string joined;
    for (const auto& cell : row) {
      append_separated(joined, cell, " | ");
    }
    append_separated(text, joined, "\n");
  };
  add_row(table.header);
  for (const auto& row : table.rows) {
    add_row(row);
  }
  if (!text.empty()) {
    document.blocks.push_back(Block{BlockKind::table, table.line, std::move(text)});
  }
}

void finish_rows(Table& table, std::vector<std::vector<std::string>>& rows, size_t header_rows, Document& document)
{
  for (auto& row : rows) {
    for (auto& cell : row) {
      cell = rst_inline(cell, table.line, document);
    }
  }
  for (size_t r = 0; r < rows.size(); ++r) {
    if (r < header_rows && r == 0) {
      table.header = std::move(rows[r]);
    } else if (r >= header_rows) {
      table.rows.push_back(std::move(rows[r]));
    }
  }
  add_table_block(table, document);
}

bool is_simple_border(std::string_view line)
{
  line = trim(line);
  return !line.empty() && line.front() == '=' && line.find_first_not_of("= ") == std::string_view::npos;
}

} // namespace

Table parse_grid_table(std::span<const std::string_view> lines, int line, Document& document)
{
  Table table;
  table.line = line;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> current;
  size_t header_rows = 0;
  const auto end_row = [&] {
    bool any = false;
    for (const auto& cell : current) {
      any = any || !cell.empty();
    }
    if (any) {
      rows.push_back(std::move(current));
    }
    current.clear();
  };
  for (const auto raw : lines) {
    const std::string_view row_line = trim(raw);
    if (row_line.empty()) {
      continue;
    }
    if (row_line.front() == '+') {
      end_row();
      if (row_line.find('=') != std::string_view::npos && header_rows == 0) {
        header_rows = rows.size();
      }
      continue;
    }
    std::vector<std::string> cells = split_cells(row_line, '|');
    if (cells.size() >= 2) {
      cells.erase(cells.begin()); // before the first '|'
      cells.pop_back();           // after the last '|'
    }
    if (current.size() < cells.size()) {
      current.resize(cells.size());
    }
    for (size_t k = 0; k < cells.size(); ++k) {
      append_separated(current[k], cells[k], " ");
    }
  }
  end_row();
  finish_rows(table, rows, header_rows, document);
  return table;
}

Table parse_simple_table(std::span<const std::string_view> lines, int line, Document& document)
{
  Table table;
  table.line = line;
  if (lines.empty()) {
    return table;
  }
  // Column starts and ends from the runs of '=' in the top border.
  std::vector<std::pair<size_t, size_t>> columns;
  const std::string_view top = lines[0];
  for (size_t k = 0; k < top.size();) {
    if (top[k] == '=') {
      const size_t start = k;
      while (k < top.size() && top[k] == '=') {
        ++k;
      }
      columns.emplace_back(start, k);
    } else {
      ++k;
    }
  }
  std::vector<std::vector<std::string>> rows;
  size_t borders = 0;
  size_t header_rows = 0;
  for (size_t r = 1; r < lines.size(); ++r) {
    const std::string_view row_line = lines[r];
    if (is_simple_border(row_line)) {
      ++borders;
      if (borders == 1 && r + 1 < lines.size()) {
        header_rows = rows.size();
      }
      continue;
    }
    if (trim(row_line).empty() || trim(row_line).find_first_not_of("- ") == std::string_view::npos) {
      continue;
    }
    std::vector<std::string> cells;
    for (size_t k = 0; k < columns.size(); ++k) {
      const size_t start = columns[k].first;
      const size_t stop = k + 1 < columns.size() ? columns[k + 1].first : std::string_view::npos;
      cells.emplace_back(start < row_line.size() ? trim(row_line.substr(start, stop - start)) : std::string_view());
    }
    if (!rows.empty() && !cells.empty() && cells[0].empty()) {
      for (size_t k = 0; k < cells.size() && k < rows.back().size(); ++k) { // a continuation line
        append_separated(rows.back()[k], cells[k], " ");
      }
      continue;
    }
    rows.push_back(std::move(cells));
  }
  if (borders < 2) {
    header_rows = 0;
  }
  finish_rows(table, rows, header_rows, document);
  return table;
}

Table parse_list_table(std::span<const std::string_view> lines, int line, size_t header_rows, Document& document)
{
  Table table;
  table.line = line;
  std::vector<std::vector<std::string>> rows;
  size_t row_indent = std::string_view::npos;
  for (const auto raw : lines) {
    const size_t indent = raw.find_first_not_of(' ');
    if (indent == std::string_view::npos) {
      continue;
    }
    std::string_view rest = trim(raw);
    const bool bullet = rest.size() >= 1 && (rest[0] == '*' || rest[0] == '-') && (rest.size() == 1 || rest[1] == ' ');
    if (row_indent == std::string_view::npos && bullet) {
      row_indent = indent;
    }
    if (bullet && indent == row_indent) {
      rows.emplace_back();
      rest = trim(rest.substr(1));
      if (rest.empty()) {
        continue;
      }
      if ((rest[0] == '-' || rest[0] == '*') && (rest.size() == 1 || rest[1] == ' ')) {
        rows.back().emplace_back(trim(rest.substr(1)));
      }
      continue;
    }
    if (rows.empty()) {
      continue;
    }
    if (bullet) {
      rows.back().emplace_back(trim(rest.substr(1)));
    } else if (!rows.back().empty()) {
      append_separated(rows.back().back(), rest, " ");
    }
  }
  finish_rows(table, rows, header_rows, document);
  return table;
}

Table parse_csv_table(std::span<const std::string_view> lines, int line, std::string_view header_option,
                      size_t header_rows, Document& document)
{
  Table table;
  table.line = line;
  const auto parse_row = [](std::string_view row_line) {
    std::vector<std::string> cells(1);
    bool quoted = false;
    for (size_t k = 0; k < row_line.size(); ++k) {
      const char c = row_line[k];
      if (c == '"') {
        if (quoted && k + 1 < row_line.size() && row_line[k + 1] == '"') {
          cells.back() += '"';
          ++k;
        } else {
          quoted = !quoted;
        }
      } else if (c == ',' && !quoted) {
        cells.emplace_back();
      } else {
        cells.back() += c;
      }
    }
    for (auto& cell : cells) {
      cell = std::string(trim(cell));
    }
    return cells;
  };
  std::vector<std::vector<std::string>> rows;
  if (!trim(header_option).empty()) {
    rows.push_back(parse_row(header_option));
    header_rows = std::max<size_t>(header_rows, 1);
  }
  for (const auto raw : lines) {
    if (!trim(raw).empty()) {
      rows.push_back(parse_row(raw));
    }
  }
  finish_rows(table, rows, header_rows, document);
  return table;
}

} // namespace mlfolio::lint::analyze::detail
