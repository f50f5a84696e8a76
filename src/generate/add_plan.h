#pragma once

// `mlfolio add COMPONENT`: what it would change in an existing project, computed in memory
// from the ml-project template and the probed project before anything is written.

#include "core/result.h"
#include "generate/answers.h"
#include "generate/components.h"
#include "generate/project_probe.h"
#include "generate/template.h"

#include <optional>
#include <string>
#include <vector>

namespace mlfolio::generate {

enum class ChangeKind {
  create,  // a new file
  merge,   // lines appended to an existing file
  replace, // --force: an existing file replaced, after a backup
  keep,    // an existing file left alone (without --force)
  same,    // the file already says this; nothing to do
};

std::string_view change_kind_name(ChangeKind kind);

struct Change
{
  std::string path; // relative to the project, '/'-separated
  ChangeKind kind = ChangeKind::create;
  std::optional<std::string> before; // the file's content now; nullopt when it does not exist
  std::string after;                  // its content once written (== before for keep and same)
  std::string note;                   // for the report: what was merged, why it was kept
};

struct AddPlan
{
  const Component* component = nullptr;
  ProjectInfo project;
  std::vector<Change> changes; // sorted by path
};

// The variables a template sees for this project: `answers` (licence, author, tracking, ...)
// plus the layout, the dependency file and the commands probed from it.
Variables project_variables(const ProjectInfo& project, const Answers& answers, std::string_view template_version);

Result<AddPlan> plan_add(const Component& component, const Template& tmpl, const ProjectInfo& project,
                         const Answers& answers, bool force);

} // namespace mlfolio::generate
