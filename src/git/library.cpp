#include "git/library.h"

#include <git2.h>

namespace mlfolio::git {

namespace {

// git_libgit2_init and git_libgit2_shutdown are reference-counted; one pair per process keeps
// libgit2's global state (and its thread-local error buffers) alive until exit.
class Library
{
public:
  Library() { git_libgit2_init(); }
  ~Library() { git_libgit2_shutdown(); }
  Library(const Library&) = delete;
  Library& operator=(const Library&) = delete;
};

} // namespace

void ensure_initialized()
{
  static const Library library; // C++ guarantees thread-safe, once-only initialization
}

} // namespace mlfolio::git
