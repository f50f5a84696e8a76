#include "lint/analyze/text_decode.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace mlfolio::lint::analyze {

namespace {

constexpr std::string_view k_replacement = "\xEF\xBF\xBD"; // U+FFFD

void append_code_point(std::string& out, uint32_t cp)
{
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

// Length of the valid UTF-8 sequence at `i`, or 0 with `bad` set to the length of the maximal
// invalid subpart (at least 1) as Unicode recommends for replacement.
size_t valid_sequence_length(std::string_view s, size_t i, size_t& bad)
{
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b = byte(i);
  size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (b >= 0xC2 && b <= 0xDF) {
    length = 2;
  } else if (b >= 0xE0 && b <= 0xEF) {
    length = 3;
    low = b == 0xE0 ? 0xA0 : 0x80;
    high = b == 0xED ? 0x9F : 0xBF;
  } else if (b >= 0xF0 && b <= 0xF4) {
    length = 4;
    low = b == 0xF0 ? 0x90 : 0x80;
    high = b == 0xF4 ? 0x8F : 0xBF;
  } else {
    bad = 1;
    return 0;
  }
  for (size_t k = 1; k < length; ++k) {
    const bool in_range = i + k < s.size() &&
                          (k == 1 ? byte(i + k) >= low && byte(i + k) <= high
                                  : byte(i + k) >= 0x80 && byte(i + k) <= 0xBF);
    if (!in_range) {
      bad = k;
      return 0;
    }
  }
  return length;
}

// Appends valid UTF-8, replacing invalid sequences and (when asked) NUL, and converting CRLF
// and CR to LF (when asked).
void append_utf8(std::string& out, std::string_view s, bool normalise, DecodedText* info, size_t& replaced)
{
  size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0x80) {
      size_t bad = 0;
      const size_t length = valid_sequence_length(s, i, bad);
      if (length > 0) {
        out.append(s.substr(i, length));
        i += length;
      } else {
        out += k_replacement;
        ++replaced;
        i += bad;
      }
      continue;
    }
    if (normalise && b == 0) {
      out += k_replacement;
      ++replaced;
    } else if (normalise && b == '\r') {
      out += '\n';
      if (info != nullptr) {
        info->had_crlf = true;
      }
      if (i + 1 < s.size() && s[i + 1] == '\n') {
        ++i;
      }
    } else {
      // Copy the run of plain ASCII at once.
      size_t end = i + 1;
      // Eight bytes at a time while none of them is above 0x7F, a CR or a NUL (NUL and CR stop
      // the run even when not normalising: the byte loop below then takes them).
      while (end + 8 <= s.size()) {
        uint64_t word = 0;
        std::memcpy(&word, s.data() + end, 8);
        constexpr uint64_t k_ones = 0x0101010101010101ULL;
        constexpr uint64_t k_highs = 0x8080808080808080ULL;
        const uint64_t cr = word ^ (k_ones * '\r');
        const bool stop = ((word | ((word - k_ones) & ~word) | ((cr - k_ones) & ~cr)) & k_highs) != 0;
        if (stop) {
          break;
        }
        end += 8;
      }
      while (end < s.size() && static_cast<unsigned char>(s[end]) < 0x80 && s[end] != '\r' &&
             (s[end] != '\0' || !normalise)) {
        ++end;
      }
      out.append(s.substr(i, end - i));
      i = end;
      continue;
    }
    ++i;
  }
}

void append_utf16(std::string& out, std::string_view s, bool little_endian, size_t& replaced)
{
  const auto unit_at = [&](size_t k) {
    const auto first = static_cast<unsigned char>(s[k]);
    const auto second = static_cast<unsigned char>(s[k + 1]);
    return static_cast<uint32_t>(little_endian ? first | (second << 8) : (first << 8) | second);
  };
  size_t i = 0;
  while (i + 1 < s.size()) {
    uint32_t unit = unit_at(i);
    i += 2;
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      if (i + 1 < s.size()) {
        const uint32_t next = unit_at(i);
        if (next >= 0xDC00 && next <= 0xDFFF) {
          i += 2;
          append_code_point(out, 0x10000 + ((unit - 0xD800) << 10) + (next - 0xDC00));
          continue;
        }
      }
      unit = 0xFFFD;
      ++replaced;
    } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
      unit = 0xFFFD;
      ++replaced;
    }
    append_code_point(out, unit);
  }
  if (i < s.size()) {
    out += k_replacement; // an odd trailing byte
    ++replaced;
  }
}

