#pragma once

#include "core/result.h"
#include "lint/rule.h"
#include "resources/resources.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::lint {

// Every rule's metadata, in id order.
class Catalog
{
public:
  Catalog() = default;
  explicit Catalog(std::vector<RuleMeta> rules);

  const std::vector<RuleMeta>& rules() const { return m_rules; }
  const RuleMeta* find(std::string_view id) const;
  std::vector<std::string> ids() const;

private:
  std::vector<RuleMeta> m_rules;
};

// Parses rule files (checks/<category>/<name>.toml; other files are skipped) and validates them:
// every field present with the right type, known category, severity, kind and `add` component,
// kind parameters valid, id matching the path, no duplicate id, at least one pass and one fail
// example. Errors name file:line:column.
Result<Catalog> load_catalog(std::span<const resources::Resource> files);

// The rules embedded from checks/, loaded and validated once.
Result<const Catalog*> builtin_catalog();

// What `mlfolio add COMPONENT` can add; a rule's `add` must be one of these.
std::span<const std::string_view> add_components();

} // namespace mlfolio::lint
