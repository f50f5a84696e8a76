// The parsed forms of Analysis: each file is parsed once, on first use.
#include "lint/analysis.h"

#include "core/text.h"

namespace mlfolio::lint {

namespace {

bool is_notebook_path(std::string_view path)
{
  return text::to_lower(path).ends_with(".ipynb");
}

} // namespace

bool Analysis::is_dockerfile_path(std::string_view path)
{
  // Case matters: "Dockerfile.gpu" is an image recipe, "dockerfile.py" a module about them.
  const std::string_view name = text::base_name(path);
  if (name == "Dockerfile" || name == "Containerfile" || name == "dockerfile") {
    return true;
  }
  constexpr std::string_view k_not_recipes[] = {".md", ".txt", ".py", ".toml", ".json", ".cpp", ".h",
                                                ".sh", ".rst", ".yml", ".yaml", ".j2", ".tmpl", ".template"};
  const std::string lowered = text::to_lower(name);
  for (const auto suffix : k_not_recipes) {
    if (lowered.ends_with(suffix)) {
      return false;
    }
  }
  return name.starts_with("Dockerfile.") || name.starts_with("Containerfile.") || name.ends_with(".Dockerfile") ||
         name.ends_with(".dockerfile") || name.ends_with(".Containerfile");
}

void Analysis::note_problems(std::string_view path, const std::vector<analyze::Problem>& problems) const
{
  if (!problems.empty()) {
    m_notes.push_back(analyze::format_problem(path, problems.front()) +
                      (problems.size() > 1 ? " (and " + std::to_string(problems.size() - 1) + " more)" : ""));
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

const analyze::Notebook* Analysis::notebook(std::string_view path) const
{
  auto cached = m_notebooks_parsed.find(path);
  if (cached == m_notebooks_parsed.end()) {
    std::optional<analyze::Notebook> parsed;
    const FileEntry* entry = m_view.find(path);
    if (entry != nullptr && !entry->is_symlink) {
      if (entry->size > k_notebook_cap) {
        analyze::Notebook large;
        large.too_large = true;
        m_notes.push_back(std::string(path) + ": notebook of " + std::to_string(entry->size / (1024 * 1024)) +
                          " MB is larger than " + std::to_string(k_notebook_cap / (1024 * 1024)) +
                          " MB; counted but not parsed");
        parsed = std::move(large);
      } else if (auto content = m_view.read(path, k_notebook_cap)) {
        parsed = analyze::parse_notebook(*content, k_notebook_cap);
        note_problems(path, parsed->problems);
      } else {
        m_notes.push_back(content.error().message);
      }
    }
    cached = m_notebooks_parsed.emplace(std::string(path), std::move(parsed)).first;
  }
  return cached->second ? &*cached->second : nullptr;
}

const analyze::PythonModule* Analysis::python(std::string_view path) const
{
  auto cached = m_python.find(path);
  if (cached == m_python.end()) {
    std::optional<analyze::PythonModule> module;
    if (is_notebook_path(path)) {
      const analyze::Notebook* parsed = notebook(path);
      if (parsed != nullptr && !parsed->too_large) {
        module = analyze::analyze_python_text(analyze::code_cells_text(*parsed));
      }
    } else if (const TextFile* file = text(path); file != nullptr && !file->binary) {
      module = analyze::analyze_python(file->content);
    }
    cached = m_python.emplace(std::string(path), std::move(module)).first;
  }
  return cached->second ? &*cached->second : nullptr;
}

const std::vector<Parsed<const analyze::PythonModule*>>& Analysis::code_modules() const
{
  return m_code_modules.get([&] {
    std::vector<const FileEntry*> files = python_files();
    files.insert(files.end(), notebooks().begin(), notebooks().end());
    std::sort(files.begin(), files.end(), [](const FileEntry* a, const FileEntry* b) { return a->path < b->path; });
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
    for (const FileEntry* file : project_files()) {
      const analyze::CiSystem system = analyze::ci_system_for_path(file->path);
      if (system == analyze::CiSystem::unknown) {
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

} // namespace mlfolio::lint
