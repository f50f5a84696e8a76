#include "lint/analyze/workflow.h"

#include "lint/analyze/line_index.h"
#include "lint/analyze/text_decode.h"
#include "lint/analyze/workflow_build.h"
#include "lint/analyze/yaml_limits.h"

#include <algorithm>
#include <cctype>

#include "core/text.h"

namespace mlfolio::lint::analyze {

namespace {

std::string lower(std::string_view s)
{
  std::string out(s);
  for (char& c : out) {
    c = text::ascii_lower(c); // <cctype>'s is a call per character
  }
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix)
{
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string_view trim(std::string_view s)
{
  const size_t first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) {
    return {};
  }
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

} // namespace

namespace detail {

bool YamlReader::visit()
{
  if (m_budget == 0) {
    return false;
  }
  if (--m_budget == 0) {
    m_workflow.problems.push_back(Problem{0, 0, "the YAML expands to too many nodes (aliases?); read in part"});
    return false;
  }
  return true;
}

int YamlReader::line_of(const YAML::Node& node)
{
  const YAML::Mark mark = node.Mark();
  return mark.is_null() ? 0 : mark.line + 1;
}

std::string YamlReader::scalar(const YAML::Node& node)
{
  return node.IsDefined() && node.IsScalar() ? node.Scalar() : std::string();
}

void YamlReader::add_command_text(const YAML::Node& node, CiJob& job)
{
  if (!node.IsDefined() || !node.IsScalar() || !visit()) {
    return;
  }
  const YAML::Mark mark = node.Mark();
  const int first_line = mark.is_null() ? 0 : mark.line + 1;
  const size_t pos = mark.is_null() ? std::string_view::npos : static_cast<size_t>(mark.pos);
  const char style = pos < m_source.size() ? m_source[pos] : ' ';
  const bool literal = style == '|';
  const bool block = literal || style == '>';
  const std::vector<std::string_view> lines = split_lf_lines(node.Scalar());
  std::string pending;
  int pending_line = 0;
  for (size_t k = 0; k < lines.size(); ++k) {
    const std::string_view line = trim(lines[k]);
    const int number = literal ? first_line + 1 + static_cast<int>(k) : first_line + (block ? 1 : 0);
    if (pending.empty() && (line.empty() || line.front() == '#')) {
      continue;
    }
    if (pending.empty()) {
      pending_line = number;
    }
    if (!line.empty() && line.back() == '\\') {
      pending += trim(line.substr(0, line.size() - 1));
      pending += ' ';
      continue;
    }
    pending += line;
    job.commands.push_back(CiCommand{std::string(trim(pending)), pending_line});
    pending.clear();
  }
  if (!trim(pending).empty()) {
    job.commands.push_back(CiCommand{std::string(trim(pending)), pending_line});
  }
}

void YamlReader::add_script(const YAML::Node& node, CiJob& job)
{
  if (!node.IsDefined()) {
    return;
  }
  if (node.IsScalar()) {
    add_command_text(node, job);
    return;
  }
  if (!node.IsSequence()) {
    return;
  }
  for (const auto& item : node) {
    if (!visit()) {
      return;
    }
    if (item.IsScalar()) {
      add_command_text(item, job);
    } else if (item.IsSequence() && item.Tag() != "!reference") {
      for (const auto& inner : item) {
        add_command_text(inner, job);
      }
    }
  }
}

} // namespace detail

CiSystem ci_system_for_path(std::string_view path)
{
  const std::string lowered = lower(path);
  const size_t slash = lowered.rfind('/');
  const std::string_view name = slash == std::string::npos ? std::string_view(lowered) : std::string_view(lowered).substr(slash + 1);
  const bool yaml = ends_with(name, ".yml") || ends_with(name, ".yaml");
  if (yaml && lowered.find(".github/workflows/") != std::string::npos) {
    return CiSystem::github_actions;
  }
  if (name == ".gitlab-ci.yml" || name == ".gitlab-ci.yaml") {
    return CiSystem::gitlab;
  }
  if (yaml && lowered.find(".circleci/") != std::string::npos) {
    return CiSystem::circleci;
  }
  // Azure Pipelines reads any YAML file it is pointed at: azure-pipelines.yml and its variants
  // (azure-pipelines-ci.yml), or the files of a folder kept for them (.azuredevops/train.yml; not
  // their templates/ below it).
  const std::string_view folder =
      slash == std::string::npos ? std::string_view() : std::string_view(lowered).substr(0, slash);
  const std::string_view parent = folder.substr(folder.rfind('/') + 1); // npos + 1 is 0
  if (yaml &&
      (name.substr(0, 15) == "azure-pipelines" || parent == ".azuredevops" || parent == ".azure-pipelines")) {
    return CiSystem::azure_pipelines;
  }
  if (name == "bitbucket-pipelines.yml" || name == "bitbucket-pipelines.yaml") {
    return CiSystem::bitbucket;
  }
  if (name == ".travis.yml" || name == ".travis.yaml") {
    return CiSystem::travis;
  }
  if (name == "jenkinsfile" || name.substr(0, 12) == "jenkinsfile.") {
    return CiSystem::jenkins;
  }
  return CiSystem::unknown;
}

Workflow parse_workflow(std::string_view bytes, CiSystem system)
{
  Workflow workflow;
  workflow.system = system;
  const DecodedText decoded = decode_text(bytes);
  if (system == CiSystem::jenkins) {
    detail::read_jenkinsfile(decoded.text, workflow);
    return workflow;
  }
  if (system == CiSystem::unknown) {
    workflow.problems.push_back(Problem{0, 0, "not a known CI configuration"});
    return workflow;
  }
  if (const int line = detail::yaml_too_deep_line(decoded.text); line > 0) {
    workflow.problems.push_back(Problem{line, 0, "YAML nested too deeply to read"});
    return workflow;
  }
  try {
    const YAML::Node root = YAML::Load(decoded.text);
    if (!root.IsMap()) {
      workflow.problems.push_back(Problem{1, 0, "the YAML document is not a mapping"});
      return workflow;
    }
    detail::YamlReader reader(decoded.text, workflow);
    switch (system) {
    case CiSystem::github_actions: detail::read_github_actions(root, reader); break;
    case CiSystem::gitlab: detail::read_gitlab(root, reader); break;
    case CiSystem::circleci: detail::read_circleci(root, reader); break;
    case CiSystem::azure_pipelines: detail::read_azure(root, reader); break;
    case CiSystem::bitbucket: detail::read_bitbucket(root, reader); break;
    case CiSystem::travis: detail::read_travis(root, reader); break;
    case CiSystem::jenkins:
    case CiSystem::unknown: break;
    }
  } catch (const YAML::Exception& error) {
    const bool known = !error.mark.is_null();
    workflow.problems.push_back(
      Problem{known ? error.mark.line + 1 : 0, known ? error.mark.column + 1 : 0, "invalid YAML: " + error.msg});
  } catch (const std::exception& error) {
    workflow.problems.push_back(Problem{0, 0, std::string("cannot read the YAML: ") + error.what()});
  }
  return workflow;
}

} // namespace mlfolio::lint::analyze
