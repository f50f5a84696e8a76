#include "git/repository.h"

#include "git/error.h"
#include "git/handles.h"
#include "git/library.h"

namespace mlfolio::git {

namespace {

std::filesystem::path without_trailing_slash(std::string text)
{
  while (text.size() > 1 && text.back() == '/') {
    text.pop_back();
  }
  return text;
}

} // namespace

void Repository::Free::operator()(git_repository* repo) const noexcept
{
  git_repository_free(repo);
}

Repository::Repository(Owned repo, std::filesystem::path path)
    : m_repo(std::move(repo)), m_path(std::move(path))
{
  if (const char* workdir = git_repository_workdir(m_repo.get()); workdir != nullptr) {
    std::error_code ignored;
    auto canonical = std::filesystem::canonical(workdir, ignored);
    m_workdir = ignored ? without_trailing_slash(workdir) : std::move(canonical);
  }
}

Result<std::optional<Repository>> Repository::discover(const std::filesystem::path& path)
{
  ensure_initialized();
  git_repository* raw = nullptr;
  const int code = git_repository_open_ext(&raw, path.c_str(), 0, nullptr);
  Owned repo(raw);
  if (code == GIT_ENOTFOUND) {
    return std::optional<Repository>();
  }
  if (code == GIT_EOWNER) {
    const std::string shown = path.string();
    return usage_error("cannot open the git repository at " + shown + ": it belongs to another user. If you "
                       + "trust it, run 'git config --global --add safe.directory " + shown
                       + "' and try again.");
  }
  if (code < 0) {
    return error("open the git repository at " + path.string(), code);
  }
  return std::optional<Repository>(Repository(std::move(repo), path));
}

bool Repository::is_bare() const
{
  return git_repository_is_bare(m_repo.get()) == 1;
}

std::optional<std::string> Repository::workdir_relative(const std::filesystem::path& canonical_path) const
{
  if (!m_workdir) {
    return std::nullopt;
  }
  const std::filesystem::path relative = canonical_path.lexically_relative(*m_workdir);
  if (relative.empty() || *relative.begin() == "..") {
    return std::nullopt;
  }
  return relative == "." ? std::string() : relative.generic_string();
}

std::filesystem::path Repository::git_dir() const
{
  return without_trailing_slash(git_repository_path(m_repo.get()));
}

Result<std::optional<ObjectId>> Repository::head() const
{
  git_oid oid;
  const int code = git_reference_name_to_id(&oid, m_repo.get(), "HEAD");
  if (code == GIT_ENOTFOUND || code == GIT_EUNBORNBRANCH) {
    return std::optional<ObjectId>();
  }
  if (code < 0) {
    return error("read HEAD in " + m_path.string(), code);
  }
  return std::optional<ObjectId>(to_object_id(oid));
}

Result<ObjectId> Repository::resolve_commit(std::string_view rev) const
{
  const std::string rev_text(rev);
  const auto unknown = [&](std::string_view reason) {
    return usage_error("unknown revision '" + rev_text + "' in " + m_path.string() + ": "
                       + std::string(reason) + ". Give a branch, a tag or a commit id, e.g. HEAD or HEAD~1.");
  };

  git_object* raw_object = nullptr;
  int code = git_revparse_single(&raw_object, m_repo.get(), rev_text.c_str());
  const ObjectPtr object(raw_object);
  if (code == GIT_ENOTFOUND) {
    const bool empty = git_repository_head_unborn(m_repo.get()) == 1;
    return unknown(empty ? "the repository has no commits yet" : "no branch, tag or commit has that name");
  }
  if (code == GIT_EAMBIGUOUS) {
    return unknown("several objects start with that id; give more of its digits");
  }
  if (code == GIT_EINVALIDSPEC) {
    return unknown(last_error_text(code));
  }
  if (code < 0) {
    return error("resolve revision '" + rev_text + "' in " + m_path.string(), code);
  }

  git_object* raw_commit = nullptr;
  code = git_object_peel(&raw_commit, object.get(), GIT_OBJECT_COMMIT);
  const ObjectPtr commit(raw_commit);
  if (code == GIT_EPEEL || code == GIT_EINVALIDSPEC) {
    return unknown("it names a " + std::string(git_object_type2string(git_object_type(object.get())))
                   + ", not a commit");
  }
  if (code < 0) {
    return error("find the commit of revision '" + rev_text + "' in " + m_path.string(), code);
  }
  return to_object_id(*git_object_id(commit.get()));
}

} // namespace mlfolio::git
