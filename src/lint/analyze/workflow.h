#pragma once

#include "lint/analyze/problem.h"

#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::lint::analyze {

enum class CiSystem { github_actions, gitlab, circleci, azure_pipelines, bitbucket, travis, jenkins, unknown };

// By path: .github/workflows/*.yml|yaml, .gitlab-ci.yml, .circleci/config.yml,
// azure-pipelines.yml, bitbucket-pipelines.yml, .travis.yml, Jenkinsfile; else unknown.
CiSystem ci_system_for_path(std::string_view path);

struct CiCommand
{
  std::string text; // one shell command; lines ending in "\" are joined with the next
  int line = 0;
};

// A reusable unit a job calls instead of a command: a GitHub action, a CircleCI orb command
// or built-in step, an Azure task or template, a Bitbucket pipe.
struct CiAction
{
  std::string name; // "actions/checkout@v4", "python/install-packages", "UsePythonVersion@0"
  int line = 0;
};

struct CiJob
{
  std::string name; // the job's id / key / stage name
  int line = 0;
  std::vector<CiCommand> commands;
  std::vector<CiAction> actions;
};

struct Workflow
{
  CiSystem system = CiSystem::unknown;
  std::string name;                  // GitHub Actions "name:"
  std::vector<std::string> triggers; // GitHub Actions "on:" events
  std::vector<CiJob> jobs;
  std::vector<Problem> problems;     // malformed YAML (line and column of the error), refused input
};

// Reads a CI configuration of the given system in any encoding. YAML systems are read with
// yaml-cpp; Jenkinsfiles line by line (sh/bat/powershell steps). Never throws.
Workflow parse_workflow(std::string_view bytes, CiSystem system);

} // namespace mlfolio::lint::analyze
