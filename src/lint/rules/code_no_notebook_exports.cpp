// code/no-notebook-exports: .py files are not raw notebook exports.
//
// An export from Jupyter ("Download as .py", nbconvert) carries "# In[3]:" cell markers,
// get_ipython() calls for magics and "!pip install" lines. get_ipython imported from IPython is
// a library detecting its environment, not an export; Jupytext's "# %%" cells are a deliberate
// format and never count.
#include "lint/rules/registry.h"

#include "lint/rules/python_code.h"
#include "lint/wording.h"

namespace mlfolio::lint {

namespace {

constexpr size_t k_max_details = 20;

bool imports_get_ipython(const analyze::PythonModule& module)
{
  for (const auto& import : module.imports) {
    if (is_module(import.module, "IPython")) {
      return true;
    }
  }
  return false;
}

// What gives the module away as an export; empty for a module written as one.
std::vector<analyze::NotebookMarker> export_markers(const analyze::PythonModule& module)
{
  const bool own_get_ipython = imports_get_ipython(module);
  std::vector<analyze::NotebookMarker> markers;
  for (const auto& marker : module.notebook_markers) {
    if (marker.kind != analyze::NotebookMarkerKind::get_ipython || !own_get_ipython) {
      markers.push_back(marker);
    }
  }
  return markers;
}

std::string describe(const std::vector<analyze::NotebookMarker>& markers)
{
  size_t cells = 0;
  std::vector<std::string> other;
  for (const auto& marker : markers) {
    if (marker.kind == analyze::NotebookMarkerKind::cell_marker) {
      ++cells;
    } else if (other.size() < 2) {
      other.push_back(marker.text + " (line " + std::to_string(marker.line) + ")");
    }
  }
  const size_t others = markers.size() - cells;
  std::vector<std::string> parts;
  if (cells > 0) {
    parts.push_back(count_of(cells, "cell marker") + " like # In[1]:");
  }
  if (others > 0) {
    parts.push_back(join_some(other, 2) +
                    (others > other.size() ? " and " + std::to_string(others - other.size()) + " more" : ""));
  }
  return join_some(parts, 2);
}

} // namespace

Finding check_code_no_notebook_exports(const RuleContext& context)
{
  const auto modules = python_modules(context.analysis());
  if (modules.empty()) {
    return skip("no Python files outside tests");
  }
  std::vector<Detail> details;
  std::vector<std::string> paths;
  for (const auto& [file, module] : modules) {
    const auto markers = export_markers(*module);
    if (!markers.empty()) {
      paths.push_back(file->path);
      details.push_back({file->path + " is a notebook export: " + describe(markers),
                         {location_of(file, markers.front().line)}});
    }
  }
  if (details.empty()) {
    return pass("no cell markers, get_ipython() calls or shell escapes in " +
                count_of(modules.size(), "Python file"));
  }
  std::vector<Location> locations;
  for (const auto& detail : details) {
    locations.push_back(detail.locations.front());
  }
  if (details.size() > k_max_details) {
    details.resize(k_max_details);
    locations.resize(k_max_details);
  }
  Finding finding =
      fail(count_of(paths.size(), "Python file") +
               (paths.size() == 1 ? " is a raw notebook export: " : " are raw notebook exports: ") +
               join_some(paths, 3),
           std::move(locations));
  finding.details = std::move(details);
  return finding;
}

} // namespace mlfolio::lint
