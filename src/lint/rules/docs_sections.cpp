#include "lint/rules/docs_sections.h"

#include "core/text.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <optional>

namespace mlfolio::lint::docs {

namespace {

bool is_alnum_byte(char c)
{
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

// The upper-case markers count anywhere; a lower-case "todo" only where it opens a note
// ("todo: ...", "Todo(jane)"), since "todo" is also an ordinary word.
constexpr std::string_view k_upper_markers[] = {"TODO", "FIXME", "TBD"};
constexpr std::string_view k_opening_markers[] = {"todo", "fixme", "tbd"};

bool marker_at(std::string_view text, size_t pos, std::string_view marker)
{
  if (text.substr(pos, marker.size()) != marker) {
    return false;
  }
  const bool starts =
      pos == 0 || (!is_alnum_byte(text[pos - 1]) && text[pos - 1] != '-' && text[pos - 1] != '_');
  const size_t after = pos + marker.size();
  const bool ends =
      after == text.size() || (!is_alnum_byte(text[after]) && text[after] != '-' && text[after] != '_');
  if (starts && ends) {
    return true;
  }
  // Markdown's emphasis, "_TBD_" or "__TBD__", unlike a name's part, "TODO_LIST".
  const auto word_edge = [&](size_t at) { return at >= text.size() || !is_alnum_byte(text[at]); };
  return pos >= 1 && after < text.size() && text[pos - 1] == '_' && text[after] == '_' &&
         (pos == 1 || word_edge(pos - 2)) && word_edge(after + 1);
}

// The words next to text[pos, pos + size), past spaces and the quotes and backticks of code.
std::string_view word_before(std::string_view text, size_t pos)
{
  size_t end = pos;
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '`' || text[end - 1] == '"')) {
    --end;
  }
  size_t start = end;
  while (start > 0 && is_alnum_byte(text[start - 1])) {
    --start;
  }
  return text.substr(start, end - start);
}

std::string_view word_after(std::string_view text, size_t end)
{
  while (end < text.size() && (text[end] == ' ' || text[end] == '`' || text[end] == '"')) {
    ++end;
  }
  size_t stop = end;
  while (stop < text.size() && is_alnum_byte(text[stop])) {
    ++stop;
  }
  return text.substr(end, stop - end);
}

// A marker the sentence talks about rather than leaves: one after a determiner ("tracked by a
// <marker> in `cli.py`") or before a noun ("the <marker> comments", "a <marker> app").
bool marker_named(std::string_view text, size_t pos, size_t size)
{
  constexpr std::string_view k_determiners[] = {"a", "an", "the", "any", "no", "each", "every", "this", "that"};
  constexpr std::string_view k_nouns[] = {"list",    "lists",  "comment", "comments", "item", "items",
                                          "marker",  "markers", "app",    "apps",     "application", "tag", "tags"};
  const std::string_view before = word_before(text, pos);
  const std::string_view after = word_after(text, pos + size);
  const auto is_one = [](std::string_view word, std::span<const std::string_view> words) {
    return std::any_of(words.begin(), words.end(), [&](std::string_view one) { return text::iequals(word, one); });
  };
  return is_one(before, k_determiners) || is_one(after, k_nouns);
}

} // namespace

std::optional<Readme> readme_of(const RuleContext& context)
{
  const FileEntry* file = context.analysis().readme();
  const analyze::Document* document = context.analysis().readme_document();
  if (file == nullptr || document == nullptr) {
    return std::nullopt;
  }
  return Readme{file->path, document};
}

Finding skip_without_readme()
{
  return skip("no readable README at the project root (docs/readme reports it)");
}

std::string at(std::string_view path, int line)
{
  return line > 0 ? std::string(path) + ":" + std::to_string(line) : std::string(path);
}

size_t count_words(std::string_view text)
{
  // A word is a run without white space that holds a letter or digit of any script: "•" and
  // "→" between links, or an emoji, are not words. Chinese and Japanese put no space between
  // words; two of their characters count as one word.
  size_t words = 0;
  size_t cjk = 0;
  bool in_word = false;
  bool has_alnum = false;
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      words += in_word && has_alnum ? 1 : 0;
      in_word = has_alnum = false;
      ++i;
      continue;
    }
    const uint32_t cp = analyze::next_code_point(text, i);
    if (analyze::is_cjk_code_point(cp)) {
      ++cjk;
    } else {
      in_word = true;
      has_alnum = has_alnum || analyze::is_word_code_point(cp);
    }
  }
  return words + (in_word && has_alnum ? 1 : 0) + cjk / 2;
}

