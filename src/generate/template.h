#pragma once

#include "core/result.h"

#include <filesystem>
#include <string>
#include <vector>

namespace mlfolio::generate {

// One file of a template, as declared by files/ plus the optional [[file]] tables.
struct TemplateFile
{
  std::string source;  // path below files/, '/'-separated
  std::string target;  // output path, may contain variables; defaults to source
  std::string when;    // variable that must be true ("!var": false); empty = always
  bool verbatim = false; // copied byte for byte, not rendered
  std::string content;
};

struct Template
{
  std::string name;
  std::string version;
  std::string description;
  std::string origin; // "built-in" or the folder it was read from
  std::vector<TemplateFile> files; // sorted by source
};

// Names of the templates built into the binary (folders of templates/ with a template.toml).
std::vector<std::string> builtin_template_names();

Result<Template> load_builtin_template(const std::string& name);

// A user's own template folder in the same format: DIR/template.toml and DIR/files/**.
Result<Template> load_template_dir(const std::filesystem::path& dir);

} // namespace mlfolio::generate
