#include "lint/analyze/line_index.h"
#include "lint/analyze/problem.h"
#include "lint/analyze/text_decode.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

using namespace mlfolio::lint::analyze;

namespace {

constexpr std::string_view k_fffd = "\xEF\xBF\xBD";

std::string bytes(std::initializer_list<int> values)
{
  std::string out;
  for (const int value : values) {
    out += static_cast<char>(value);
  }
  return out;
}

std::string repeat(std::string_view piece, int times)
{
  std::string out;
  for (int i = 0; i < times; ++i) {
    out += piece;
  }
  return out;
}

} // namespace

TEST_CASE("decode_text: UTF-8 with and without BOM")
{
  SUBCASE("plain ASCII is unchanged")
  {
    const DecodedText decoded = decode_text("plain text\n");
    CHECK(decoded.text == "plain text\n");
    CHECK(decoded.encoding == Encoding::utf8);
    CHECK(decoded.replacements == 0);
    CHECK_FALSE(decoded.had_crlf);
  }
  SUBCASE("the BOM is removed")
  {
    const DecodedText decoded = decode_text("\xEF\xBB\xBF# Title\n");
    CHECK(decoded.text == "# Title\n");
    CHECK(decoded.encoding == Encoding::utf8_bom);
  }
  SUBCASE("valid multi-byte sequences pass through")
  {
    const std::string text = "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x9A\x80";
    CHECK(decode_text(text).text == text);
    CHECK(decode_text(text).replacements == 0);
  }
  SUBCASE("CRLF and lone CR become LF")
  {
    const DecodedText decoded = decode_text("a\r\nb\rc\n\r\n");
    CHECK(decoded.text == "a\nb\nc\n\n");
    CHECK(decoded.had_crlf);
  }
}

TEST_CASE("decode_text: invalid UTF-8 becomes U+FFFD, one per maximal subpart")
{
  struct Case
  {
    std::string input;
    std::string expected;
    size_t replacements;
  };
  const Case cases[] = {
    {"caf" + bytes({0xE9}) + " ok", "caf" + std::string(k_fffd) + " ok", 1},       // Latin-1
    {bytes({0xF0, 0x9F, 0x98}) + "x", std::string(k_fffd) + "x", 1},                 // truncated 4-byte
    {bytes({0xC0, 0xAF}), repeat(k_fffd, 2), 2},                                     // overlong
    {bytes({0xE0, 0x80, 0x80}), repeat(k_fffd, 3), 3},                               // overlong 3-byte
    {bytes({0xED, 0xA0, 0x80}), repeat(k_fffd, 3), 3},                               // UTF-16 surrogate
    {bytes({0xF4, 0x90, 0x80, 0x80}), repeat(k_fffd, 4), 4},                         // above U+10FFFF
    {bytes({0x80, 0xBF}), repeat(k_fffd, 2), 2},                                     // lone continuation bytes
    {bytes({0xE2, 0x82}), std::string(k_fffd), 1},                                   // truncated at the end
    {std::string("a\0b", 3), "a" + std::string(k_fffd) + "b", 1},                    // NUL
  };
  for (const auto& test : cases) {
    const DecodedText decoded = decode_text(test.input);
    CHECK(decoded.text == test.expected);
    CHECK(decoded.replacements == test.replacements);
  }
  CHECK(to_valid_utf8(std::string("a\0\r\n", 4)) == std::string("a\0\r\n", 4)); // only invalid sequences change
  size_t replaced = 0;
  CHECK(to_valid_utf8(bytes({0xFF}), &replaced) == k_fffd);
  CHECK(replaced == 1);
}

TEST_CASE("decode_text: UTF-16 with a byte order mark")
{
  SUBCASE("little-endian, with a surrogate pair and CRLF")
  {
    // "A€😀\r\nB"
    const std::string input = bytes({0xFF, 0xFE, 'A', 0, 0xAC, 0x20, 0x3D, 0xD8, 0x00, 0xDE, '\r', 0, '\n', 0, 'B', 0});
    const DecodedText decoded = decode_text(input);
    CHECK(decoded.encoding == Encoding::utf16le);
    CHECK(decoded.text == "A\xE2\x82\xAC\xF0\x9F\x98\x80\nB");
    CHECK(decoded.replacements == 0);
    CHECK(decoded.had_crlf);
  }
  SUBCASE("big-endian")
  {
    const DecodedText decoded = decode_text(bytes({0xFE, 0xFF, 0, 'h', 0, 'i', 0x00, 0xE9}));
    CHECK(decoded.encoding == Encoding::utf16be);
    CHECK(decoded.text == "hi\xC3\xA9");
  }
  SUBCASE("unpaired surrogates, an odd trailing byte and NUL")
  {
    const DecodedText decoded =
      decode_text(bytes({0xFF, 0xFE, 0x00, 0xD8, 'x', 0, 0x00, 0xDC, 0, 0, 'y'}));
    CHECK(decoded.text == std::string(k_fffd) + "x" + repeat(k_fffd, 2) + std::string(k_fffd));
    CHECK(decoded.replacements == 4);
  }
  SUBCASE("only a BOM")
  {
    CHECK(decode_text(bytes({0xFF, 0xFE})).text.empty());
  }
}

