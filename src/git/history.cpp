#include "git/history.h"

#include "git/error.h"
#include "git/handles.h"
#include "git/library.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

namespace mlfolio::git {

namespace {

using DiffPtr = Handle<git_diff, git_diff_free>;

git_oid to_oid(const ObjectId& id)
{
  git_oid oid;
  std::copy(id.bytes.begin(), id.bytes.end(), std::begin(oid.id));
  return oid;
}

std::string trim_message(std::string_view message)
{
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ' || message.back() == '\r')) {
    message.remove_suffix(1);
  }
  return std::string(message);
}

// A file a commit changed against its first parent.
struct Change
{
  git_delta_t status = GIT_DELTA_UNMODIFIED;
  const char* path = nullptr; // valid during the visit
  git_oid id = {};
  uint32_t mode = 0;
};

// Visits the files a commit changed against its first parent, in path order. A root commit's
// files are all added: its tree is walked, which costs less than a diff against nothing (the
// one commit of a fresh repository of 20,000 files was diffed twice per audit).
Result<void> for_each_change(git_repository* repo, git_commit* commit, const std::function<void(const Change&)>& visit)
{
  git_tree* tree_raw = nullptr;
  TRY(check(git_commit_tree(&tree_raw, commit), "read the tree of a commit"));
  const TreePtr tree(tree_raw);
  if (git_commit_parentcount(commit) == 0) {
    struct Walk
    {
      const std::function<void(const Change&)>* visit;
      std::string path;
    } walk{&visit, {}};
    const auto each = [](const char* root, const git_tree_entry* entry, void* payload) -> int {
      if (git_tree_entry_type(entry) == GIT_OBJECT_TREE) {
        return 0;
      }
      auto& state = *static_cast<Walk*>(payload);
      state.path.assign(root);
      state.path.append(git_tree_entry_name(entry));
      (*state.visit)(Change{GIT_DELTA_ADDED, state.path.c_str(), *git_tree_entry_id(entry),
                            static_cast<uint32_t>(git_tree_entry_filemode_raw(entry))});
      return 0;
    };
    return check(git_tree_walk(tree.get(), GIT_TREEWALK_PRE, each, &walk), "walk the tree of a commit");
  }
  git_commit* parent_raw = nullptr;
  TRY(check(git_commit_parent(&parent_raw, commit, 0), "read a parent commit"));
  const CommitPtr parent(parent_raw);
  git_tree* parent_tree_raw = nullptr;
  TRY(check(git_commit_tree(&parent_tree_raw, parent.get()), "read the tree of a parent commit"));
  const TreePtr parent_tree(parent_tree_raw);
  git_diff_options options = GIT_DIFF_OPTIONS_INIT;
  options.flags = GIT_DIFF_SKIP_BINARY_CHECK;
  git_diff* diff_raw = nullptr;
  TRY(check(git_diff_tree_to_tree(&diff_raw, repo, parent_tree.get(), tree.get(), &options), "diff a commit"));
  const DiffPtr diff(diff_raw);
  const size_t deltas = git_diff_num_deltas(diff.get());
  for (size_t i = 0; i < deltas; ++i) {
    const git_diff_delta* delta = git_diff_get_delta(diff.get(), i);
    visit(Change{delta->status, delta->new_file.path, delta->new_file.id, delta->new_file.mode});
  }
  return {};
}

// The files of a root commit, all of them added: counted without putting their paths together.
Result<uint32_t> count_root_files(git_commit* commit)
{
  git_tree* tree_raw = nullptr;
  TRY(check(git_commit_tree(&tree_raw, commit), "read the tree of a commit"));
  const TreePtr tree(tree_raw);
  uint32_t count = 0;
  const auto each = [](const char*, const git_tree_entry* entry, void* payload) -> int {
    if (git_tree_entry_type(entry) != GIT_OBJECT_TREE) {
      ++*static_cast<uint32_t*>(payload);
    }
    return 0;
  };
  TRY(check(git_tree_walk(tree.get(), GIT_TREEWALK_PRE, each, &count), "walk the tree of a commit"));
  return count;
}

Result<RevwalkPtr> new_walk(git_repository* repo, unsigned sorting)
{
  git_revwalk* walk_raw = nullptr;
  TRY(check(git_revwalk_new(&walk_raw, repo), "walk the history"));
  RevwalkPtr walk(walk_raw);
  git_revwalk_sorting(walk.get(), sorting);
  return walk;
}

} // namespace