void normalise_in_place(DecodedText& decoded)
{
  // After UTF-16 conversion: the same NUL and line-ending rules as for UTF-8 input.
  std::string converted;
  converted.reserve(decoded.text.size());
  append_utf8(converted, decoded.text, true, &decoded, decoded.replacements);
  decoded.text = std::move(converted);
}

bool starts_with(std::string_view s, std::string_view prefix)
{
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

} // namespace

DecodedText decode_text(std::string_view bytes)
{
  DecodedText decoded;
  if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) {
    decoded.encoding = bytes[0] == '\xFF' ? Encoding::utf16le : Encoding::utf16be;
    decoded.text.reserve(bytes.size());
    append_utf16(decoded.text, bytes.substr(2), decoded.encoding == Encoding::utf16le, decoded.replacements);
    normalise_in_place(decoded);
    return decoded;
  }
  if (starts_with(bytes, "\xEF\xBB\xBF")) {
    decoded.encoding = Encoding::utf8_bom;
    bytes.remove_prefix(3);
  }
  decoded.text.reserve(bytes.size());
  append_utf8(decoded.text, bytes, true, &decoded, decoded.replacements);
  return decoded;
}

std::string to_valid_utf8(std::string_view bytes, size_t* replacements)
{
  std::string out;
  out.reserve(bytes.size());
  size_t replaced = 0;
  append_utf8(out, bytes, false, nullptr, replaced);
  if (replacements != nullptr) {
    *replacements = replaced;
  }
  return out;
}

namespace {

// Whether the byte is a control character other than whitespace (tab to carriage return) and
// escape, or DEL.
bool is_control(unsigned char b)
{
  return (b < 0x20 && (b < '\t' || b > '\r') && b != 0x1B) || b == 0x7F;
}

size_t count_controls(std::string_view sample)
{
  size_t control = 0;
  size_t i = 0;
#if defined(__SSE2__)
  // Sixteen bytes at a time: this runs on the start of every file of the tree.
  const __m128i below_space = _mm_set1_epi8(0x1F);
  const __m128i tab = _mm_set1_epi8('\t');
  const __m128i whitespace_span = _mm_set1_epi8('\r' - '\t');
  const __m128i escape = _mm_set1_epi8(0x1B);
  const __m128i del = _mm_set1_epi8(0x7F);
  while (i + 16 <= sample.size()) {
    // Each byte lane counts its controls (a match is -1, subtracted), for at most 255 blocks,
    // then the lanes are summed.
    __m128i counts = _mm_setzero_si128();
    for (int blocks = 0; blocks < 255 && i + 16 <= sample.size(); ++blocks, i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(sample.data() + i));
      const __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(v, below_space), v); // v <= 0x1F
      const __m128i from_tab = _mm_sub_epi8(v, tab);
      const __m128i space = _mm_cmpeq_epi8(_mm_min_epu8(from_tab, whitespace_span), from_tab); // \t..\r
      const __m128i controls = _mm_or_si128(_mm_andnot_si128(_mm_or_si128(space, _mm_cmpeq_epi8(v, escape)), low),
                                            _mm_cmpeq_epi8(v, del));
      counts = _mm_sub_epi8(counts, controls);
    }
    const __m128i sums = _mm_sad_epu8(counts, _mm_setzero_si128());
    control += static_cast<size_t>(_mm_cvtsi128_si32(sums)) + static_cast<size_t>(_mm_extract_epi16(sums, 4));
  }
#endif
  for (; i < sample.size(); ++i) {
    control += is_control(static_cast<unsigned char>(sample[i])) ? 1 : 0;
  }
  return control;
}

} // namespace

bool looks_binary(std::string_view bytes)
{
  if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) {
    return false;
  }
  const std::string_view sample = bytes.substr(0, 8192);
  if (std::memchr(sample.data(), 0, sample.size()) != nullptr) {
    return true;
  }
  return count_controls(sample) * 10 > sample.size();
}

} // namespace mlfolio::lint::analyze
