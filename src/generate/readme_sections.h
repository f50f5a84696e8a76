#pragma once

// Which sections `mlfolio add readme` appends: those whose docs/ rule fails on the project's
// README now. The rules themselves decide, so that `add` and `check` agree on what a heading
// in any of its wordings ("Motivation", "About the data", "Getting started") already covers.

#include "core/result.h"

#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::generate {

struct ReadmeSection
{
  std::string_view rule;    // "docs/dataset"
  std::string_view heading; // the template's heading that answers it: "Dataset"
  bool author_writes = false; // a placeholder the author fills in: the rule passes only after that
};

// The rules the readme component answers, and the template section for each.
std::span<const ReadmeSection> readme_sections();

// The sections of `template_readme` (rendered markdown) that answer the rules of `component`
// (their `add`) which fail on the README at `root`, in the template's order, each once.
Result<std::vector<std::string>> missing_readme_sections(const std::filesystem::path& root,
                                                         std::string_view template_readme,
                                                         std::string_view component);

// A new README for `component`: the template's title and opening, then every section that
// answers one of the component's rules.
Result<std::string> new_readme(std::string_view template_readme, std::string_view component);

} // namespace mlfolio::generate
