#include "lint/history.h"

#include "git/history.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <set>
#include <thread>

namespace mlfolio::lint {

int64_t History::now() const
{
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

namespace {

std::atomic<unsigned> g_scan_threads{0};

class GitHistory final : public History
{
public:
  GitHistory(git::Repository repo, git::ObjectId commit) : m_repo(std::move(repo)), m_commit(commit) {}

  Result<CommitHistory> commits(size_t limit) const override
  {
    TRY_ASSIGN(const git::CommitList list, git::list_commits(m_repo, m_commit, limit));
    CommitHistory history;
    history.total = list.total;
    for (const auto& commit : list.commits) {
      history.commits.push_back({commit.id.hex(), commit.summary,
                                 commit.author_email.empty() ? commit.author_name : commit.author_email,
                                 commit.time, commit.parent_count, commit.files_added, commit.files_modified,
                                 commit.files_deleted});
    }
    return history;
  }

  Result<void> scan_blobs(uint64_t max_content, const KnownBlob& known, const BlobVisitor& visit) const override
  {
    TRY_ASSIGN(const auto in_tree, git::tree_blob_ids(m_repo, m_commit));
    // Reading and scanning every blob is most of an audit's time on a long history: it is
    // spread over the cores (at most four), unless the run already spreads its audits.
    return git::scan_history_blobs(m_repo, max_content, known, scan_threads(),
                                   [&](const git::HistoryBlob& blob, std::string_view content) {
                                     const bool present = in_tree.contains(blob.id);
                                     visit({blob.index, blob.id, blob.path, blob.commit, blob.commit_time,
                                            blob.size, present, blob.missing},
                                           content);
                                   });
  }

private:
  git::Repository m_repo;
  git::ObjectId m_commit;
};

// A stand-in commit id for commit number `index` of a MemoryHistory.
std::string memory_commit_id(size_t index)
{
  std::string id = std::to_string(index + 1);
  return std::string(40 - id.size(), '0') + id;
}

} // namespace

void set_scan_threads(unsigned threads)
{
  g_scan_threads = threads;
}

unsigned scan_threads_for(size_t files, uint64_t bytes)
{
  constexpr uint64_t k_many_bytes = 8 << 20;
  return files < 256 && bytes < k_many_bytes ? 1 : scan_threads();
}

unsigned scan_threads()
{
  const unsigned setting = g_scan_threads;
  return setting > 0 ? setting : std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
}

Result<std::unique_ptr<History>> open_git_history(const std::string& git_dir, const std::string& commit)
{
  TRY_ASSIGN(auto repo, git::Repository::discover(git_dir));
  const auto id = git::ObjectId::from_hex(commit);
  if (!repo || !id) {
    return runtime_error("cannot read the history of " + git_dir);
  }
  return std::make_unique<GitHistory>(std::move(*repo), *id);
}

MemoryHistory::MemoryHistory(std::vector<Commit> commits, int64_t now) : m_commits(std::move(commits)), m_now(now) {}

Result<CommitHistory> MemoryHistory::commits(size_t limit) const
{
  CommitHistory history;
  history.total = m_commits.size();
  std::map<std::string, std::string, std::less<>> previous;
  std::vector<HistoryCommit> oldest_first;
  for (size_t i = 0; i < m_commits.size(); ++i) {
    const Commit& commit = m_commits[i];
    std::map<std::string, std::string, std::less<>> now = commit.replace ? decltype(previous){} : previous;
    for (const auto& [path, content] : commit.files) {
      now[path] = content;
    }
    HistoryCommit record{memory_commit_id(i), commit.message.substr(0, commit.message.find('\n')),
                         "author@example.org", commit.time, i == 0 ? 0u : 1u, 0, 0, 0};
    for (const auto& [path, content] : now) {
      const auto before = previous.find(path);
      record.files_added += before == previous.end() ? 1 : 0;
      record.files_modified += before != previous.end() && before->second != content ? 1 : 0;
    }
    for (const auto& [path, content] : previous) {
      record.files_deleted += now.contains(path) ? 0 : 1;
    }
    oldest_first.push_back(std::move(record));
    previous = std::move(now);
  }
  for (auto it = oldest_first.rbegin(); it != oldest_first.rend() && history.commits.size() < limit; ++it) {
    history.commits.push_back(*it);
  }
  return history;
}

Result<void> MemoryHistory::scan_blobs(uint64_t max_content, const KnownBlob& known, const BlobVisitor& visit) const
{
  std::map<std::string, std::string, std::less<>> tree;
  for (const auto& commit : m_commits) {
    if (commit.replace) {
      tree.clear();
    }
    for (const auto& [path, content] : commit.files) {
      tree[path] = content;
    }
  }
  std::set<std::string, std::less<>> final_contents;
  for (const auto& [path, content] : tree) {
    final_contents.insert(content);
  }
  std::set<std::string, std::less<>> seen;
  size_t index = 0;
  for (size_t i = 0; i < m_commits.size(); ++i) {
    for (const auto& [path, content] : m_commits[i].files) {
      if (!seen.insert(content).second) {
        continue;
      }
      const HistoryBlobInfo blob{index++, git::blob_id(content), path, *git::ObjectId::from_hex(memory_commit_id(i)), m_commits[i].time,
                                 content.size(), final_contents.contains(content)};
      const bool read = content.size() <= max_content && !(known && known(blob.id).has_value());
      visit(blob, read ? std::string_view(content) : std::string_view());
    }
  }
  return {};
}

} // namespace mlfolio::lint
