#include "lint/analyze/dvc.h"

#include "lint/analyze/text_decode.h"
#include "lint/analyze/yaml_limits.h"

#include <optional>

#include <yaml-cpp/yaml.h>

namespace mlfolio::lint::analyze {

namespace {

// A list of paths: "- model.pkl" or "- metrics.json: {cache: false}".
std::vector<std::string> paths_of(const YAML::Node& node)
{
  std::vector<std::string> paths;
  if (!node || !node.IsSequence()) {
    return paths;
  }
  for (const auto& item : node) {
    if (item.IsScalar()) {
      paths.push_back(item.as<std::string>());
    } else if (item.IsMap()) {
      for (const auto& entry : item) {
        if (entry.first.IsScalar()) {
          paths.push_back(entry.first.as<std::string>());
        }
      }
    }
  }
  return paths;
}

} // namespace

DvcPipeline parse_dvc_yaml(std::string_view bytes)
{
  DvcPipeline pipeline;
  const DecodedText decoded = decode_text(bytes);
  const auto root = detail::load_yaml_map(decoded.text, pipeline.problems);
  if (!root) {
    return pipeline;
  }
  try {
    pipeline.metrics = paths_of((*root)["metrics"]);
    pipeline.plots = paths_of((*root)["plots"]);
    const YAML::Node stages = (*root)["stages"];
    if (stages && stages.IsMap()) {
      for (const auto& entry : stages) {
        DvcStage stage;
        stage.name = entry.first.Scalar();
        stage.line = detail::yaml_line(entry.first);
        const YAML::Node& body = entry.second;
        if (body.IsMap()) {
          const YAML::Node cmd = body["cmd"];
          if (cmd && cmd.IsScalar()) {
            stage.commands.push_back(cmd.as<std::string>());
          } else if (cmd && cmd.IsSequence()) {
            stage.commands = paths_of(cmd);
          }
          stage.outs = paths_of(body["outs"]);
          stage.metrics = paths_of(body["metrics"]);
          stage.plots = paths_of(body["plots"]);
        }
        pipeline.stages.push_back(std::move(stage));
      }
    }
  } catch (const YAML::Exception& error) {
    pipeline.problems.push_back(Problem{0, 0, "cannot read the YAML: " + error.msg});
  }
  return pipeline;
}

std::vector<DvcOut> parse_dvc_file(std::string_view bytes)
{
  std::vector<DvcOut> outs;
  std::vector<Problem> problems;
  const DecodedText decoded = decode_text(bytes);
  const auto root = detail::load_yaml_map(decoded.text, problems);
  if (!root) {
    return outs;
  }
  try {
    const YAML::Node list = (*root)["outs"];
    if (list && list.IsSequence()) {
      for (const auto& item : list) {
        if (item.IsMap() && item["path"] && item["path"].IsScalar()) {
          outs.push_back({item["path"].as<std::string>(), detail::yaml_line(item["path"])});
        }
      }
    }
  } catch (const YAML::Exception&) {
    // what was read so far is kept: a .dvc file is small and written by DVC itself
  }
  return outs;
}

} // namespace mlfolio::lint::analyze
