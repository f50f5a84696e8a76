#include "support/git_fixture.h"

#include "git/error.h"
#include "git/handles.h"
#include "git/library.h"

#include <stdexcept>

namespace mlfolio::test {

namespace stdfs = std::filesystem;

namespace {

void check(int code, const std::string& attempted)
{
  if (code < 0) {
    throw std::runtime_error("git fixture: cannot " + attempted + ": " + git::last_error_text(code));
  }
}

git::SignaturePtr signature(const std::string& name, const std::string& email, int64_t when, int offset)
{
  git_signature* raw = nullptr;
  const int code = git_signature_new(&raw, name.c_str(), email.c_str(), when, offset);
  git::SignaturePtr owned(raw);
  check(code, "make a signature for " + name);
  return owned;
}

} // namespace

struct GitFixture::State
{
  git::RepositoryPtr repo;
  git::IndexPtr index; // the repository's index, or an in-memory one when bare

  git::ObjectPtr lookup(std::string_view rev) const
  {
    git_object* raw = nullptr;
    const int code = git_revparse_single(&raw, repo.get(), std::string(rev).c_str());
    git::ObjectPtr object(raw);
    check(code, "resolve '" + std::string(rev) + "'");
    return object;
  }

  git::CommitPtr lookup_commit(std::string_view rev) const
  {
    const git::ObjectPtr object = lookup(rev);
    git_object* raw_peeled = nullptr;
    int code = git_object_peel(&raw_peeled, object.get(), GIT_OBJECT_COMMIT);
    const git::ObjectPtr peeled(raw_peeled);
    check(code, "find the commit of '" + std::string(rev) + "'");
    git_commit* raw_commit = nullptr;
    code = git_commit_lookup(&raw_commit, repo.get(), git_object_id(peeled.get()));
    git::CommitPtr commit(raw_commit);
    check(code, "read the commit of '" + std::string(rev) + "'");
    return commit;
  }

  // The index of a working tree lives on disk, where the code under test reads it.
  void save_index(bool bare) const
  {
    if (!bare) {
      check(git_index_write(index.get()), "write the index");
    }
  }

