#pragma once

#include "lint/analyze/problem.h"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::lint::analyze {

enum class DocumentFormat { markdown, rst, plain };

// By extension: .md/.markdown/.mdown/.mkd -> markdown, .rst/.rest -> rst, anything else plain.
DocumentFormat document_format_for_path(std::string_view path);

// A half-open range of indices into one of Document's vectors.
struct IndexRange
{
  size_t begin = 0;
  size_t end = 0;
  bool empty() const { return begin == end; }
  size_t size() const { return end - begin; }
};

enum class BlockKind { heading, paragraph, code, table, list_item, html };

// Every block of the document in source order with its visible text (a table is one block,
// its cells joined by " | "; HTML without its tags; comments leave no block).
struct Block
{
  BlockKind kind = BlockKind::paragraph;
  int line = 0;
  std::string text;
};

struct Section
{
  std::string heading; // plain text: no markup, images left out
  int level = 1;       // 1..6 (reStructuredText: by order of first appearance of the adornment)
  int line = 0;        // of the heading
  int end_line = 0;    // last line before the next heading of the same or a higher level
  std::string text;    // plain text under the heading up to end_line, subsections included
  // What lies under the heading up to end_line, as ranges of the Document's vectors.
  IndexRange blocks, paragraphs, code_blocks, tables, links, images, html, list_items;
};

struct Paragraph
{
  std::string text;
  int line = 0;
};

struct CodeBlock
{
  std::string language; // first word of the info string ("python", "bash", "mermaid"); may be ""
  std::string info;     // the whole info string / directive argument
  std::string content;
  int line = 0;         // of the fence or directive; for an indented block its first line
  bool fenced = false;  // ``` or ~~~ fence, or a code directive
};

enum class Alignment { none, left, center, right };

struct Table
{
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<Alignment> alignments; // Markdown only; one per column
  int line = 0;
};

struct Link
{
  std::string url;
  std::string text; // includes the alt text of an image inside the link (badges)
  int line = 0;
  bool from_html = false; // an <a href> in raw HTML
};

struct Image
{
  std::string url;
  std::string alt;
  int line = 0;
  std::string link;       // url of the link around the image (badges link to CI, PyPI, ...)
  bool from_html = false; // an <img src> in raw HTML
};

// A raw HTML block or comment (Markdown), or a comment or raw directive (reStructuredText).
struct Html
{
  std::string text;
  int line = 0;
  bool comment = false; // <!-- ... --> or an rst comment; templates put TODOs in these
  bool inline_html = false;
};

struct ListItem
{
  std::string text; // the item's own text; nested items are items of their own
  int line = 0;
  int depth = 1;    // 1 for a top-level list
  bool ordered = false;
  std::optional<bool> checked; // "- [ ]" / "- [x]" task items
};

struct Document
{
  DocumentFormat format = DocumentFormat::markdown;
  std::string title; // first level-1 heading (Markdown or <h1>), else the first heading
  int line_count = 0;
  std::vector<Section> sections; // every heading, in order
  std::vector<Block> blocks;
  std::vector<Paragraph> paragraphs; // not those inside list items or table cells
  std::vector<CodeBlock> code_blocks;
  std::vector<Table> tables;
  std::vector<Link> links;
  std::vector<Image> images;
  std::vector<Html> html;
  std::vector<ListItem> list_items;
  std::vector<Problem> problems;
};

// Parses README text in any encoding (see decode_text). Never throws; a Markdown table too
// large to parse in linear time is read as text and reported in problems.
Document parse_readme(std::string_view bytes, DocumentFormat format);

// The UTF-8 code point at `i`, which moves past it (a malformed sequence gives some value and
// moves on).
uint32_t next_code_point(std::string_view s, size_t& i);
// Letters and digits of any script count as word characters; punctuation, symbols and emoji do not.
bool is_word_code_point(uint32_t cp);
// Chinese characters and Japanese kana, written without spaces between words.
bool is_cjk_code_point(uint32_t cp);

// Whether a heading names one of `keywords` (each one or more words): case-insensitive, whole
// words, a trailing "s"/"es" tolerated ("Result" matches "Results"), and emoji, numbering
// ("1.", "2.3", "IV.") and punctuation ignored. "📊 3. Results & Metrics" matches "results".
bool heading_matches(std::string_view heading, std::span<const std::string_view> keywords);
// The keywords of heading_matches split into words once, for trying them on many headings.
class HeadingKeywords
{
public:
  explicit HeadingKeywords(std::span<const std::string_view> keywords);
  bool match(std::string_view heading) const; // heading_matches(heading, keywords)

private:
  struct Wanted
  {
    std::string joined; // the keyword's words, lower-cased, joined
    size_t words = 0;
  };
  std::vector<Wanted> m_wanted;
};

// Sections whose heading matches any keyword, in document order.
std::vector<const Section*> find_sections(const Document& document, std::span<const std::string_view> keywords);

// The text before the first section heading: blocks before the first heading of level 2 or
// more, or before the second heading when the first is the title; the title itself left out.
std::string intro_text(const Document& document);

// The whole visible text, blocks separated by "\n".
std::string plain_text(const Document& document);

} // namespace mlfolio::lint::analyze
