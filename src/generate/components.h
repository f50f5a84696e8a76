#pragma once

// The components of `mlfolio add`: which files of the ml-project template each one writes, how
// it merges into a file that exists, and the packages it needs. One row per component.

#include <span>
#include <string_view>

namespace mlfolio::generate {

enum class Merge {
  none,          // an existing file is left alone (or replaced with --force, after a backup)
  ignore_lines,  // .gitignore: missing entries are appended
  readme,        // README.md: missing sections are appended
};

struct ComponentFile
{
  std::string_view target; // the template's target path, before rendering ("LICENSE", "src/<%package%>/x.py")
  Merge merge = Merge::none;
  std::span<const std::string_view> equivalents = {}; // other names that count as this file existing
};

struct Component
{
  std::string_view name;
  std::string_view summary;
  std::span<const ComponentFile> files;
  // Package names (rendered: "<%tracking%>"), pinned as in the template's requirements files.
  std::span<const std::string_view> requirements;
};

std::span<const Component> components();

const Component* find_component(std::string_view name);

} // namespace mlfolio::generate
