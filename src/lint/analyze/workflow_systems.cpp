#include "lint/analyze/workflow_build.h"

#include <algorithm>
#include <set>

namespace mlfolio::lint::analyze::detail {

namespace {

bool is_map(const YAML::Node& node)
{
  return node.IsDefined() && node.IsMap();
}

bool is_sequence(const YAML::Node& node)
{
  return node.IsDefined() && node.IsSequence();
}

void add_action(CiJob& job, const YAML::Node& node, std::string prefix = {})
{
  const std::string name = YamlReader::scalar(node);
  if (!name.empty()) {
    job.actions.push_back(CiAction{prefix + name, YamlReader::line_of(node)});
  }
}

void add_job(Workflow& workflow, CiJob job)
{
  workflow.jobs.push_back(std::move(job));
}

} // namespace

void read_github_actions(const YAML::Node& root, YamlReader& reader)
{
  Workflow& workflow = reader.workflow();
  workflow.name = YamlReader::scalar(root["name"]);
  const YAML::Node on = root["on"];
  if (on.IsDefined() && on.IsScalar()) {
    workflow.triggers.push_back(on.Scalar());
  } else if (is_sequence(on)) {
    for (const auto& event : on) {
      if (event.IsScalar()) {
        workflow.triggers.push_back(event.Scalar());
      }
    }
  } else if (is_map(on)) {
    for (const auto& event : on) {
      workflow.triggers.push_back(YamlReader::scalar(event.first));
    }
  }
  const YAML::Node jobs = root["jobs"];
  if (!is_map(jobs)) {
    return;
  }
  for (const auto& entry : jobs) {
    if (!reader.visit()) {
      return;
    }
    CiJob job{YamlReader::scalar(entry.first), YamlReader::line_of(entry.first), {}, {}};
    if (is_map(entry.second)) {
      add_action(job, entry.second["uses"]); // a reusable workflow
      const YAML::Node steps = entry.second["steps"];
      for (size_t k = 0; is_sequence(steps) && k < steps.size() && reader.visit(); ++k) {
        const YAML::Node step = steps[k];
        if (is_map(step)) {
          add_action(job, step["uses"]);
          reader.add_script(step["run"], job);
        }
      }
    }
    add_job(workflow, std::move(job));
  }
}

void read_gitlab(const YAML::Node& root, YamlReader& reader)
{
  static const std::set<std::string, std::less<>> k_keywords = {
    "default", "include", "stages", "variables", "workflow", "image", "services", "cache", "before_script", "after_script",
    "spec"};
  Workflow& workflow = reader.workflow();
  CiJob defaults{"(default)", 0, {}, {}};
  const YAML::Node default_section = root["default"];
  for (const YAML::Node& holder : {root, default_section}) {
    if (is_map(holder)) {
      reader.add_script(holder["before_script"], defaults);
      reader.add_script(holder["after_script"], defaults);
    }
  }
  if (!defaults.commands.empty()) {
    defaults.line = defaults.commands.front().line;
    add_job(workflow, std::move(defaults));
  }
  for (const auto& entry : root) {
    if (!reader.visit()) {
      return;
    }
    const std::string name = YamlReader::scalar(entry.first);
    if (k_keywords.count(name) > 0 || !is_map(entry.second)) {
      continue;
    }
    CiJob job{name, YamlReader::line_of(entry.first), {}, {}};
    for (const char* key : {"before_script", "script", "after_script"}) {
      reader.add_script(entry.second[key], job);
    }
    add_job(workflow, std::move(job));
  }
}

namespace {

void circleci_steps(const YAML::Node& steps, YamlReader& reader, CiJob& job)
{
  for (size_t k = 0; is_sequence(steps) && k < steps.size() && reader.visit(); ++k) {
    const YAML::Node step = steps[k];
    if (step.IsScalar()) {
      add_action(job, step); // "checkout", or an orb command without parameters
      continue;
    }
    if (!is_map(step)) {
      continue;
    }
    for (const auto& entry : step) {
      const std::string key = YamlReader::scalar(entry.first);
      if (key == "run") {
        if (is_map(entry.second)) {
          reader.add_command_text(entry.second["command"], job);
        } else {
          reader.add_command_text(entry.second, job);
        }
      } else {
        job.actions.push_back(CiAction{key, YamlReader::line_of(entry.first)});
      }
    }
  }
}

} // namespace

void read_circleci(const YAML::Node& root, YamlReader& reader)
{
  for (const char* section : {"jobs", "commands"}) {
    const YAML::Node jobs = root[section];
    if (!is_map(jobs)) {
      continue;
    }
    for (const auto& entry : jobs) {
      if (!reader.visit()) {
        return;
      }
      CiJob job{YamlReader::scalar(entry.first), YamlReader::line_of(entry.first), {}, {}};
      if (is_map(entry.second)) {
        circleci_steps(entry.second["steps"], reader, job);
      }
      add_job(reader.workflow(), std::move(job));
    }
  }
}

namespace {

constexpr int k_max_walk_depth = 24;

void azure_steps(const YAML::Node& steps, YamlReader& reader, CiJob& job)
{
  for (size_t k = 0; k < steps.size() && reader.visit(); ++k) {
    const YAML::Node step = steps[k];
    if (!is_map(step)) {
      continue;
    }
    for (const char* key : {"script", "bash", "powershell", "pwsh"}) {
      reader.add_script(step[key], job);
    }
    add_action(job, step["task"]);
    add_action(job, step["template"], "template:");
    add_action(job, step["checkout"], "checkout:");
  }
}

void azure_walk(const YAML::Node& node, std::string name, YamlReader& reader, int depth)
{
  if (depth > k_max_walk_depth || !reader.visit()) {
    return;
  }
  if (is_sequence(node)) {
    for (const auto& item : node) {
      azure_walk(item, name, reader, depth + 1);
    }
    return;
  }
  if (!is_map(node)) {
    return;
  }
  for (const char* key : {"stage", "job", "deployment"}) {
    const std::string own = YamlReader::scalar(node[key]);
    name = own.empty() ? name : own;
  }
  const YAML::Node steps = node["steps"];
  if (is_sequence(steps)) {
    CiJob job{name, YamlReader::line_of(node), {}, {}};
    azure_steps(steps, reader, job);
    add_job(reader.workflow(), std::move(job));
  }
  for (const auto& entry : node) {
    if (YamlReader::scalar(entry.first) != "steps") {
      azure_walk(entry.second, name, reader, depth + 1);
    }
  }
}

void bitbucket_walk(const YAML::Node& node, YamlReader& reader, std::set<int>& seen, int depth)
{
  if (depth > k_max_walk_depth || !reader.visit()) {
    return;
  }
  if (is_sequence(node)) {
    for (const auto& item : node) {
      bitbucket_walk(item, reader, seen, depth + 1);
    }
    return;
  }
  if (!is_map(node)) {
    return;
  }
  const YAML::Node step = node["step"];
  if (is_map(step) && seen.insert(YamlReader::line_of(step)).second) {
    const std::string name = YamlReader::scalar(step["name"]);
    CiJob job{name.empty() ? "step" : name, YamlReader::line_of(step), {}, {}};
    for (const char* key : {"script", "after-script"}) {
      const YAML::Node script = step[key];
      reader.add_script(script, job);
      for (size_t k = 0; is_sequence(script) && k < script.size(); ++k) {
        if (is_map(script[k])) {
          add_action(job, script[k]["pipe"]);
        }
      }
    }
    add_job(reader.workflow(), std::move(job));
  }
  for (const auto& entry : node) {
    if (YamlReader::scalar(entry.first) != "step") {
      bitbucket_walk(entry.second, reader, seen, depth + 1);
    }
  }
}

void travis_job(const YAML::Node& node, std::string name, YamlReader& reader)
{
  CiJob job{std::move(name), YamlReader::line_of(node), {}, {}};
  for (const char* key : {"before_install", "install", "before_script", "script", "after_success", "after_failure",
                          "after_script", "before_deploy", "after_deploy"}) {
    reader.add_script(node[key], job);
  }
  if (!job.commands.empty()) {
    reader.workflow().jobs.push_back(std::move(job));
  }
}

} // namespace

void read_azure(const YAML::Node& root, YamlReader& reader)
{
  azure_walk(root, "(pipeline)", reader, 0);
}

void read_bitbucket(const YAML::Node& root, YamlReader& reader)
{
  std::set<int> seen;
  bitbucket_walk(root["pipelines"], reader, seen, 0);
  bitbucket_walk(root["definitions"], reader, seen, 0);
}

void read_travis(const YAML::Node& root, YamlReader& reader)
{
  travis_job(root, "(build)", reader);
  for (const char* section : {"jobs", "matrix"}) {
    const YAML::Node include = is_map(root[section]) ? root[section]["include"] : YAML::Node();
    for (size_t k = 0; is_sequence(include) && k < include.size() && reader.visit(); ++k) {
      const YAML::Node job = include[k];
      if (!is_map(job)) {
        continue;
      }
      std::string name = YamlReader::scalar(job["name"]);
      if (name.empty()) {
        name = YamlReader::scalar(job["stage"]);
      }
      travis_job(job, name.empty() ? "include[" + std::to_string(k) + "]" : name, reader);
    }
  }
}

} // namespace mlfolio::lint::analyze::detail
