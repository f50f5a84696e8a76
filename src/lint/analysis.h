#pragma once

#include "lint/repo_view.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::lint {

// A value computed on first use and kept: each analyzer runs at most once per audit.
template <typename T> class Lazy
{
public:
  template <typename Compute> const T& get(Compute&& compute) const
  {
    if (!m_value) {
      m_value.emplace(compute());
    }
    return *m_value;
  }

private:
  mutable std::optional<T> m_value;
};

struct TextFile
{
  std::string content; // at most Analysis::k_text_cap bytes
  bool truncated = false;
  bool binary = false; // a NUL byte in the first 8000 bytes, as git decides
};

// What rules share about one audited view, computed lazily and once per run. Rules read files
// through here rather than through the view, so each file is read once and a file that cannot
// be read becomes one note in the report instead of an error.
//
// Analyzers (parsed README, Python tokens, notebooks, Dockerfiles, workflows, dependency files)
// are added as members of the same shape: `const Readme* readme_doc() const` returning
// `m_readme_doc.get([&] { return analyze::parse_readme(...); })` with a `Lazy<...>` member.
class Analysis
{
public:
  static constexpr uint64_t k_text_cap = 4 * 1024 * 1024;

  explicit Analysis(const RepoView& view) : m_view(view) {}
  Analysis(const Analysis&) = delete;
  Analysis& operator=(const Analysis&) = delete;

  const RepoView& view() const { return m_view; }

  // Every file outside virtualenvs, site-packages, node_modules and tool caches.
  const std::vector<const FileEntry*>& project_files() const;
  // Project files whose name ends with `extension` (".py"), compared without case.
  std::vector<const FileEntry*> files_with_extension(std::string_view extension) const;

  // README.md / .markdown / .rst / .txt / README at the root, any case; Markdown preferred.
  const FileEntry* readme() const;
  // Python files that are not tests.
  const std::vector<const FileEntry*>& python_files() const;
  // test_*.py, *_test.py, conftest.py and Python files below a tests/ or test/ folder.
  const std::vector<const FileEntry*>& test_files() const;
  const std::vector<const FileEntry*>& notebooks() const;

  // The text of a file (capped at k_text_cap), read once and kept. nullptr for a symlink or a
  // file that cannot be read; the latter is recorded once in notes().
  const TextFile* text(std::string_view path) const;
  // The same, read without being kept: for rules that scan every file once (repo/secrets), so
  // that a repository full of data files does not end up in memory.
  std::optional<TextFile> read_text(std::string_view path) const;

  // Problems met while reading, for the report ("cannot read x: ...").
  const std::vector<std::string>& notes() const { return m_notes; }

  static bool is_vendored(std::string_view path);
  static bool is_test_path(std::string_view path);

private:
  const RepoView& m_view;
  Lazy<std::vector<const FileEntry*>> m_project_files;
  Lazy<const FileEntry*> m_readme;
  Lazy<std::vector<const FileEntry*>> m_python_files;
  Lazy<std::vector<const FileEntry*>> m_test_files;
  Lazy<std::vector<const FileEntry*>> m_notebooks;
  mutable std::map<std::string, std::optional<TextFile>, std::less<>> m_texts;
  mutable std::vector<std::string> m_notes;
};

} // namespace mlfolio::lint
