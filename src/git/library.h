#pragma once

namespace mlfolio::git {

// Initializes libgit2 on first use, once per process and thread-safely; it is shut down when the
// process exits. Every entry point in git/ calls it, so callers never have to.
void ensure_initialized();

// Loads the certificate authorities that HTTPS needs: SSL_CERT_FILE and SSL_CERT_DIR when set,
// else the system bundle libgit2 was built to use. libgit2 parses that bundle (some 150
// certificates, several milliseconds) when it starts; mlfolio defers it to here, the one place
// that opens HTTPS connections, so that `mlfolio new` and local checks do not pay for it.
// Returns false, with libgit2's error set, when no bundle can be read.
bool load_certificate_authorities();

} // namespace mlfolio::git
