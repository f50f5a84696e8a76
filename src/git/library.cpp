#include "git/library.h"

#include <cstdlib>
#include <git2.h>
#include <mbedtls/x509_crt.h>
#include <mutex>
#include <string>

// libgit2 is linked statically with `--wrap` on the two functions below (CMakeLists.txt): its
// calls reach the __wrap_ versions, which remember where the bundle is instead of parsing it,
// until load_certificate_authorities() asks for it.
extern "C" {
int __real_mbedtls_x509_crt_parse_file(mbedtls_x509_crt* chain, const char* path);
int __real_mbedtls_x509_crt_parse_path(mbedtls_x509_crt* chain, const char* path);
int __wrap_mbedtls_x509_crt_parse_file(mbedtls_x509_crt* chain, const char* path);
int __wrap_mbedtls_x509_crt_parse_path(mbedtls_x509_crt* chain, const char* path);
}

namespace mlfolio::git {

namespace {

struct DeferredCertificates
{
  std::mutex mutex;
  bool wanted = false;
  std::string file; // where libgit2 looked when it started
  std::string dir;
};

DeferredCertificates& deferred()
{
  static DeferredCertificates state;
  return state;
}

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
    // Trees of up to 1 MB are cached (libgit2 caches none above 4 KB): an audit walks the tree
    // of a commit up to three times (its files counted, its blobs scanned, their ids listed),
    // and a folder of a few hundred files is a tree of more than 4 KB, inflated each time.
    git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_TREE, static_cast<size_t>(1) << 20);
    // An object read is not hashed again to compare with its name, as git does not: the hash is
    // SHA-1 with collision detection, which was a quarter of the CPU time of a history scan. A
    // fetch still checks every object it receives (libgit2's indexer names them by their hash).
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
  }
  ~Library() { git_libgit2_shutdown(); }
  Library(const Library&) = delete;
  Library& operator=(const Library&) = delete;
};

const char* non_empty_env(const char* name)
{
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? value : nullptr;
}

} // namespace

void ensure_initialized()
{
  static const Library library; // C++ guarantees thread-safe, once-only initialization
}

bool load_certificate_authorities()
{
  ensure_initialized();
  DeferredCertificates& state = deferred();
  std::string file;
  std::string dir;
  {
    const std::lock_guard lock(state.mutex);
    state.wanted = true;
    file = state.file;
    dir = state.dir;
  }
  const char* env_file = non_empty_env("SSL_CERT_FILE");
  const char* env_dir = non_empty_env("SSL_CERT_DIR");
  if (env_file != nullptr || env_dir != nullptr) {
    file = env_file != nullptr ? env_file : "";
    dir = env_dir != nullptr ? env_dir : "";
  }
  if (file.empty() && dir.empty()) {
    git_error_set_str(GIT_ERROR_SSL, "no certificate authorities: set SSL_CERT_FILE to a bundle of them");
    return false;
  }
  return git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file.empty() ? nullptr : file.c_str(),
                          dir.empty() ? nullptr : dir.c_str()) == 0;
}

} // namespace mlfolio::git

namespace {

// Remembers `path` in `remembered` until the certificates are wanted, then parses with `real`.
int defer_or_parse(std::string mlfolio::git::DeferredCertificates::*remembered, mbedtls_x509_crt* chain,
                   const char* path, int (*real)(mbedtls_x509_crt*, const char*))
{
  auto& state = mlfolio::git::deferred();
  {
    const std::lock_guard lock(state.mutex);
    if (!state.wanted) {
      state.*remembered = path != nullptr ? path : "";
      return 0;
    }
  }
  return real(chain, path);
}

} // namespace

extern "C" int __wrap_mbedtls_x509_crt_parse_file(mbedtls_x509_crt* chain, const char* path)
{
  return defer_or_parse(&mlfolio::git::DeferredCertificates::file, chain, path, __real_mbedtls_x509_crt_parse_file);
}

extern "C" int __wrap_mbedtls_x509_crt_parse_path(mbedtls_x509_crt* chain, const char* path)
{
  return defer_or_parse(&mlfolio::git::DeferredCertificates::dir, chain, path, __real_mbedtls_x509_crt_parse_path);
}
