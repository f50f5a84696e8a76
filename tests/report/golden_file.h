#pragma once

// Compares text with a golden file under tests/golden/; MLFOLIO_UPDATE_GOLDEN=1 rewrites it.

#include "support/process.h"

#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>
#include <string>

namespace mlfolio::test {

inline void check_golden(const std::filesystem::path& golden, const std::string& actual)
{
  const char* update = std::getenv("MLFOLIO_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::filesystem::create_directories(golden.parent_path());
    write_text(golden, actual);
  }
  CHECK_MESSAGE(std::filesystem::exists(golden), "missing golden file " << golden.string());
  if (std::filesystem::exists(golden)) {
    CHECK_MESSAGE(read_text(golden) == actual,
                  "golden file " << golden.string()
                                 << " differs; rerun with MLFOLIO_UPDATE_GOLDEN=1 and review");
  }
}

inline std::filesystem::path golden_path(const std::string& name)
{
  return std::filesystem::path(MLFOLIO_SOURCE_DIR) / "tests" / "golden" / name;
}

} // namespace mlfolio::test
