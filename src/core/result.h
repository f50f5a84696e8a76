#pragma once

#include <string>
#include <tl/expected.hpp>
#include <utility>

namespace mlfolio {

// Process exit codes; part of the documented interface (README "Exit codes").
enum class ExitCode : int {
  ok = 0,
  findings = 1, // check: score or severity threshold not met
  usage = 2,    // bad command line, bad NAME, bad configuration, target not empty
  runtime = 3,  // I/O, git or other failure while running
  remote = 4,   // a remote repository cannot be fetched: unreachable, missing, private, too slow, too large
};

struct Error
{
  ExitCode code = ExitCode::runtime;
  std::string message;
};

template<typename T> using Result = tl::expected<T, Error>;

inline tl::unexpected<Error> usage_error(std::string message)
{
  return tl::unexpected(Error{ExitCode::usage, std::move(message)});
}

inline tl::unexpected<Error> runtime_error(std::string message)
{
  return tl::unexpected(Error{ExitCode::runtime, std::move(message)});
}

} // namespace mlfolio

#define MLFOLIO_CONCAT_INNER(a, b) a##b
#define MLFOLIO_CONCAT(a, b) MLFOLIO_CONCAT_INNER(a, b)

// Propagates the error of a Result expression; the value is discarded.
#define TRY(expr)                                                                      \
  do {                                                                                 \
    auto&& try_result_ = (expr);                                                       \
    if (!try_result_) {                                                                \
      return tl::unexpected(std::move(try_result_).error());                           \
    }                                                                                  \
  } while (false)

// Declares `decl` from the value of a Result expression, or propagates its error.
#define TRY_ASSIGN(decl, expr) TRY_ASSIGN_IMPL(MLFOLIO_CONCAT(try_tmp_, __LINE__), decl, expr)
#define TRY_ASSIGN_IMPL(tmp, decl, expr)                                               \
  auto tmp = (expr);                                                                   \
  if (!tmp) {                                                                          \
    return tl::unexpected(std::move(tmp).error());                                     \
  }                                                                                    \
  decl = std::move(*tmp)
