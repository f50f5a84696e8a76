#pragma once

#include <array>
#include <compare>
#include <cstddef>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace mlfolio::git {

// A SHA-1 object id, usable without <git2.h>.
struct ObjectId
{
  std::array<unsigned char, 20> bytes{};

  std::string hex() const;                                       // 40 lowercase hex digits
  std::string short_hex() const { return hex().substr(0, 7); }   // as git prints it by default
  static std::optional<ObjectId> from_hex(std::string_view hex); // exactly 40 hex digits

  friend auto operator<=>(const ObjectId&, const ObjectId&) = default;
};

// For unordered containers: an object id is already a uniform hash, so its first bytes are one.
struct ObjectIdHash
{
  size_t operator()(const ObjectId& id) const noexcept
  {
    size_t hash = 0;
    std::memcpy(&hash, id.bytes.data(), sizeof hash);
    return hash;
  }
};

} // namespace mlfolio::git
