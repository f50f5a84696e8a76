#pragma once

// Finds credentials in text: the patterns of checks/secrets.toml behind one RE2::Set, so a file
// is read once whatever the number of patterns and matching stays linear in its size.

#include "core/result.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
} // namespace re2

namespace mlfolio::lint::analyze {
struct Notebook;
}

namespace mlfolio::lint::secrets {

struct Pattern
{
  std::string id;   // "aws-access-key-id"
  std::string name; // "AWS access key id", shown in findings
  std::shared_ptr<const re2::RE2> regex;
  int group = 0;            // the capture group holding the secret (0: the whole match)
  double min_entropy = 0;   // Shannon entropy in bits per character the secret must reach
  // The same for a secret of hexadecimal digits only, whose alphabet of 16 caps it at 4 bits: a
  // random 40-digit token often measures 3.4 to 3.6. Defaults to min_entropy.
  double min_entropy_hex = 0;
  bool letters_and_digits = false;
  bool generic = false; // a catch-all: dropped on lines where a specific pattern hit
  std::vector<std::shared_ptr<const re2::RE2>> allow; // matched against the whole match
  std::vector<std::string> true_examples;
  std::vector<std::string> false_examples;
};

// One credential found. The secret itself is never kept: only its fingerprint.
struct Hit
{
  const Pattern* pattern = nullptr;
  uint32_t line = 0;       // 1-based
  std::string fingerprint; // 16 hex digits, stable for the same secret of the same kind
};

class Scanner
{
public:
  // Parses a patterns file (the format of checks/secrets.toml); errors name path:line:column.
  static Result<Scanner> parse(std::string_view text, std::string_view path);
  // The scanner of the built-in patterns, parsed and compiled once for the whole process (that
  // costs more than scanning the files of a large repository) and shared by every thread: its
  // methods are const, and RE2 matches on several threads at once, taking its DFA's lock only
  // to add a state it has not met before.
  static Result<const Scanner*> builtin();

  Scanner(Scanner&&) noexcept;
  Scanner& operator=(Scanner&&) noexcept;
  ~Scanner();

  // Credentials in `text` (any bytes; UTF-16 with a byte order mark is decoded first).
  std::vector<Hit> scan_text(std::string_view text) const;
  // The same for a file: a notebook (.ipynb) is read as JSON, its cells' sources and outputs
  // scanned as the strings they are (escapes decoded), each hit at its cell's line.
  std::vector<Hit> scan_file(std::string_view path, std::string_view bytes) const;
  std::vector<Hit> scan_notebook(const analyze::Notebook& notebook) const;

  const std::vector<Pattern>& patterns() const { return m_patterns; }

private:
  Scanner();
  void scan_into(std::string_view text, uint32_t first_line, std::vector<Hit>& hits) const;
  bool allowed_value(std::string_view value) const;
  bool allowed_line(std::string_view line) const;

  std::vector<Pattern> m_patterns;
  struct CompiledSet; // an RE2::Set of every pattern
  std::unique_ptr<CompiledSet> m_set;
  std::vector<std::unique_ptr<re2::RE2>> m_allow_values;
  std::vector<std::unique_ptr<re2::RE2>> m_allow_lines;
  std::vector<std::unique_ptr<re2::RE2>> m_allow_paths;
};

// Shannon entropy of `text` in bits per byte.
double entropy(std::string_view text);

} // namespace mlfolio::lint::secrets
