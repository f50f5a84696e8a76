// cpp: the rule's body is a C++ function listed in rules/registry.cpp.
#include "lint/kinds/kind.h"
#include "lint/rules/registry.h"

namespace mlfolio::lint::kinds {

namespace {

Finding evaluate(const RuleContext& context)
{
  const RuleBody body = find_rule_body(context.rule().id);
  if (body == nullptr) {
    return skip("this version of mlfolio has no check for this rule yet");
  }
  return body(context);
}

} // namespace

extern const Kind k_cpp_rule_kind = {
    k_cpp_kind, "a rule whose check is C++ code (src/lint/rules/)", {}, nullptr, evaluate,
};

} // namespace mlfolio::lint::kinds
