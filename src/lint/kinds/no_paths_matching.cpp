// no-paths-matching: fails for every committed file or folder that matches one of the globs.
#include "lint/kinds/common.h"
#include "lint/kinds/kind.h"

namespace mlfolio::lint::kinds {

namespace {

const ParamSpec k_params[] = {
    {"looking_for", ParamType::text, true,
     "what the offenders are, for messages: \"generated or private files\""},
    {"globs", ParamType::list, true, "globs as in .gitignore; \"venv/\" matches the folder"},
    {"exclude", ParamType::list, false, "globs of paths that are fine after all (\".env.example\")"},
    {"case_sensitive", ParamType::flag, false, "compare names with case (default false)"},
};

Result<void> check(const RuleMeta& rule)
{
  TRY(compile_globs(rule.params.list("globs"), Anchor::gitignore, rule.params));
  TRY(compile_globs(rule.params.list("exclude"), Anchor::gitignore, rule.params));
  return {};
}

Finding evaluate(const RuleContext& context)
{
  const Params& params = context.params();
  const auto globs = compile_globs(params.list("globs"), Anchor::gitignore, params);
  const auto exclude = compile_globs(params.list("exclude"), Anchor::gitignore, params);
  if (!globs || !exclude) {
    return skip("the rule's globs do not compile");
  }
  // Files are sorted, so a folder's files follow each other: report the folder once.
  std::vector<std::string> offenders;
  GlobSet::PrefixMatcher matching(*globs);
  GlobSet::PrefixMatcher excluded(*exclude);
  for (const auto& entry : context.view().files()) {
    if (!offenders.empty() && offenders.back().ends_with('/') && entry.path.starts_with(offenders.back())) {
      continue;
    }
    auto prefix = matching.matching_prefix(entry.path);
    if (prefix && !excluded.matching_prefix(entry.path)) {
      offenders.push_back(std::move(*prefix));
    }
  }
  const std::string looking_for = params.text("looking_for", "");
  if (offenders.empty()) {
    return pass("no " + looking_for + " committed");
  }
  std::vector<Location> locations;
  for (const auto& offender : offenders) {
    locations.push_back({offender, 0});
  }
  return fail(looking_for + " committed: " + join_some(offenders, 5), std::move(locations));
}

} // namespace

extern const Kind k_no_paths_matching_kind = {
    "no-paths-matching",
    "fails for each committed file or folder that matches one of the globs",
    k_params,
    check,
    evaluate,
};

} // namespace mlfolio::lint::kinds
