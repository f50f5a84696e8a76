#pragma once

namespace mlfolio::git {

// Initializes libgit2 on first use, once per process and thread-safely; it is shut down when the
// process exits. Every entry point in git/ calls it, so callers never have to.
void ensure_initialized();

} // namespace mlfolio::git
