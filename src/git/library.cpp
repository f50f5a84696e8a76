#include "git/library.h"

#include <git2.h>

namespace mlfolio::git {

namespace {

// git_libgit2_init and git_libgit2_shutdown are reference-counted; one pair per process keeps
// libgit2's global state (and its thread-local error buffers) alive until exit.
class Library
{
public:
  Library()
  {
    git_libgit2_init();
    // Memory stays bounded whatever the size of the audited repository: pack files are mapped
    // in windows of 16 MB (libgit2's default is 1 GB, which maps a whole pack at once), at most
    // 64 MB of them at a time, and the object cache is kept small (every blob of a history scan
    // is read once, so caching it buys nothing).
    git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, static_cast<size_t>(16) << 20);
    git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, static_cast<size_t>(64) << 20);
    git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, static_cast<ssize_t>(32) << 20);
  }
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
