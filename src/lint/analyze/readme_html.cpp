#include "lint/analyze/readme_build.h"

#include <cctype>
#include <cstdint>
#include <optional>

namespace mlfolio::lint::analyze::detail {

namespace {

bool is_alnum(char c)
{
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

bool is_space(char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

std::string lower(std::string_view s)
{
  std::string out(s);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

void append_code_point(std::string& out, uint32_t cp)
{
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    cp = 0xFFFD;
  }
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Decodes the entity at html[i] == '&' into out; returns the bytes consumed (1 if none).
size_t decode_entity(std::string_view html, size_t i, std::string& out)
{
  const size_t semicolon = html.find(';', i);
  if (semicolon == std::string_view::npos || semicolon - i > 10) {
    out += '&';
    return 1;
  }
  const std::string_view name = html.substr(i + 1, semicolon - i - 1);
  static constexpr std::pair<std::string_view, std::string_view> k_named[] = {
    {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "}};
  for (const auto& [entity, replacement] : k_named) {
    if (name == entity) {
      out += replacement;
      return semicolon - i + 1;
    }
  }
  if (name.size() >= 2 && name[0] == '#') {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    uint32_t cp = 0;
    const std::string_view digits = name.substr(hex ? 2 : 1);
    bool valid = !digits.empty();
    for (const char c : digits) {
      const int value = std::isdigit(static_cast<unsigned char>(c)) != 0 ? c - '0'
                        : hex && std::isxdigit(static_cast<unsigned char>(c)) != 0
                          ? std::tolower(static_cast<unsigned char>(c)) - 'a' + 10
                          : -1;
      if (value < 0) {
        valid = false;
        break;
      }
      cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(value);
    }
    if (valid) {
      append_code_point(out, cp);
      return semicolon - i + 1;
    }
  }
  out += '&';
  return 1;
}

// The value of attribute `name` (lower-case) in the inside of a tag, entities decoded.
std::optional<std::string> attribute(std::string_view tag, std::string_view name)
{
  size_t i = 0;
  while (i < tag.size() && !is_space(tag[i]) && tag[i] != '/') { // skip the tag name
    ++i;
  }
  while (i < tag.size()) {
    while (i < tag.size() && (is_space(tag[i]) || tag[i] == '/')) {
      ++i;
    }
    const size_t name_start = i;
    while (i < tag.size() && !is_space(tag[i]) && tag[i] != '=' && tag[i] != '/') {
      ++i;
    }
    const std::string attribute_name = lower(tag.substr(name_start, i - name_start));
    while (i < tag.size() && is_space(tag[i])) {
      ++i;
    }
    std::string_view value;
    if (i < tag.size() && tag[i] == '=') {
      ++i;
      while (i < tag.size() && is_space(tag[i])) {
        ++i;
      }
      if (i < tag.size() && (tag[i] == '"' || tag[i] == '\'')) {
        const char quote = tag[i++];
        const size_t end = tag.find(quote, i);
        const size_t stop = end == std::string_view::npos ? tag.size() : end;
        value = tag.substr(i, stop - i);
        i = stop + 1;
      } else {
        const size_t start = i;
        while (i < tag.size() && !is_space(tag[i])) {
          ++i;
        }
        value = tag.substr(start, i - start);
      }
    } else if (i == name_start) {
      ++i; // a stray '=' or similar: move on
    }
    if (attribute_name == name) {
      std::string decoded;
      for (size_t k = 0; k < value.size();) {
        if (value[k] == '&') {
          k += decode_entity(value, k, decoded);
        } else {
          decoded += value[k++];
        }
      }
      return decoded;
    }
  }
  return std::nullopt;
}

// Collapses runs of spaces, trims every line and drops empty lines.
std::string tidy(std::string_view text)
{
  std::string out;
  std::string line;
  const auto flush = [&] {
    while (!line.empty() && line.back() == ' ') {
      line.pop_back();
    }
    if (!line.empty()) {
      append_separated(out, line, "\n");
    }
    line.clear();
  };
  for (const char c : text) {
    if (c == '\n') {
      flush();
    } else if (is_space(c)) {
      if (!line.empty() && line.back() != ' ') {
        line += ' ';
      }
    } else {
      line += c;
    }
  }
  flush();
  return out;
}

bool is_block_tag(std::string_view name)
{
  static constexpr std::string_view k_block[] = {"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5",
                                                 "h6", "ul", "ol", "table", "hr", "blockquote", "pre", "details",
                                                 "summary", "center", "section", "td", "th"};
  for (const auto tag : k_block) {
    if (name == tag) {
      return true;
    }
  }
  return false;
}

// Offset of "</name" (any case) at or after `from`, or html.size().
size_t find_closing_tag(std::string_view html, size_t from, std::string_view name)
{
  for (size_t k = html.find("</", from); k != std::string_view::npos; k = html.find("</", k + 2)) {
    if (lower(html.substr(k + 2, name.size())) == name) {
      return k;
    }
  }
  return html.size();
}

struct OpenAnchor
{
  std::string href;
  std::string text;
  int line = 0;
};

struct OpenHeading
{
  int level = 0;
  int line = 0;
  size_t start = 0; // offset in the visible text
};

} // namespace

void append_separated(std::string& text, std::string_view piece, std::string_view separator)
{
  if (piece.empty()) {
    return;
  }
  if (!text.empty()) {
    text += separator;
  }
  text += piece;
}

std::string scan_html(std::string_view html, int line, bool inline_html, bool headings, Document& document)
{
  const int first_line = line;
  std::string visible;
  std::optional<OpenAnchor> anchor;
  OpenHeading heading;
  bool heading_open = false;
  bool wrote_non_comment = false;
  const auto close_anchor = [&] {
    if (anchor) {
      document.links.push_back(Link{anchor->href, tidy(anchor->text), anchor->line, true});
      anchor.reset();
    }
  };
  size_t i = 0;
  while (i < html.size()) {
    const char c = html[i];
    if (c == '\n') {
      ++line;
      visible += '\n';
      ++i;
      continue;
    }
    if (c == '<' && html.substr(i, 4) == "<!--") {
      const size_t end = html.find("-->", i + 4);
      const size_t stop = end == std::string_view::npos ? html.size() : end;
      const std::string_view inside = html.substr(i + 4, stop - i - 4);
      document.html.push_back(Html{std::string(inside), line, true, inline_html});
      for (const char k : inside) {
        line += k == '\n' ? 1 : 0;
      }
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    const bool tag_start = c == '<' && i + 1 < html.size() &&
                           (std::isalpha(static_cast<unsigned char>(html[i + 1])) != 0 || html[i + 1] == '/');
    if (!tag_start) {
      if (c == '&') {
        std::string decoded;
        i += decode_entity(html, i, decoded);
        visible += decoded;
        if (anchor) {
          anchor->text += decoded;
        }
      } else {
        visible += c;
        if (anchor) {
          anchor->text += c;
        }
        ++i;
      }
      wrote_non_comment = wrote_non_comment || !is_space(c);
      continue;
    }
    const size_t end = html.find('>', i);
    if (end == std::string_view::npos) { // no tag closes after here: the rest is text
      visible += html.substr(i);
      wrote_non_comment = true;
      break;
    }
    wrote_non_comment = true;
    const std::string_view tag = html.substr(i + 1, end - i - 1);
    const bool closing = tag.front() == '/';
    size_t name_end = closing ? 1 : 0;
    while (name_end < tag.size() && is_alnum(tag[name_end])) {
      ++name_end;
    }
    const std::string name = lower(tag.substr(closing ? 1 : 0, name_end - (closing ? 1 : 0)));
    const int tag_line = line;
    for (size_t k = i; k < end; ++k) {
      line += html[k] == '\n' ? 1 : 0;
    }
    i = end + 1;
    if (name == "script" || name == "style") {
      if (!closing) {
        const size_t stop = find_closing_tag(html, i, name);
        for (size_t k = i; k < stop; ++k) {
          line += html[k] == '\n' ? 1 : 0;
        }
        i = stop;
      }
      continue;
    }
    if (name == "img" && !closing) {
      const std::string alt = attribute(tag, "alt").value_or("");
      document.images.push_back(
        Image{attribute(tag, "src").value_or(""), alt, tag_line, anchor ? anchor->href : std::string(), true});
      if (anchor) {
        anchor->text += ' ' + alt + ' ';
      }
    } else if (name == "a") {
      if (!closing) {
        close_anchor();
        if (auto href = attribute(tag, "href")) {
          if (inline_html) {
            document.links.push_back(Link{std::move(*href), "", tag_line, true});
          } else {
            anchor = OpenAnchor{std::move(*href), "", tag_line};
          }
        }
      } else {
        close_anchor();
      }
    } else if (headings && name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
      if (!closing) {
        heading = OpenHeading{name[1] - '0', tag_line, visible.size()};
        heading_open = true;
      } else if (heading_open) {
        std::string text = tidy(std::string_view(visible).substr(heading.start));
        for (char& k : text) {
          k = k == '\n' ? ' ' : k;
        }
        Section section;
        section.heading = std::move(text);
        section.level = heading.level;
        section.line = heading.line;
        document.sections.push_back(std::move(section));
        heading_open = false;
      }
    }
    if (is_block_tag(name)) {
      visible += '\n';
    }
  }
  close_anchor();
  if (wrote_non_comment && !inline_html) {
    document.html.push_back(Html{std::string(html), first_line, false, inline_html});
  }
  return tidy(visible);
}

std::string strip_html(std::string_view html)
{
  Document scratch;
  return scan_html(html, 1, true, false, scratch);
}

} // namespace mlfolio::lint::analyze::detail
