#pragma once

// Reading a repository's history: commits reachable from a start commit, and every blob
// reachable from any ref, each once, with the commit and path that first brought it in.

#include "core/result.h"
#include "git/object_id.h"
#include "git/repository.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace mlfolio::git {

struct CommitSummary
{
  ObjectId id;
  std::string summary; // first line of the message
  std::string message; // whole message, trimmed
  std::string author_name;
  std::string author_email;
  int64_t time = 0;           // author time, seconds since the epoch
  unsigned parent_count = 0;
  uint32_t files_added = 0;   // against the first parent (all files for a root commit)
  uint32_t files_modified = 0;
  uint32_t files_deleted = 0;
};

// Commits reachable from `start`, newest first, at most `limit` (the rest are counted in
// `total` but not listed). Diff statistics are of file names only: no content is read.
struct CommitList
{
  std::vector<CommitSummary> commits;
  size_t total = 0;
};
Result<CommitList> list_commits(const Repository& repo, const ObjectId& start, size_t limit);

// One blob met for the first time while walking history oldest first.
struct HistoryBlob
{
  size_t index = 0;  // 0, 1, 2, ... in the order the walk met the blobs
  ObjectId id;
  std::string path;  // where it first appeared
  ObjectId commit;   // the commit that introduced it
  int64_t commit_time = 0;
  uint64_t size = 0; // from the object header
  bool read = true;  // whether the visitor gets its content
  bool missing = false; // not in the object database (a partial clone): size unknown, not read
};

using BlobVisitor = std::function<void(const HistoryBlob&, std::string_view content)>;
// The size of a blob whose content the caller already knows; nullopt for the others.
using KnownBlobSize = std::function<std::optional<uint64_t>(const ObjectId&)>;

// Calls `visit(blob, content)` once per distinct blob reachable from any ref (HEAD included).
// `content` holds the blob, or is empty (not read) when its size is above `max_content` or
// `known` gives its size (the caller knows the content already: the blob is not even opened). Symlinks and submodules are skipped. With `threads` above 1 the blobs
// are read on that many threads and `visit` is called from them concurrently, in no fixed
// order: `index` gives the order of the walk, oldest commits first. Memory stays bounded by the
// set of seen ids plus a few blobs per thread.
Result<void> scan_history_blobs(const Repository& repo, uint64_t max_content,
                                const KnownBlobSize& known, unsigned threads,
                                const BlobVisitor& visit);

// The id git gives a blob with this content (what `git hash-object` prints).
ObjectId blob_id(std::string_view data);

// Ids of every blob in the tree of `commit` (to tell "still in the tree" from "only in history").
using BlobIdSet = std::unordered_set<ObjectId, ObjectIdHash>;
Result<BlobIdSet> tree_blob_ids(const Repository& repo, const ObjectId& commit);

// A short stable fingerprint of `data`: the first 16 hex digits of git's blob hash of it.
std::string fingerprint(std::string_view data);

} // namespace mlfolio::git
