#pragma once

#include "lint/category.h"
#include "lint/finding.h"
#include "lint/params.h"
#include "lint/severity.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace mlfolio::lint {

// One commit of an example's history (the git/ rules), oldest first.
struct ExampleCommit
{
  std::string message;
  double days_ago = 0;                                    // before the fixed "now" of the examples
  std::vector<std::pair<std::string, std::string>> files; // path -> content after this commit
};

// A small repository a rule must judge `expect`; the tests run every example.
struct Example
{
  Status expect = Status::pass;
  std::string note;                                       // optional: what the example shows
  std::vector<std::pair<std::string, std::string>> files; // path -> content, sorted by path
  std::map<std::string, double, std::less<>> thresholds;  // threshold overrides for this example
  std::vector<ExampleCommit> commits;                     // [[example.commit]]: a history, oldest first
  // The project's folder in its repository ("projects/churn"); files above it are written
  // "../LICENSE" (see RepoView::outer_files). Empty: the project is the repository.
  std::string folder;
};

// Everything a checks/<category>/<name>.toml file says about one rule.
struct RuleMeta
{
  std::string id; // "docs/readme"; the file is checks/docs/readme.toml
  std::string title;
  Category category = Category::docs;
  Severity severity = Severity::warning;
  double weight = 1; // within its category (see docs/scoring.md)
  std::string rationale;
  std::vector<std::string> sources; // "guide 003"
  std::string fix;
  std::string add;  // the `mlfolio add COMPONENT` that would fix a failure; may be empty
  std::string kind; // "cpp" or a data kind from rule_kinds()
  Params params;
  bool alert = false; // a failure is shown first whatever the score
  std::vector<Example> examples;
  std::string path; // "checks/docs/readme.toml"
};

} // namespace mlfolio::lint
