#include "git/initial_commit.h"

#include "core/fs.h"
#include "git/error.h"
#include "git/handles.h"
#include "git/library.h"
#include "git/repository.h"

#include <cerrno>
#include <git2/sys/mempack.h>
#include <git2/sys/odb_backend.h>
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

void free_writepack(git_odb_writepack* writer)
{
  writer->free(writer);
}

using WritepackPtr = Handle<git_odb_writepack, free_writepack>;
using BufferPtr = Handle<git_buf, git_buf_dispose>;

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
  git_odb* odb_raw = nullptr;
  TRY(check(git_repository_odb(&odb_raw, repo.get()), "open the object database in " + workdir.string()));
  const OdbPtr odb(odb_raw);
  // Objects are made in memory and written as one pack file: a hundred loose objects would
  // cost a fan-out folder, a temporary file and a rename each.
  git_odb_backend* mempack = nullptr;
  TRY(check(git_mempack_new(&mempack), "make an in-memory object store"));
  if (const int code = git_odb_add_backend(odb.get(), mempack, 1000); code < 0) {
    mempack->free(mempack);
    return error("add an in-memory object store", code);
  }
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

  git_buf pack = GIT_BUF_INIT;
  TRY(check(git_mempack_dump(&pack, repo.get(), mempack), "pack the first commit"));
  const BufferPtr pack_owner(&pack);
  git_odb_writepack* writer_raw = nullptr;
  TRY(check(git_odb_write_pack(&writer_raw, odb.get(), nullptr, nullptr), "write a pack file in " + workdir.string()));
  const WritepackPtr writer(writer_raw);
  git_indexer_progress progress{};
  TRY(check(writer->append(writer.get(), pack.ptr, pack.size, &progress), "write a pack file in " + workdir.string()));
  TRY(check(writer->commit(writer.get(), &progress), "index the pack file in " + workdir.string()));
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
