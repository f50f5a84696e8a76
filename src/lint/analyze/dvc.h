#pragma once

// DVC files: the stages of a dvc.yaml pipeline and the outputs a .dvc file tracks.

#include "lint/analyze/problem.h"

#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::lint::analyze {

struct DvcStage
{
  std::string name;
  int line = 0;
  std::vector<std::string> commands; // cmd: one string or a list
  std::vector<std::string> outs;     // outs, metrics and plots paths (a map entry gives its key)
  std::vector<std::string> metrics;
  std::vector<std::string> plots;
};

struct DvcPipeline
{
  std::vector<DvcStage> stages;
  std::vector<std::string> metrics; // top-level metrics: and plots: (DVC experiments without stages)
  std::vector<std::string> plots;
  std::vector<Problem> problems;
};

// dvc.yaml in any encoding; never throws.
DvcPipeline parse_dvc_yaml(std::string_view bytes);

// The `outs: - path:` entries of a .dvc file (dvc add), with their line.
struct DvcOut
{
  std::string path;
  int line = 0;
};
std::vector<DvcOut> parse_dvc_file(std::string_view bytes);

} // namespace mlfolio::lint::analyze
