#pragma once

// Internal to the CI reader: the per-system readers and what they share.

#include "lint/analyze/workflow.h"

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>

namespace mlfolio::lint::analyze::detail {

// Walks YAML nodes with a budget: anchors and aliases can make a small file a huge tree.
class YamlReader
{
public:
  YamlReader(std::string_view source, Workflow& workflow) : m_source(source), m_workflow(workflow) {}

  // Visiting a node spends budget; false once the budget is gone (and a problem says so).
  bool visit();

  static int line_of(const YAML::Node& node);
  static std::string scalar(const YAML::Node& node); // "" for anything but a scalar

  // Adds the commands of a script value: a string (a block scalar is split into its lines,
  // each with its own line number) or a list of such strings (nested lists flattened once).
  void add_script(const YAML::Node& node, CiJob& job);
  void add_command_text(const YAML::Node& node, CiJob& job);

  Workflow& workflow() { return m_workflow; }

private:
  std::string_view m_source;
  Workflow& m_workflow;
  size_t m_budget = 200'000;
};

void read_github_actions(const YAML::Node& root, YamlReader& reader);
void read_gitlab(const YAML::Node& root, YamlReader& reader);
void read_circleci(const YAML::Node& root, YamlReader& reader);
void read_azure(const YAML::Node& root, YamlReader& reader);
void read_bitbucket(const YAML::Node& root, YamlReader& reader);
void read_travis(const YAML::Node& root, YamlReader& reader);
void read_jenkinsfile(std::string_view text, Workflow& workflow);

} // namespace mlfolio::lint::analyze::detail
