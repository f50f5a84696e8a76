// code/type-hints: most functions outside tests carry type annotations.
//
// A function counts as annotated when it has a return annotation or annotates all of its
// parameters (self and cls left out): either way its signature tells the reader what flows
// through it. A function without parameters and without a return annotation is left out of
// the count, since a return type is all it could say ("def main():" is not a typing lapse).
#include "lint/rules/registry.h"

#include "core/text.h"
#include "lint/rules/python_code.h"
#include "lint/wording.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace mlfolio::lint {

namespace {

// Below this many functions a share says nothing about the author's habits.
constexpr size_t k_min_functions = 5;
constexpr size_t k_max_details = 10;
constexpr size_t k_max_names = 4;

// Scripts for tools rather than the project's code.
constexpr std::string_view k_tool_scripts[] = {"setup.py", "conf.py", "noxfile.py", "fabfile.py",
                                               "manage.py"};

bool is_tool_script(std::string_view path)
{
  const std::string_view name = text::base_name(path);
  return std::find(std::begin(k_tool_scripts), std::end(k_tool_scripts), name) != std::end(k_tool_scripts);
}

bool is_annotated(const analyze::Function& function)
{
  return function.has_return_annotation ||
         (function.parameter_count > 0 && function.all_parameters_annotated);
}

std::string percent(size_t part, size_t whole)
{
  // Rounded down, so that a share just under the threshold never prints as equal to it.
  return std::to_string(
             static_cast<int>(std::floor(100.0 * static_cast<double>(part) / static_cast<double>(whole)))) +
         "%";
}

} // namespace

Finding check_code_type_hints(const RuleContext& context)
{
  size_t counted = 0;
  size_t annotated = 0;
  size_t modules = 0;
  std::vector<Detail> details;
  constexpr std::string_view k_marimo[] = {"marimo"};
  for (const auto& [file, module] : python_modules(context.analysis())) {
    // A marimo notebook is a .py file of cells, each a function (@app.cell def __(mo): ...), and a
    // notebook's cells are not counted.
    const bool marimo_notebook =
        find_import(*module, k_marimo) != nullptr &&
        std::any_of(module->calls.begin(), module->calls.end(), [](const analyze::Call& call) {
          return call.callee == "marimo.App" || call.callee == "mo.App";
        });
    if (is_tool_script(file->path) || marimo_notebook) {
      continue;
    }
    std::vector<std::string> bare;
    std::vector<Location> bare_at;
    for (const auto& function : module->functions) {
      if (function.is_test || (function.parameter_count == 0 && !function.has_return_annotation)) {
        continue;
      }
      ++counted;
      if (is_annotated(function)) {
        ++annotated;
      } else {
        bare.push_back(function.class_name.empty() ? function.name
                                                   : function.class_name + "." + function.name);
        bare_at.push_back(location_of(file, function.line));
      }
    }
    modules += module->functions.empty() ? 0 : 1;
    if (!bare.empty()) {
      details.push_back({file->path + ": " + count_of(bare.size(), "function") + " without annotations (" +
                             join_some(bare, k_max_names) + ")",
                         bare_at});
    }
  }
  if (counted < k_min_functions) {
    return skip("only " + count_of(counted, "function") +
                " with parameters or a return type outside tests; " + std::to_string(k_min_functions) +
                " are needed to judge type hints");
  }
  const double needed = context.threshold(config::Threshold::type_hint_share);
  const std::string share = std::to_string(annotated) + " of " + std::to_string(counted) + " functions (" +
                            percent(annotated, counted) + ")";
  if (static_cast<double>(annotated) >= needed * static_cast<double>(counted)) {
    return pass(share + " in " + count_of(modules, "module") + " carry type annotations");
  }
  std::stable_sort(details.begin(), details.end(),
                   [](const Detail& a, const Detail& b) { return a.locations.size() > b.locations.size(); });
  if (details.size() > k_max_details) {
    details.resize(k_max_details);
  }
  std::vector<Location> locations;
  for (const auto& detail : details) {
    locations.push_back(detail.locations.front());
  }
  Finding finding = fail(share + " carry type annotations; at least " +
                             std::to_string(static_cast<int>(std::lround(needed * 100))) + "% should",
                         std::move(locations));
  finding.details = std::move(details);
  return finding;
}

} // namespace mlfolio::lint
