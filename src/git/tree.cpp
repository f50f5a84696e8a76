// Repository's tree and blob readers: list a commit's files without reading them, read one.

#include "git/error.h"
#include "git/handles.h"
#include "git/repository.h"

#include <algorithm>

namespace mlfolio::git {

namespace {

struct ListState
{
  git_odb* odb = nullptr; // null: sizes are not read
  std::vector<TreeFile>* files = nullptr;
  std::optional<Error> error;
};

int on_tree_entry(const char* root, const git_tree_entry* entry, void* payload) noexcept
{
  auto& state = *static_cast<ListState*>(payload);
  const git_filemode_t mode = git_tree_entry_filemode(entry);
  if (mode != GIT_FILEMODE_BLOB && mode != GIT_FILEMODE_BLOB_EXECUTABLE && mode != GIT_FILEMODE_LINK) {
    return 0; // trees are descended into; gitlinks (submodules) are skipped
  }
  try {
    size_t size = 0;
    git_object_t type = GIT_OBJECT_INVALID;
    const int code =
        state.odb == nullptr ? 0 : git_odb_read_header(&size, &type, state.odb, git_tree_entry_id(entry));
    std::string path = std::string(root) + git_tree_entry_name(entry);
    if (code == GIT_ENOTFOUND) { // a partial clone: listed, for the caller to say so
      state.files->push_back(TreeFile{std::move(path), 0, mode == GIT_FILEMODE_LINK,
                                      mode == GIT_FILEMODE_BLOB_EXECUTABLE,
                                      to_object_id(*git_tree_entry_id(entry)), true});
      return 0;
    }
    if (code < 0) {
      state.error = error("read the object of " + path, code).value();
      return -1;
    }
    state.files->push_back(TreeFile{std::move(path), size, mode == GIT_FILEMODE_LINK,
                                    mode == GIT_FILEMODE_BLOB_EXECUTABLE,
                                    to_object_id(*git_tree_entry_id(entry))});
    return 0;
  } catch (const std::exception& e) { // never let an exception unwind through libgit2's C frames
    state.error = Error{ExitCode::runtime, std::string("cannot list a git tree: ") + e.what()};
    return -1;
  }
}

} // namespace

Result<ObjectId> Repository::tree_of(const ObjectId& commit) const
{
  const git_oid oid = to_git_oid(commit);
  git_commit* raw = nullptr;
  const int code = git_commit_lookup(&raw, m_repo.get(), &oid);
  const CommitPtr found(raw);
  if (code < 0) {
    return error("read commit " + commit.short_hex() + " in " + m_path.string(), code);
  }
  return to_object_id(*git_commit_tree_id(found.get()));
}

Result<std::optional<ObjectId>> Repository::find_tree(const ObjectId& tree, std::string_view path) const
{
  const git_oid oid = to_git_oid(tree);
  git_tree* raw_tree = nullptr;
  int code = git_tree_lookup(&raw_tree, m_repo.get(), &oid);
  const TreePtr root(raw_tree);
  if (code < 0) {
    return error("read tree " + tree.short_hex() + " in " + m_path.string(), code);
  }
  if (path.empty()) {
    return std::optional<ObjectId>(tree);
  }
  git_tree_entry* raw_entry = nullptr;
  code = git_tree_entry_bypath(&raw_entry, root.get(), std::string(path).c_str());
  const TreeEntryPtr entry(raw_entry);
  if (code == GIT_ENOTFOUND) {
    return std::optional<ObjectId>();
  }
  if (code < 0) {
    return error("look up '" + std::string(path) + "' in tree " + tree.short_hex(), code);
  }
  if (git_tree_entry_type(entry.get()) != GIT_OBJECT_TREE) {
    return std::optional<ObjectId>();
  }
  return std::optional<ObjectId>(to_object_id(*git_tree_entry_id(entry.get())));
}

Result<std::vector<TreeFile>> Repository::list_tree(const ObjectId& tree, TreeSizes sizes,
                                                    ListDepth depth) const
{
  const git_oid oid = to_git_oid(tree);
  git_tree* raw_tree = nullptr;
  int code = git_tree_lookup(&raw_tree, m_repo.get(), &oid);
  const TreePtr root(raw_tree);
  if (code < 0) {
    return error("read tree " + tree.short_hex() + " in " + m_path.string(), code);
  }
  git_odb* raw_odb = nullptr;
  code = git_repository_odb(&raw_odb, m_repo.get());
  const OdbPtr odb(raw_odb);
  if (code < 0) {
    return error("open the object database of " + m_path.string(), code);
  }

  std::vector<TreeFile> files;
  ListState state{sizes == TreeSizes::read ? odb.get() : nullptr, &files, std::nullopt};
  if (depth == ListDepth::folder) {
    const size_t count = git_tree_entrycount(root.get());
    for (size_t i = 0; i < count && !state.error; ++i) {
      on_tree_entry("", git_tree_entry_byindex(root.get(), i), &state);
    }
  } else {
    code = git_tree_walk(root.get(), GIT_TREEWALK_PRE, on_tree_entry, &state);
  }
  if (state.error) {
    return tl::unexpected(std::move(*state.error));
  }
  if (code < 0) {
    return error("list tree " + tree.short_hex() + " in " + m_path.string(), code);
  }
  return files;
}

Result<std::string> Repository::read_blob(const ObjectId& blob, uint64_t max_bytes,
                                          std::string_view name) const
{
  const git_oid oid = to_git_oid(blob);
  git_blob* raw = nullptr;
  const int code = git_blob_lookup(&raw, m_repo.get(), &oid);
  const BlobPtr found(raw);
  if (code < 0) {
    return error("read " + std::string(name) + " (blob " + blob.short_hex() + ") in " + m_path.string(),
                 code);
  }
  const auto size = static_cast<uint64_t>(git_blob_rawsize(found.get()));
  if (size == 0 || max_bytes == 0) {
    return std::string();
  }
  const auto* content = static_cast<const char*>(git_blob_rawcontent(found.get()));
  return std::string(content, static_cast<size_t>(std::min(size, max_bytes)));
}

} // namespace mlfolio::git
