#pragma once

#include "lint/analyze/problem.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::lint::analyze {

enum class DependencyFormat { requirements, pyproject, setup_cfg, setup_py, conda_environment, pipfile, unknown };

// requirements*.txt / *.in (and any .txt below a requirements/ folder), pyproject.toml,
// setup.cfg, setup.py, environment*.yml|yaml / conda*.yml|yaml, Pipfile; else unknown.
DependencyFormat dependency_format_for_path(std::string_view path);

struct Dependency
{
  std::string name;      // normalised per PEP 503 ("Scikit_Learn" -> "scikit-learn"); "" for a bare path or URL
  std::string specifier; // as written without spaces: ">=1.2,<2", "==1.4.2", "^1.2" (Poetry), "=1.21" (conda)
  std::vector<std::string> extras;
  std::string marker;    // environment marker after ';'
  std::string url;       // direct reference, VCS URL or local path
  bool pinned = false;   // == (no wildcard) or ===, a bare Poetry version, a VCS URL at a commit, a wheel/sdist file
  bool editable = false; // -e / editable = true
  bool has_hash = false; // --hash=...
  std::string group;     // "" for runtime dependencies; extra / optional-dependencies / dev group name otherwise
  int line = 0;
};

// A file another one points to: "-r other.txt", "-c constraints.txt", "pip: -r requirements.txt",
// or a requirements file that setup.py reads.
struct DependencyInclude
{
  std::string path;
  bool constraint = false;
  int line = 0;
};

// A console script: pyproject.toml [project.scripts] or [tool.poetry.scripts], setup.cfg
// [options.entry_points] console_scripts, setup.py entry_points={"console_scripts": [...]}.
struct EntryPoint
{
  std::string name;   // the command: "churn-train"
  std::string target; // "churn.train:main"
  int line = 0;
};

struct DependencyFile
{
  DependencyFormat format = DependencyFormat::unknown;
  std::vector<Dependency> dependencies;
  std::vector<DependencyInclude> includes;
  std::vector<std::string> tool_tables; // pyproject [tool.*] names and setup.cfg tool sections, sorted: "black", "mypy", ...
  std::vector<EntryPoint> scripts;
  std::string project_name;
  std::string build_backend;
  bool has_project_table = false; // PEP 621 [project]
  std::vector<Problem> problems;  // malformed TOML/YAML with line and column; lines that are not requirements
};

DependencyFile parse_dependencies(std::string_view bytes, DependencyFormat format);

// One PEP 508 requirement ("pandas[excel]>=2.0; python_version >= '3.9'", "pkg @ git+https://...").
std::optional<Dependency> parse_requirement(std::string_view text, int line);

// PEP 503: lower-case, runs of '-', '_' and '.' become one '-'.
std::string normalize_package_name(std::string_view name);

} // namespace mlfolio::lint::analyze
