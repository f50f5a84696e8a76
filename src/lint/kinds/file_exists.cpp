// file-exists: passes when a file matches any of a list of globs.
#include "core/text.h"
#include "lint/analysis.h"
#include "lint/kinds/common.h"
#include "lint/kinds/kind.h"

namespace mlfolio::lint::kinds {

namespace {

const ParamSpec k_params[] = {
    {"looking_for", ParamType::text, true, "what the files are, for messages: \"a licence file\""},
    {"globs", ParamType::list, true, "the files that count, e.g. [\"LICENSE*\", \"COPYING*\"]"},
    {"where", ParamType::text, false,
     "root (default): globs start at the project root; anywhere: in any folder", "root|anywhere"},
    {"exclude", ParamType::list, false, "globs (as in .gitignore) of files that do not count"},
    {"case_sensitive", ParamType::flag, false, "compare names with case (default false)"},
    {"outer", ParamType::text, false,
     "when the project is a subfolder of a repository, where else a match counts: none (default); "
     "folders: directly in any folder above it (a licence); top: at the repository's top (CI, "
     "which runs only from there)",
     "none|folders|top"},
    {"commented_out_missing", ParamType::flag, false,
     "a match whose every line is blank or a # comment does not count (a CI workflow empty or "
     "commented out runs nothing); default false"},
};

// Every line blank or a `#` comment: a file its author switched off, or never wrote.
bool all_commented_out(std::string_view text)
{
  for (const std::string_view line : text::split_lines(text)) {
    const std::string_view trimmed = text::trim(line);
    if (!trimmed.empty() && !trimmed.starts_with('#')) {
      return false;
    }
  }
  return true;
}

Result<void> check(const RuleMeta& rule)
{
  const Anchor anchor = where_param(rule.params, Anchor::root);
  TRY(compile_globs(rule.params.list("globs"), anchor, rule.params));
  TRY(compile_globs(rule.params.list("exclude"), Anchor::gitignore, rule.params));
  return {};
}

Finding evaluate(const RuleContext& context)
{
  const Params& params = context.params();
  const Anchor anchor = where_param(params, Anchor::root);
  const auto globs = compile_globs(params.list("globs"), anchor, params);
  const auto exclude = compile_globs(params.list("exclude"), Anchor::gitignore, params);
  if (!globs || !exclude) {
    return skip("the rule's globs do not compile");
  }
  std::vector<Location> found;
  std::vector<std::string> names;
  std::vector<std::string> switched_off;
  const bool commented_out_missing = params.flag("commented_out_missing", false);
  bool any_comment = false; // in the files switched off: else they are empty
  for (const FileEntry* entry : context.analysis().files_matching(*globs)) {
    if (!exclude->matching_prefix(entry->path)) {
      if (commented_out_missing) {
        const TextFile* file = context.analysis().text(entry->path);
        if (file != nullptr && !file->binary && all_commented_out(file->content)) {
          any_comment = any_comment || text::trim(file->content).starts_with('#');
          switched_off.push_back(entry->path);
          continue;
        }
      }
      found.push_back({entry->path, 0});
      names.push_back(entry->path);
    }
  }
  // The repository around a project in a subfolder: paths there are matched as if the folder
  // they are in were the project's root.
  const std::string outer = params.text("outer", "none");
  const RepoView& view = context.view();
  static const std::vector<FileEntry> k_none;
  for (const FileEntry& entry : outer == "none" ? k_none : view.outer_files()) {
    const OuterPath split = split_outer(entry.path);
    if ((outer == "folders" || split.levels == view.outer_levels()) && globs->matches_file(split.rest)) {
      found.push_back({entry.path, 0});
      names.push_back(entry.path);
    }
  }
  const std::string looking_for = params.text("looking_for", "");
  if (found.empty()) {
    const std::string above = outer == "none" || view.outer_levels() == 0 ? ""
                              : outer == "folders"                        ? " or in a folder above it"
                                                                          : " or at the repository's top";
    if (!switched_off.empty()) {
      const bool one = switched_off.size() == 1;
      if (!any_comment) {
        return fail(join_some(switched_off, 3) +
                        (one ? " is empty: it runs nothing" : " are empty: they run nothing"),
                    {{switched_off.front(), 0}});
      }
      return fail(join_some(switched_off, 3) +
                      (one ? " is commented out, every line of it: it runs nothing"
                           : " are commented out, every line of them: they run nothing"),
                  {{switched_off.front(), 1}});
    }
    return fail("no " + looking_for + std::string(where_phrase(anchor)) + above + " (looked for " +
                join_some(params.list("globs"), 6) + ")");
  }
  return pass("found " + join_some(names, 3), std::move(found));
}

} // namespace

extern const Kind k_file_exists_kind = {
    "file-exists", "passes when a file matches one of the globs", k_params, check, evaluate,
};

} // namespace mlfolio::lint::kinds
