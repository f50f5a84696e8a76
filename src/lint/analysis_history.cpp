// The history-wide parts of Analysis: commits, and one scan of every blob for credentials and
// large files.
#include "lint/analysis.h"

#include "core/parallel.h"
#include "core/text.h"
#include "lint/analyze/text_decode.h"
#include "lint/history.h"
#include "lint/secrets/scanner.h"

#include <algorithm>
#include <mutex>
#include <utility>

namespace mlfolio::lint {

namespace {

std::vector<SecretFinding> to_findings(const std::vector<secrets::Hit>& hits, const std::string& path,
                                       const std::string& commit, bool in_tree)
{
  std::vector<SecretFinding> findings;
  for (const auto& hit : hits) {
    findings.push_back({hit.pattern->name, path, hit.line, hit.fingerprint, commit, in_tree});
  }
  return findings;
}

} // namespace

const CommitHistory* Analysis::commit_history() const
{
  const auto& history = m_commit_history.get([&]() -> std::optional<CommitHistory> {
    if (m_view.history() == nullptr) {
      return std::nullopt;
    }
    auto commits = m_view.history()->commits(k_commit_limit);
    if (!commits) {
      add_note(commits.error().message);
      return std::nullopt;
    }
    return std::move(*commits);
  });
  return history ? &*history : nullptr;
}

const HistoryScan* Analysis::history_scan() const
{
  const auto& scan = m_history_scan.get([&]() -> std::optional<HistoryScan> {
    if (m_view.history() == nullptr) {
      return std::nullopt;
    }
    const auto scanner = secrets::Scanner::builtin();
    if (!scanner) {
      add_note(scanner.error().message);
      return std::nullopt;
    }
    HistoryScan result;
    const TreeSecrets& tree = scan_tree_secrets();
    const auto known = [&](const git::ObjectId& id) -> std::optional<uint64_t> {
      const auto found = tree.by_blob.find(id);
      return found == tree.by_blob.end() ? std::nullopt : std::optional(found->second.size);
    };
    // Blobs are visited from several threads, in no fixed order: what each one yields is put
    // down under a lock with its index, and sorted into the walk's order at the end.
    std::mutex mutex;
    std::vector<std::pair<size_t, SecretFinding>> secrets;
    std::vector<std::pair<size_t, LargeBlob>> large_blobs;
    const auto scanned = m_view.history()->scan_blobs(
        k_text_cap, known, [&](const HistoryBlobInfo& blob, std::string_view content) {
          if (blob.missing) {
            const std::lock_guard lock(mutex);
            ++result.missing;
            return;
          }
          std::vector<SecretFinding> found;
          const auto reused = tree.by_blob.find(blob.id);
          if (is_vendored(blob.path)) {
            // not the author's code: not scanned, as in the tree
          } else if (reused != tree.by_blob.end()) {
            for (SecretFinding secret : reused->second.secrets) {
              secret.path = blob.path;
              secret.commit = blob.commit.hex();
              secret.in_tree = blob.in_tree;
              found.push_back(std::move(secret));
            }
          } else if (!content.empty() && !analyze::looks_binary(content)) {
            const auto hits = (*scanner)->scan_file(blob.path, content);
            if (!hits.empty()) {
              found = to_findings(hits, std::string(blob.path), blob.commit.hex(), blob.in_tree);
            }
          }
          const std::lock_guard lock(mutex);
          ++result.blobs;
          if (blob.size > m_large_blob_bytes) {
            large_blobs.push_back(
                {blob.index, {std::string(blob.path), blob.size, blob.commit.hex(), blob.in_tree}});
          }
          for (auto& secret : found) {
            secrets.emplace_back(blob.index, std::move(secret));
          }
        });
    const auto by_index = [](const auto& a, const auto& b) { return a.first < b.first; };
    std::stable_sort(secrets.begin(), secrets.end(), by_index);
    std::stable_sort(large_blobs.begin(), large_blobs.end(), by_index);
    for (auto& [index, secret] : secrets) {
      result.secrets.push_back(std::move(secret));
    }
    for (auto& [index, blob] : large_blobs) {
      result.large_blobs.push_back(std::move(blob));
    }
    if (!scanned) {
      add_note(scanned.error().message);
      result.failed = true;
    }
    return result;
  });
  return scan ? &*scan : nullptr;
}

const std::vector<SecretFinding>& Analysis::tree_secrets() const
{
  return scan_tree_secrets().found;
}

void Analysis::scan_files(std::vector<FileScan>& scans, unsigned threads) const
{
  // Read without being kept (a tree full of data files must not end up in memory) and scanned.
  // Opening and reading twenty thousand files is most of the time of a large audit, so it is
  // spread over the cores when the view can be read concurrently.
  const auto scanner = secrets::Scanner::builtin(); // once: it is looked up under a lock
  const auto scan = [&](FileScan& entry, const Result<std::string_view>& content) {
    if (!content) {
      entry.note = content.error().message;
      return;
    }
    if (entry.kept != nullptr ? !entry.kept->binary : !analyze::looks_binary(*content)) {
      if (!scanner) {
        entry.note = scanner.error().message;
        return;
      }
      entry.hits = to_findings((*scanner)->scan_file(entry.file->path, *content), entry.file->path, "", true);
      entry.conflict_line = text::merge_conflict_line(*content);
    }
    entry.done = true;
  };
  const auto to_read = [&](size_t i) -> uint64_t {
    return scans[i].done || scans[i].kept != nullptr ? 0 : std::min(scans[i].file->size, k_text_cap);
  };
  run_parallel_runs(
      scans.size(), k_read_run, threads,
      [&](size_t begin, size_t end) {
        std::vector<std::string_view> paths;
        std::vector<size_t> read;
        for (size_t i = begin; i < end; ++i) {
          FileScan& entry = scans[i];
          if (entry.done) {
            continue;
          }
          if (entry.kept != nullptr) {
            scan(entry, Result<std::string_view>(entry.kept->content));
          } else {
            paths.push_back(entry.file->path);
            read.push_back(i);
          }
        }
        m_view.read_many(paths, k_text_cap,
                         [&](size_t i, Result<std::string_view> content) { scan(scans[read[i]], content); });
      },
      to_read, k_read_run_bytes);
}

void Analysis::start_tree_scan() const
{
  if (m_background || !m_view.reads_concurrently()) {
    return;
  }
  // Python modules are left to scan_tree_secrets: the rules that parse them keep their text.
  m_background_scans.reserve(project_files().size());
  for (const FileEntry* file : project_files()) {
    if (!file->is_symlink && file->size > 0 && !is_notebook_path(file->path) &&
        !text::iends_with(file->path, ".py")) {
      m_background_scans.push_back({file, nullptr, false, {}, std::nullopt, std::nullopt});
    }
  }
  // Only where the reads would be spread over several threads anyway: a small project is read
  // on the calling thread, and a cohort's audits (one scan thread each) keep to --jobs cores.
  const unsigned threads = scan_threads_for(m_background_scans.size());
  if (threads <= 1) {
    m_background_scans.clear();
    return;
  }
  m_background.emplace([this, threads] {
    try {
      scan_files(m_background_scans, threads);
    } catch (...) {
      m_background_failure = std::current_exception(); // rethrown where the scan is needed
    }
  });
}

void Analysis::finish_tree_scan() const
{
  if (m_background) {
    m_background->join();
  }
}

const Analysis::TreeSecrets& Analysis::scan_tree_secrets() const
{
  return m_tree_secrets.get([&] {
    TreeSecrets tree;
    const auto scanner = secrets::Scanner::builtin();
    if (!scanner) {
      add_note(scanner.error().message);
      return tree;
    }
    prefetch_notebooks(); // kept for the notebook rules
    if (m_background) {
      m_background->join(); // the other files, scanned while the rules before this one ran
      m_background.reset();
      if (m_background_failure) {
        m_background_scans.clear();
        std::rethrow_exception(std::exchange(m_background_failure, nullptr));
      }
    }
    std::vector<FileScan> scanned;
    scanned.reserve(project_files().size());
    tree.by_blob.reserve(project_files().size());
    auto background = m_background_scans.begin();
    for (const FileEntry* file : project_files()) {
      if (file->is_symlink || file->size == 0) {
        continue;
      }
      if (background != m_background_scans.end() && background->file == file) {
        scanned.push_back(std::move(*background++));
        continue;
      }
      FileScan entry{file, nullptr, false, {}, std::nullopt, std::nullopt};
      if (is_notebook_path(file->path)) {
        const analyze::Notebook* parsed = notebook(file->path);
        if (parsed != nullptr && !parsed->too_large && !parsed->cells.empty()) {
          entry.hits = to_findings((*scanner)->scan_notebook(*parsed), file->path, "", true);
          entry.done = true;
        } // else read and scanned as text below
      } else if (const TextFile* kept = kept_text(file->path); kept != nullptr && !kept->truncated) {
        entry.kept = kept;
      }
      scanned.push_back(std::move(entry));
    }
    m_background_scans.clear();
    scan_files(scanned, m_view.reads_concurrently() ? scan_threads_for(scanned.size()) : 1);

    // Recorded in the files' order, whatever thread read them.
    std::vector<std::string> conflicts;
    for (FileScan& entry : scanned) {
      if (entry.note) {
        add_note(std::move(*entry.note));
      }
      if (entry.conflict_line) {
        conflicts.push_back(entry.file->path + ":" + std::to_string(*entry.conflict_line));
      }
      if (!entry.done) {
        continue;
      }
      if (entry.file->blob) {
        tree.by_blob.try_emplace(*entry.file->blob, TreeSecrets::Known{entry.file->size, entry.hits});
      }
      tree.found.insert(tree.found.end(), entry.hits.begin(), entry.hits.end());
    }
    if (!conflicts.empty()) {
      constexpr size_t k_shown = 5;
      std::string listed;
      for (size_t i = 0; i < std::min(conflicts.size(), k_shown); ++i) {
        listed += (i == 0 ? "" : ", ") + conflicts[i];
      }
      if (conflicts.size() > k_shown) {
        listed += " and " + std::to_string(conflicts.size() - k_shown) + " more";
      }
      add_note(std::string(conflicts.size() == 1 ? "a merge conflict was left unresolved in "
                                                 : "merge conflicts were left unresolved in ") +
               listed + " (<<<<<<<, =======, >>>>>>> lines): " + (conflicts.size() == 1 ? "it was" : "they were") +
               " read as committed, which neither side of the merge meant; resolve and commit them");
    }
    return tree;
  });
}

} // namespace mlfolio::lint
