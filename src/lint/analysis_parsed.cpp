// The parsed forms of Analysis: each file is parsed once, on first use.
#include "lint/analysis.h"

#include "core/parallel.h"
#include "core/text.h"
#include "lint/history.h"

#include <algorithm>

namespace mlfolio::lint {

namespace {

std::optional<std::string> problems_note(std::string_view path, const std::vector<analyze::Problem>& problems)
{
  if (problems.empty()) {
    return std::nullopt;
  }
  return analyze::format_problem(path, problems.front()) +
         (problems.size() > 1 ? " (and " + std::to_string(problems.size() - 1) + " more)" : "");
}

} // namespace

bool Analysis::is_dockerfile_path(std::string_view path)
{
  // Case matters: "Dockerfile.gpu" is an image recipe, "dockerfile.py" a module about them. The
  // bare names are recipes however written ("DockerFile" builds with `docker build -f`).
  const std::string_view name = text::base_name(path);
  if (text::iequals(name, "Dockerfile") || text::iequals(name, "Containerfile")) {
    return true;
  }
  constexpr std::string_view k_not_recipes[] = {".md",   ".txt", ".py",   ".toml",    ".json",
                                                ".cpp",  ".h",   ".sh",   ".rst",     ".yml",
                                                ".yaml", ".j2",  ".tmpl", ".template"};
  // "Dockerfile.gpu", "api.Dockerfile", and the lower-case and dashed spellings Compose files name
  // too: "dockerfile-fastapi", "Dockerfile_train", "dockerfile.dev".
  const bool named = name.starts_with("Dockerfile.") || name.starts_with("Containerfile.") ||
                     name.starts_with("Dockerfile-") || name.starts_with("Dockerfile_") ||
                     name.starts_with("dockerfile-") || name.starts_with("dockerfile_") ||
                     name.starts_with("dockerfile.") || name.starts_with("Containerfile-") ||
                     name.ends_with(".Dockerfile") || name.ends_with(".dockerfile") ||
                     name.ends_with(".Containerfile");
  return named && std::none_of(std::begin(k_not_recipes), std::end(k_not_recipes),
                               [&](std::string_view suffix) { return text::iends_with(name, suffix); });
}

void Analysis::note_problems(std::string_view path, const std::vector<analyze::Problem>& problems) const
{
  if (auto note = problems_note(path, problems)) {
    add_note(std::move(*note));
  }
}

const analyze::Document* Analysis::readme_document() const
{
  const auto& document = m_readme_document.get([&]() -> std::optional<analyze::Document> {
    const FileEntry* entry = readme();
    if (entry == nullptr) {
      return std::nullopt;
    }
    const TextFile* file = text(entry->path);
    if (file == nullptr || file->binary) {
      return std::nullopt;
    }
    auto parsed = analyze::parse_readme(file->content, analyze::document_format_for_path(entry->path));
    note_problems(entry->path, parsed.problems);
    return parsed;
  });
  return document ? &*document : nullptr;
}

std::optional<analyze::Notebook> Analysis::load_notebook(std::string_view path,
                                                         std::vector<std::string>& notes) const
{
  const FileEntry* entry = m_view.find(path);
  if (entry == nullptr || entry->is_symlink) {
    return std::nullopt;
  }
  if (entry->size > k_notebook_cap) {
    analyze::Notebook large;
    large.too_large = true;
    notes.push_back(std::string(path) + ": notebook of " + std::to_string(entry->size / (1024 * 1024)) +
                    " MB is larger than " + std::to_string(k_notebook_cap / (1024 * 1024)) +
                    " MB; counted but not parsed");
    return large;
  }
  thread_local ReadBuffer buffer; // a notebook's bytes are parsed, not kept
  const auto content = m_view.read_into(path, k_notebook_cap, buffer);
  if (!content) {
    notes.push_back(content.error().message);
    return std::nullopt;
  }
  auto parsed = analyze::parse_notebook(*content, k_notebook_cap);
  if (auto note = problems_note(path, parsed.problems)) {
    notes.push_back(std::move(*note));
  }
  return parsed;
}

const analyze::Notebook* Analysis::notebook(std::string_view path) const
{
  return cached(m_notebooks_parsed, path,
                [&](std::vector<std::string>& notes) { return load_notebook(path, notes); });
}

namespace {

std::optional<analyze::PythonModule> module_of(const analyze::Notebook* notebook)
{
  if (notebook == nullptr || notebook->too_large) {
    return std::nullopt;
  }
  return analyze::analyze_python_text(analyze::code_cells_text(*notebook));
}

std::optional<analyze::PythonModule> module_of(const TextFile* file)
{
  if (file == nullptr || file->binary) {
    return std::nullopt;
  }
  return analyze::analyze_python(file->content);
}

} // namespace

const analyze::PythonModule* Analysis::python(std::string_view path) const
{
  return cached(m_python, path, [&](std::vector<std::string>&) {
    return is_notebook_path(path) ? module_of(notebook(path)) : module_of(text(path));
  });
}

void Analysis::prefetch(const std::vector<const FileEntry*>& files) const
{
  // What each file needs, decided here: the workers below read the caches but never change them.
  struct Pending
  {
    const FileEntry* file = nullptr;
    bool is_notebook = false;
    const analyze::Notebook* notebook = nullptr; // already parsed
    const TextFile* text = nullptr;              // already read
    bool load = false;                           // the notebook or text is still to be read
    std::vector<std::string> notes;
    std::optional<analyze::Notebook> loaded_notebook;
    std::optional<TextFile> loaded_text;
    std::optional<analyze::PythonModule> module;
  };
  std::vector<Pending> pending;
  std::unique_lock lock(m_cache_mutex);
  for (const FileEntry* file : files) {
    if (file->is_symlink || m_python.find(file->path) != m_python.end()) {
      continue;
    }
    Pending entry;
    entry.file = file;
    entry.is_notebook = is_notebook_path(file->path);
    if (entry.is_notebook) {
      const auto parsed = m_notebooks_parsed.find(file->path);
      entry.load = parsed == m_notebooks_parsed.end();
      entry.notebook = !entry.load && parsed->second ? &*parsed->second : nullptr;
    } else {
      const auto read = m_texts.find(file->path);
      entry.load = read == m_texts.end();
      entry.text = !entry.load && read->second ? &*read->second : nullptr;
    }
    pending.push_back(std::move(entry));
  }
  lock.unlock();
  // The texts of a run of files are read together, then parsed; the notebooks, few and large,
  // end runs early (k_read_run_bytes).
  const auto to_read = [&](size_t i) -> uint64_t { return pending[i].load ? pending[i].file->size : 0; };
  uint64_t bytes = 0;
  for (size_t i = 0; i < pending.size(); ++i) {
    bytes += to_read(i);
  }
  const unsigned threads = m_view.reads_concurrently() ? scan_threads_for(pending.size(), bytes) : 1;
  run_parallel_runs(
      pending.size(), k_read_run, threads,
      [&](size_t begin, size_t end) {
        std::vector<std::string_view> paths;
        std::vector<size_t> which;
        for (size_t i = begin; i < end; ++i) {
          if (!pending[i].is_notebook && pending[i].load) {
            paths.push_back(pending[i].file->path);
            which.push_back(i);
          }
        }
        m_view.read_many(paths, k_text_cap, [&](size_t k, Result<std::string_view> content) {
          Pending& entry = pending[which[k]];
          if (content) {
            entry.loaded_text = text_file_of(*entry.file, std::string(*content));
          } else {
            entry.notes.push_back(content.error().message);
          }
        });
        for (size_t i = begin; i < end; ++i) {
          Pending& entry = pending[i];
          if (entry.is_notebook) {
            if (entry.load) {
              entry.loaded_notebook = load_notebook(entry.file->path, entry.notes);
            }
            entry.module = module_of(entry.load ? (entry.loaded_notebook ? &*entry.loaded_notebook : nullptr)
                                                : entry.notebook);
          } else {
            entry.module =
                module_of(entry.load ? (entry.loaded_text ? &*entry.loaded_text : nullptr) : entry.text);
          }
        }
      },
      to_read, k_read_run_bytes);
  // Cached as python() would have. A file another thread cached meanwhile keeps that thread's
  // text and notes.
  lock.lock();
  for (Pending& entry : pending) {
    bool inserted = false;
    if (entry.load && entry.is_notebook) {
      inserted = m_notebooks_parsed.try_emplace(entry.file->path, std::move(entry.loaded_notebook)).second;
    } else if (entry.load) {
      inserted = m_texts.try_emplace(entry.file->path, std::move(entry.loaded_text)).second;
    }
    if (inserted) {
      m_notes.insert(m_notes.end(), std::make_move_iterator(entry.notes.begin()),
                     std::make_move_iterator(entry.notes.end()));
    }
    m_python.try_emplace(entry.file->path, std::move(entry.module));
  }
}

void Analysis::prefetch_notebooks() const
{
  m_notebooks_prefetched.get([&] {
    std::vector<const FileEntry*> files;
    for (const FileEntry* file : notebooks()) {
      if (file->size > 0) {
        files.push_back(file);
      }
    }
    prefetch(files); // parsed on every core
    return true;
  });
}

const TextFile* Analysis::kept_text(std::string_view path) const
{
  const std::lock_guard lock(m_cache_mutex);
  const auto found = m_texts.find(path);
  return found != m_texts.end() && found->second ? &*found->second : nullptr;
}

const std::vector<Parsed<const analyze::PythonModule*>>& Analysis::code_modules() const
{
  return m_code_modules.get([&] {
    prefetch_notebooks();
    std::vector<const FileEntry*> files = python_files();
    std::erase_if(files, [](const FileEntry* file) { return is_docs_config(file->path); });
    files.insert(files.end(), notebooks().begin(), notebooks().end());
    std::sort(files.begin(), files.end(),
              [](const FileEntry* a, const FileEntry* b) { return a->path < b->path; });
    prefetch(files);
    std::vector<Parsed<const analyze::PythonModule*>> modules;
    for (const FileEntry* file : files) {
      if (const analyze::PythonModule* module = python(file->path)) {
        modules.push_back({file, module});
      }
    }
    return modules;
  });
}

const std::vector<Parsed<const analyze::PythonModule*>>& Analysis::test_modules() const
{
  return m_test_modules.get([&] {
    prefetch(test_files());
    std::vector<Parsed<const analyze::PythonModule*>> modules;
    for (const FileEntry* file : test_files()) {
      if (const analyze::PythonModule* module = python(file->path)) {
        modules.push_back({file, module});
      }
    }
    return modules;
  });
}

const std::vector<Parsed<analyze::Dockerfile>>& Analysis::dockerfiles() const
{
  return m_dockerfiles.get([&] {
    std::vector<Parsed<analyze::Dockerfile>> parsed;
    for (const FileEntry* file : project_files()) {
      if (!is_dockerfile_path(file->path)) {
        continue;
      }
      if (const TextFile* content = text(file->path); content != nullptr && !content->binary) {
        parsed.push_back({file, analyze::parse_dockerfile(content->content)});
        note_problems(file->path, parsed.back().value.problems);
      }
    }
    return parsed;
  });
}

const std::vector<Parsed<analyze::Workflow>>& Analysis::workflows() const
{
  return m_workflows.get([&] {
    std::vector<Parsed<analyze::Workflow>> parsed;
    // In a subfolder of a repository, the CI of the repository's top runs for it too.
    std::vector<const FileEntry*> files = project_files();
    for (const FileEntry& outer : m_view.outer_files()) {
      const OuterPath split = split_outer(outer.path);
      if (split.levels == m_view.outer_levels() &&
          analyze::ci_system_for_path(split.rest) != analyze::CiSystem::unknown) {
        files.push_back(&outer);
      }
    }
    for (const FileEntry* file : files) {
      const std::string_view path = split_outer(file->path).rest;
      const analyze::CiSystem system = analyze::ci_system_for_path(path);
      if (system == analyze::CiSystem::unknown) {
        continue;
      }
      // GitHub runs the workflows of the top's .github/workflows/ only (Backend/.github/... never
      // runs), and GitLab and CircleCI read their files at the top too.
      const bool top_only = system == analyze::CiSystem::github_actions ||
                            system == analyze::CiSystem::gitlab || system == analyze::CiSystem::circleci;
      if (top_only && !path.starts_with(".github/workflows/") && !path.starts_with(".circleci/") &&
          path.find('/') != std::string_view::npos) {
        continue;
      }
      if (const TextFile* content = text(file->path); content != nullptr && !content->binary) {
        parsed.push_back({file, analyze::parse_workflow(content->content, system)});
        note_problems(file->path, parsed.back().value.problems);
      }
    }
    return parsed;
  });
}

const std::vector<Parsed<analyze::DependencyFile>>& Analysis::dependency_files() const
{
  return m_dependency_files.get([&] {
    std::vector<Parsed<analyze::DependencyFile>> parsed;
    for (const FileEntry* file : project_files()) {
      const analyze::DependencyFormat format = analyze::dependency_format_for_path(file->path);
      if (format == analyze::DependencyFormat::unknown) {
        continue;
      }
      if (const TextFile* content = text(file->path); content != nullptr && !content->binary) {
        parsed.push_back({file, analyze::parse_dependencies(content->content, format)});
        note_problems(file->path, parsed.back().value.problems);
      }
    }
    return parsed;
  });
}

const std::vector<Parsed<analyze::DvcPipeline>>& Analysis::dvc_pipelines() const
{
  return m_dvc_pipelines.get([&] {
    std::vector<Parsed<analyze::DvcPipeline>> parsed;
    for (const FileEntry* file : project_files()) {
      if (file->path != "dvc.yaml" && !file->path.ends_with("/dvc.yaml")) {
        continue;
      }
      if (const TextFile* content = text(file->path); content != nullptr && !content->binary) {
        parsed.push_back({file, analyze::parse_dvc_yaml(content->content)});
        note_problems(file->path, parsed.back().value.problems);
      }
    }
    return parsed;
  });
}

const std::vector<Parsed<analyze::ComposeFile>>& Analysis::compose_files() const
{
  return m_compose_files.get([&] {
    std::vector<Parsed<analyze::ComposeFile>> parsed;
    for (const FileEntry* file : project_files()) {
      if (!analyze::is_compose_path(file->path)) {
        continue;
      }
      if (const TextFile* content = text(file->path); content != nullptr && !content->binary) {
        parsed.push_back({file, analyze::parse_compose(content->content)});
        note_problems(file->path, parsed.back().value.problems);
      }
    }
    return parsed;
  });
}

const analyze::PytestNaming& Analysis::pytest_naming() const
{
  return m_pytest_naming.get([&] {
    analyze::PytestNaming naming;
    for (const FileEntry* file : project_files()) {
      const analyze::PytestConfigFormat format = analyze::pytest_config_format(file->path);
      if (format == analyze::PytestConfigFormat::unknown) {
        continue;
      }
      if (const TextFile* content = text(file->path); content != nullptr && !content->binary) {
        auto found = analyze::parse_pytest_naming(content->content, format);
        naming.functions.insert(naming.functions.end(), found.functions.begin(), found.functions.end());
        naming.classes.insert(naming.classes.end(), found.classes.begin(), found.classes.end());
      }
    }
    return naming;
  });
}

} // namespace mlfolio::lint
