#pragma once

#include "lint/analyze/compose.h"
#include "lint/analyze/deps.h"
#include "lint/analyze/dockerfile.h"
#include "lint/analyze/dvc.h"
#include "lint/analyze/notebook.h"
#include "lint/analyze/pytest_config.h"
#include "lint/analyze/python.h"
#include "lint/analyze/readme.h"
#include "lint/analyze/workflow.h"
#include "lint/glob.h"
#include "lint/repo_view.h"

#include <atomic>
#include <cstdint>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

namespace mlfolio::lint {

// A value computed on first use and kept: each analyzer runs at most once per audit, whichever
// thread asks first; the others wait for it. A compute that throws leaves it to be computed again.
template <typename T> class Lazy
{
public:
  template <typename Compute> const T& get(Compute&& compute) const
  {
    if (!m_ready.load(std::memory_order_acquire)) {
      const std::lock_guard lock(m_mutex);
      if (!m_value) {
        m_value.emplace(compute());
        m_ready.store(true, std::memory_order_release);
      }
    }
    return *m_value;
  }

private:
  mutable std::mutex m_mutex;
  mutable std::atomic<bool> m_ready{false};
  mutable std::optional<T> m_value;
};

// A file of the audited tree and what an analyzer made of it.
template <typename T> struct Parsed
{
  const FileEntry* file = nullptr;
  T value;
};

struct TextFile
{
  std::string content; // at most Analysis::k_text_cap bytes
  bool truncated = false;
  bool binary = false; // see analyze::looks_binary (UTF-16 text with a BOM is text)
};

// A credential found by the secrets scanner (see lint/secrets/scanner.h). Never its value.
struct SecretFinding
{
  std::string kind; // "AWS access key id"
  std::string path;
  uint32_t line = 0;
  std::string fingerprint; // what a configuration's acknowledged_secrets lists
  std::string commit;      // history: the commit that brought it in; "" for the tree scan
  bool in_tree = true;     // history: still in the audited tree
};

// A blob of the history above Analysis::k_history_large_blob bytes.
struct LargeBlob
{
  std::string path;
  uint64_t size = 0;
  std::string commit; // the commit that added it
  bool in_tree = false;
};

// One pass over every blob of every ref: what the git/ rules need of it.
struct HistoryScan
{
  std::vector<SecretFinding> secrets;
  std::vector<LargeBlob> large_blobs;
  size_t blobs = 0;    // distinct blobs read
  size_t missing = 0;  // distinct blobs the object database lacks (a partial clone)
  bool failed = false; // the history could not be read (a note says why)
};

// What rules share about one audited view, computed lazily and once per run. Rules read files
// through here rather than through the view, so each file is read once and a file that cannot
// be read becomes one note in the report instead of an error. Parsed forms (README, Python,
// notebooks, Dockerfiles, CI workflows, dependency files) are made on first use and kept;
// what an analyzer could not read becomes a note naming file, line and column.
//
// Rules may run on several threads at once (see run_rules) when the view can be read
// concurrently: every member is safe to call from several threads.
class Analysis
{
public:
  static constexpr uint64_t k_text_cap = 4 * 1024 * 1024;
  // Notebooks carry outputs and images: they are parsed up to this size, larger ones are counted
  // but not parsed (a note says so).
  static constexpr uint64_t k_notebook_cap = 64 * 1024 * 1024;
  // Files a reading task takes at once, read together by RepoView::read_many (a working tree
  // reads as many per system call).
  static constexpr size_t k_read_run = 64;
  // ... or fewer, once their bytes reach this: a few large files are spread over the threads
  // instead of all falling in one task.
  static constexpr uint64_t k_read_run_bytes = 1 << 20;

