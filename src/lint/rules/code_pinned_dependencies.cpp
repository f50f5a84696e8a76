// code/pinned-dependencies: installs are reproducible, through a lock file or exact pins.
//
// The requirements file a Dockerfile installs (pip install -r, through the COPY that put it there)
// is judged first: an image built from an unpinned file fails whatever lock file lies beside it.
// Otherwise a lock file anywhere in the project passes (poetry.lock, uv.lock, Pipfile.lock, pdm.lock,
// pixi.lock, conda-lock), and so does a requirements file compiled with hashes. Otherwise every
// install source is judged on its own (a runtime requirements file with the files it includes
// through -r, an environment.yml, a Pipfile, pyproject or setup.py dependencies) and the rule
// passes when one of them pins Threshold::pinned_share of its requirements exactly: a project
// with loose library ranges in pyproject.toml and an exact requirements.txt for the app installs
// reproducibly. Names pinned by a -c constraints file count as pinned.
#include "lint/rules/registry.h"

#include "core/text.h"
#include "lint/rules/python_code.h"
#include "lint/wording.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <re2/re2.h>

namespace mlfolio::lint {

namespace {

constexpr std::string_view k_lock_names[] = {"poetry.lock", "uv.lock",        "pipfile.lock",   "pdm.lock",
                                             "pixi.lock",   "conda-lock.yml", "conda-lock.yaml"};

// Requirements files for development, not for running the project.
constexpr std::string_view k_development_words[] = {"dev",   "test",   "lint", "doc", "ci",
                                                    "style", "format", "type", "mypy"};

constexpr size_t k_max_names = 5;
constexpr size_t k_max_details = 10;

using analyze::Dependency;
using analyze::DependencyFile;
using analyze::DependencyFormat;

bool is_lock_file(std::string_view path)
{
  const std::string_view name = text::base_name(path);
  return std::any_of(std::begin(k_lock_names), std::end(k_lock_names),
                     [&](std::string_view lock) { return text::iequals(name, lock); }) ||
         text::iends_with(name, ".conda-lock.yml") || text::iends_with(name, ".conda-lock.yaml");
}

// requirements-dev.txt, requirements/test.txt, dev-requirements.in; "requirements-cpu.txt" stays.
bool is_development_file(std::string_view path)
{
  std::string name = text::to_lower(text::base_name(path));
  const std::string folder = text::to_lower(folder_of(path));
  if (folder.ends_with("requirements/")) {
    name = "requirements-" + name;
  }
  for (char& c : name) {
    c = (c == '_' || c == '.') ? '-' : c;
  }
  for (const auto part : text::split(name, '-')) {
    for (const auto word : k_development_words) {
      if (part == word || (part.starts_with(word) && part.size() <= word.size() + 1)) {
        return true; // "tests", "docs"
      }
    }
  }
  return false;
}

// "a/b/../c.txt" -> "a/c.txt".
std::string normalize_path(std::string_view path)
{
  std::vector<std::string_view> parts;
  for (const auto part : text::split(path, '/')) {
    if (part == "..") {
      if (!parts.empty()) {
        parts.pop_back();
      }
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
  }
  std::string joined;
  for (const auto part : parts) {
    joined += (joined.empty() ? "" : "/") + std::string(part);
  }
  return joined;
}

bool counts(const Dependency& dependency)
{
  // The project itself (-e ., a local path) and the interpreter are not installs to pin.
  return dependency.group.empty() && !dependency.name.empty() && !dependency.editable &&
         dependency.name != "python" && dependency.name != "pip";
}

struct Source
{
  std::string path;
  size_t pinned = 0;
  size_t total = 0;
  std::vector<std::string> loose; // "pandas", "scikit-learn>=1.0"
  std::vector<Location> loose_at;
};

class Sources
{
public:
  explicit Sources(const Analysis& analysis) : m_analysis(analysis)
  {
    for (const auto& parsed : analysis.dependency_files()) {
      m_files.emplace(parsed.file->path, &parsed.value);
    }
  }

  const DependencyFile* find(const std::string& path) const
  {
    const auto found = m_files.find(path);
    return found == m_files.end() ? nullptr : found->second;
  }

  // An included file not named like requirements ("-r base.txt") is read as one on demand.
  const DependencyFile* find_included(const std::string& path) const
  {
    if (const DependencyFile* file = find(path)) {
      return file;
    }
    if (const auto cached = m_included.find(path); cached != m_included.end()) {
      return &cached->second;
    }
    const TextFile* text = m_analysis.view().find(path) != nullptr ? m_analysis.text(path) : nullptr;
    if (text == nullptr || text->binary) {
      return nullptr;
    }
    return &m_included
                .emplace(path, analyze::parse_dependencies(text->content, DependencyFormat::requirements))
                .first->second;
  }

  // An include as written, relative to the including file, else to the root.
  std::string resolve(const std::string& from, const std::string& include) const
  {
    const std::string relative = normalize_path(folder_of(from) + include);
    return m_analysis.view().find(relative) != nullptr ? relative : normalize_path(include);
  }

  // Adds the requirements of `path` and of every file it includes (each once).
  void collect(const std::string& path, Source& source, std::set<std::string>& seen,
               std::set<std::string>& constrained) const
  {
    const DependencyFile* file = find_included(path);
    if (file == nullptr || !seen.insert(path).second) {
      return;
    }
    for (const auto& include : file->includes) {
      const std::string target = resolve(path, include.path);
      if (include.constraint) {
        if (const DependencyFile* constraints = find_included(target)) {
          for (const auto& dependency : constraints->dependencies) {
            if (dependency.pinned) {
              constrained.insert(dependency.name);
            }
          }
        }
      } else {
        collect(target, source, seen, constrained);
      }
    }
    for (const auto& dependency : file->dependencies) {
      if (!counts(dependency)) {
        continue;
      }
      ++source.total;
      if (dependency.pinned || constrained.contains(dependency.name)) {
        ++source.pinned;
      } else {
        source.loose.push_back(dependency.name + dependency.specifier);
        source.loose_at.push_back({path, static_cast<uint32_t>(dependency.line)});
      }
    }
  }

private:
  const Analysis& m_analysis;
  std::map<std::string, const DependencyFile*, std::less<>> m_files;
  mutable std::map<std::string, DependencyFile, std::less<>> m_included;
};

bool has_compiled_sibling(const std::string& path, const Sources& sources)
{
  return path.ends_with(".in") && sources.find(path.substr(0, path.size() - 3) + ".txt") != nullptr;
}

// Hashes on every requirement: pip-compile --generate-hashes or pip-tools' lock output.
bool is_hashed(const DependencyFile& file)
{
  return !file.dependencies.empty() && std::all_of(file.dependencies.begin(), file.dependencies.end(),
                                                   [](const Dependency& d) { return d.has_hash; });
}

// The requirements file an image installs (RUN pip install -r requirements.txt), with the RUN
// line: the container runs what it installs from there, whatever lock file lies beside it.
std::optional<std::pair<std::string, Location>> installed_by_image(const Analysis& analysis)
{
  thread_local const RE2 install(R"(\bpip3?\s+install\b[^&;|]*?\s(?:-r|--requirement)[=\s]+([\w./-]+))");
  for (const auto& [file, dockerfile] : analysis.dockerfiles()) {
    for (const auto& instruction : dockerfile.instructions) {
      std::string path;
      if (instruction.keyword != "RUN" || !RE2::PartialMatch(instruction.arguments, install, &path)) {
        continue;
      }
      // The file a COPY put there ("COPY src/api/requirements.txt ./requirements.txt"), else the
      // path itself, beside the Dockerfile or from the root of the build context.
      std::string source = path;
      for (const auto& copy : dockerfile.instructions) {
        if (copy.line >= instruction.line || copy.keyword != "COPY" || copy.exec_form ||
            !copy.heredocs.empty()) {
          continue;
        }
        const auto words = text::split(text::trim(copy.arguments), ' ');
        if (words.size() == 2 && !words[0].empty() && !words[1].empty()) {
          const std::string from(words[0]);
          std::string to(words[1]);
          if (to.ends_with('/') || to == ".") {
            to = (to == "." ? "" : to) + std::string(text::base_name(from));
          }
          if (text::base_name(to) == text::base_name(path)) {
            source = from;
          }
        }
      }
      for (const std::string& candidate :
           {normalize_path(folder_of(file->path) + source), normalize_path(source)}) {
        if (analysis.view().find(candidate) != nullptr) {
          return std::pair(candidate, Location{file->path, static_cast<uint32_t>(instruction.line)});
        }
      }
    }
  }
  return std::nullopt;
}

} // namespace

Finding check_code_pinned_dependencies(const RuleContext& context)
{
  const double needed = context.threshold(config::Threshold::pinned_share);
  const Sources sources(context.analysis());
  // A lock file the image installs from (uv pip install -r uv.lock) fixes every version itself.
  if (const auto image = installed_by_image(context.analysis());
      image && !is_development_file(image->first) && !is_lock_file(image->first)) {
    Source source;
    source.path = image->first;
    std::set<std::string> seen;
    std::set<std::string> constrained;
    sources.collect(image->first, source, seen, constrained);
    if (source.total > 0 && static_cast<double>(source.pinned) < needed * static_cast<double>(source.total)) {
      const auto* parsed = sources.find(image->first);
      if (parsed == nullptr || !is_hashed(*parsed)) {
        std::vector<Location> locations{image->second};
        locations.insert(locations.end(), source.loose_at.begin(),
                         source.loose_at.begin() +
                             static_cast<long>(std::min(source.loose_at.size(), k_max_details)));
        return fail("the image installs " + image->first + " (" + image->second.to_string() +
                        "), which pins " + std::to_string(source.pinned) + " of " +
                        std::to_string(source.total) +
                        " requirements exactly; not pinned: " + join_some(source.loose, k_max_names),
                    std::move(locations));
      }
    }
  }
  std::vector<std::string> locks;
  std::vector<Location> lock_at;
  for (const FileEntry* file : context.analysis().project_files()) {
    if (is_lock_file(file->path)) {
      locks.push_back(file->path);
      lock_at.push_back({file->path, 0});
    }
  }
  if (!locks.empty()) {
    return pass("lock file " + join_some(locks, 3) + " fixes every version", std::move(lock_at));
  }
  std::vector<Source> judged;
  for (const auto& [file, parsed] : context.analysis().dependency_files()) {
    if (parsed.format == DependencyFormat::unknown) {
      continue;
    }
    if (parsed.format == DependencyFormat::requirements) {
      if (is_development_file(file->path) || has_compiled_sibling(file->path, sources)) {
        continue;
      }
      if (is_hashed(parsed)) {
        return pass(file->path + " is compiled with hashes: every version is fixed", {{file->path, 0}});
      }
    }
    Source source;
    source.path = file->path;
    std::set<std::string> seen;
    std::set<std::string> constrained;
    sources.collect(file->path, source, seen, constrained);
    if (source.total > 0) {
      judged.push_back(std::move(source));
    }
  }
  if (judged.empty()) {
    return skip("no runtime dependencies declared");
  }
  const auto share = [](const Source& s) {
    return static_cast<double>(s.pinned) / static_cast<double>(s.total);
  };
  const auto best = std::max_element(judged.begin(), judged.end(), [&](const Source& a, const Source& b) {
    return share(a) < share(b) || (share(a) == share(b) && a.total < b.total);
  });
  const auto pinned_of = [](const Source& s) {
    return s.path + " pins " + std::to_string(s.pinned) + " of " + std::to_string(s.total);
  };
  if (share(*best) >= needed) {
    return pass(pinned_of(*best) + " runtime requirements exactly", {{best->path, 0}});
  }
  std::vector<Detail> details;
  std::vector<Location> locations;
  for (const auto& source : judged) {
    details.push_back(
        {pinned_of(source) + "; not pinned: " + join_some(source.loose, k_max_names),
         source.loose_at.size() > k_max_details
             ? std::vector<Location>(source.loose_at.begin(), source.loose_at.begin() + k_max_details)
             : source.loose_at});
    locations.push_back(source.loose_at.front());
  }
  Finding finding = fail("no lock file, and no install source pins " +
                             std::to_string(static_cast<int>(std::lround(needed * 100))) +
                             "% of its runtime requirements exactly (==): " + pinned_of(*best),
                         std::move(locations));
  if (details.size() > k_max_details) {
    details.resize(k_max_details);
  }
  finding.details = std::move(details);
  return finding;
}

} // namespace mlfolio::lint
