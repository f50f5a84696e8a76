#pragma once

// Internal to the dependency reader: one reader per file format.

#include "lint/analyze/deps.h"

#include <string_view>

namespace mlfolio::lint::analyze::detail {

void read_requirements(std::string_view text, DependencyFile& file);
void read_pyproject(std::string_view text, DependencyFile& file);
void read_pipfile(std::string_view text, DependencyFile& file);
void read_setup_cfg(std::string_view text, DependencyFile& file);
void read_setup_py(std::string_view text, DependencyFile& file);
void read_conda_environment(std::string_view text, DependencyFile& file);

// A requirements line (options included): adds a dependency, an include, or nothing.
void add_requirement_line(std::string_view line, int line_number, std::string_view group, DependencyFile& file);

// Whether a URL pins what it installs: a VCS reference at a commit or a wheel/sdist file.
bool url_is_pinned(std::string_view url);

// Poetry's "1.2.3" means ==1.2.3; "^1.2", "~1.2", ">=1", "*" do not pin.
bool poetry_version_is_pinned(std::string_view version);

} // namespace mlfolio::lint::analyze::detail
