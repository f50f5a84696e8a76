#include "git/object_id.h"

namespace mlfolio::git {

namespace {

int hex_value(char c)
{
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

} // namespace

std::string ObjectId::hex() const
{
  static constexpr char k_digits[] = "0123456789abcdef";
  std::string text;
  text.reserve(bytes.size() * 2);
  for (const unsigned char byte : bytes) {
    text.push_back(k_digits[byte >> 4]);
    text.push_back(k_digits[byte & 0x0f]);
  }
  return text;
}

std::optional<ObjectId> ObjectId::from_hex(std::string_view hex)
{
  ObjectId id;
  if (hex.size() != id.bytes.size() * 2) {
    return std::nullopt;
  }
  for (size_t i = 0; i < id.bytes.size(); ++i) {
    const int high = hex_value(hex[2 * i]);
    const int low = hex_value(hex[2 * i + 1]);
    if (high < 0 || low < 0) {
      return std::nullopt;
    }
    id.bytes[i] = static_cast<unsigned char>(high * 16 + low);
  }
  return id;
}

} // namespace mlfolio::git
