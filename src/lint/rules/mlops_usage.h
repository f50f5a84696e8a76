#pragma once

#include "lint/rules/code_names.h"

// What several mlops rules ask of the code: which libraries it imports, which calls it makes,
// and where, across non-test modules and notebooks (experiment-tracking, monitoring, pipeline,
// model-registry).

#include "lint/analysis.h"
#include "lint/finding.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mlfolio::lint {

struct Library
{
  std::string_view module; // dotted; "from a import b" also matches "a.b"
  std::string_view name;   // for messages: "MLflow"
};

struct LibraryUse
{
  std::string name;
  Location where;
};

// Each library once, at its first import in the code modules (notebooks included, tests left
// out), in path order.
std::vector<LibraryUse> library_uses(const Analysis& analysis, std::span<const Library> libraries);

// "MLflow (src/train.py:3)"; a list of uses joined the same way: "A (x:1), B (y:2) and 1 more".
std::string describe(const LibraryUse& use);
std::string describe(const std::vector<LibraryUse>& uses, size_t max = 3);

// The first call that starts or logs a Vertex AI Experiments run through the Vertex AI SDK
// (aiplatform.init(experiment=...), aiplatform.start_run, aiplatform.log_metrics), and the callee.
std::optional<std::pair<Location, std::string>> vertex_experiment_run(const Analysis& analysis);

} // namespace mlfolio::lint
