#include "lint/analyze/readme.h"

#include "lint/analyze/line_index.h"
#include "lint/analyze/readme_build.h"
#include "lint/analyze/text_decode.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace mlfolio::lint::analyze {

uint32_t next_code_point(std::string_view s, size_t& i)
{
  const auto b = static_cast<unsigned char>(s[i]);
  const size_t length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  uint32_t cp = length == 1 ? b : length == 2 ? b & 0x1F : length == 3 ? b & 0x0F : b & 0x07;
  for (size_t k = 1; k < length && i + k < s.size(); ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  }
  i += length;
  return cp;
}

bool is_word_code_point(uint32_t cp)
{
  if (cp < 0x80) {
    return std::isalnum(static_cast<int>(cp)) != 0;
  }
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) {
    return false;
  }
  if (cp < 0x2000) {
    return true;
  }
  return (cp >= 0x3040 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF);
}

bool is_cjk_code_point(uint32_t cp)
{
  return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF);
}

namespace {

template<typename T> void sort_by_line(std::vector<T>& items)
{
  std::stable_sort(items.begin(), items.end(), [](const T& a, const T& b) { return a.line < b.line; });
}

// Items with a line in [first, last], as a range of the (sorted) vector.
template<typename T> IndexRange range_of(const std::vector<T>& items, int first, int last)
{
  const auto begin = std::lower_bound(items.begin(), items.end(), first,
                                      [](const T& item, int line) { return item.line < line; });
  const auto end =
    std::upper_bound(begin, items.end(), last, [](int line, const T& item) { return line < item.line; });
  return IndexRange{static_cast<size_t>(begin - items.begin()), static_cast<size_t>(end - items.begin())};
}

// Decodes one code point of valid UTF-8 at s[i]; advances i.
std::vector<std::string> words_of(std::string_view text)
{
  std::vector<std::string> words;
  std::string word;
  size_t i = 0;
  while (i < text.size()) {
    const size_t start = i;
    const uint32_t cp = next_code_point(text, i);
    if (is_word_code_point(cp)) {
      for (size_t k = start; k < i && k < text.size(); ++k) {
        word += static_cast<char>(std::tolower(static_cast<unsigned char>(text[k])));
      }
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) {
    words.push_back(std::move(word));
  }
  return words;
}

bool ends_with(std::string_view s, std::string_view suffix)
{
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool same_word_or_plural(std::string_view candidate, std::string_view keyword)
{
  if (candidate == keyword) {
    return true;
  }
  if (candidate.size() <= keyword.size() || candidate.substr(0, keyword.size()) != keyword) {
    if (ends_with(keyword, "y") && candidate.size() == keyword.size() + 2 &&
        candidate.substr(0, keyword.size() - 1) == keyword.substr(0, keyword.size() - 1)) {
      return ends_with(candidate, "ies");
    }
    return false;
  }
  const std::string_view rest = candidate.substr(keyword.size());
  return rest == "s" || rest == "es";
}

void parse_plain_text(std::string_view text, Document& document)
{
  const std::vector<std::string_view> lines = split_lf_lines(text);
  std::string paragraph;
  int paragraph_line = 0;
  const auto flush = [&] {
    if (!paragraph.empty()) {
      document.blocks.push_back(Block{BlockKind::paragraph, paragraph_line, paragraph});
      document.paragraphs.push_back(Paragraph{std::move(paragraph), paragraph_line});
    }
    paragraph.clear();
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    const size_t first = lines[i].find_first_not_of(" \t\f\v");
    if (first == std::string_view::npos) {
      flush();
      continue;
    }
    const size_t last = lines[i].find_last_not_of(" \t\f\v");
    if (paragraph.empty()) {
      paragraph_line = static_cast<int>(i) + 1;
    }
    detail::append_separated(paragraph, lines[i].substr(first, last - first + 1), "\n");
  }
  flush();
}

} // namespace

namespace detail {

void parse_plain(std::string_view text, Document& document)
{
  parse_plain_text(text, document);
}

void finish_document(Document& document)
{
  sort_by_line(document.sections);
  sort_by_line(document.blocks);
  sort_by_line(document.paragraphs);
  sort_by_line(document.code_blocks);
  sort_by_line(document.tables);
  sort_by_line(document.links);
  sort_by_line(document.images);
  sort_by_line(document.html);
  sort_by_line(document.list_items);

  auto& sections = document.sections;
  std::vector<size_t> open;
  for (size_t i = 0; i < sections.size(); ++i) {
    while (!open.empty() && sections[open.back()].level >= sections[i].level) {
      sections[open.back()].end_line = sections[i].line - 1;
      open.pop_back();
    }
    open.push_back(i);
  }
  for (const size_t i : open) {
    sections[i].end_line = std::max(document.line_count, sections[i].line);
  }
  for (auto& section : sections) {
    const int first = section.line + 1;
    const int last = section.end_line;
    section.blocks = range_of(document.blocks, first, last);
    section.paragraphs = range_of(document.paragraphs, first, last);
    section.code_blocks = range_of(document.code_blocks, first, last);
    section.tables = range_of(document.tables, first, last);
    section.links = range_of(document.links, first, last);
    section.images = range_of(document.images, first, last);
    section.html = range_of(document.html, first, last);
    section.list_items = range_of(document.list_items, first, last);
    section.text.clear();
    for (size_t b = section.blocks.begin; b < section.blocks.end; ++b) {
      append_separated(section.text, document.blocks[b].text, "\n");
    }
  }
  const auto h1 = std::find_if(sections.begin(), sections.end(),
                               [](const Section& s) { return s.level == 1 && !s.heading.empty(); });
  if (h1 != sections.end()) {
    document.title = h1->heading;
  } else if (!sections.empty()) {
    document.title = sections.front().heading;
  }
}

} // namespace detail

DocumentFormat document_format_for_path(std::string_view path)
{
  const size_t slash = path.find_last_of("/\\");
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const size_t dot = name.find_last_of('.');
  if (dot == std::string_view::npos) {
    return DocumentFormat::plain;
  }
  std::string extension(name.substr(dot + 1));
  for (char& c : extension) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (extension == "md" || extension == "markdown" || extension == "mdown" || extension == "mkd" ||
      extension == "mkdn") {
    return DocumentFormat::markdown;
  }
  if (extension == "rst" || extension == "rest") {
    return DocumentFormat::rst;
  }
  return DocumentFormat::plain;
}

Document parse_readme(std::string_view bytes, DocumentFormat format)
{
  Document document;
  document.format = format;
  const DecodedText decoded = decode_text(bytes);
  document.line_count = static_cast<int>(split_lf_lines(decoded.text).size());
  switch (format) {
  case DocumentFormat::markdown:
    detail::parse_markdown(decoded.text, document);
    break;
  case DocumentFormat::rst:
    detail::parse_rst(decoded.text, document);
    break;
  case DocumentFormat::plain:
    detail::parse_plain(decoded.text, document);
    break;
  }
  detail::finish_document(document);
  return document;
}

HeadingKeywords::HeadingKeywords(std::span<const std::string_view> keywords)
{
  for (const auto keyword : keywords) {
    Wanted wanted;
    for (const auto& word : words_of(keyword)) {
      wanted.joined += word;
      ++wanted.words;
    }
    if (!wanted.joined.empty()) {
      m_wanted.push_back(std::move(wanted));
    }
  }
}

bool HeadingKeywords::match(std::string_view heading) const
{
  if (m_wanted.empty()) {
    return false;
  }
  const std::vector<std::string> words = words_of(heading);
  for (const auto& wanted : m_wanted) {
    // Consecutive heading words joined, so "Set-up" and "Setup", "Data sets" and "Datasets" meet.
    for (size_t first = 0; first < words.size(); ++first) {
      std::string joined;
      for (size_t last = first; last < words.size() && last < first + wanted.words + 2; ++last) {
        joined += words[last];
        if (joined.size() > wanted.joined.size() + 3) {
          break;
        }
        if (same_word_or_plural(joined, wanted.joined)) {
          return true;
        }
      }
    }
  }
  return false;
}

bool heading_matches(std::string_view heading, std::span<const std::string_view> keywords)
{
  return HeadingKeywords(keywords).match(heading);
}

std::vector<const Section*> find_sections(const Document& document, std::span<const std::string_view> keywords)
{
  const HeadingKeywords wanted(keywords);
  std::vector<const Section*> found;
  for (const auto& section : document.sections) {
    if (wanted.match(section.heading)) {
      found.push_back(&section);
    }
  }
  return found;
}

std::string intro_text(const Document& document)
{
  const auto& sections = document.sections;
  int end_line = document.line_count + 1;
  int title_line = 0;
  if (!sections.empty()) {
    const bool first_is_title = sections.front().heading == document.title;
    if (first_is_title) {
      title_line = sections.front().line;
      if (sections.size() > 1) {
        end_line = sections[1].line;
      }
    } else {
      end_line = sections.front().line;
    }
  }
  std::string text;
  for (const auto& block : document.blocks) {
    if (block.line >= end_line) {
      break;
    }
    if (block.kind == BlockKind::heading && block.line == title_line) {
      continue;
    }
    detail::append_separated(text, block.text, "\n");
  }
  return text;
}

std::string plain_text(const Document& document)
{
  std::string text;
  for (const auto& block : document.blocks) {
    detail::append_separated(text, block.text, "\n");
  }
  return text;
}

} // namespace mlfolio::lint::analyze