bool has_word(std::string_view text, std::string_view word)
{
  if (word.empty()) {
    return false;
  }
  // Only where a word starts, and the first byte first: most positions are tried with two loads.
  const char first = text::ascii_lower(word.front());
  for (size_t pos = 0; pos + word.size() <= text.size(); ++pos) {
    if ((pos > 0 && is_alnum_byte(text[pos - 1])) || text::ascii_lower(text[pos]) != first ||
        !text::iequals(text.substr(pos, word.size()), word)) {
      continue;
    }
    const size_t after = pos + word.size();
    if (after == text.size() || !is_alnum_byte(text[after])) {
      return true;
    }
  }
  return false;
}

std::string the(std::string_view heading)
{
  return text::istarts_with(heading, "the ") ? std::string(heading) : "the " + std::string(heading);
}

bool has_any_word(std::string_view text, std::span<const std::string_view> words)
{
  for (const auto word : words) {
    if (has_word(text, word)) {
      return true;
    }
  }
  return false;
}

std::string section_prose(const analyze::Document& document, const analyze::Section& section, bool own_only)
{
  std::string prose;
  for (size_t b = section.blocks.begin; b < section.blocks.end; ++b) {
    const analyze::Block& block = document.blocks[b];
    if (block.kind == analyze::BlockKind::heading) {
      if (own_only) {
        break;
      }
      continue;
    }
    if (block.kind == analyze::BlockKind::paragraph || block.kind == analyze::BlockKind::list_item ||
        block.kind == analyze::BlockKind::html) {
      if (!prose.empty()) {
        prose += '\n';
      }
      prose += block.text;
    }
  }
  return prose;
}

namespace {

// "**Limitations**", "**Limitations:**", "**Limitations**:", "__Known issues__" alone on a line.
bool is_bold_line(std::string_view line)
{
  line = text::trim(line);
  for (const std::string_view mark : {"**", "__"}) {
    std::string_view inner = line;
    if (!inner.starts_with(mark)) {
      continue;
    }
    inner.remove_prefix(mark.size());
    if (inner.ends_with(':')) {
      inner.remove_suffix(1);
    }
    if (!inner.ends_with(mark)) {
      continue;
    }
    inner.remove_suffix(mark.size());
    // A heading is short: a bold tagline of twenty words is no heading.
    const size_t words = count_words(inner);
    if (inner.find(mark) == std::string_view::npos && words > 0 && words <= 8) {
      return true;
    }
  }
  return false;
}

} // namespace

std::vector<BoldHeading> bold_headings(const analyze::Document& document, std::string_view source)
{
  if (document.format != analyze::DocumentFormat::markdown) {
    return {};
  }
  const auto lines = text::split(source, '\n');
  const auto bold_at = [&](const analyze::Block& block) {
    return block.kind == analyze::BlockKind::paragraph && block.line >= 1 &&
           static_cast<size_t>(block.line) <= lines.size() &&
           is_bold_line(lines[static_cast<size_t>(block.line) - 1]);
  };
  std::vector<BoldHeading> found;
  BoldHeading* open = nullptr;
  for (const analyze::Block& block : document.blocks) {
    if (block.kind == analyze::BlockKind::heading) {
      open = nullptr;
      continue;
    }
    if (bold_at(block)) {
      const size_t newline = block.text.find('\n');
      std::string_view heading = text::trim(std::string_view(block.text).substr(0, newline));
      if (heading.ends_with(':')) {
        heading.remove_suffix(1);
      }
      found.push_back({std::string(heading), block.line,
                       newline == std::string::npos ? std::string() : block.text.substr(newline + 1)});
      open = &found.back();
      continue;
    }
    if (open != nullptr && (block.kind == analyze::BlockKind::paragraph || block.kind == analyze::BlockKind::list_item ||
                            block.kind == analyze::BlockKind::html)) {
      open->text += (open->text.empty() ? "" : "\n") + block.text;
    }
  }
  return found;
}

namespace {

// "[Features](#features) • [Install](#install) • [Usage](#usage)": a bar of links to the README's
// own sections, which says nothing about the project.
bool is_navigation_bar(const analyze::Document& document, const analyze::Block& block)
{
  const int last = block.line + static_cast<int>(std::count(block.text.begin(), block.text.end(), '\n'));
  size_t links = 0;
  size_t link_words = 0;
  for (const auto& link : document.links) {
    if (link.line < block.line || link.line > last) {
      continue;
    }
    if (!link.url.starts_with('#')) {
      return false;
    }
    ++links;
    link_words += count_words(link.text);
  }
  return links >= 2 && count_words(block.text) <= link_words;
}

} // namespace

