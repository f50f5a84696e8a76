#pragma once

#include "core/result.h"

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::cli {

struct OptionSpec
{
  std::string_view name;       // without the leading "--"
  std::string_view value_name; // empty for a flag
  std::string_view help;
  bool repeatable = false;
};

class ParsedArgs
{
public:
  bool has(std::string_view name) const;
  std::optional<std::string> value(std::string_view name) const;
  std::vector<std::string> values(std::string_view name) const;
  const std::vector<std::string>& positionals() const { return m_positionals; }

  void add_option(std::string name, std::string value);
  void add_positional(std::string value);

private:
  std::map<std::string, std::vector<std::string>, std::less<>> m_options;
  std::vector<std::string> m_positionals;
};

// Parses "--name value", "--name=value", flags and positionals ("--" ends options).
// Unknown options are usage errors with a "did you mean".
Result<ParsedArgs> parse_args(std::string_view command, std::span<const std::string> args,
                              std::span<const OptionSpec> specs);

} // namespace mlfolio::cli
