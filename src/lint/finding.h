#pragma once

#include "lint/category.h"
#include "lint/severity.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::lint {

enum class Status { pass, fail, skip };

constexpr std::string_view k_status_names[] = {"pass", "fail", "skip"}; // indexed by Status

constexpr std::string_view status_name(Status status)
{
  return k_status_names[static_cast<int>(status)];
}

std::optional<Status> parse_status(std::string_view name);

// Where a rule looked or what it found: a file, and a 1-based line when there is one.
struct Location
{
  std::string path;  // relative to the audited root; a folder ends with '/'
  uint32_t line = 0; // 0: the file or folder as a whole

  std::string to_string() const; // "path:line" or "path"
  friend bool operator==(const Location&, const Location&) = default;
};

// One problem of a rule that reports several (mlops/dockerfile-practices): each is printed on
// its own line.
struct Detail
{
  std::string message;
  std::vector<Location> locations;
};

// What one rule says about one repository.
struct Finding
{
  // Set by the rule body or kind.
  Status status = Status::skip;
  // pass: what was found; fail: what is missing (a summary when there are details); skip: why the
  // rule does not apply.
  std::string message;
  std::vector<Location> locations;
  std::vector<Detail> details;
  std::string fix; // a fix specific to this finding; empty: the runner uses the rule's fix on failure
  // A failure graver than the rule's usual one (a 60 MB file): the severity is raised to this,
  // unless the configuration sets the rule's severity.
  std::optional<Severity> at_least;

  // Copied from the rule's metadata and the configuration by the runner.
  std::string rule;
  std::string title;
  Category category = Category::docs;
  Severity severity = Severity::warning;
  double weight = 0;
  bool alert = false; // a failure is shown before everything else (repo/secrets)
};

Finding pass(std::string message, std::vector<Location> locations = {});
Finding fail(std::string message, std::vector<Location> locations = {});
Finding skip(std::string reason);

} // namespace mlfolio::lint
