#pragma once

#include "lint/catalog.h"
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

// What a report says about a rule besides its finding (SARIF rules[], the HTML report).
struct RuleDoc
{
  std::string id;
  std::string title;
  lint::Severity severity = lint::Severity::warning; // the rule's own, before any configuration
  std::string rationale;
  std::string fix;
  std::vector<std::string> guides; // the rule's sources: "guide 003"
};

// Everything a report format prints: the findings of one audit, scored and sorted.
struct Report
{
  std::string tool_version;
  std::string target;                  // RepoView::describe()
  std::optional<std::string> commit;   // when the audited tree has one
  std::vector<lint::Finding> findings; // every rule once, by category (table order) then id
  lint::Score score;
  std::vector<std::string> notes;
  std::vector<RuleDoc> rules; // the catalog's metadata of the findings' rules, in finding order

  // The documentation of a finding's rule (a rule missing from the catalog: its id and title).
  RuleDoc rule_doc(const lint::Finding& finding) const;

  // Failing findings of alert rules (repo/secrets): shown before everything else.
  std::vector<const lint::Finding*> alerts() const;
};

Report make_report(std::string target, std::optional<std::string> commit, lint::RunResult run,
                   const lint::Catalog& catalog);

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

// "text, json, sarif, ...": every format, in table order.
std::string_view format_names();

// "text (default), json, sarif, ...": for --format in help texts.
std::string_view format_option_help();

} // namespace mlfolio::report
