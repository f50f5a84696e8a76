// gitignore-covers: passes when the project's .gitignore ignores a sample path of every group.
#include "lint/kinds/common.h"
#include "lint/kinds/kind.h"

#include "core/text.h"

#include <algorithm>
#include <set>

namespace mlfolio::lint::kinds {

namespace {

const ParamSpec k_params[] = {
    {"covers", ParamType::table, true,
     "what must be ignored -> sample paths; the group is covered when one sample is ignored"},
    {"only_with", ParamType::table, false,
     "group -> globs: the group is only required when a project file matches one of them "
     "(notebook checkpoints only where there are notebooks)"},
    {"samples_beside", ParamType::table, false,
     "group -> sample paths made beside each file only_with matches, in each folder that has one: "
     "{stem} is the file's name without its extension (\".ipynb_checkpoints/{stem}-checkpoint.ipynb\"); "
     "the group is covered when every folder's sample is ignored"},
};

Result<void> check(const RuleMeta& rule)
{
  for (const auto& entry : rule.params.table("only_with")) {
    TRY(compile_globs(entry.second, Anchor::gitignore, rule.params));
  }
  for (const auto& [group, templates] : rule.params.table("samples_beside")) {
    if (!rule.params.table("only_with").contains(group)) {
      return usage_error("samples_beside names \"" + group +
                         "\", which only_with does not: the samples are made beside the files it matches");
    }
  }
  return {};
}

// At most this many folders are probed for a group's samples_beside.
constexpr size_t k_max_sample_folders = 20;

// The samples_beside of `group`, made beside the first file in each folder that only_with matches:
// "notebook/tccp-eda.ipynb" gives "notebook/.ipynb_checkpoints/tccp-eda-checkpoint.ipynb".
std::vector<std::string> samples_beside(const RuleContext& context, const std::string& group)
{
  const auto templates = context.params().table("samples_beside").find(group);
  const auto patterns = context.params().table("only_with").find(group);
  if (templates == context.params().table("samples_beside").end() ||
      patterns == context.params().table("only_with").end()) {
    return {};
  }
  const auto globs = compile_globs(patterns->second, Anchor::gitignore, context.params());
  if (!globs) {
    return {};
  }
  std::vector<std::string> samples;
  std::set<std::string_view> folders;
  for (const FileEntry* entry : context.analysis().project_files()) {
    if (folders.size() >= k_max_sample_folders) {
      break;
    }
    if (!globs->matching_prefix(entry->path)) {
      continue;
    }
    const size_t slash = entry->path.rfind('/');
    const std::string_view folder =
        slash == std::string::npos ? std::string_view() : std::string_view(entry->path).substr(0, slash + 1);
    if (!folders.insert(folder).second) {
      continue;
    }
    const std::string_view name = std::string_view(entry->path).substr(folder.size());
    const std::string_view stem = name.substr(0, name.rfind('.'));
    for (const std::string& sample : templates->second) {
      std::string made(folder);
      for (size_t at = 0; at < sample.size();) {
        if (sample.compare(at, 6, "{stem}") == 0) {
          made += stem;
          at += 6;
        } else {
          made += sample[at++];
        }
      }
      samples.push_back(std::move(made));
    }
  }
  return samples;
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

// The patterns of the .gitignore at `path`; nullopt when it cannot be read. Git reads the file as
// bytes, line by line: a line another editor saved as UTF-16 ("!.env.local" appended by
// PowerShell) matches nothing, and the others still apply, so a file with such lines is read as
// the lines without NUL bytes.
std::optional<std::vector<Glob>> gitignore_patterns(const RuleContext& context, const std::string& path)
{
  const TextFile* file = context.analysis().text(path);
  if (file != nullptr && !file->binary) {
    return patterns_of(file->content);
  }
  if (file == nullptr) {
    return std::nullopt;
  }
  const auto bytes = context.view().read(path, 1 << 20);
  if (!bytes) {
    return std::nullopt;
  }
  std::string usable;
  for (const auto line : text::split(*bytes, '\n')) {
    if (line.find('\0') == std::string_view::npos) {
      usable.append(line).push_back('\n');
    }
  }
  return patterns_of(usable);
}

// The patterns of one .gitignore that governs the project, and where the project is seen from its
// folder: "" for the project's own, "churn/" for "../.gitignore" of a project in the folder churn.
struct IgnoreFile
{
  std::string path;
  std::string project_folder;
  std::vector<Glob> globs;
};

bool ignored(const std::vector<IgnoreFile>& files, std::string_view sample)
{
  for (const auto& file : files) {
    const std::string path = file.project_folder + std::string(sample);
    for (const auto& glob : file.globs) {
      if (glob.matching_prefix(path)) {
        return true;
      }
    }
  }
  return false;
}

// The project's .gitignore and, in a subfolder of a repository, those of the folders above it,
// which git applies too. One that cannot be read is left out and named in `problem`.
std::vector<IgnoreFile> ignore_files(const RuleContext& context, std::optional<std::string>& problem)
{
  std::vector<IgnoreFile> files;
  const RepoView& view = context.view();
  const std::vector<std::string_view> parts = view.outer_levels() == 0
                                                  ? std::vector<std::string_view>()
                                                  : text::split(view.folder_in_repository(), '/');
  std::vector<std::string> paths;
  for (const FileEntry& outer : view.outer_files()) {
    const OuterPath split = split_outer(outer.path);
    if (split.rest == k_gitignore && split.levels <= parts.size()) {
      paths.push_back(outer.path);
    }
  }
  if (view.exists(k_gitignore)) {
    paths.emplace_back(k_gitignore);
  }
  for (const auto& path : paths) {
    const size_t levels = split_outer(path).levels;
    std::string folder;
    for (size_t i = parts.size() - levels; i < parts.size(); ++i) {
      folder += std::string(parts[i]) + "/";
    }
    auto patterns = gitignore_patterns(context, path);
    if (!patterns) {
      problem = path + " cannot be read";
      continue;
    }
    files.push_back({path, std::move(folder), std::move(*patterns)});
  }
  return files;
}

bool is_code(std::string_view path)
{
  return text::iends_with(path, ".py") || text::iends_with(path, ".ipynb");
}

// Without a .gitignore at the root: those of the folders that hold all the code, a backend/ and a
// frontend/ each with its own, which git applies to everything below them. Each is nearest to
// some of the code; none when code lies in a folder no .gitignore governs (the root included).
std::vector<IgnoreFile> nested_ignore_files(const RuleContext& context, std::optional<std::string>& problem)
{
  std::set<std::string> governing;
  std::set<std::string> without; // .gitignore paths seen not to exist
  for (const FileEntry* file : context.analysis().project_files()) {
    if (!is_code(file->path)) {
      continue;
    }
    std::string_view folder = file->path;
    std::optional<std::string> found;
    for (size_t slash = folder.rfind('/'); slash != std::string_view::npos; slash = folder.rfind('/')) {
      folder = folder.substr(0, slash);
      const std::string candidate = std::string(folder) + "/" + std::string(k_gitignore);
      if (governing.contains(candidate)) {
        found = candidate;
        break;
      }
      if (without.contains(candidate)) {
        continue;
      }
      if (context.view().exists(candidate)) {
        found = candidate;
        governing.insert(candidate);
        break;
      }
      without.insert(candidate);
    }
    if (!found) {
      return {};
    }
  }
  std::vector<IgnoreFile> files;
  for (const auto& path : governing) {
    auto patterns = gitignore_patterns(context, path);
    if (!patterns) {
      problem = path + " cannot be read";
      return {};
    }
    files.push_back({path, "", std::move(*patterns)});
  }
  return files;
}

Finding evaluate(const RuleContext& context)
{
  std::optional<std::string> problem;
  std::vector<IgnoreFile> files = ignore_files(context, problem);
  // Nested: every one of them must cover a group, as each governs only its own folder.
  const bool nested = files.empty() && !problem;
  if (nested) {
    files = nested_ignore_files(context, problem);
  }
  if (files.empty()) {
    if (problem) {
      return skip(*problem);
    }
    std::string message = context.view().outer_levels() == 0
                              ? "no .gitignore at the project root"
                              : "no .gitignore at the project root or in a folder above it";
    // A file meant as one under another name, which git does not read: "gitignore.txt".
    for (const std::string_view misnamed :
         {"gitignore", "gitignore.txt", ".gitignore.txt", "_gitignore", "dot.gitignore", ".gitignore.md"}) {
      if (const FileEntry* entry = context.view().find(misnamed); entry != nullptr && !entry->is_symlink) {
        message +=
            "; " + entry->path + " is there, but git reads the patterns of a file named .gitignore only";
        Finding finding = fail(std::move(message), {{entry->path, 0}});
        finding.fix =
            "Rename " + entry->path + " to .gitignore (git mv " + entry->path +
            " .gitignore): git reads no other name. The next audit says what it does not cover yet.";
        return finding;
      }
    }
    return fail(std::move(message));
  }
  std::vector<Location> where;
  std::vector<std::string> shown;
  for (const auto& file : files) {
    where.push_back({file.path, 0});
    shown.push_back(file.path);
  }
  const std::string named = join_some(shown, 4);
  std::vector<Detail> missing;
  std::vector<std::string> names;
  std::vector<std::string> groups;
  for (const auto& [group, samples] : context.params().table("covers")) {
    if (!required(context, group)) {
      continue;
    }
    groups.push_back(group);
    // Samples beside the project's own files (its notebooks' checkpoints, folder by folder) must
    // all be ignored; otherwise one of the fixed samples is enough.
    const std::vector<std::string> beside = samples_beside(context, group);
    std::vector<std::string> uncovered;
    const auto covers = [&](const std::vector<IgnoreFile>& by) {
      if (!beside.empty()) {
        bool all = true;
        for (const std::string& sample : beside) {
          if (!ignored(by, sample)) {
            all = false;
            if (std::find(uncovered.begin(), uncovered.end(), sample) == uncovered.end()) {
              uncovered.push_back(sample);
            }
          }
        }
        return all;
      }
      return std::any_of(samples.begin(), samples.end(),
                         [&](const std::string& sample) { return ignored(by, sample); });
    };
    const bool covered = nested ? std::all_of(files.begin(), files.end(),
                                              [&](const IgnoreFile& file) { return covers({file}); })
                                : covers(files);
    if (!covered) {
      missing.push_back(
          {group + ": nothing ignores " + join_some(beside.empty() ? samples : uncovered, 3), where});
      names.push_back(group);
    }
  }
  if (missing.empty()) {
    return pass(named + " cover" + (files.size() == 1 ? "s " : " ") + join_some(groups, 10), where);
  }
  Finding finding =
      fail(named + " do" + (files.size() == 1 ? "es" : "") + " not cover " + join_some(names, 10), where);
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
