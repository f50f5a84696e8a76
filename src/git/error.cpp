#include "git/error.h"

#include "git/library.h"

#include <git2.h>

namespace mlfolio::git {

namespace {

struct CodeText
{
  int code;
  std::string_view text;
};

// For the calls after which libgit2 1.5 leaves no message.
constexpr CodeText k_code_texts[] = {
    {GIT_ENOTFOUND, "not found"},
    {GIT_EEXISTS, "already exists"},
    {GIT_EAMBIGUOUS, "ambiguous"},
    {GIT_EBAREREPO, "the repository is bare"},
    {GIT_EUNBORNBRANCH, "the branch has no commits yet"},
    {GIT_EINVALIDSPEC, "invalid name or specification"},
    {GIT_ELOCKED, "locked by another process"},
    {GIT_EAUTH, "authentication failed"},
    {GIT_ECERTIFICATE, "invalid server certificate"},
    {GIT_EPEEL, "the object cannot be peeled to the requested type"},
    {GIT_EEOF, "unexpected end of file"},
    {GIT_EINVALID, "invalid operation or input"},
    {GIT_EDIRECTORY, "not valid for a folder"},
    {GIT_EMISMATCH, "object checksum mismatch"},
    {GIT_EOWNER, "the repository is owned by another user"},
};

} // namespace

std::string last_error_text(int code)
{
  ensure_initialized(); // git_error_last() crashes before libgit2 is initialized
  if (const git_error* last = git_error_last(); last != nullptr && last->message != nullptr) {
    std::string text = last->message;
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ' || text.back() == '.')) {
      text.pop_back();
    }
    if (!text.empty()) {
      return text;
    }
  }
  for (const auto& known : k_code_texts) {
    if (known.code == code) {
      return std::string(known.text);
    }
  }
  return "libgit2 error " + std::to_string(code);
}

tl::unexpected<Error> error(std::string_view attempted, int code, ExitCode exit_code)
{
  return tl::unexpected(Error{exit_code, "cannot " + std::string(attempted) + ": " + last_error_text(code)});
}

Result<void> check(int code, std::string_view attempted)
{
  if (code < 0) {
    return error(attempted, code);
  }
  return {};
}

} // namespace mlfolio::git
