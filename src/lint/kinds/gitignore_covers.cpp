// gitignore-covers: passes when the project's .gitignore ignores a sample path of every group.
#include "lint/kinds/common.h"
#include "lint/kinds/kind.h"

#include "core/text.h"

namespace mlfolio::lint::kinds {

namespace {

const ParamSpec k_params[] = {
    {"covers", ParamType::table, true,
     "what must be ignored -> sample paths; the group is covered when one sample is ignored"},
    {"only_with", ParamType::table, false,
     "group -> globs: the group is only required when a project file matches one of them "
     "(notebook checkpoints only where there are notebooks)"},
};

Result<void> check(const RuleMeta& rule)
{
  for (const auto& entry : rule.params.table("only_with")) {
    TRY(compile_globs(entry.second, Anchor::gitignore, rule.params));
  }
  return {};
}

// Whether a group applies to the project: a group listed in only_with needs a matching file.
bool required(const RuleContext& context, const std::string& group)
{
  for (const auto& [name, patterns] : context.params().table("only_with")) {
    if (name != group) {
      continue;
    }
    const auto globs = compile_globs(patterns, Anchor::gitignore, context.params());
    if (!globs) {
      return true;
    }
    for (const auto& entry : context.view().files()) {
      if (globs->matching_prefix(entry.path)) {
        return true;
      }
    }
    return false;
  }
  return true;
}

constexpr std::string_view k_gitignore = ".gitignore";

// The patterns of a .gitignore. Negations ("!x") are left out: a project that re-includes a
// sample path on purpose is given the benefit of the doubt.
std::vector<Glob> patterns_of(std::string_view content)
{
  std::vector<Glob> globs;
  for (const auto raw : text::split_lines(content)) {
    const auto line = text::trim(raw);
    if (line.empty() || line.starts_with('#') || line.starts_with('!')) {
      continue;
    }
    // Case-insensitive: on macOS and Windows git ignores without case, and a missed finding is
    // better than a false one.
    if (auto glob = Glob::compile(line, Anchor::gitignore, false)) {
      globs.push_back(std::move(*glob));
    }
  }
  return globs;
}

bool ignored(const std::vector<Glob>& globs, std::string_view path)
{
  for (const auto& glob : globs) {
    if (glob.matching_prefix(path)) {
      return true;
    }
  }
  return false;
}

Finding evaluate(const RuleContext& context)
{
  if (!context.view().exists(k_gitignore)) {
    return fail("no .gitignore at the project root");
  }
  const TextFile* file = context.analysis().text(k_gitignore);
  if (file == nullptr || file->binary) {
    return skip(".gitignore cannot be read as text");
  }
  const auto globs = patterns_of(file->content);
  std::vector<Detail> missing;
  std::vector<std::string> names;
  std::vector<std::string> groups;
  for (const auto& [group, samples] : context.params().table("covers")) {
    if (!required(context, group)) {
      continue;
    }
    groups.push_back(group);
    bool covered = false;
    for (const auto& sample : samples) {
      covered = covered || ignored(globs, sample);
    }
    if (!covered) {
      missing.push_back(
          {group + ": nothing ignores " + join_some(samples, 3), {{std::string(k_gitignore), 0}}});
      names.push_back(group);
    }
  }
  if (missing.empty()) {
    return pass(".gitignore covers " + join_some(groups, 10), {{std::string(k_gitignore), 0}});
  }
  Finding finding =
      fail(".gitignore does not cover " + join_some(names, 10), {{std::string(k_gitignore), 0}});
  finding.details = std::move(missing);
  return finding;
}

} // namespace

extern const Kind k_gitignore_covers_kind = {
    "gitignore-covers", "passes when the root .gitignore ignores at least one sample path of every group",
    k_params,           check,
    evaluate,
};

} // namespace mlfolio::lint::kinds
