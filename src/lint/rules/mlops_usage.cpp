#include "lint/rules/mlops_usage.h"

#include "core/text.h"
#include "lint/rules/python_code.h"
#include "lint/rules/rigor_code.h"
#include "lint/wording.h"

#include <algorithm>
#include <cctype>

namespace mlfolio::lint {

std::vector<LibraryUse> library_uses(const Analysis& analysis, std::span<const Library> libraries)
{
  std::vector<LibraryUse> uses;
  for (const auto& [file, module] : analysis.code_modules()) {
    for (const auto& import : module->imports) {
      if (import.level > 0) {
        continue;
      }
      for (const auto& library : libraries) {
        bool matches = is_module(import.module, library.module);
        for (const auto& name : import.names) {
          matches = matches || is_module(import.module + "." + name, library.module);
        }
        const bool seen = std::any_of(uses.begin(), uses.end(),
                                      [&](const LibraryUse& use) { return use.name == library.name; });
        if (matches && !seen) {
          uses.push_back({std::string(library.name), code_location(analysis, file, import.line)});
        }
      }
    }
  }
  return uses;
}

std::string describe(const LibraryUse& use)
{
  return use.name + " (" + use.where.to_string() + ")";
}

namespace {

// Vertex AI Experiments, through the Vertex AI SDK: aiplatform.init(experiment="churn"),
// aiplatform.start_run(...), aiplatform.log_params(...), aiplatform.log_metrics(...). The SDK
// also uploads and deploys models, which logs no run.
bool vertex_experiment_call(const analyze::Call& call)
{
  const std::string_view name = last_component(call.callee);
  // Through the SDK's module (aiplatform.start_run, or its usual aliases), not a trainer's or a
  // logger's own log_metrics.
  const std::string_view receiver = std::string_view(call.callee).substr(0, call.callee.rfind('.') + 1);
  if (receiver != "aiplatform." && receiver != "vertex_ai." && receiver != "vertexai." &&
      receiver != "aip.") {
    return false;
  }
  if (name == "init") {
    return std::any_of(call.keywords.begin(), call.keywords.end(),
                       [](const analyze::KeywordArgument& keyword) { return keyword.name == "experiment"; });
  }
  return name == "start_run" || name == "log_params" || name == "log_metrics" ||
         name == "log_time_series_metrics";
}

} // namespace

std::optional<std::pair<Location, std::string>> vertex_experiment_run(const Analysis& analysis)
{
  constexpr std::string_view k_vertex[] = {"google.cloud.aiplatform"};
  for (const auto& [file, module] : analysis.code_modules()) {
    if (find_import(*module, k_vertex) == nullptr) {
      continue;
    }
    for (const auto& call : module->calls) {
      if (vertex_experiment_call(call)) {
        return std::pair(code_location(analysis, file, call.line), call.callee);
      }
    }
  }
  return std::nullopt;
}

std::string describe(const std::vector<LibraryUse>& uses, size_t max)
{
  std::vector<std::string> items;
  for (const auto& use : uses) {
    items.push_back(describe(use));
  }
  return join_some(items, max);
}
} // namespace mlfolio::lint
