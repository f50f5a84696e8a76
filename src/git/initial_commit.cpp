#include "git/initial_commit.h"

#include "core/fs.h"
#include "git/error.h"
#include "git/handles.h"
#include "git/library.h"
#include "git/pack_writer.h"
#include "git/repository.h"

#include <cerrno>
#include <git2/sys/mempack.h>
#include <git2/sys/odb_backend.h>
#include <git2/sys/repository.h>
#include <algorithm>
#include <vector>
#include <sys/stat.h>

namespace mlfolio::git {

namespace {

std::string config_string(git_config* config, const char* key)
{
  git_buf value = GIT_BUF_INIT;
  if (git_config_get_string_buf(&value, config, key) != 0) {
    git_error_clear();
    return {};
  }
  std::string result(value.ptr, value.size);
  git_buf_dispose(&value);
  return result;
}

using OdbObjectPtr = Handle<git_odb_object, git_odb_object_free>;

int collect_tree(const char* /*root*/, const git_tree_entry* entry, void* payload)
{
  static_cast<std::vector<git_oid>*>(payload)->push_back(*git_tree_entry_id(entry));
  return 0;
}

// The commit, its trees and its blobs, read back from the in-memory store and written as one
// pack (see write_pack for why not libgit2's packbuilder, which searches for deltas).
Result<void> write_objects(git_repository* repo, git_odb* odb, const git_oid& commit_id, git_tree* tree)
{
  std::vector<git_oid> ids{commit_id, *git_tree_id(tree)};
  TRY(check(git_tree_walk(tree, GIT_TREEWALK_PRE, collect_tree, &ids), "list the first tree"));
  std::sort(ids.begin(), ids.end(), [](const git_oid& left, const git_oid& right) {
    return git_oid_cmp(&left, &right) < 0;
  });
  ids.erase(std::unique(ids.begin(), ids.end(), [](const git_oid& left, const git_oid& right) {
              return git_oid_equal(&left, &right) != 0;
            }),
            ids.end());
  std::vector<OdbObjectPtr> owned;
  std::vector<PackObject> objects;
  owned.reserve(ids.size());
  objects.reserve(ids.size());
  for (const git_oid& id : ids) {
    git_odb_object* raw = nullptr;
    TRY(check(git_odb_read(&raw, odb, &id), "read back a new object"));
    owned.emplace_back(raw);
    const auto type = git_odb_object_type(raw);
    objects.push_back({type == GIT_OBJECT_COMMIT ? PackObjectType::commit
                       : type == GIT_OBJECT_TREE ? PackObjectType::tree
                                                 : PackObjectType::blob,
                       to_object_id(id),
                       {static_cast<const char*>(git_odb_object_data(raw)), git_odb_object_size(raw)}});
  }
  const std::filesystem::path pack_dir = std::filesystem::path(git_repository_path(repo)) / "objects" / "pack";
  TRY(write_pack(pack_dir, objects));
  return {};
}

// The branch HEAD names in a new repository ("refs/heads/main", or whatever init.defaultBranch says).
Result<std::string> initial_branch(git_repository* repo)
{
  git_reference* head_raw = nullptr;
  TRY(check(git_reference_lookup(&head_raw, repo, "HEAD"), "read HEAD"));
  const ReferencePtr head(head_raw);
  const char* target = git_reference_symbolic_target(head.get());
  if (target == nullptr) {
    return runtime_error("cannot commit: HEAD of the new repository names no branch");
  }
  return std::string(target);
}

} // namespace

Identity default_identity()
{
  ensure_initialized();
  git_config* raw = nullptr;
  if (git_config_open_default(&raw) != 0) {
    git_error_clear();
    return {};
  }
  const ConfigPtr config(raw);
  return {config_string(config.get(), "user.name"), config_string(config.get(), "user.email")};
}

bool inside_repository(const std::filesystem::path& path)
{
  // A folder the enclosing repository ignores (a build/ folder, a home folder kept in git with
  // '*' ignored) is not that repository's business: a project made there gets its own.
  const auto repo = Repository::discover(path);
  if (!repo || !*repo) {
    return false;
  }
  std::error_code error;
  const auto canonical = std::filesystem::canonical(path, error);
  const auto relative = error ? std::nullopt : (*repo)->workdir_relative(canonical);
  if (!relative || relative->empty()) {
    return true; // a bare repository's folder, or the top of the working tree
  }
  const auto ignored = (*repo)->is_ignored(*relative + "/");
  return !ignored || !*ignored;
}

Result<void> init_and_commit(const std::filesystem::path& workdir, std::span<const CommitFile> files,
                             const std::string& message, const Identity& author)
{
  ensure_initialized();
  git_repository* repo_raw = nullptr;
  TRY(check(git_repository_init(&repo_raw, workdir.c_str(), 0), "run git init in " + workdir.string()));
  const RepositoryPtr repo(repo_raw);
  // Objects are made in an object database held in memory, and written as one pack file: a
  // hundred loose objects would cost a fan-out folder, a temporary file and a rename each. The
  // repository sees only that database until the pack is written, so that storing an object
  // does not first look for it on disk (a stat and a rescan of objects/pack per object).
  git_odb* odb_raw = nullptr;
  TRY(check(git_odb_new(&odb_raw), "make an in-memory object store"));
  const OdbPtr odb(odb_raw);
  git_odb_backend* mempack = nullptr;
  TRY(check(git_mempack_new(&mempack), "make an in-memory object store"));
  if (const int code = git_odb_add_backend(odb.get(), mempack, 1); code < 0) {
    mempack->free(mempack);
    return error("add an in-memory object store", code);
  }
  TRY(check(git_repository_set_odb(repo.get(), odb.get()), "use an in-memory object store"));
  git_index* index_raw = nullptr;
  TRY(check(git_repository_index(&index_raw, repo.get()), "open the git index in " + workdir.string()));
  const IndexPtr index(index_raw);
  for (const CommitFile& file : files) {
    const std::string path(file.path);
    git_index_entry entry{};
    TRY(check(git_blob_create_from_buffer(&entry.id, repo.get(), file.content.data(), file.content.size()),
              "store " + path));
    // The working file's own stat data, so that `git status` knows it unchanged without reading it.
    struct stat info = {};
    if (::lstat((workdir / path).c_str(), &info) != 0) {
      return runtime_error("cannot add " + path + " to the first commit: " + fs::describe_errno(errno));
    }
    entry.ctime = {static_cast<int32_t>(info.st_ctim.tv_sec), static_cast<uint32_t>(info.st_ctim.tv_nsec)};
    entry.mtime = {static_cast<int32_t>(info.st_mtim.tv_sec), static_cast<uint32_t>(info.st_mtim.tv_nsec)};
    entry.dev = static_cast<uint32_t>(info.st_dev);
    entry.ino = static_cast<uint32_t>(info.st_ino);
    entry.mode = file.executable ? GIT_FILEMODE_BLOB_EXECUTABLE : GIT_FILEMODE_BLOB;
    entry.uid = info.st_uid;
    entry.gid = info.st_gid;
    entry.file_size = static_cast<uint32_t>(info.st_size);
    entry.path = path.c_str();
    TRY(check(git_index_add(index.get(), &entry), "git add " + path));
  }
  git_oid tree_id;
  TRY(check(git_index_write_tree(&tree_id, index.get()), "write the first tree in " + workdir.string()));
  git_tree* tree_raw = nullptr;
  TRY(check(git_tree_lookup(&tree_raw, repo.get(), &tree_id), "read the new tree"));
  const TreePtr tree(tree_raw);
  git_signature* signature_raw = nullptr;
  TRY(check(git_signature_now(&signature_raw, author.name.c_str(), author.email.c_str()),
            "make the commit author '" + author.name + " <" + author.email + ">'"));
  const SignaturePtr signature(signature_raw);
  git_oid commit_id;
  const git_tree* parents_tree = tree.get();
  TRY(check(git_commit_create(&commit_id, repo.get(), nullptr, signature.get(), signature.get(), nullptr,
                              message.c_str(), parents_tree, 0, nullptr),
            "commit in " + workdir.string()));

  TRY(write_objects(repo.get(), odb.get(), commit_id, tree.get()));
  // Only now that the objects are on disk may the branch point to the commit.
  TRY_ASSIGN(const std::string branch, initial_branch(repo.get()));
  const std::string reflog = "commit (initial): " + message.substr(0, message.find('\n'));
  git_reference* branch_raw = nullptr;
  TRY(check(git_reference_create(&branch_raw, repo.get(), branch.c_str(), &commit_id, false, reflog.c_str()),
            "point " + branch + " at the first commit"));
  const ReferencePtr branch_ref(branch_raw);
  TRY(check(git_index_write(index.get()), "write the git index in " + workdir.string()));
  return {};
}

} // namespace mlfolio::git
