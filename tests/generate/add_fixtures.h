#pragma once

// Existing projects that `mlfolio add` is tried on: the three layouts it tells apart, each a
// small but plausible learner's repository that lacks every component.

#include "support/cli_run.h"

#include <filesystem>
#include <span>
#include <string>
#include <vector>
#include <string_view>

namespace mlfolio::test {

struct AddFixture
{
  std::string_view name; // "src-layout", "flat-package", "scripts-and-notebooks"
  void (*write)(const std::filesystem::path& root);
  std::string_view train; // the shell command, run at the root, that trains and saves the model
};

std::span<const AddFixture> add_fixtures();

} // namespace mlfolio::test
