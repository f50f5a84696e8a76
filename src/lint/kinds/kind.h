#pragma once

#include "core/result.h"
#include "lint/context.h"
#include "lint/finding.h"
#include "lint/params.h"
#include "lint/rule.h"

#include <span>
#include <string_view>

namespace mlfolio::lint {

// How a family of rules is checked. Rule instances are data (checks/*.toml with `kind = NAME`
// and a [params] table); the kind is the code. Each kind lives in its own file in this folder and
// is listed once in kinds.cpp.
struct Kind
{
  std::string_view name;
  std::string_view description; // one line, for `mlfolio explain`
  std::span<const ParamSpec> params;
  // Checks beyond parameter types (glob and regex syntax), run when the catalog loads. May be null.
  Result<void> (*check)(const RuleMeta& rule);
  Finding (*evaluate)(const RuleContext& context);
};

// The one table of kinds.
std::span<const Kind* const> rule_kinds();
const Kind* find_kind(std::string_view name);

// The kind of rules whose body is C++ (rules/registry.cpp).
inline constexpr std::string_view k_cpp_kind = "cpp";

} // namespace mlfolio::lint