  // `large_blob_bytes`: the history scan keeps the blobs above this size (the smallest size a
  // large-file rule will ask about).
  explicit Analysis(const RepoView& view, uint64_t large_blob_bytes = k_history_large_blob)
      : m_view(view), m_large_blob_bytes(large_blob_bytes), m_notes(view.listing_notes())
  {
  }
  Analysis(const Analysis&) = delete;
  Analysis& operator=(const Analysis&) = delete;

  const RepoView& view() const { return m_view; }

  // Every file outside virtualenvs, site-packages, node_modules and tool caches.
  const std::vector<const FileEntry*>& project_files() const;
  // Project files whose name ends with `extension` (".py"), compared without case.
  std::vector<const FileEntry*> files_with_extension(std::string_view extension) const;
  // The project files that one of `globs` matches, in project_files() order. Files are looked
  // up by name or extension (Glob::name_key): a rule with a dozen globs does not try each of
  // them on every file of a tree of twenty thousand.
  std::vector<const FileEntry*> files_matching(const GlobSet& globs) const;

  // README.md / .markdown / .rst / .txt / README at the root, any case; Markdown preferred.
  const FileEntry* readme() const;
  // Python files that are not tests.
  const std::vector<const FileEntry*>& python_files() const;
  // test_*.py, *_test.py, conftest.py and Python files below a tests/ or test/ folder.
  const std::vector<const FileEntry*>& test_files() const;
  const std::vector<const FileEntry*>& notebooks() const;

  // The text of a file (capped at k_text_cap), read once and kept. nullptr for a file that is
  // not there, a symlink, or a file that cannot be read; only the last is recorded in notes().
  const TextFile* text(std::string_view path) const;
  // The same, read without being kept: for rules that scan every file once (repo/secrets), so
  // that a repository full of data files does not end up in memory.
  std::optional<TextFile> read_text(std::string_view path) const;

  // The root README parsed (cmark-gfm for Markdown); nullptr without one or when it is binary.
  const analyze::Document* readme_document() const;
  // A Python file's structure, or a notebook's code cells read as one module; nullptr when the
  // file cannot be read, is binary, or is a notebook too large to parse.
  const analyze::PythonModule* python(std::string_view path) const;
  // A parsed notebook; nullptr when it cannot be read.
  const analyze::Notebook* notebook(std::string_view path) const;
  // Every non-test Python module (a Sphinx docs/conf.py left out) and every notebook's code, in
  // path order: for rules that ask "does the ML code do X anywhere".
  const std::vector<Parsed<const analyze::PythonModule*>>& code_modules() const;
  // Test modules, in path order.
  const std::vector<Parsed<const analyze::PythonModule*>>& test_modules() const;
  // Dockerfiles and Containerfiles anywhere in the project (Dockerfile, Dockerfile.gpu,
  // api.Dockerfile, Containerfile), parsed.
  const std::vector<Parsed<analyze::Dockerfile>>& dockerfiles() const;
  // CI configurations of every system mlfolio knows, parsed.
  const std::vector<Parsed<analyze::Workflow>>& workflows() const;
  // requirements files, pyproject.toml, setup.cfg/py, conda environments, Pipfiles, parsed.
  const std::vector<Parsed<analyze::DependencyFile>>& dependency_files() const;
  // The test names the project's pytest configurations add (pyproject.toml, pytest.ini,
  // tox.ini, setup.cfg anywhere in the project, together).
  const analyze::PytestNaming& pytest_naming() const;
  // Every dvc.yaml of the project, parsed; what cannot be read is a note.
  const std::vector<Parsed<analyze::DvcPipeline>>& dvc_pipelines() const;
  // Every Docker Compose file of the project (docker-compose*.yml, compose.yaml), parsed.
  const std::vector<Parsed<analyze::ComposeFile>>& compose_files() const;

  static bool is_dockerfile_path(std::string_view path);

