#pragma once

#include <array>
#include <compare>
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

} // namespace mlfolio::git
