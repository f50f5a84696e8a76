#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

// Files from templates/ and checks/, embedded at build time (see tools/embed.cpp).
namespace mlfolio::resources {

struct Resource
{
  std::string_view path; // relative to the source root, '/'-separated, e.g. "templates/x/a.txt"
  std::string_view data;
};

std::span<const Resource> all();

std::optional<std::string_view> find(std::string_view path);

// Every resource whose path starts with `prefix` (a folder, with trailing '/').
std::vector<Resource> under(std::string_view prefix);

} // namespace mlfolio::resources
