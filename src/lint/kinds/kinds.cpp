#include "lint/kinds/kind.h"

namespace mlfolio::lint {

namespace kinds {
extern const Kind k_content_absent_kind;
extern const Kind k_cpp_rule_kind;
extern const Kind k_file_contains_kind;
extern const Kind k_file_exists_kind;
extern const Kind k_gitignore_covers_kind;
extern const Kind k_no_paths_matching_kind;
} // namespace kinds

namespace {

// The one table of rule kinds; a new kind is a file in this folder plus one line here.
const Kind* const k_kinds[] = {
    &kinds::k_cpp_rule_kind,    &kinds::k_content_absent_kind,   &kinds::k_file_contains_kind,
    &kinds::k_file_exists_kind, &kinds::k_gitignore_covers_kind, &kinds::k_no_paths_matching_kind,
};

} // namespace

std::span<const Kind* const> rule_kinds()
{
  return k_kinds;
}

const Kind* find_kind(std::string_view name)
{
  for (const Kind* kind : k_kinds) {
    if (kind->name == name) {
      return kind;
    }
  }
  return nullptr;
}

} // namespace mlfolio::lint
