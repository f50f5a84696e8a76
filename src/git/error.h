#pragma once

#include "core/result.h"

#include <string>
#include <string_view>

namespace mlfolio::git {

// The calling thread's last libgit2 error for a call that returned `code` (< 0). libgit2 1.5
// may record none (git_error_last() returns NULL): the text then describes `code` instead.
std::string last_error_text(int code);

// "cannot <attempted>: <last libgit2 error>", e.g. error("open repository /x", rc).
tl::unexpected<Error> error(std::string_view attempted, int code, ExitCode exit_code = ExitCode::runtime);

// Ok when `code` >= 0, otherwise error(attempted, code).
Result<void> check(int code, std::string_view attempted);

} // namespace mlfolio::git
