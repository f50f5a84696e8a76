#pragma once

#include "lint/finding.h"
#include "lint/runner.h"
#include "lint/score.h"

#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::report {

// Everything a report format prints: the findings of one audit, scored and sorted.
struct Report
{
  std::string tool_version;
  std::string target;                  // RepoView::describe()
  std::optional<std::string> commit;   // when the audited tree has one
  std::vector<lint::Finding> findings; // every rule once, by category (table order) then id
  lint::Score score;
  std::vector<std::string> notes;

  // Failing findings of alert rules (repo/secrets): shown before everything else.
  std::vector<const lint::Finding*> alerts() const;
};

Report make_report(std::string target, std::optional<std::string> commit, lint::RunResult run);

struct WriteOptions
{
  bool color = false; // ANSI colours (text only)
  bool quiet = false; // only the score line (text only)
};

struct Format
{
  std::string_view name;
  std::string_view description;
  void (*write)(const Report& report, std::ostream& out, const WriteOptions& options);
};

// The one table of report formats.
std::span<const Format> formats();
const Format* find_format(std::string_view name);

} // namespace mlfolio::report
