#include "report/escape.h"

#include <cstdint>

namespace mlfolio::report {

namespace {

constexpr std::string_view k_replacement = "\xEF\xBF\xBD"; // U+FFFD

// The lead byte of a multi-byte UTF-8 sequence: (lead & mask) == lead; the smallest code point
// each length may encode (anything below is an overlong form).
struct Utf8Form
{
  unsigned char mask;
  unsigned char lead;
  size_t length;
  uint32_t min;
};

constexpr Utf8Form k_utf8_forms[] = {{0xE0, 0xC0, 2, 0x80}, {0xF0, 0xE0, 3, 0x800}, {0xF8, 0xF0, 4, 0x10000}};

// The length of the valid UTF-8 sequence at `text[i]`, 0 when it is not one (overlong forms,
// surrogates and code points past U+10FFFF included).
size_t utf8_length(std::string_view text, size_t i, uint32_t& code_point)
{
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) {
    code_point = lead;
    return 1;
  }
  const Utf8Form* form = nullptr;
  for (const auto& candidate : k_utf8_forms) {
    if ((lead & candidate.mask) == candidate.lead) {
      form = &candidate;
    }
  }
  if (form == nullptr) {
    return 0;
  }
  const size_t length = form->length;
  const uint32_t min = form->min;
  code_point = lead & static_cast<unsigned char>(~form->mask);
  if (i + length > text.size()) {
    return 0;
  }
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      return 0;
    }
    code_point = (code_point << 6) | (byte(i + k) & 0x3F);
  }
  const bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
  return code_point < min || code_point > 0x10FFFF || surrogate ? 0 : length;
}

bool allowed_in_xml(uint32_t code_point)
{
  return code_point == 0x9 || code_point == 0xA || code_point == 0xD ||
         (code_point >= 0x20 && code_point != 0xFFFE && code_point != 0xFFFF);
}

} // namespace

std::string xml_safe_utf8(std::string_view text)
{
  std::string safe;
  safe.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    uint32_t code_point = 0;
    const size_t length = utf8_length(text, i, code_point);
    if (length == 0 || !allowed_in_xml(code_point)) {
      safe += k_replacement;
      i += length == 0 ? 1 : length;
      continue;
    }
    safe.append(text.substr(i, length));
    i += length;
  }
  return safe;
}

std::string xml_escape(std::string_view text)
{
  std::string escaped;
  for (const char c : xml_safe_utf8(text)) {
    switch (c) {
    case '&':
      escaped += "&amp;";
      break;
    case '<':
      escaped += "&lt;";
      break;
    case '>':
      escaped += "&gt;";
      break;
    case '"':
      escaped += "&quot;";
      break;
    case '\'':
      escaped += "&#39;";
      break;
    case '\t':
      escaped += "&#9;";
      break;
    case '\n':
      escaped += "&#10;";
      break;
    case '\r':
      escaped += "&#13;";
      break;
    default:
      escaped += c;
    }
  }
  return escaped;
}

std::string markdown_escape(std::string_view text)
{
  // Enough to keep text literal anywhere but at the start of a line, where a format never puts it.
  constexpr std::string_view k_special = "\\`*_[]#!|~$";
  std::string escaped;
  for (const char c : xml_safe_utf8(text)) {
    if (c == '&') {
      escaped += "&amp;";
    } else if (c == '<') {
      escaped += "&lt;";
    } else if (c == '>') {
      escaped += "&gt;";
    } else if (c == '\n') {
      escaped += "<br>";
    } else if (c == '\r' || c == '\t') {
      escaped += ' ';
    } else {
      if (k_special.find(c) != std::string_view::npos) {
        escaped += '\\';
      }
      escaped += c;
    }
  }
  return escaped;
}

std::string one_line(std::string_view text)
{
  std::string line;
  bool space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !line.empty();
      continue;
    }
    if (space) {
      line += ' ';
      space = false;
    }
    line += c;
  }
  return line;
}

std::string uri_path(std::string_view path)
{
  constexpr std::string_view k_hex = "0123456789ABCDEF";
  std::string uri;
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                            (byte >= '0' && byte <= '9') || c == '-' || c == '.' || c == '_' || c == '~' ||
                            c == '/';
    if (unreserved) {
      uri += c;
    } else {
      uri += '%';
      uri += k_hex[byte >> 4];
      uri += k_hex[byte & 0xF];
    }
  }
  return uri;
}

} // namespace mlfolio::report