  // History (analysis_history.cpp). nullptr when the view has no history or it cannot be read.
  static constexpr uint64_t k_history_large_blob = 1024 * 1024;
  static constexpr size_t k_commit_limit = 100000;
  const CommitHistory* commit_history() const;
  const HistoryScan* history_scan() const;
  // Credentials in the audited tree, notebooks read as JSON; sorted by path and line.
  const std::vector<SecretFinding>& tree_secrets() const;
  // Starts reading and scanning the files other than notebooks and Python modules for
  // tree_secrets() on threads of their own, when the view can be read concurrently and the files
  // are many enough for several scan threads (see scan_threads_for): a large tree's reads then
  // overlap the rules that run before the scan is needed. tree_secrets() is the same either way.
  void start_tree_scan() const;
  // Waits for start_tree_scan's threads if nothing has yet: afterwards the analysis reads
  // nothing from the view any more.
  void finish_tree_scan() const;
  const History* history() const { return m_view.history(); }

  // Problems met while reading, for the report ("cannot read x: ..."): sorted, each once, so
  // that the report does not depend on which thread met a problem first.
  std::vector<std::string> notes() const;

  static bool is_vendored(std::string_view path);
  static bool is_test_path(std::string_view path);
  static bool is_notebook_path(std::string_view path); // *.ipynb, any case
  // docs/conf.py and the like: the Sphinx configuration of the documentation, not project code
  // (its os.getenv calls and path strings say nothing of how the ML code is configured).
  static bool is_docs_config(std::string_view path);

private:
  void note_problems(std::string_view path, const std::vector<analyze::Problem>& problems) const;
  // The entry of `path` in `cache` (m_texts, m_notebooks_parsed or m_python), made by
  // `load(notes)` when there is none yet; see m_cache_mutex.
  template <typename T, typename Load>
  const T* cached(std::map<std::string, std::optional<T>, std::less<>>& cache, std::string_view path,
                  Load&& load) const;
  void add_note(std::string note) const;
  void add_notes(std::vector<std::string>& notes) const; // moved from
  // The readers behind text() and notebook(): they touch no cache and put their notes in `notes`,
  // so that prefetch() can run them on several threads.
  std::optional<TextFile> load_text(std::string_view path, std::vector<std::string>& notes) const;
  // What load_text keeps of `entry`'s content (at most k_text_cap bytes of it).
  static TextFile text_file_of(const FileEntry& entry, std::string content);
  std::optional<analyze::Notebook> load_notebook(std::string_view path,
                                                 std::vector<std::string>& notes) const;
  // Reads and parses the Python files and notebooks among `files` that are not parsed yet, on
  // every core when the view can be read concurrently, and caches them as python() would.
  void prefetch(const std::vector<const FileEntry*>& files) const;
  // prefetch() of every notebook, once: both the code modules and the tree's credential scan
  // need them, and parsing them twice at once would be the largest waste of an audit.
  void prefetch_notebooks() const;
  // The text of `path` if text() or prefetch() has read it already; nullptr otherwise.
  const TextFile* kept_text(std::string_view path) const;

