#pragma once

// Remote repositories for `mlfolio check URL`: cloned bare into a cache and fetched again on
// later runs, never checked out. Public repositories only: mlfolio never asks for credentials.

#include "core/result.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace mlfolio::git {

struct RemoteTarget
{
  std::string url;       // as libgit2 is given it (credentials, if any, kept here only)
  std::string display;   // for messages and reports: credentials replaced by "***"
  std::string cache_key; // relative folder name inside the cache: "github.com/owner/repo.git"
};

// https://, http://, git://, ssh://, file:// URLs, scp-like "git@host:owner/repo", and the
// shorthand "owner/repo" (GitHub over HTTPS) when `shorthand_allowed` (no such local folder).
std::optional<RemoteTarget> parse_remote(std::string_view target, bool shorthand_allowed);

// `url` with any user name and password replaced by "***".
std::string redact_url(std::string_view url);

struct FetchOptions
{
  std::filesystem::path cache_dir; // the bare repositories live below it
  bool use_cache = true;           // false: clone into a temporary folder under cache_dir, removed by the caller
  int timeout_seconds = 300;       // for the whole clone or fetch
  uint64_t max_bytes = 1024ULL * 1024 * 1024;
  bool progress = false; // print transfer progress on stderr
};

struct FetchedRepository
{
  std::filesystem::path git_dir;
  bool cloned = false; // false: an earlier clone in the cache was fetched again
  bool temporary = false;
};

// The default cache: $XDG_CACHE_HOME/mlfolio/repos, else ~/.cache/mlfolio/repos.
std::filesystem::path default_cache_dir();

// Clones `target` bare into the cache, or fetches into the clone already there. The transfer runs
// in a child process, so a host that stops answering is cut off at the time-out. Errors have
// ExitCode::remote and never show credentials: unreachable host, repository not found, needs
// authentication, time-out, larger than max_bytes.
Result<FetchedRepository> fetch_remote(const RemoteTarget& target, const FetchOptions& options);

// The transfer's child process: mlfolio started with this one argument (src/main.cpp) reads the
// request from its standard input, fetches, and writes its report to its standard output.
inline constexpr std::string_view k_fetch_child_command = "__fetch-child";
int run_fetch_child();

} // namespace mlfolio::git
