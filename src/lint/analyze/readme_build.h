#pragma once

// Internal to the README analyzer: the format-specific parsers fill a Document's raw lists
// (blocks, headings as sections without text, paragraphs, ...) and finish_document derives
// the rest (section extents and text, ranges, title).

#include "lint/analyze/readme.h"

#include <string>
#include <string_view>

namespace mlfolio::lint::analyze::detail {

void parse_markdown(std::string_view text, Document& document);
void parse_rst(std::string_view text, Document& document);
void parse_plain(std::string_view text, Document& document);
void finish_document(Document& document);

// Raw HTML (a block or an inline tag) starting on `line`: records comments, <img> and <a href>
// into the document; with `headings`, <h1>..<h6> become sections. Returns the visible text.
std::string scan_html(std::string_view html, int line, bool inline_html, bool headings, Document& document);

// Visible text of HTML: tags and comments removed, common entities decoded.
std::string strip_html(std::string_view html);

// Appends `piece` to `text`, separated by `separator` when both are non-empty.
void append_separated(std::string& text, std::string_view piece, std::string_view separator);

} // namespace mlfolio::lint::analyze::detail
