#pragma once

// Targets of a Makefile or a justfile: what `make <target>` / `just <recipe>` would run.

#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::lint::analyze {

enum class TaskFileKind { make, just };

struct TaskTarget
{
  std::string name;
  int line = 0;
  std::vector<std::string> prerequisites; // other targets or files named after the colon
  std::vector<std::string> recipe;        // command lines, leading whitespace and @/-/+ prefixes removed
};

struct TaskFile
{
  std::vector<TaskTarget> targets; // in file order; special (.PHONY), pattern (%.o) and file targets left out
};

// Reads targets and their recipes in any encoding. Variable assignments, conditionals,
// includes and comments are skipped; never throws.
TaskFile parse_task_file(std::string_view bytes, TaskFileKind kind);

// A recipe line that only prints ("echo Run 'make docker-up' next"): it runs nothing it names.
bool only_prints(std::string_view command);

} // namespace mlfolio::lint::analyze
