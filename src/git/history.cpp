#include "git/history.h"

#include "git/error.h"
#include "git/handles.h"
#include "git/library.h"

#include <algorithm>
#include <unordered_set>

namespace mlfolio::git {

namespace {

using DiffPtr = Handle<git_diff, git_diff_free>;

git_oid to_oid(const ObjectId& id)
{
  git_oid oid;
  std::copy(id.bytes.begin(), id.bytes.end(), std::begin(oid.id));
  return oid;
}

struct OidHash
{
  size_t operator()(const ObjectId& id) const noexcept
  {
    size_t hash = 0;
    std::copy_n(id.bytes.begin(), sizeof(hash), reinterpret_cast<unsigned char*>(&hash));
    return hash;
  }
};

std::string trim_message(std::string_view message)
{
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ' || message.back() == '\r')) {
    message.remove_suffix(1);
  }
  return std::string(message);
}

// The diff of a commit against its first parent (against nothing for a root commit), by name.
Result<DiffPtr> diff_to_first_parent(git_repository* repo, git_commit* commit)
{
  git_tree* tree_raw = nullptr;
  TRY(check(git_commit_tree(&tree_raw, commit), "read the tree of a commit"));
  const TreePtr tree(tree_raw);
  TreePtr parent_tree;
  if (git_commit_parentcount(commit) > 0) {
    git_commit* parent_raw = nullptr;
    TRY(check(git_commit_parent(&parent_raw, commit, 0), "read a parent commit"));
    const CommitPtr parent(parent_raw);
    git_tree* parent_tree_raw = nullptr;
    TRY(check(git_commit_tree(&parent_tree_raw, parent.get()), "read the tree of a parent commit"));
    parent_tree.reset(parent_tree_raw);
  }
  git_diff_options options = GIT_DIFF_OPTIONS_INIT;
  options.flags = GIT_DIFF_SKIP_BINARY_CHECK;
  git_diff* diff_raw = nullptr;
  TRY(check(git_diff_tree_to_tree(&diff_raw, repo, parent_tree.get(), tree.get(), &options), "diff a commit"));
  return DiffPtr(diff_raw);
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
    TRY_ASSIGN(const DiffPtr diff, diff_to_first_parent(repo.raw(), commit.get()));
    const size_t deltas = git_diff_num_deltas(diff.get());
    for (size_t i = 0; i < deltas; ++i) {
      switch (git_diff_get_delta(diff.get(), i)->status) {
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
    }
    list.commits.push_back(std::move(summary));
  }
  return list;
}

Result<void> scan_history_blobs(const Repository& repo, uint64_t max_content,
                                const std::function<bool(const ObjectId&)>& known,
                                const std::function<void(const HistoryBlob&, std::string_view content)>& visit)
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

  std::unordered_set<ObjectId, OidHash> seen;
  git_oid oid;
  while (git_revwalk_next(&oid, walk.get()) == 0) {
    git_commit* commit_raw = nullptr;
    TRY(check(git_commit_lookup(&commit_raw, repo.raw(), &oid), "read commit " + to_object_id(oid).short_hex()));
    const CommitPtr commit(commit_raw);
    TRY_ASSIGN(const DiffPtr diff, diff_to_first_parent(repo.raw(), commit.get()));
    const size_t deltas = git_diff_num_deltas(diff.get());
    for (size_t i = 0; i < deltas; ++i) {
      const git_diff_delta* delta = git_diff_get_delta(diff.get(), i);
      if (delta->status == GIT_DELTA_DELETED || delta->new_file.mode == GIT_FILEMODE_LINK ||
          delta->new_file.mode == GIT_FILEMODE_COMMIT) {
        continue;
      }
      const ObjectId blob_id = to_object_id(delta->new_file.id);
      if (!seen.insert(blob_id).second) {
        continue;
      }
      HistoryBlob blob;
      blob.id = blob_id;
      blob.path = delta->new_file.path;
      blob.commit = to_object_id(oid);
      blob.commit_time = git_commit_time(commit.get());
      size_t size = 0;
      git_object_t type = GIT_OBJECT_INVALID;
      if (git_odb_read_header(&size, &type, odb.get(), &delta->new_file.id) < 0) {
        continue; // a missing object (a partial repository) has nothing to scan
      }
      blob.size = size;
      if (size > max_content || (known && known(blob_id))) {
        visit(blob, {});
        continue;
      }
      git_blob* blob_raw = nullptr;
      TRY(check(git_blob_lookup(&blob_raw, repo.raw(), &delta->new_file.id), "read blob " + blob.path));
      const BlobPtr content(blob_raw);
      visit(blob, {static_cast<const char*>(git_blob_rawcontent(content.get())),
                   static_cast<size_t>(git_blob_rawsize(content.get()))});
    }
  }
  return {};
}

Result<std::vector<ObjectId>> tree_blob_ids(const Repository& repo, const ObjectId& commit)
{
  TRY_ASSIGN(const ObjectId tree, repo.tree_of(commit));
  TRY_ASSIGN(const auto files, repo.list_tree(tree));
  std::vector<ObjectId> ids;
  ids.reserve(files.size());
  for (const auto& file : files) {
    ids.push_back(file.blob);
  }
  std::sort(ids.begin(), ids.end());
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