TEST_CASE("looks_binary")
{
  CHECK_FALSE(looks_binary("print('hello')\n"));
  CHECK_FALSE(looks_binary(""));
  CHECK_FALSE(looks_binary("\x1b[31mred\x1b[0m log line\n\tindented\f\n"));
  CHECK(looks_binary(std::string("PK\x03\x04\0\0", 6)));
  CHECK(looks_binary(bytes({0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D})));
  CHECK_FALSE(looks_binary(bytes({0xFF, 0xFE, 'a', 0, 'b', 0})));
  CHECK(looks_binary(repeat("\x01\x02\x03 text", 100)));
  // A NUL after the first 8 KiB does not count.
  CHECK_FALSE(looks_binary(std::string(9000, 'a') + std::string(1, '\0')));
  // Binary above one control byte in ten; \t to \r and ESC are not control bytes here, DEL is.
  CHECK_FALSE(looks_binary(std::string(90, 'a') + std::string(10, '\x01')));
  CHECK(looks_binary(std::string(89, 'a') + std::string(11, '\x7f')));
  std::string spaced(50, 'a');
  spaced.append("\t\n\v\f\r\x1b\t\n\v\f\r\x1b");
  spaced.append(38, '\x1b');
  CHECK_FALSE(looks_binary(spaced));
}

TEST_CASE("looks_binary: control characters counted sixteen at a time, as one by one")
{
  // Every byte value at every position of a 16-byte block and of the tail, in samples at the
  // threshold (one control in ten bytes is still text, one more is binary).
  for (int value = 1; value < 256; ++value) {
    const auto b = static_cast<unsigned char>(value);
    const bool control = (b < 0x20 && (b < '\t' || b > '\r') && b != 0x1B) || b == 0x7F;
    for (const size_t size : {size_t{10}, size_t{16}, size_t{33}, size_t{47}}) {
      for (size_t at = 0; at < size; ++at) {
        std::string sample(size, 'a');
        sample[at] = static_cast<char>(b);
        CAPTURE(value);
        CAPTURE(size);
        CAPTURE(at);
        // One control byte: binary only when it is more than a tenth of the sample.
        CHECK(looks_binary(sample) == (control && 10 > size));
      }
    }
  }
  std::string text(160, 'a');
  for (size_t i = 0; i < 16; ++i) {
    text[i * 10] = '\x01'; // exactly a tenth
  }
  CHECK_FALSE(looks_binary(text));
  text[5] = '\x7f';
  CHECK(looks_binary(text));
  CHECK_FALSE(looks_binary(repeat("line\r\n\tx\x1b\v\f ", 50)));
  // A whole sample of 8192 bytes, more blocks than one byte lane can count.
  CHECK(looks_binary(std::string(9000, '\x01')));
  std::string tenth(9000, 'a');
  for (size_t i = 0; i < 8190; i += 10) {
    tenth[i] = '\x02'; // 819 in the first 8192 bytes: 8190 <= 8192
  }
  CHECK_FALSE(looks_binary(tenth));
  tenth[8191] = '\x03';
  CHECK(looks_binary(tenth));
}

TEST_CASE("decode_text: long ASCII runs with a CR, a NUL or a non-ASCII byte anywhere in them")
{
  for (size_t at = 0; at < 24; ++at) {
    const std::string before(at, 'x');
    const std::string after(24 - at, 'y');
    CAPTURE(at);
    CHECK(decode_text(before + "\r\n" + after).text == before + "\n" + after);
    CHECK(decode_text(before + "\r" + after).text == before + "\n" + after);
    CHECK(decode_text(before + std::string(1, '\0') + after).text == before + std::string(k_fffd) + after);
    CHECK(decode_text(before + "\xC3\xA9" + after).text == before + "\xC3\xA9" + after);
    CHECK(decode_text(before + "\xC3" + after).text == before + std::string(k_fffd) + after);
    CHECK(to_valid_utf8(before + std::string(1, '\0') + "\r" + after) == before + std::string(1, '\0') + "\r" + after);
  }
}

TEST_CASE("LineIndex and split_lf_lines")
{
  const std::string_view text = "ab\ncd\n\nef";
  const LineIndex index(text);
  CHECK(index.line_count() == 4);
  CHECK(index.line_of(0) == 1);
  CHECK(index.line_of(3) == 2);
  CHECK(index.column_of(4) == 2);
  CHECK(index.line_of(6) == 3);
  CHECK(index.line_of(7) == 4);
  CHECK(split_lf_lines(text) == std::vector<std::string_view>{"ab", "cd", "", "ef"});
  CHECK(split_lf_lines("a\n") == std::vector<std::string_view>{"a"});
  CHECK(split_lf_lines("").empty());
}

TEST_CASE("format_problem")
{
  CHECK(format_problem("pyproject.toml", Problem{3, 7, "invalid TOML: expected a value"}) ==
        "pyproject.toml:3:7: invalid TOML: expected a value");
  CHECK(format_problem("Dockerfile", Problem{12, 0, "unknown instruction 'COPPY'"}) ==
        "Dockerfile:12: unknown instruction 'COPPY'");
  CHECK(format_problem("x.ipynb", Problem{0, 0, "not read"}) == "x.ipynb: not read");
}
