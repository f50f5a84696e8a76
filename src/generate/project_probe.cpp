#include "generate/project_probe.h"

#include "core/fs.h"
#include "core/text.h"
#include "generate/answers.h"

#include <algorithm>
#include <set>

namespace mlfolio::generate {

namespace stdfs = std::filesystem;

namespace {

// Top-level folders with an __init__.py that are not the project's package; api/ is where
// `mlfolio add api` puts the API of a scripts project.
constexpr std::string_view k_not_packages[] = {"tests", "test",   "docs", "notebooks", "scripts", "examples", "configs",
                                               "data",  "models", "build", "dist",     "venv",    "api"};
// Folders never searched for notebooks or models.
constexpr std::string_view k_skipped_dirs[] = {".git", ".venv", "venv", "env", "node_modules", "__pycache__",
                                               ".ipynb_checkpoints", "site-packages", ".tox", "build", "dist"};
constexpr std::string_view k_model_extensions[] = {".joblib", ".pkl", ".pickle", ".pt", ".onnx", ".h5", ".keras"};
constexpr size_t k_max_depth = 6;

bool is_file(const stdfs::path& path)
{
  std::error_code error;
  return stdfs::is_regular_file(stdfs::symlink_status(path, error));
}

bool is_dir(const stdfs::path& path)
{
  std::error_code error;
  return stdfs::is_directory(stdfs::symlink_status(path, error));
}

bool skipped(const std::string& name)
{
  return std::find(std::begin(k_skipped_dirs), std::end(k_skipped_dirs), name) != std::end(k_skipped_dirs);
}

// Folders below `parent` holding an __init__.py, sorted, without the ones that are not packages.
std::vector<std::string> packages_in(const stdfs::path& parent)
{
  std::vector<std::string> names;
  std::error_code error;
  for (auto it = stdfs::directory_iterator(parent, error); !error && it != stdfs::directory_iterator();
       it.increment(error)) {
    const std::string name = it->path().filename().string();
    const bool excluded =
        std::find(std::begin(k_not_packages), std::end(k_not_packages), name) != std::end(k_not_packages);
    if (!excluded && !skipped(name) && !name.starts_with(".") && is_dir(it->path())
        && is_file(it->path() / "__init__.py")) {
      names.push_back(name);
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

// Every file below `root` (depth-limited, caches and environments left out), relative and sorted.
std::vector<std::string> project_files(const stdfs::path& root)
{
  std::vector<std::string> files;
  std::error_code error;
  for (auto it = stdfs::recursive_directory_iterator(root, error); !error && it != stdfs::recursive_directory_iterator();
       it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (it->is_symlink()) {
      continue;
    }
    if (it->is_directory() && (skipped(name) || static_cast<size_t>(it.depth()) >= k_max_depth)) {
      it.disable_recursion_pending();
    } else if (it->is_regular_file()) {
      files.push_back(stdfs::relative(it->path(), root).generic_string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

Result<void> choose_package(ProjectInfo& info, const ProbeHints& hints)
{
  const auto in_src = packages_in(info.root / "src");
  const auto flat = packages_in(info.root);
  if (!hints.package.empty()) {
    info.package = hints.package;
    if (std::find(in_src.begin(), in_src.end(), hints.package) != in_src.end()) {
      info.layout = Layout::src;
      info.package_dir = "src/" + hints.package;
    } else if (std::find(flat.begin(), flat.end(), hints.package) != flat.end()) {
      info.layout = Layout::flat;
      info.package_dir = hints.package;
    } else {
      return usage_error("--package " + hints.package + ": neither src/" + hints.package + "/__init__.py nor "
                         + hints.package + "/__init__.py exists in " + info.root.string()
                         + ". Give the folder that holds the project's code.");
    }
    return {};
  }
  const auto& candidates = in_src.empty() ? flat : in_src;
  if (candidates.empty()) {
    info.layout = Layout::scripts;
    info.package = package_name(info.name);
    return {};
  }
  std::string chosen;
  if (candidates.size() == 1) {
    chosen = candidates.front();
  } else if (std::find(candidates.begin(), candidates.end(), package_name(info.name)) != candidates.end()) {
    chosen = package_name(info.name);
  } else {
    std::string list;
    for (const auto& name : candidates) {
      list += (list.empty() ? "" : ", ") + (in_src.empty() ? name : "src/" + name);
    }
    return usage_error(info.root.string() + " has several packages (" + list
                       + "); say which one is the project's with --package NAME.");
  }
  info.package = chosen;
  info.layout = in_src.empty() ? Layout::flat : Layout::src;
  info.package_dir = in_src.empty() ? chosen : "src/" + chosen;
  return {};
}

bool is_model_file(std::string_view path)
{
  return std::any_of(std::begin(k_model_extensions), std::end(k_model_extensions),
                     [&](std::string_view extension) { return path.ends_with(extension); });
}

// The script that trains, in the order a reader would look for it.
std::string find_entry_point(const ProjectInfo& info)
{
  std::vector<std::string> candidates = {"train.py", "scripts/train.py", "src/train.py"};
  if (!info.package_dir.empty()) {
    candidates.insert(candidates.begin() + 1, info.package_dir + "/train.py");
    candidates.push_back(info.package_dir + "/__main__.py");
  }
  candidates.insert(candidates.end(), {"main.py", "app.py"});
  for (const auto& candidate : candidates) {
    if (is_file(info.root / candidate)) {
      return candidate;
    }
  }
  return "";
}

// "3.11" from "3.11.4" or "3.11".
std::optional<std::string> minor_version(std::string_view version)
{
  const auto parts = text::split(text::trim(version), '.');
  if (parts.size() < 2 || parts[0] != "3" || parts[1].empty()
      || !std::all_of(parts[1].begin(), parts[1].end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  return "3." + std::string(parts[1]);
}

// The version a .python-version file names.
std::optional<std::string> python_of(const stdfs::path& root)
{
  if (!is_file(root / ".python-version")) {
    return std::nullopt;
  }
  const auto content = fs::read_file(root / ".python-version");
  return content ? minor_version(*content) : std::nullopt;
}

} // namespace

std::string_view layout_name(Layout layout)
{
  switch (layout) {
  case Layout::src: return "src layout";
  case Layout::flat: return "flat package";
  case Layout::scripts: return "scripts and notebooks";
  }
  return "";
}

Result<ProjectInfo> probe_project(const stdfs::path& root, const ProbeHints& hints)
{
  ProjectInfo info;
  info.root = root;
  info.name = root.filename().string();
  TRY(choose_package(info, hints));
  if (is_file(root / "requirements.txt")) {
    info.dependencies = DependencyFile::requirements;
  } else if (is_file(root / "pyproject.toml")) {
    info.dependencies = DependencyFile::pyproject;
  }
  info.has_dev_requirements = is_file(root / "requirements-dev.txt");
  info.has_configs = is_dir(root / "configs");
  info.has_models = is_dir(root / "models");
  // A scripts project's API is a package of its own (what `mlfolio add api` writes).
  info.has_api = is_file((info.package_dir.empty() ? root : root / info.package_dir) / "api" / "app.py");
  info.entry_point = find_entry_point(info);
  if (!hints.python.empty()) {
    const auto minor = minor_version(hints.python);
    if (!minor) {
      return usage_error("--python " + hints.python + ": give a minor version such as 3.11.");
    }
    info.python = *minor;
  } else {
    info.python = python_of(root).value_or(info.python);
  }

  for (const auto& path : project_files(root)) {
    if (path.ends_with(".ipynb")) {
      info.notebooks.push_back(path);
    } else if (info.model_path.empty() && path.starts_with("models/") && is_model_file(path)) {
      info.model_path = path;
    }
  }
  if (!hints.model_path.empty()) {
    if (!is_file(root / hints.model_path)) {
      return usage_error("--model-path " + hints.model_path + ": no such file in " + root.string()
                         + ". Give the trained model's path relative to the project.");
    }
    info.model_path = hints.model_path;
  }
  return info;
}

} // namespace mlfolio::generate
