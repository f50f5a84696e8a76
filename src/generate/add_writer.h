#pragma once

#include "core/result.h"
#include "generate/add_plan.h"

#include <string>
#include <vector>

namespace mlfolio::generate {

struct AddOutcome
{
  std::vector<std::string> written; // created, merged or replaced
  std::vector<std::string> backups; // "Dockerfile.bak": the old content of a replaced file
};

// The next free backup name beside `path`: "<path>.bak", else "<path>.bak.1", ".bak.2", ...
std::string backup_name(const std::filesystem::path& root, const std::string& path);

// Writes the created, merged and replaced files of the plan, each atomically (a temporary file
// renamed over it), a replaced file only after its backup is on disk. Files the plan keeps are
// never opened for writing; nothing else in the project is touched.
Result<AddOutcome> write_add_plan(const AddPlan& plan);

} // namespace mlfolio::generate