Result<CommitList> list_commits(const Repository& repo, const ObjectId& start, size_t limit)
{
  TRY_ASSIGN(RevwalkPtr walk, new_walk(repo.raw(), GIT_SORT_TIME));
  const git_oid start_oid = to_oid(start);
  TRY(check(git_revwalk_push(walk.get(), &start_oid), "walk the history from " + start.short_hex()));
  CommitList list;
  git_oid oid;
  while (git_revwalk_next(&oid, walk.get()) == 0) {
    ++list.total;
    if (list.commits.size() >= limit) {
      continue;
    }
    git_commit* commit_raw = nullptr;
    TRY(check(git_commit_lookup(&commit_raw, repo.raw(), &oid), "read commit " + to_object_id(oid).short_hex()));
    const CommitPtr commit(commit_raw);
    CommitSummary summary;
    summary.id = to_object_id(oid);
    const char* text = git_commit_message(commit.get());
    summary.message = trim_message(text == nullptr ? "" : text);
    summary.summary = summary.message.substr(0, summary.message.find('\n'));
    const git_signature* author = git_commit_author(commit.get());
    summary.author_name = author->name == nullptr ? "" : author->name;
    summary.author_email = author->email == nullptr ? "" : author->email;
    summary.time = author->when.time;
    summary.parent_count = git_commit_parentcount(commit.get());
    if (summary.parent_count == 0) {
      TRY_ASSIGN(summary.files_added, count_root_files(commit.get()));
      list.commits.push_back(std::move(summary));
      continue;
    }
    TRY(for_each_change(repo.raw(), commit.get(), [&](const Change& change) {
      switch (change.status) {
      case GIT_DELTA_ADDED:
        ++summary.files_added;
        break;
      case GIT_DELTA_DELETED:
        ++summary.files_deleted;
        break;
      default:
        ++summary.files_modified;
        break;
      }
    }));
    list.commits.push_back(std::move(summary));
  }
  return list;
}

namespace {

// Blobs handed from the walk of the history to a thread that reads them, a bounded number at a
// time, so that memory does not grow with the history.
class BlobQueue
{
public:
  void push(HistoryBlob blob)
  {
    std::unique_lock lock(m_mutex);
    m_not_full.wait(lock, [&] { return m_items.size() < k_capacity || m_closed; });
    if (!m_closed) {
      m_items.push_back(std::move(blob));
      m_not_empty.notify_one();
    }
  }

  std::optional<HistoryBlob> pop()
  {
    std::unique_lock lock(m_mutex);
    m_not_empty.wait(lock, [&] { return !m_items.empty() || m_closed; });
    if (m_items.empty()) {
      return std::nullopt;
    }
    HistoryBlob blob = std::move(m_items.front());
    m_items.pop_front();
    m_not_full.notify_one();
    return blob;
  }

