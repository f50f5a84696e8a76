#include "lint/analyze/readme_build.h"
#include "lint/analyze/readme_rst.h"
#include "lint/analyze/readme_rst_parser.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace mlfolio::lint::analyze::detail {

namespace {

using rst::starts_with;
using rst::trim;

// ".. name:: argument" -> {name, argument}; empty name when not a directive.
std::pair<std::string, std::string_view> directive_of(std::string_view rest)
{
  const size_t colons = rest.find("::");
  if (colons == std::string_view::npos || colons == 0) {
    return {};
  }
  const std::string_view name = rest.substr(0, colons);
  for (const char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '-' && c != '_' && c != ':' && c != '.' &&
        c != '+') {
      return {};
    }
  }
  std::string lowered(name);
  for (char& c : lowered) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return {lowered, trim(rest.substr(colons + 2))};
}

bool any_of(std::string_view name, std::initializer_list<std::string_view> names)
{
  return std::find(names.begin(), names.end(), name) != names.end();
}

} // namespace

// Directive options ":name: value" directly below the directive line.
RstParser::Options RstParser::options_of(size_t begin, size_t end) const
{
  Options options;
  size_t i = begin;
  for (; i < end && !blank(i); ++i) {
    const std::string_view option = content(i);
    if (option.size() < 2 || option[0] != ':') {
      break;
    }
    const size_t close = option.find(':', 1);
    if (close == std::string_view::npos) {
      break;
    }
    options.values.emplace_back(std::string(option.substr(1, close - 1)), std::string(trim(option.substr(close + 1))));
  }
  options.content_begin = i;
  return options;
}


void RstParser::explicit_markup(size_t i, size_t body_begin, size_t end, int depth, int list_depth)
{
  const std::string_view rest = trim(content(i).substr(2));
  const int line = line_number(i);
  if (starts_with(rest, "_") && rest.find(':') != std::string_view::npos) { // .. _name: url
    const size_t colon = rest.find(": ");
    const std::string_view name = trim(rest.substr(1, colon == std::string_view::npos ? rest.size() - 2 : colon - 1));
    std::string url(colon == std::string_view::npos ? std::string_view() : trim(rest.substr(colon + 1)));
    for (size_t k = body_begin; k < end; ++k) {
      url += content(k);
    }
    if (!url.empty()) {
      m_doc.links.push_back(Link{std::move(url), std::string(name), line, false});
    }
    return;
  }
  std::string_view directive_text = rest;
  if (starts_with(rest, "|")) { // .. |name| image:: url
    const size_t close = rest.find('|', 1);
    directive_text = close == std::string_view::npos ? std::string_view() : trim(rest.substr(close + 1));
  }
  const auto [name, argument] = directive_of(directive_text);
  if (name.empty()) {
    if (starts_with(rest, "[")) { // footnote or citation
      add_paragraph(joined(dedented(i, end)).substr(2), line, std::nullopt);
      return;
    }
    std::string comment(rest);
    append_separated(comment, joined(dedented(body_begin, end)), "\n");
    m_doc.html.push_back(Html{std::move(comment), line, true, false});
    return;
  }
  const Options options = options_of(body_begin, end);
  const std::vector<std::string_view> body = dedented(options.content_begin, end);
  if (name == "image" || name == "figure") {
    m_doc.images.push_back(Image{std::string(argument), options.value("alt"), line, options.value("target"), false});
    if (!options.value("target").empty()) {
      m_doc.links.push_back(Link{options.value("target"), options.value("alt"), line, false});
    }
    if (name == "figure") {
      parse(options.content_begin, end, depth + 1, list_depth, std::nullopt);
    }
  } else if (any_of(name, {"code", "code-block", "sourcecode", "ipython", "jupyter-execute", "testcode"})) {
    const std::string_view language = argument.substr(0, argument.find(' '));
    add_code(std::string(language), std::string(argument), joined(body), line);
  } else if (any_of(name, {"mermaid", "graphviz", "digraph", "graph", "uml", "plantuml"})) {
    add_code(name, std::string(argument), joined(body), line);
  } else if (name == "raw") {
    const std::string html = joined(body);
    if (argument.find("html") != std::string_view::npos) {
      add_block(BlockKind::html, line, scan_html(html, line_number(first_text_line(options.content_begin, end)), false, false, m_doc));
    } else {
      m_doc.html.push_back(Html{html, line, false, false});
    }
  } else if (name == "list-table") {
    const size_t header_rows = static_cast<size_t>(std::atoi(options.value("header-rows").c_str()));
    m_doc.tables.push_back(parse_list_table(body, line, header_rows, m_doc));
  } else if (name == "csv-table") {
    const size_t header_rows = static_cast<size_t>(std::atoi(options.value("header-rows").c_str()));
    m_doc.tables.push_back(parse_csv_table(body, line, options.value("header"), header_rows, m_doc));
  } else if (!any_of(name, {"toctree", "contents", "include", "literalinclude", "highlight", "automodule",
                           "autoclass", "autofunction", "meta", "sectnum", "role", "default-role"})) {
    parse(options.content_begin, end, depth + 1, list_depth, std::nullopt); // admonitions and the like
  }
}


} // namespace mlfolio::lint::analyze::detail
