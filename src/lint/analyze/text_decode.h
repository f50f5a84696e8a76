#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace mlfolio::lint::analyze {

enum class Encoding { utf8, utf8_bom, utf16le, utf16be };

struct DecodedText
{
  // Valid UTF-8 without a byte order mark. Line endings are "\n" only (CRLF and lone CR are
  // converted, so line numbers are kept), and NUL bytes are replaced by U+FFFD.
  std::string text;
  Encoding encoding = Encoding::utf8;
  size_t replacements = 0; // invalid sequences and NULs replaced by U+FFFD
  bool had_crlf = false;   // a CRLF or lone CR was converted
};

// Every analyzer decodes its input with this first. UTF-16 is recognised by its byte order
// mark only; text without a BOM is read as UTF-8, and what is not valid UTF-8 (Latin-1 bytes,
// truncated sequences) becomes U+FFFD, one per maximal invalid subpart.
DecodedText decode_text(std::string_view bytes);

// `bytes` as valid UTF-8, invalid sequences replaced by U+FFFD; nothing else changes.
std::string to_valid_utf8(std::string_view bytes, size_t* replacements = nullptr);

// Whether bytes look like a binary file rather than text: a NUL byte in the first 8 KiB or more
// than 10% control bytes there. Text with a UTF-16 byte order mark is not binary.
bool looks_binary(std::string_view bytes);

} // namespace mlfolio::lint::analyze