  // No more blobs: pop() drains what is queued, then returns nullopt; push() drops its blob.
  void close()
  {
    const std::lock_guard lock(m_mutex);
    m_closed = true;
    m_not_empty.notify_all();
    m_not_full.notify_all();
  }

private:
  static constexpr size_t k_capacity = 64;
  std::mutex m_mutex;
  std::condition_variable m_not_full;
  std::condition_variable m_not_empty;
  std::deque<HistoryBlob> m_items;
  bool m_closed = false;
};

using OdbObjectPtr = Handle<git_odb_object, git_odb_object_free>;

// Reads the blob (when it is wanted) and visits it.
Result<void> read_and_visit(git_odb* odb, const HistoryBlob& blob, const BlobVisitor& visit)
{
  if (!blob.read) {
    visit(blob, {});
    return {};
  }
  const git_oid oid = to_oid(blob.id);
  git_odb_object* object_raw = nullptr;
  TRY(check(git_odb_read(&object_raw, odb, &oid), "read blob " + blob.path));
  const OdbObjectPtr object(object_raw);
  visit(blob, {static_cast<const char*>(git_odb_object_data(object.get())), git_odb_object_size(object.get())});
  return {};
}

// The first error of any reading thread, and whether one has happened.
class FirstError
{
public:
  void set(Error error)
  {
    const std::lock_guard lock(m_mutex);
    if (!m_error) {
      m_error = std::move(error);
      m_failed = true;
    }
  }
  bool failed() const { return m_failed; }
  Result<void> result() const
  {
    if (m_error) {
      return tl::unexpected(*m_error);
    }
    return {};
  }

private:
  std::mutex m_mutex;
  std::optional<Error> m_error;
  std::atomic<bool> m_failed = false;
};

// A thread that reads blobs from its queue through its own handle on the repository: libgit2
// objects are not shared between threads.
void read_blobs(const std::string& git_dir, BlobQueue& queue, const BlobVisitor& visit, FirstError& first_error)
{
  git_repository* repo_raw = nullptr;
  git_odb* odb_raw = nullptr;
  Result<void> opened = check(git_repository_open_ext(&repo_raw, git_dir.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr),
                              "open " + git_dir);
  const RepositoryPtr repo(repo_raw);
  if (opened) {
    opened = check(git_repository_odb(&odb_raw, repo.get()), "open the object database");
  }
  const OdbPtr odb(odb_raw);
  if (!opened) {
    first_error.set(opened.error());
  }
  while (const auto blob = queue.pop()) {
    if (first_error.failed()) {
      continue; // drain, so the walk never waits on a full queue
    }
    if (const auto done = read_and_visit(odb.get(), *blob, visit); !done) {
      first_error.set(done.error());
    }
  }
}

} // namespace

