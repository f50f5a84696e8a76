#pragma once

#include <string>
#include <string_view>

namespace mlfolio::report {

// Text for XML and HTML, element content and attribute values alike: & < > " ' become entities,
// tab, line feed and carriage return become character references (kept in attributes), and what
// XML 1.0 cannot hold at all (other control characters, invalid UTF-8) becomes U+FFFD.
std::string xml_escape(std::string_view text);

// Valid UTF-8 with the characters XML 1.0 forbids replaced by U+FFFD; tab, LF and CR are kept.
std::string xml_safe_utf8(std::string_view text);

// User-derived text inside Markdown (a table cell included): the characters that start
// emphasis, code, links, tables or HTML are escaped, and line breaks become <br>.
std::string markdown_escape(std::string_view text);

// Runs of whitespace (line breaks of a wrapped TOML string) become one space; trimmed.
std::string one_line(std::string_view text);

// A relative path as a URI reference: bytes other than unreserved characters and '/' are
// percent-encoded ("my data/ü.csv" -> "my%20data/%C3%BC.csv").
std::string uri_path(std::string_view path);

} // namespace mlfolio::report
