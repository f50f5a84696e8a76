#include "git/initial_commit.h"

#include <git2.h>
#include <memory>
#include <mutex>

namespace mlfolio::git {

namespace {

void ensure_libgit2()
{
  static std::once_flag once;
  std::call_once(once, [] { git_libgit2_init(); });
}

std::string last_error(const std::string& what)
{
  const git_error* error = git_error_last();
  return what + ": " + (error != nullptr && error->message != nullptr ? error->message : "unknown libgit2 error");
}

template<typename T, void (*Free)(T*)> struct Deleter
{
  void operator()(T* p) const { Free(p); }
};
using RepositoryPtr = std::unique_ptr<git_repository, Deleter<git_repository, git_repository_free>>;
using ConfigPtr = std::unique_ptr<git_config, Deleter<git_config, git_config_free>>;
using IndexPtr = std::unique_ptr<git_index, Deleter<git_index, git_index_free>>;
using TreePtr = std::unique_ptr<git_tree, Deleter<git_tree, git_tree_free>>;
using SignaturePtr = std::unique_ptr<git_signature, Deleter<git_signature, git_signature_free>>;

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

} // namespace

Identity default_identity()
{
  ensure_libgit2();
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
  ensure_libgit2();
  git_buf found = GIT_BUF_INIT;
  const bool inside = git_repository_discover(&found, path.c_str(), 0, nullptr) == 0;
  git_buf_dispose(&found);
  git_error_clear();
  return inside;
}

Result<void> init_and_commit(const std::filesystem::path& workdir, const std::vector<std::string>& paths,
                             const std::string& message, const Identity& author)
{
  ensure_libgit2();
  git_repository* raw_repo = nullptr;
  if (git_repository_init(&raw_repo, workdir.c_str(), 0) != 0) {
    return runtime_error(last_error("git init in " + workdir.string()));
  }
  const RepositoryPtr repo(raw_repo);
  git_index* raw_index = nullptr;
  if (git_repository_index(&raw_index, repo.get()) != 0) {
    return runtime_error(last_error("opening the git index in " + workdir.string()));
  }
  const IndexPtr index(raw_index);
  for (const auto& path : paths) {
    if (git_index_add_bypath(index.get(), path.c_str()) != 0) {
      return runtime_error(last_error("git add " + path));
    }
  }
  git_oid tree_id;
  if (git_index_write(index.get()) != 0 || git_index_write_tree(&tree_id, index.get()) != 0) {
    return runtime_error(last_error("writing the git index in " + workdir.string()));
  }
  git_tree* raw_tree = nullptr;
  if (git_tree_lookup(&raw_tree, repo.get(), &tree_id) != 0) {
    return runtime_error(last_error("reading the new tree"));
  }
  const TreePtr tree(raw_tree);
  git_signature* raw_signature = nullptr;
  if (git_signature_now(&raw_signature, author.name.c_str(), author.email.c_str()) != 0) {
    return runtime_error(last_error("making the commit author '" + author.name + " <" + author.email + ">'"));
  }
  const SignaturePtr signature(raw_signature);
  git_oid commit_id;
  const git_tree* tree_ptr = tree.get();
  if (git_commit_create(&commit_id, repo.get(), "HEAD", signature.get(), signature.get(), nullptr,
                        message.c_str(), tree_ptr, 0, nullptr)
      != 0) {
    return runtime_error(last_error("committing in " + workdir.string()));
  }
  return {};
}

} // namespace mlfolio::git
