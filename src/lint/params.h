#pragma once

#include "core/result.h"

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace mlfolio::lint {

// A name -> list of strings table, e.g. file-contains' `files = { "setup.cfg" = ["install_requires"] }`.
using StringListTable = std::map<std::string, std::vector<std::string>, std::less<>>;

enum class ParamType { flag, number, text, list, table };

// The alternatives are in the order of ParamType: value.index() is the type.
using ParamValue = std::variant<bool, double, std::string, std::vector<std::string>, StringListTable>;

// One parameter a rule kind accepts in a rule's [params] table; `explain` and validation read it.
struct ParamSpec
{
  std::string_view name;
  ParamType type;
  bool required;
  std::string_view help;
  std::string_view choices = {}; // for text: the allowed values separated by '|'; empty: any
};

std::string_view param_type_name(ParamType type);

// The [params] of one rule, already type-checked against its kind's specs.
class Params
{
public:
  void set(std::string name, ParamValue value);
  bool has(std::string_view name) const;

  bool flag(std::string_view name, bool fallback) const;
  double number(std::string_view name, double fallback) const;
  std::string text(std::string_view name, std::string_view fallback) const;
  const std::vector<std::string>& list(std::string_view name) const; // empty when absent
  const StringListTable& table(std::string_view name) const;         // empty when absent

  const std::map<std::string, ParamValue, std::less<>>& values() const { return m_values; }

private:
  std::map<std::string, ParamValue, std::less<>> m_values;
};

// Every required parameter present, no unknown name ("did you mean"), every type and choice right.
// `rule_id` prefixes the messages.
Result<void> check_params(const Params& params, std::span<const ParamSpec> specs, std::string_view rule_id);

} // namespace mlfolio::lint
