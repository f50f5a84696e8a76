// file-contains: passes when a file matching a glob contains one of that glob's patterns (or, for
// a glob with no patterns, merely exists).
#include "lint/kinds/common.h"
#include "lint/kinds/kind.h"

#include "core/text.h"

namespace mlfolio::lint::kinds {

namespace {

const ParamSpec k_params[] = {
    {"looking_for", ParamType::text, true, "what the content is, for messages: \"package metadata\""},
    {"files", ParamType::table, true,
     "glob -> regular expressions (RE2) of which one must occur; an empty list: the file is enough"},
    {"where", ParamType::text, false,
     "root (default): globs start at the project root; anywhere: in any folder", "root|anywhere"},
    {"case_sensitive", ParamType::flag, false, "compare file names with case (default false)"},
    {"python_only", ParamType::flag, false,
     "skip a project without Python code or notebooks: the files looked for are Python's (default false)"},
};

struct Entry
{
  size_t glob = 0; // in Compiled::globs
  std::vector<std::unique_ptr<RE2>> patterns;
};

struct Compiled
{
  std::vector<Entry> entries;
  GlobSet globs; // every entry's glob, in the entries' order
};

Result<Compiled> compile(const RuleMeta& rule)
{
  const Anchor anchor = where_param(rule.params, Anchor::root);
  const bool case_sensitive = rule.params.flag("case_sensitive", false);
  Compiled compiled;
  std::vector<std::string> globs;
  for (const auto& [glob, patterns] : rule.params.table("files")) {
    Entry entry{globs.size(), {}};
    for (const auto& pattern : patterns) {
      TRY_ASSIGN(auto regex, compile_regex(pattern));
      entry.patterns.push_back(std::move(regex));
    }
    compiled.entries.push_back(std::move(entry));
    globs.push_back(glob);
  }
  TRY_ASSIGN(compiled.globs, GlobSet::compile(globs, anchor, case_sensitive));
  return compiled;
}

Result<void> check(const RuleMeta& rule)
{
  TRY(compile(rule));
  return {};
}

// A file of a project written in another language: its code or its build manifest.
const FileEntry* other_language_file(const Analysis& analysis)
{
  static constexpr std::string_view k_extensions[] = {".java", ".kt", ".scala", ".go", ".rs", ".js", ".jsx", ".ts",
                                                      ".tsx",  ".cs", ".cpp",   ".c",  ".rb", ".php", ".swift", ".jl"};
  static constexpr std::string_view k_manifests[] = {"pom.xml", "build.gradle", "build.gradle.kts", "package.json",
                                                     "go.mod",  "Cargo.toml",   "Gemfile",          "composer.json"};
  for (const FileEntry* file : analysis.project_files()) {
    const std::string_view name = text::base_name(file->path);
    if (std::any_of(std::begin(k_manifests), std::end(k_manifests), [&](std::string_view m) { return name == m; }) ||
        std::any_of(std::begin(k_extensions), std::end(k_extensions),
                    [&](std::string_view e) { return text::iends_with(name, e); })) {
      return file;
    }
  }
  return nullptr;
}

Finding evaluate(const RuleContext& context)
{
  const auto compiled = compile(context.rule());
  if (!compiled) {
    return skip("the rule's globs or patterns do not compile");
  }
  const std::string looking_for = context.params().text("looking_for", "");
  if (context.params().flag("python_only", false) && context.analysis().python_files().empty() &&
      context.analysis().notebooks().empty()) {
    if (const FileEntry* other = other_language_file(context.analysis())) {
      return skip("no Python code or notebooks: the project is written in another language (" + other->path + ")");
    }
  }
  std::vector<std::string> without; // files that matched a glob but none of its patterns
  const auto& entries = compiled->entries;
  const auto& globs = compiled->globs.globs();
  // Shallower files first: the project's own requirements.txt or pyproject.toml is the evidence,
  // rather than docs/requirements.txt (the documentation's build) that sorts before it.
  auto files = context.analysis().files_matching(compiled->globs);
  std::stable_sort(files.begin(), files.end(), [](const FileEntry* a, const FileEntry* b) {
    return std::count(a->path.begin(), a->path.end(), '/') < std::count(b->path.begin(), b->path.end(), '/');
  });
  for (const FileEntry* file : files) {
    for (const auto& entry : entries) {
      if (!globs[entry.glob].matches_file(file->path)) {
        continue;
      }
      if (entry.patterns.empty()) {
        return pass(looking_for + ": " + file->path, {{file->path, 0}});
      }
      const TextFile* text = context.analysis().text(file->path);
      if (text == nullptr || text->binary) {
        continue;
      }
      std::string decoded;
      const std::string_view content = searchable_text(text->content, decoded);
      for (const auto& pattern : entry.patterns) {
        const size_t offset = find_match(*pattern, content, 0);
        if (offset != std::string_view::npos) {
          // The line of what matched, not of the blank lines a leading \s* took in with it.
          const size_t shown = content.find_first_not_of(" \t\r\n", offset);
          const Location location{file->path, line_at(content, shown == std::string_view::npos ? offset : shown)};
          return pass(looking_for + ": " + location.to_string(), {location});
        }
      }
      if (without.empty() || without.back() != file->path) {
        without.push_back(file->path);
      }
    }
  }
  if (!without.empty()) {
    std::vector<Location> locations;
    for (const auto& path : without) {
      locations.push_back({path, 0});
    }
    return fail("no " + looking_for + " in " + join_some(without, 4), std::move(locations));
  }
  std::vector<std::string> patterns;
  for (const auto& glob : globs) {
    patterns.push_back(glob.pattern());
  }
  return fail("no " + looking_for + std::string(where_phrase(where_param(context.params(), Anchor::root))) +
              " (looked for " + join_some(patterns, 6) + ")");
}

} // namespace

extern const Kind k_file_contains_kind = {
    "file-contains",
    "passes when a file matching a glob contains one of its patterns, or exists when it has none",
    k_params,
    check,
    evaluate,
};

} // namespace mlfolio::lint::kinds
