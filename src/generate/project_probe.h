#pragma once

// What `mlfolio add` reads from an existing project before it writes anything: where the code
// lives, how dependencies are declared, the model and the entry point it can find.

#include "core/result.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace mlfolio::generate {

enum class Layout { src, flat, scripts }; // src/<pkg>/__init__.py, <pkg>/__init__.py, neither

enum class DependencyFile { requirements, pyproject, none };

// What the user says where the project cannot tell (command-line options); empty = infer.
struct ProbeHints
{
  std::string package;
  std::string model_path;
  std::string python;
};

struct ProjectInfo
{
  std::filesystem::path root; // absolute, normal
  std::string name;           // the folder's name
  Layout layout = Layout::scripts;
  std::string package;     // the import name; for scripts, derived from the folder name
  std::string package_dir; // "src/churn", "churn"; empty for scripts
  DependencyFile dependencies = DependencyFile::none;
  bool has_dev_requirements = false; // requirements-dev.txt
  std::string model_path;            // "models/model.joblib"; empty when none was found
  std::string entry_point;           // "train.py", "src/churn/train.py"; empty when none
  std::string python = "3.11";
  bool has_configs = false; // configs/
  bool has_models = false;  // models/
  bool has_api = false;     // <package_dir>/api/app.py (api/app.py for scripts)
  std::vector<std::string> notebooks; // *.ipynb, relative paths, sorted
};

// Reads the project at `root` (an existing folder). Fails, naming the candidates, when several
// packages could be the project's and --package does not say which.
Result<ProjectInfo> probe_project(const std::filesystem::path& root, const ProbeHints& hints);

std::string_view layout_name(Layout layout);

} // namespace mlfolio::generate
