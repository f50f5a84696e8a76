#pragma once

// The history behind an audited tree, for the git/ rules. A view over a git repository has
// one; a plain folder has none. Tests build one in memory (MemoryHistory) or with libgit2.

#include "core/result.h"
#include "git/object_id.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::lint {

struct HistoryCommit
{
  std::string id;      // full hex id
  std::string summary; // first line of the message
  std::string author;  // e-mail, or name when there is none
  int64_t time = 0;    // seconds since the epoch
  unsigned parents = 0;
  uint32_t files_added = 0;
  uint32_t files_modified = 0;
  uint32_t files_deleted = 0;
};

struct CommitHistory
{
  std::vector<HistoryCommit> commits; // reachable from the audited commit, newest first
  size_t total = 0;                   // may exceed commits.size() for very long histories
};

// A blob met for the first time in history (any ref), oldest commits first.
struct HistoryBlobInfo
{
  size_t index = 0; // 0, 1, 2, ... oldest first: the order to report in
  git::ObjectId id;
  // Valid during the visit; the visitor copies what it keeps (the id's hex only for a finding).
  std::string_view path; // where it first appeared
  git::ObjectId commit;  // the commit that brought it in
  int64_t time = 0;
  uint64_t size = 0;
  bool in_tree = false; // still in the audited commit's tree
  bool missing = false; // not in the object database (a partial clone): size unknown, not read
};

using BlobVisitor = std::function<void(const HistoryBlobInfo& blob, std::string_view content)>;
// The size of a blob whose content the caller already knows (the tree scan read it), nullopt
// for the others: known blobs are visited without being read.
using KnownBlob = std::function<std::optional<uint64_t>(const git::ObjectId& id)>;

class History
{
public:
  virtual ~History() = default;
  // At most `limit` commits reachable from the audited commit.
  virtual Result<CommitHistory> commits(size_t limit) const = 0;
  // Every distinct blob reachable from any ref, once; `content` is empty for blobs larger than
  // `max_content` and for those `known` accepts (they are not read). `visit` may be called from
  // several threads at once and in any order; HistoryBlobInfo::index gives the order.
  virtual Result<void> scan_blobs(uint64_t max_content, const KnownBlob& known, const BlobVisitor& visit) const = 0;
  // "now" for judging how young a repository is; the clock unless a test sets it.
  virtual int64_t now() const;
};

// How many threads one audit reads files (the tree's and the history's blobs) on: 0 (the
// default) for one per core, at most four. A cohort run, which already audits one repository per
// core, sets 1 for the process.
void set_scan_threads(unsigned threads);
unsigned scan_threads(); // the number in effect
// The threads for reading `files` files of `bytes` bytes in all: one for a few hundred small
// files, where starting threads costs more than they save; scan_threads() for more files or a
// few large ones (fifty notebooks of 3 MB take longer to parse than 20,000 small files to read).
unsigned scan_threads_for(size_t files, uint64_t bytes = 0);

// The history of the git repository at `git_dir` as seen from `commit` (hex id).
Result<std::unique_ptr<History>> open_git_history(const std::string& git_dir, const std::string& commit);

// A history written by hand: for tests and the [[example]]s of the git/ rules.
class MemoryHistory final : public History
{
public:
  struct Commit
  {
    std::string message;
    int64_t time = 0;
    // Files present after this commit, path -> content; those of the previous commit that are
    // not listed are kept unless `replace` is set.
    std::vector<std::pair<std::string, std::string>> files;
    bool replace = false;
  };

  // Commits oldest first, in a single line of history; `now` for the young-repository check.
  MemoryHistory(std::vector<Commit> commits, int64_t now);

  Result<CommitHistory> commits(size_t limit) const override;
  Result<void> scan_blobs(uint64_t max_content, const KnownBlob& known, const BlobVisitor& visit) const override;
  int64_t now() const override { return m_now; }

private:
  std::vector<Commit> m_commits;
  int64_t m_now;
};

} // namespace mlfolio::lint