namespace {

// The index of the title's section: the first one, or the first level-1 heading when at most two
// short sections come before it ("### Deployment Info" with a status badge, then "# Turbofan RUL").
std::optional<size_t> title_index(const analyze::Document& document)
{
  const auto& sections = document.sections;
  for (size_t i = 0; i < sections.size() && i <= 2; ++i) {
    if (sections[i].level == 1) {
      return sections[i].heading == document.title ? std::optional<size_t>(i) : std::nullopt;
    }
  }
  return std::nullopt;
}

} // namespace

std::string opening_prose(const analyze::Document& document)
{
  const auto& sections = document.sections;
  // The prose of the lines [begin, end) and of those before `before`.
  const auto prose_of = [&](int begin, int end, int before) {
    std::string prose;
    for (const auto& block : document.blocks) {
      if (block.line >= end) {
        break;
      }
      if ((block.line < before || block.line >= begin) &&
          (block.kind == analyze::BlockKind::paragraph || block.kind == analyze::BlockKind::list_item ||
           block.kind == analyze::BlockKind::html) &&
          !is_navigation_bar(document, block)) {
        prose += prose.empty() ? "" : "\n";
        prose += block.text;
      }
    }
    return prose;
  };
  // The lines [begin, end) under the title, and before any heading when the title is not first.
  int begin = 0;
  int end = document.line_count + 1;
  int before = 0;
  const auto title = sections.empty() ? std::nullopt : title_index(document);
  if (title) {
    begin = sections[*title].line + 1;
    end = *title + 1 < sections.size() ? sections[*title + 1].line : end;
    before = *title > 0 ? sections.front().line : 0;
  } else if (!sections.empty()) {
    end = sections.front().line;
  }
  std::string prose = prose_of(begin, end, before);
  // A tagline set as a heading right under the title ("# Chest CT classification" then "### An
  // end-to-end deep learning system with Docker"): the opening is the prose below it. Four words
  // or more tell it from a section's name ("## Table of Contents").
  if (title && prose.empty() && *title + 1 < sections.size()) {
    const analyze::Section& tagline = sections[*title + 1];
    if (tagline.level > sections[*title].level && count_words(tagline.heading) >= 4) {
      const int below = *title + 2 < sections.size() ? sections[*title + 2].line : document.line_count + 1;
      prose = prose_of(tagline.line + 1, below, before);
    }
  }
  return prose;
}

bool is_title_section(const analyze::Document& document, const analyze::Section& section)
{
  const auto title = title_index(document);
  return title && &section == &document.sections[*title];
}

std::vector<const analyze::Section*> sections_named(const analyze::Document& document,
                                                    std::span<const std::string_view> keywords,
                                                    std::span<const std::string_view> unless)
{
  const analyze::HeadingKeywords wanted(keywords);
  const analyze::HeadingKeywords unwanted(unless);
  std::vector<const analyze::Section*> found;
  for (const auto& section : document.sections) {
    if (!is_title_section(document, section) && wanted.match(section.heading) &&
        (unless.empty() || !unwanted.match(section.heading))) {
      found.push_back(&section);
    }
  }
  return found;
}

bool has_todo_marker(std::string_view text)
{
  for (const auto marker : k_upper_markers) {
    for (size_t pos = text.find(marker); pos != std::string_view::npos; pos = text.find(marker, pos + 1)) {
      if (marker_at(text, pos, marker) && !marker_named(text, pos, marker.size())) {
        return true;
      }
    }
  }
  // A note opening with the marker: "todo: ...", "Todo(jane) ...", "fixme".
  const size_t first = text.find_first_not_of(" \t\n-*>#.:!/[");
  if (first == std::string_view::npos) {
    return false;
  }
  const std::string_view rest = text.substr(first);
  for (const auto marker : k_opening_markers) {
    if (rest.size() >= marker.size() && text::iequals(rest.substr(0, marker.size()), marker)) {
      const std::string_view after = text::trim(rest.substr(marker.size()));
      if (after.empty() || after.front() == ':' || after.front() == '(' || after.front() == ']') {
        return true;
      }
    }
  }
  return false;
}

const analyze::Html* placeholder_comment(const analyze::Document& document, const analyze::Section& section)
{
  for (size_t h = section.html.begin; h < section.html.end; ++h) {
    if (document.html[h].comment && has_todo_marker(document.html[h].text)) {
      return &document.html[h];
    }
  }
  return nullptr;
}

bool is_badge(const analyze::Image& image)
{
  return text::icontains(image.url, "shields.io") || text::icontains(image.url, "badge") ||
         text::icontains(image.url, "/workflows/") || text::icontains(image.url, "codecov.io");
}