  const RepoView& m_view;
  uint64_t m_large_blob_bytes;
  Lazy<std::vector<const FileEntry*>> m_project_files;
  // project_files() indexed by lower-cased name and by lower-cased extension (from the name's
  // last dot): files_matching's candidates. The names are views of one block that holds them
  // all; each key leads to its last file, and `next` from a file to the one before it with the
  // same key (UINT32_MAX ends the chain).
  struct NameIndex
  {
    std::unique_ptr<char[]> block;
    std::vector<std::string_view> names; // per project file
    std::unordered_map<std::string_view, uint32_t> by_name;
    std::unordered_map<std::string_view, uint32_t> by_extension;
    std::vector<uint32_t> next_by_name;
    std::vector<uint32_t> next_by_extension;
  };
  const NameIndex& name_index() const;
  Lazy<NameIndex> m_name_index;
  Lazy<const FileEntry*> m_readme;
  Lazy<std::vector<const FileEntry*>> m_python_files;
  Lazy<std::vector<const FileEntry*>> m_test_files;
  Lazy<std::vector<const FileEntry*>> m_notebooks;
  Lazy<std::optional<analyze::Document>> m_readme_document;
  Lazy<std::optional<CommitHistory>> m_commit_history;
  Lazy<std::optional<HistoryScan>> m_history_scan;
  struct TreeSecrets
  {
    std::vector<SecretFinding> found;
    // What the scan found in each file whose blob id the view knows: the history scan reuses
    // it rather than reading the same blob again.
    struct Known
    {
      uint64_t size = 0;
      std::vector<SecretFinding> secrets;
    };
    std::unordered_map<git::ObjectId, Known, git::ObjectIdHash> by_blob;
  };
  const TreeSecrets& scan_tree_secrets() const;
  // One file's credential scan; `kept`, when given, is its content read already.
  struct FileScan
  {
    const FileEntry* file = nullptr;
    const TextFile* kept = nullptr;
    bool done = false; // read and scanned (not: unreadable, or left to be read)
    std::vector<SecretFinding> hits;
    std::optional<std::string> note;
    std::optional<size_t> conflict_line; // a merge conflict left in the file (text::merge_conflict_line)
  };
  // Reads and scans the files of `scans` that are not done, on `threads` threads. Touches no cache.
  void scan_files(std::vector<FileScan>& scans, unsigned threads) const;

  Lazy<TreeSecrets> m_tree_secrets;
  Lazy<bool> m_notebooks_prefetched;
  Lazy<std::vector<Parsed<const analyze::PythonModule*>>> m_code_modules;
  Lazy<std::vector<Parsed<const analyze::PythonModule*>>> m_test_modules;
  Lazy<std::vector<Parsed<analyze::Dockerfile>>> m_dockerfiles;
  Lazy<std::vector<Parsed<analyze::Workflow>>> m_workflows;
  Lazy<std::vector<Parsed<analyze::DependencyFile>>> m_dependency_files;
  Lazy<std::vector<Parsed<analyze::DvcPipeline>>> m_dvc_pipelines;
  Lazy<std::vector<Parsed<analyze::ComposeFile>>> m_compose_files;
  Lazy<analyze::PytestNaming> m_pytest_naming;
  // The caches of python(), notebook() and text(), and the notes, behind one lock. Nothing is
  // read or parsed while it is held: two threads that want the same file may both make it, and
  // the first one's is kept (with its notes).
  mutable std::mutex m_cache_mutex;
  mutable std::map<std::string, std::optional<analyze::PythonModule>, std::less<>> m_python;
  mutable std::map<std::string, std::optional<analyze::Notebook>, std::less<>> m_notebooks_parsed;
  mutable std::map<std::string, std::optional<TextFile>, std::less<>> m_texts;
  mutable std::vector<std::string> m_notes;
  // start_tree_scan's work: every project file but notebooks, and the thread scanning them.
  // Declared last, so that the thread is joined before the members it reads are destroyed.
  mutable std::vector<FileScan> m_background_scans;
  mutable std::exception_ptr m_background_failure;
  mutable std::optional<std::jthread> m_background;
};

template <typename T, typename Load>
const T* Analysis::cached(std::map<std::string, std::optional<T>, std::less<>>& cache, std::string_view path,
                          Load&& load) const
{
  {
    const std::lock_guard lock(m_cache_mutex);
    if (const auto found = cache.find(path); found != cache.end()) {
      return found->second ? &*found->second : nullptr;
    }
  }
  std::vector<std::string> notes;
  std::optional<T> loaded = load(notes);
  const std::lock_guard lock(m_cache_mutex);
  const auto [found, inserted] = cache.try_emplace(std::string(path), std::move(loaded));
  if (inserted) {
    m_notes.insert(m_notes.end(), std::make_move_iterator(notes.begin()),
                   std::make_move_iterator(notes.end()));
  }
  return found->second ? &*found->second : nullptr;
}

} // namespace mlfolio::lint