  // Stages a blob (bare) or the file on disk (working tree) under `path`.
  void stage(std::string_view path, std::string_view content, git_filemode_t mode, bool bare) const
  {
    const std::string name(path);
    if (!bare) {
      check(git_index_add_bypath(index.get(), name.c_str()), "stage " + name);
      save_index(bare);
      return;
    }
    git_index_entry entry{};
    check(git_blob_create_from_buffer(&entry.id, repo.get(), content.data(), content.size()),
          "write blob " + name);
    entry.mode = mode;
    entry.path = name.c_str();
    check(git_index_add(index.get(), &entry), "stage " + name);
  }
};

GitFixture::GitFixture(bool bare) : m_bare(bare), m_state(std::make_unique<State>())
{
  git::ensure_initialized();
  git_repository_init_options options = GIT_REPOSITORY_INIT_OPTIONS_INIT;
  options.flags = GIT_REPOSITORY_INIT_MKPATH;
  if (bare) {
    options.flags |= GIT_REPOSITORY_INIT_BARE;
  }
  options.initial_head = "main";
  git_repository* raw_repo = nullptr;
  const int code = git_repository_init_ext(&raw_repo, path().c_str(), &options);
  m_state->repo.reset(raw_repo);
  check(code, "init a repository in " + path().string());

  // Tests must not depend on the developer's ~/.gitconfig: no global excludes, no CRLF filters.
  git_config* raw_config = nullptr;
  const int config_code = git_repository_config(&raw_config, raw_repo);
  const git::ConfigPtr config(raw_config);
  check(config_code, "open the repository's config");
  const std::string no_excludes = std::string(git_repository_path(raw_repo)) + "no-global-excludes";
  check(git_config_set_string(config.get(), "core.excludesFile", no_excludes.c_str()),
        "set core.excludesFile");
  check(git_config_set_bool(config.get(), "core.autocrlf", 0), "set core.autocrlf");

  git_index* raw_index = nullptr;
  const int index_code = bare ? git_index_new(&raw_index) : git_repository_index(&raw_index, raw_repo);
  m_state->index.reset(raw_index);
  check(index_code, "open the index");
}

GitFixture::~GitFixture() = default;

git_repository* GitFixture::raw() const
{
  return m_state->repo.get();
}

void GitFixture::write(std::string_view path, std::string_view content, bool executable)
{
  if (!m_bare) {
    write_untracked(path, content);
    if (executable) {
      stdfs::permissions(m_dir.path() / path, stdfs::perms::owner_exec, stdfs::perm_options::add);
    }
  }
  m_state->stage(path, content, executable ? GIT_FILEMODE_BLOB_EXECUTABLE : GIT_FILEMODE_BLOB, m_bare);
}

void GitFixture::symlink(std::string_view path, std::string_view target)
{
  if (!m_bare) {
    symlink_untracked(path, target);
  }
  m_state->stage(path, target, GIT_FILEMODE_LINK, m_bare);
}

void GitFixture::remove(std::string_view path)
{
  if (!m_bare) {
    delete_from_disk(path);
  }
  const std::string name(path);
  check(git_index_remove_bypath(m_state->index.get(), name.c_str()), "unstage " + name);
  m_state->save_index(m_bare);
}

void GitFixture::stage_all()
{
  require_worktree("stage all");
  check(git_index_add_all(m_state->index.get(), nullptr, GIT_INDEX_ADD_DEFAULT, nullptr, nullptr),
        "stage all");
  check(git_index_update_all(m_state->index.get(), nullptr, nullptr, nullptr), "stage deletions");
  m_state->save_index(m_bare);
}

void GitFixture::gitlink(std::string_view path, std::string_view commit_id)
{
  const std::string name(path);
  git_index_entry entry{};
  check(git_oid_fromstr(&entry.id, std::string(commit_id).c_str()),
        "parse commit id " + std::string(commit_id));
  entry.mode = GIT_FILEMODE_COMMIT;
  entry.path = name.c_str();
  check(git_index_add(m_state->index.get(), &entry), "stage gitlink " + name);
  m_state->save_index(m_bare);
}

void GitFixture::require_worktree(std::string_view action) const
{
  if (m_bare) {
    throw std::runtime_error("git fixture: cannot " + std::string(action)
                             + ": a bare repository has no working tree");
  }
}

void GitFixture::write_untracked(std::string_view path, std::string_view content) const
{
  require_worktree("write " + std::string(path));
  write_text(m_dir.path() / path, std::string(content));
}

void GitFixture::symlink_untracked(std::string_view path, std::string_view target) const
{
  require_worktree("make symlink " + std::string(path));
  const stdfs::path link = m_dir.path() / path;
  stdfs::create_directories(link.parent_path());
  stdfs::create_symlink(target, link);
}

void GitFixture::delete_from_disk(std::string_view path) const
{
  require_worktree("delete " + std::string(path));
  stdfs::remove_all(m_dir.path() / path);
}

std::string GitFixture::commit(std::string_view message, const CommitOptions& options)
{
  git_oid tree_id;
  check(git_index_write_tree_to(&tree_id, m_state->index.get(), m_state->repo.get()), "write the tree");
  git_tree* raw_tree = nullptr;
  const int code = git_tree_lookup(&raw_tree, m_state->repo.get(), &tree_id);
  const git::TreePtr tree(raw_tree);
  check(code, "read the tree just written");

  std::vector<git::CommitPtr> parents;
  if (!options.parents.empty()) {
    for (const auto& rev : options.parents) {
      parents.push_back(m_state->lookup_commit(rev));
    }
  } else if (git_repository_head_unborn(m_state->repo.get()) == 0) {
    parents.push_back(m_state->lookup_commit("HEAD"));
  }
  std::vector<const git_commit*> parent_pointers;
  parent_pointers.reserve(parents.size());
  for (const auto& parent : parents) {
    parent_pointers.push_back(parent.get());
  }

  const auto author = signature(options.author, options.email, options.when, options.utc_offset_minutes);
  const std::string text(message);
  git_oid id;
  check(git_commit_create(&id, m_state->repo.get(),
                          options.update_ref.empty() ? nullptr : options.update_ref.c_str(), author.get(),
                          author.get(), nullptr, text.c_str(), tree.get(), parent_pointers.size(),
                          parent_pointers.data()),
        "commit '" + text + "'");
  return git::to_object_id(id).hex();
}

void GitFixture::branch(std::string_view name, std::string_view rev)
{
  const git::CommitPtr target = m_state->lookup_commit(rev);
  git_reference* raw = nullptr;
  const int code = git_branch_create(&raw, m_state->repo.get(), std::string(name).c_str(), target.get(), 0);
  const git::ReferencePtr reference(raw);
  check(code, "create branch " + std::string(name));
}

void GitFixture::tag(std::string_view name, std::string_view rev, std::string_view message)
{
  const git::ObjectPtr target = m_state->lookup(rev);
  const std::string tag_name(name);
  git_oid id;
  if (message.empty()) {
    check(git_tag_create_lightweight(&id, m_state->repo.get(), tag_name.c_str(), target.get(), 0),
          "create tag " + tag_name);
    return;
  }
  const auto tagger = signature("Ada Tester", "ada@example.com", k_fixture_time, 0);
  check(git_tag_create(&id, m_state->repo.get(), tag_name.c_str(), target.get(), tagger.get(),
                       std::string(message).c_str(), 0),
        "create tag " + tag_name);
}

std::string GitFixture::rev_parse(std::string_view rev) const
{
  const git::CommitPtr commit = m_state->lookup_commit(rev);
  return git::to_object_id(*git_commit_id(commit.get())).hex();
}

} // namespace mlfolio::test