bool is_diagram_language(std::string_view language)
{
  constexpr std::string_view k_languages[] = {"mermaid", "plantuml", "puml", "uml",   "graphviz", "dot",
                                              "digraph", "graph",    "d2",   "ditaa", "svgbob",   "nomnoml"};
  return std::find(std::begin(k_languages), std::end(k_languages), language) != std::end(k_languages);
}

bool is_tree_line(std::string_view line)
{
  line = text::trim(line);
  return line.find("\u251C") != std::string_view::npos || line.find("\u2514") != std::string_view::npos ||
         line.find("\u2502") != std::string_view::npos || line.starts_with("|--") || line.starts_with("+--") ||
         line.starts_with("`--") || line.starts_with("| |") || line.starts_with("|   ");
}

std::string shown_command(std::string_view line)
{
  line = text::trim(line);
  // "make train   # comment"; a " #" inside quotes is rare in README commands.
  if (const size_t hash = line.find(" #"); hash != std::string_view::npos) {
    line = text::trim(line.substr(0, hash));
  }
  return clip(line, 60);
}

std::string clip(std::string_view text, size_t max_chars)
{
  std::string flat;
  bool space = false;
  for (const char c : text::trim(text)) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !flat.empty();
      continue;
    }
    if (space) {
      flat += ' ';
      space = false;
    }
    flat += c;
  }
  if (flat.size() <= max_chars) {
    return flat;
  }
  size_t cut = flat.rfind(' ', max_chars);
  if (cut == std::string::npos || cut < max_chars / 2) {
    cut = max_chars;
    while (cut > 0 && (static_cast<unsigned char>(flat[cut]) & 0xC0) == 0x80) {
      --cut; // not inside a UTF-8 sequence
    }
  }
  return flat.substr(0, cut) + "...";
}

std::string linked_document(std::string_view readme_path, std::string_view url)
{
  if (url.find("://") != std::string_view::npos || url.starts_with("mailto:") || url.starts_with('#')) {
    return {};
  }
  url = url.substr(0, url.find_first_of("?#"));
  while (url.starts_with("./")) {
    url.remove_prefix(2);
  }
  const std::string lower = text::to_lower(url);
  if (url.empty() || url.find("..") != std::string_view::npos ||
      !(lower.ends_with(".md") || lower.ends_with(".markdown") || lower.ends_with(".rst"))) {
    return {};
  }
  if (url.starts_with('/')) {
    return std::string(url.substr(1));
  }
  const size_t slash = readme_path.rfind('/');
  return (slash == std::string_view::npos ? std::string() : std::string(readme_path.substr(0, slash + 1))) +
         std::string(url);
}

std::vector<DocumentReference> document_references(const analyze::Document& document)
{
  std::vector<DocumentReference> references;
  for (const auto& link : document.links) {
    references.push_back({link.url, link.text, link.line, true});
  }
  static const RE2 k_document_path(
      R"((?i)(?:^|[\s(`'"])((?:\.{0,2}/)?[\w.-]+(?:/[\w.-]+)*\.(?:md|markdown|rst))\b)");
  for (const auto& block : document.blocks) {
    if (block.kind != analyze::BlockKind::paragraph && block.kind != analyze::BlockKind::list_item) {
      continue;
    }
    re2::StringPiece input(block.text.data(), block.text.size());
    std::string mentioned;
    while (RE2::FindAndConsume(&input, k_document_path, &mentioned)) {
      references.push_back({mentioned, {}, block.line, false});
    }
  }
  return references;
}

bool about_running(std::string_view guide, std::string_view text)
{
  constexpr std::string_view k_words[] = {"readme",     "install",  "installation", "setup",   "usage",
                                          "quickstart", "run",      "running",      "getting", "instructions",
                                          "guide",      "workflow", "how to run"};
  const std::string name = text::to_lower(text::base_name(guide));
  return name.starts_with("readme.") || has_any_word(text::to_lower(text), k_words) ||
         has_any_word(name, k_words);
}

std::vector<ReferencedDocument>
referenced_documents(const Analysis& analysis, std::string_view readme_path, const analyze::Document& readme,
                     const std::function<bool(std::string_view path, std::string_view text)>& wanted)
{
  std::vector<ReferencedDocument> documents;
  for (auto& reference : document_references(readme)) {
    std::string path = linked_document(readme_path, reference.url);
    if (path.empty() || path == readme_path || !wanted(path, reference.text)) {
      continue;
    }
    const TextFile* file = analysis.text(path);
    if (file == nullptr || file->binary) {
      continue;
    }
    analyze::Document document = analyze::parse_readme(file->content, analyze::document_format_for_path(path));
    documents.push_back({std::move(path), std::move(reference), std::move(document)});
  }
  return documents;
}

} // namespace mlfolio::lint::docs