Result<void> scan_history_blobs(const Repository& repo, uint64_t max_content,
                                const KnownBlobSize& known, unsigned threads,
                                const BlobVisitor& visit)
{
  TRY_ASSIGN(RevwalkPtr walk, new_walk(repo.raw(), GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE));
  // Every ref that points (through tags) to a commit; HEAD too, for a detached HEAD.
  if (git_revwalk_push_glob(walk.get(), "*") < 0 && git_revwalk_push_head(walk.get()) < 0) {
    return {}; // no refs at all: an empty repository
  }
  git_revwalk_push_head(walk.get()); // fails harmlessly when HEAD is unborn
  git_odb* odb_raw = nullptr;
  TRY(check(git_repository_odb(&odb_raw, repo.raw()), "open the object database"));
  const OdbPtr odb(odb_raw);

  // Blobs are read on `threads` threads; each file's versions go to the same thread, so the
  // delta chains between them are resolved where their bases were just read.
  threads = std::max(1u, threads);
  FirstError first_error;
  std::vector<BlobQueue> queues(threads > 1 ? threads : 0);
  std::vector<std::thread> readers;
  const std::string git_dir = repo.git_dir().string();
  for (auto& queue : queues) {
    readers.emplace_back(read_blobs, std::cref(git_dir), std::ref(queue), std::cref(visit), std::ref(first_error));
  }
  const auto finish = [&]() -> Result<void> {
    for (auto& queue : queues) {
      queue.close();
    }
    for (auto& reader : readers) {
      reader.join();
    }
    return first_error.result();
  };

  BlobIdSet seen;
  std::unordered_map<std::string, size_t> thread_of_path;
  std::vector<uint64_t> bytes(queues.size());
  size_t index = 0;
  git_oid oid;
  while (git_revwalk_next(&oid, walk.get()) == 0 && !first_error.failed()) {
    git_commit* commit_raw = nullptr;
    if (const auto found = check(git_commit_lookup(&commit_raw, repo.raw(), &oid),
                                 "read commit " + to_object_id(oid).short_hex());
        !found) {
      first_error.set(found.error());
      break;
    }
    const CommitPtr commit(commit_raw);
    bool stop = false;
    const auto changed = for_each_change(repo.raw(), commit.get(), [&](const Change& change) {
      if (stop || change.status == GIT_DELTA_DELETED || change.mode == GIT_FILEMODE_LINK ||
          change.mode == GIT_FILEMODE_COMMIT) {
        return;
      }
      const ObjectId blob_id = to_object_id(change.id);
      if (!seen.insert(blob_id).second) {
        return;
      }
      // A blob the caller knows is neither read nor even opened for its header.
      const std::optional<uint64_t> known_size = known ? known(blob_id) : std::nullopt;
      size_t size = known_size ? static_cast<size_t>(*known_size) : 0;
      git_object_t type = GIT_OBJECT_INVALID;
      // A missing object (a partial clone) is visited too, as missing: its size is unknown.
      const bool missing = !known_size && git_odb_read_header(&size, &type, odb.get(), &change.id) < 0;
      HistoryBlob blob;
      blob.index = index++;
      blob.id = blob_id;
      blob.path = change.path;
      blob.commit = to_object_id(oid);
      blob.commit_time = git_commit_time(commit.get());
      blob.size = missing ? 0 : size;
      blob.read = !known_size && !missing && size <= max_content;
      blob.missing = missing;
      if (queues.empty() || !blob.read) { // nothing to read: visited here, not handed over
        if (const auto done = read_and_visit(odb.get(), blob, visit); !done) {
          first_error.set(done.error());
          stop = true;
        }
      } else {
        // A path keeps the thread it was first given: the one with the fewest bytes so far.
        auto [assigned, added] = thread_of_path.try_emplace(blob.path, 0);
        if (added) {
          assigned->second = static_cast<size_t>(std::min_element(bytes.begin(), bytes.end()) - bytes.begin());
        }
        bytes[assigned->second] += blob.read ? blob.size : 0;
        queues[assigned->second].push(std::move(blob));
      }
    });
    if (!changed) {
      first_error.set(changed.error());
      break;
    }
    if (stop) {
      break;
    }
  }
  return finish();
}

Result<BlobIdSet> tree_blob_ids(const Repository& repo, const ObjectId& commit)
{
  TRY_ASSIGN(const ObjectId tree, repo.tree_of(commit));
  const git_oid tree_oid = to_oid(tree);
  git_tree* tree_raw = nullptr;
  TRY(check(git_tree_lookup(&tree_raw, repo.raw(), &tree_oid), "read tree " + tree.short_hex()));
  const TreePtr root(tree_raw);
  // Only the ids: no path is put together and no file listed.
  BlobIdSet ids;
  const auto add = [](const char*, const git_tree_entry* entry, void* payload) {
    if (git_tree_entry_type(entry) == GIT_OBJECT_BLOB) {
      static_cast<BlobIdSet*>(payload)->insert(to_object_id(*git_tree_entry_id(entry)));
    }
    return 0;
  };
  TRY(check(git_tree_walk(root.get(), GIT_TREEWALK_PRE, add, &ids), "list tree " + tree.short_hex()));
  return ids;
}

ObjectId blob_id(std::string_view data)
{
  ensure_initialized();
  git_oid oid;
  if (git_odb_hash(&oid, data.data(), data.size(), GIT_OBJECT_BLOB) < 0) {
    return ObjectId{};
  }
  return to_object_id(oid);
}

std::string fingerprint(std::string_view data)
{
  return blob_id(data).hex().substr(0, 16);
}

} // namespace mlfolio::git
