#include "lint/analysis.h"

#include "core/text.h"
#include "lint/analyze/text_decode.h"

#include <algorithm>

namespace mlfolio::lint {

namespace {

// Folders that hold installed or generated files, never the project's own code.
constexpr std::string_view k_vendored_folders[] = {
    "venv",         ".venv",       "virtualenv",         ".virtualenv", "site-packages",
    "node_modules", "__pycache__", ".ipynb_checkpoints", ".tox",        ".nox",
    ".eggs",        ".mypy_cache", ".pytest_cache",      ".ruff_cache", ".git",
    // Installed libraries committed with a deployment package (pip install -t build/ for a
    // Lambda function): no project names a folder of its own like them.
    "dist-packages", "botocore", "boto3", "s3transfer", "urllib3", "certifi", "charset_normalizer",
    "pkg_resources", "_distutils_hack",
    // MLflow's local run store: what log_model wrote (a requirements.txt, a conda.yaml, a pickled
    // model) is the tracker's copy, not the project's own files.
    "mlruns", "mlartifacts"};

constexpr std::string_view k_test_folders[] = {"tests", "test"};

// Root README names in order of preference.
constexpr std::string_view k_readme_names[] = {"readme.md", "readme.markdown", "readme.rst", "readme.txt",
                                               "readme"};

} // namespace

bool Analysis::is_vendored(std::string_view path)
{
  return text::has_folder(path, k_vendored_folders);
}

bool Analysis::is_notebook_path(std::string_view path)
{
  return text::iends_with(path, ".ipynb");
}

bool Analysis::is_docs_config(std::string_view path)
{
  if (text::base_name(path) != "conf.py") {
    return false;
  }
  const auto parts = text::split(path, '/');
  return std::any_of(parts.begin(), parts.end(), [](std::string_view part) {
    return text::iequals(part, "docs") || text::iequals(part, "doc") || text::iequals(part, "documentation");
  });
}

bool Analysis::is_test_path(std::string_view path)
{
  const std::string_view name = text::base_name(path);
  return text::istarts_with(name, "test_") || text::iends_with(name, "_test.py") ||
         text::iequals(name, "conftest.py") || text::has_folder(path, k_test_folders);
}

const std::vector<const FileEntry*>& Analysis::project_files() const
{
  return m_project_files.get([&] {
    std::vector<const FileEntry*> files;
    for (const auto& entry : m_view.files()) {
      if (!is_vendored(entry.path)) {
        files.push_back(&entry);
      }
    }
    return files;
  });
}

std::vector<const FileEntry*> Analysis::files_with_extension(std::string_view extension) const
{
  std::vector<const FileEntry*> files;
  for (const FileEntry* entry : project_files()) {
    if (text::iends_with(entry->path, extension)) {
      files.push_back(entry);
    }
  }
  return files;
}

namespace {

constexpr uint32_t k_no_file = UINT32_MAX; // NameIndex's end of a chain

// The files `key` leads to in `heads`, following the chain of `next`.
void add_chain(const std::unordered_map<std::string_view, uint32_t>& heads, const std::vector<uint32_t>& next,
               std::string_view key, std::vector<uint32_t>& out)
{
  const auto found = heads.find(key);
  for (uint32_t at = found == heads.end() ? k_no_file : found->second; at != k_no_file; at = next[at]) {
    out.push_back(at);
  }
}

} // namespace

const Analysis::NameIndex& Analysis::name_index() const
{
  return m_name_index.get([&] {
    NameIndex index;
    const auto& files = project_files();
    size_t bytes = 0;
    for (const FileEntry* file : files) {
      bytes += text::base_name(file->path).size();
    }
    index.block = std::make_unique_for_overwrite<char[]>(bytes);
    index.names.reserve(files.size());
    index.next_by_name.assign(files.size(), k_no_file);
    index.next_by_extension.assign(files.size(), k_no_file);
    index.by_name.reserve(files.size());
    char* next = index.block.get();
    for (size_t i = 0; i < files.size(); ++i) {
      const std::string_view name = text::base_name(files[i]->path);
      std::transform(name.begin(), name.end(), next, [](char c) { return text::ascii_lower(c); });
      const std::string_view lowered(next, name.size());
      next += name.size();
      index.names.push_back(lowered);
      const auto at = static_cast<uint32_t>(i);
      const auto chain = [at](auto& heads, auto& links, std::string_view key) {
        auto [head, added] = heads.try_emplace(key, at);
        if (!added) {
          links[at] = std::exchange(head->second, at);
        }
      };
      chain(index.by_name, index.next_by_name, lowered);
      if (const size_t dot = lowered.rfind('.'); dot != std::string_view::npos) {
        chain(index.by_extension, index.next_by_extension, lowered.substr(dot));
      }
    }
    return index;
  });
}

std::vector<const FileEntry*> Analysis::files_matching(const GlobSet& globs) const
{
  const auto& files = project_files();
  // Each glob names the files it may match (by name, start of name or extension, or every file)
  // and is tried on those alone; a file any glob matches is in the set.
  std::vector<uint32_t> candidates;
  for (const Glob& glob : globs.globs()) {
    const Glob::NameKey key = glob.name_key();
    const size_t first = candidates.size();
    switch (key.kind) {
    case Glob::NameKey::Kind::no_file:
      break;
    case Glob::NameKey::Kind::name:
      add_chain(name_index().by_name, name_index().next_by_name, key.text, candidates);
      break;
    case Glob::NameKey::Kind::prefix:
      for (size_t i = 0; i < files.size(); ++i) {
        if (name_index().names[i].starts_with(key.text)) {
          candidates.push_back(static_cast<uint32_t>(i));
        }
      }
      break;
    case Glob::NameKey::Kind::extension:
      add_chain(name_index().by_extension, name_index().next_by_extension, key.text, candidates);
      break;
    case Glob::NameKey::Kind::none: // any name: tried on every file
      for (size_t i = 0; i < files.size(); ++i) {
        if (glob.matches_file(files[i]->path)) {
          candidates.push_back(static_cast<uint32_t>(i));
        }
      }
      continue;
    }
    const auto unmatched =
        std::remove_if(candidates.begin() + static_cast<std::ptrdiff_t>(first), candidates.end(),
                       [&](uint32_t i) { return !glob.matches_file(files[i]->path); });
    candidates.erase(unmatched, candidates.end());
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  std::vector<const FileEntry*> matching;
  matching.reserve(candidates.size());
  for (const uint32_t i : candidates) {
    matching.push_back(files[i]);
  }
  return matching;
}

const FileEntry* Analysis::readme() const
{
  return m_readme.get([&]() -> const FileEntry* {
    for (const auto name : k_readme_names) {
      for (const auto& entry : m_view.files()) {
        if (entry.path.find('/') == std::string::npos && text::iequals(entry.path, name)) {
          return &entry;
        }
      }
    }
    return nullptr;
  });
}

const std::vector<const FileEntry*>& Analysis::python_files() const
{
  return m_python_files.get([&] {
    auto files = files_with_extension(".py");
    std::erase_if(files, [](const FileEntry* entry) { return is_test_path(entry->path); });
    return files;
  });
}

const std::vector<const FileEntry*>& Analysis::test_files() const
{
  return m_test_files.get([&] {
    auto files = files_with_extension(".py");
    std::erase_if(files, [](const FileEntry* entry) { return !is_test_path(entry->path); });
    return files;
  });
}

const std::vector<const FileEntry*>& Analysis::notebooks() const
{
  return m_notebooks.get([&] { return files_with_extension(".ipynb"); });
}

std::optional<TextFile> Analysis::read_text(std::string_view path) const
{
  std::vector<std::string> notes;
  auto text = load_text(path, notes);
  add_notes(notes);
  return text;
}

void Analysis::add_note(std::string note) const
{
  const std::lock_guard lock(m_cache_mutex);
  m_notes.push_back(std::move(note));
}

void Analysis::add_notes(std::vector<std::string>& notes) const
{
  if (notes.empty()) {
    return;
  }
  const std::lock_guard lock(m_cache_mutex);
  m_notes.insert(m_notes.end(), std::make_move_iterator(notes.begin()), std::make_move_iterator(notes.end()));
}

std::vector<std::string> Analysis::notes() const
{
  std::vector<std::string> notes;
  {
    const std::lock_guard lock(m_cache_mutex);
    notes = m_notes;
  }
  std::sort(notes.begin(), notes.end());
  notes.erase(std::unique(notes.begin(), notes.end()), notes.end());
  return notes;
}

std::optional<TextFile> Analysis::load_text(std::string_view path, std::vector<std::string>& notes) const
{
  const FileEntry* entry = m_view.find(path);
  if (entry == nullptr) {
    return std::nullopt; // rules ask for files that may not be there (a Makefile, .gitattributes)
  }
  if (entry->is_symlink) {
    return std::nullopt;
  }
  auto content = m_view.read(path, k_text_cap);
  if (!content) {
    notes.push_back(content.error().message);
    return std::nullopt;
  }
  return text_file_of(*entry, std::move(*content));
}

TextFile Analysis::text_file_of(const FileEntry& entry, std::string content)
{
  TextFile file;
  file.truncated = entry.size > k_text_cap;
  file.binary = analyze::looks_binary(content);
  file.content = std::move(content);
  return file;
}

const TextFile* Analysis::text(std::string_view path) const
{
  return cached(m_texts, path, [&](std::vector<std::string>& notes) { return load_text(path, notes); });
}

} // namespace mlfolio::lint
