#pragma once

// Sizes as the large-file rules print and compare them.

#include <cstdint>
#include <cstdio>
#include <string>

namespace mlfolio::lint {

constexpr double k_mebibyte = 1024.0 * 1024.0;

inline std::string megabytes(uint64_t bytes)
{
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f MB", static_cast<double>(bytes) / k_mebibyte);
  return buffer;
}

} // namespace mlfolio::lint
