#include "report/escape.h"

#include <cstdint>

namespace mlfolio::report {

namespace {

constexpr std::string_view k_replacement = "\xEF\xBF\xBD"; // U+FFFD

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
  size_t length = 0;
  uint32_t min = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, code_point = lead & 0x1F, min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, code_point = lead & 0x0F, min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, code_point = lead & 0x07, min = 0x10000;
  } else {
    return 0;
  }
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
    case '&': escaped += "&amp;"; break;
    case '<': escaped += "&lt;"; break;
    case '>': escaped += "&gt;"; break;
    case '"': escaped += "&quot;"; break;
    case '\'': escaped += "&#39;"; break;
    case '\t': escaped += "&#9;"; break;
    case '\n': escaped += "&#10;"; break;
    case '\r': escaped += "&#13;"; break;
    default: escaped += c;
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
