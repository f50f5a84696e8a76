#pragma once

#include "core/result.h"
#include "generate/answers.h"
#include "generate/template.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace mlfolio::generate {

struct PlannedFile
{
  std::string path; // relative to the project folder, '/'-separated
  std::string content;
  bool executable = false;
};

// Everything `mlfolio new` will write, computed in memory before anything touches the disk.
struct Plan
{
  std::filesystem::path target;
  std::string template_name;
  std::string template_version;
  std::vector<PlannedFile> files; // sorted by path; includes .mlfolio.toml
};

inline constexpr std::string_view k_project_config = ".mlfolio.toml";

// One template file rendered with `variables`: its output path and content, or nullopt when
// its `when` condition does not hold.
Result<std::optional<PlannedFile>> render_file(const Template& tmpl, const TemplateFile& file,
                                               const Variables& variables);

Result<Plan> make_plan(const Template& tmpl, const Answers& answers, const std::filesystem::path& target);

// The .mlfolio.toml that records the answers and the template version.
std::string project_config(const Template& tmpl, const Answers& answers);

} // namespace mlfolio::generate
