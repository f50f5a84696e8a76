#include "git/remote.h"

#include "core/fs.h"
#include "core/text.h"
#include "git/error.h"
#include "git/handles.h"
#include "git/library.h"

#include <cerrno>
#include <charconv>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <poll.h>
#include <regex>
#include <set>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

namespace mlfolio::git {

namespace stdfs = std::filesystem;

namespace {

// How a transfer failed, sent from the child process to its parent as the first byte.
enum class Failure : char {
  none = '0',
  unreachable = 'u',
  untrusted = 'c',
  not_found = 'n',
  auth = 'a',
  too_large = 'l',
  other = 'o'
};

struct Transfer
{
  uint64_t max_bytes = 0;
  bool progress = false;
  bool asked_credentials = false;
  bool too_large = false;
};

bool is_name_char(char c)
{
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_' || c == '.';
}

// "host/owner/repo.git" from what follows the scheme; unsafe characters become '_'.
std::string cache_key_of(std::string_view host, std::string_view path)
{
  std::string key(host);
  key += '/';
  key += path;
  while (key.ends_with('/')) {
    key.pop_back();
  }
  std::string safe;
  for (const char c : key) {
    safe += is_name_char(c) || c == '/' ? c : '_';
  }
  // No "." or ".." components: the key must stay inside the cache.
  std::string cleaned;
  for (const auto part : text::split(safe, '/')) {
    if (!part.empty() && part != "." && part != "..") {
      cleaned += (cleaned.empty() ? "" : "/") + std::string(part);
    }
  }
  if (!cleaned.ends_with(".git")) {
    cleaned += ".git";
  }
  return cleaned;
}

int refuse_credentials(git_credential**, const char*, const char*, unsigned int, void* payload)
{
  static_cast<Transfer*>(payload)->asked_credentials = true;
  git_error_set_str(GIT_ERROR_NET, "the server asks for credentials");
  return GIT_EUSER;
}

int on_transfer(const git_indexer_progress* stats, void* payload)
{
  auto* transfer = static_cast<Transfer*>(payload);
  if (stats->received_bytes > transfer->max_bytes) {
    transfer->too_large = true;
    git_error_set_str(GIT_ERROR_NET, "the repository is larger than the size limit");
    return GIT_EUSER;
  }
  if (transfer->progress && stats->total_objects > 0) {
    std::fprintf(stderr, "\rreceiving objects: %3u%% (%u/%u), %.1f MB", stats->received_objects * 100 / stats->total_objects,
                 stats->received_objects, stats->total_objects, static_cast<double>(stats->received_bytes) / (1024.0 * 1024.0));
  }
  return 0;
}

Failure classify(const std::string& message)
{
  static const std::regex k_unreachable(
      "resolve|connect|refused|unreachable|timed out|no route|network|could not read from remote|ssl|tls",
      std::regex::icase);
  static const std::regex k_untrusted("certificate", std::regex::icase);
  static const std::regex k_not_found("404|not found|does not exist|not exported|no such|does not appear to be a git",
                                      std::regex::icase);
  static const std::regex k_auth("401|403|auth|credential|permission denied", std::regex::icase);
  if (std::regex_search(message, k_not_found)) {
    return Failure::not_found;
  }
  if (std::regex_search(message, k_auth)) {
    return Failure::auth;
  }
  if (std::regex_search(message, k_untrusted)) {
    return Failure::untrusted;
  }
  if (std::regex_search(message, k_unreachable)) {
    return Failure::unreachable;
  }
  return Failure::other;
}

// Fetches every branch and tag of `url` into the bare repository at `git_dir` (made when
// `create`), points HEAD at the remote's default branch and drops branches the remote no longer
// has. Runs in the child process.
std::pair<Failure, std::string> transfer(const std::string& url, const stdfs::path& git_dir, bool create, Transfer& state)
{
  if (url.starts_with("https://") && !load_certificate_authorities()) {
    return {Failure::untrusted, last_error_text(-1)};
  }
  git_repository* repo_raw = nullptr;
  const int opened = create ? git_repository_init(&repo_raw, git_dir.c_str(), 1)
                            : git_repository_open_bare(&repo_raw, git_dir.c_str());
  const RepositoryPtr repo(repo_raw);
  if (opened < 0) {
    return {Failure::other, "cannot open the cache repository " + git_dir.string() + ": " + last_error_text(opened)};
  }
  git_remote* remote_raw = nullptr;
  if (const int rc = git_remote_create_anonymous(&remote_raw, repo.get(), url.c_str()); rc < 0) {
    return {Failure::other, last_error_text(rc)};
  }
  const RemotePtr remote(remote_raw);
  git_remote_callbacks callbacks = GIT_REMOTE_CALLBACKS_INIT;
  callbacks.credentials = refuse_credentials;
  callbacks.transfer_progress = on_transfer;
  callbacks.payload = &state;
  const auto failed = [&](int rc) -> std::pair<Failure, std::string> {
    const std::string text = last_error_text(rc);
    if (state.too_large) {
      return {Failure::too_large, text};
    }
    if (state.asked_credentials) {
      return {Failure::auth, text};
    }
    return {classify(text), text};
  };
  if (const int rc = git_remote_connect(remote.get(), GIT_DIRECTION_FETCH, &callbacks, nullptr, nullptr); rc < 0) {
    return failed(rc);
  }
  Buffer default_branch;
  const bool has_default = git_remote_default_branch(default_branch.get(), remote.get()) == 0;
  const git_remote_head** heads = nullptr;
  size_t head_count = 0;
  std::set<std::string> remote_refs;
  if (git_remote_ls(&heads, &head_count, remote.get()) == 0) {
    for (size_t i = 0; i < head_count; ++i) {
      remote_refs.insert(heads[i]->name);
    }
  }
  const char* specs[] = {"+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*"};
  const git_strarray refspecs = {const_cast<char**>(specs), 2};
  git_fetch_options fetch = GIT_FETCH_OPTIONS_INIT;
  fetch.callbacks = callbacks;
  fetch.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_ALL;
  if (const int rc = git_remote_download(remote.get(), &refspecs, &fetch); rc < 0) {
    return failed(rc);
  }
  if (const int rc = git_remote_update_tips(remote.get(), &callbacks, 0, GIT_REMOTE_DOWNLOAD_TAGS_ALL, "mlfolio fetch");
      rc < 0) {
    return failed(rc);
  }
  git_remote_disconnect(remote.get());
  if (state.progress) {
    std::fputs("\n", stderr);
  }
  // Branches deleted on the remote leave the cache too, so that history is read as it is now.
  git_reference_iterator* iterator_raw = nullptr;
  if (!remote_refs.empty() && git_reference_iterator_glob_new(&iterator_raw, repo.get(), "refs/heads/*") == 0) {
    const Handle<git_reference_iterator, git_reference_iterator_free> iterator(iterator_raw);
    std::vector<std::string> stale;
    git_reference* reference = nullptr;
    while (git_reference_next(&reference, iterator.get()) == 0) {
      const ReferencePtr owned(reference);
      if (!remote_refs.contains(git_reference_name(reference))) {
        stale.emplace_back(git_reference_name(reference));
      }
    }
    for (const auto& name : stale) {
      git_reference_remove(repo.get(), name.c_str());
    }
  }
  if (has_default) {
    git_repository_set_head(repo.get(), std::string(default_branch.view()).c_str());
  }
  return {Failure::none, ""};
}

bool write_all(int fd, std::string_view data)
{
  while (!data.empty()) {
    const ssize_t written = ::write(fd, data.data(), data.size());
    if (written < 0 && errno == EINTR) {
      continue;
    }
    if (written <= 0) {
      return false;
    }
    data.remove_prefix(static_cast<size_t>(written));
  }
  return true;
}

// What the parent tells the child: one field per line, on the child's standard input (not its
// command line, where a URL's credentials would show in the process list).
std::string child_request(const RemoteTarget& target, const stdfs::path& git_dir, bool create,
                          const FetchOptions& options)
{
  return target.url + "\n" + git_dir.string() + "\n" + (create ? "1" : "0") + "\n" +
         std::to_string(options.max_bytes) + "\n" + (options.progress ? "1" : "0") + "\n";
}

// Runs transfer() in a child process and waits at most timeout_seconds for it. The child is
// mlfolio itself started again (posix_spawn of /proc/self/exe with k_fetch_child_command), not a
// fork: a forked child of a process with several threads (a cohort fetches several remotes at
// once) inherits whatever locks the other threads held at that moment, in the allocator or in
// libgit2, and could wait on them forever.
Result<void> run_transfer(const RemoteTarget& target, const stdfs::path& git_dir, bool create,
                          const FetchOptions& options)
{
  const auto fail = [&](int error_number) {
    return runtime_error("cannot fetch " + target.display + ": " + fs::describe_errno(error_number));
  };
  int pipe_fds[2];   // the child's report
  int request_fds[2]; // the parent's request
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
    return fail(errno);
  }
  if (::pipe2(request_fds, O_CLOEXEC) != 0) {
    const int error_number = errno;
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    return fail(error_number);
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, request_fds[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  std::string program = "/proc/self/exe";
  std::string command(k_fetch_child_command);
  char* argv[] = {program.data(), command.data(), nullptr};
  pid_t child = -1;
  const int spawned = ::posix_spawn(&child, program.c_str(), &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(request_fds[0]);
  ::close(pipe_fds[1]);
  if (spawned != 0) {
    ::close(request_fds[1]);
    ::close(pipe_fds[0]);
    return fail(spawned);
  }
  // A few hundred bytes: the pipe takes them whole, before the child reads.
  write_all(request_fds[1], child_request(target, git_dir, create, options));
  ::close(request_fds[1]);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(options.timeout_seconds);
  std::string report;
  bool timed_out = false;
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    pollfd waiting{pipe_fds[0], POLLIN, 0};
    const int ready = ::poll(&waiting, 1, static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (ready < 0 && errno == EINTR) {
      continue;
    }
    if (ready <= 0) {
      continue;
    }
    char buffer[4096];
    const ssize_t got = ::read(pipe_fds[0], buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got <= 0) {
      break; // the child closed its end: it is done
    }
    report.append(buffer, static_cast<size_t>(got));
  }
  ::close(pipe_fds[0]);
  if (timed_out) {
    ::kill(child, SIGKILL);
  }
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  const auto remote_error = [&](const std::string& why) {
    return tl::unexpected(Error{ExitCode::remote, "cannot fetch " + target.display + ": " + why});
  };
  if (timed_out) {
    return remote_error("no answer within " + std::to_string(options.timeout_seconds) +
                        " s (the time-out; raise it with --timeout SECONDS)");
  }
  const Failure failure = report.empty() ? Failure::other : static_cast<Failure>(report[0]);
  const std::string detail = redact_url(report.empty() ? std::string("the transfer stopped") : report.substr(1));
  switch (failure) {
  case Failure::none:
    return {};
  case Failure::unreachable:
    return remote_error("the host cannot be reached (" + detail + "). Check the URL and the network.");
  case Failure::untrusted:
    return remote_error("the server's certificate is not trusted (" + detail +
                        "). If an authority of your own signs it, point SSL_CERT_FILE at that authority's "
                        "certificate.");
  case Failure::not_found:
    return remote_error("no such repository (" + detail + "). Check the owner and the name.");
  case Failure::auth:
    return remote_error("the repository is private or does not exist: the server asks for credentials, and "
                        "mlfolio audits public repositories only (it never asks for a password).");
  case Failure::too_large:
    char limit[32];
    std::snprintf(limit, sizeof limit, "%.4g", static_cast<double>(options.max_bytes) / (1024.0 * 1024.0));
    return remote_error("the repository is larger than " + std::string(limit) +
                        " MB (the size limit; raise it with --max-size MB).");
  case Failure::other:
    break;
  }
  return remote_error(detail);
}

} // namespace

int run_fetch_child()
{
  ensure_initialized();
  std::string request;
  char buffer[4096];
  for (;;) {
    const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got <= 0) {
      break;
    }
    request.append(buffer, static_cast<size_t>(got));
  }
  const auto fields = text::split(request, '\n');
  uint64_t max_bytes = 0;
  if (fields.size() < 5 ||
      std::from_chars(fields[3].data(), fields[3].data() + fields[3].size(), max_bytes).ec != std::errc{}) {
    write_all(STDOUT_FILENO, std::string(1, static_cast<char>(Failure::other)) + "the fetch was asked for wrongly");
    return 2;
  }
  Transfer state{max_bytes, fields[4] == "1" && ::isatty(STDERR_FILENO) == 1};
  const auto [failure, message] = transfer(std::string(fields[0]), stdfs::path(std::string(fields[1])),
                                           fields[2] == "1", state);
  write_all(STDOUT_FILENO, std::string(1, static_cast<char>(failure)) + message);
  return failure == Failure::none ? 0 : 1;
}

std::string redact_url(std::string_view url)
{
  static const std::regex k_userinfo("([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\\s]+@");
  return std::regex_replace(std::string(url), k_userinfo, "$1***@");
}

std::optional<RemoteTarget> parse_remote(std::string_view target, bool shorthand_allowed)
{
  static const std::regex k_url("^(https?|git|ssh|file)://(?:([^/@]*)@)?([^/]*)(/.*)?$", std::regex::icase);
  static const std::regex k_scp("^([A-Za-z0-9._-]+)@([A-Za-z0-9.-]+):([^/].*)$");
  static const std::regex k_shorthand("^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/([A-Za-z0-9._-]{1,100})$");
  const std::string text(target);
  std::smatch match;
  if (std::regex_match(text, match, k_url)) {
    const std::string scheme = match[1].str();
    const std::string path = match[4].str();
    const std::string host = match[3].str().empty() ? "local" : match[3].str();
    return RemoteTarget{text, redact_url(text), cache_key_of(scheme == "file" ? "file" : host, path)};
  }
  if (std::regex_match(text, match, k_scp)) {
    return RemoteTarget{text, text, cache_key_of(match[2].str(), match[3].str())};
  }
  if (shorthand_allowed && std::regex_match(text, match, k_shorthand) && match[2].str() != "." &&
      match[2].str() != "..") {
    std::string repo = match[2].str();
    const std::string url = "https://github.com/" + match[1].str() + "/" + repo;
    return RemoteTarget{url, url, cache_key_of("github.com", match[1].str() + "/" + repo)};
  }
  return std::nullopt;
}

stdfs::path default_cache_dir()
{
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg != nullptr && *xdg == '/') {
    return stdfs::path(xdg) / "mlfolio" / "repos";
  }
  const char* home = std::getenv("HOME");
  return stdfs::path(home != nullptr && *home != '\0' ? home : "/tmp") / ".cache" / "mlfolio" / "repos";
}

Result<FetchedRepository> fetch_remote(const RemoteTarget& target, const FetchOptions& options)
{
  ensure_initialized();
  std::error_code error;
  stdfs::create_directories(options.cache_dir, error);
  if (error) {
    return runtime_error("cannot create the cache folder " + options.cache_dir.string() + ": " + error.message() +
                         ". Choose another with --cache-dir.");
  }
  if (!options.use_cache) {
    TRY_ASSIGN(const stdfs::path temporary, fs::make_temp_dir(options.cache_dir, "mlfolio-clone-"));
    const auto fetched = run_transfer(target, temporary, true, options);
    if (!fetched) {
      fs::remove_tree_quietly(temporary);
      return tl::unexpected(fetched.error());
    }
    return FetchedRepository{temporary, true, true};
  }
  const stdfs::path git_dir = options.cache_dir / target.cache_key;
  if (stdfs::exists(git_dir / "HEAD", error)) {
    TRY(run_transfer(target, git_dir, false, options));
    return FetchedRepository{git_dir, false, false};
  }
  stdfs::create_directories(git_dir.parent_path(), error);
  if (error) {
    return runtime_error("cannot create " + git_dir.parent_path().string() + ": " + error.message());
  }
  // Cloned beside its place and renamed in, so an interrupted clone never looks like a cache hit.
  TRY_ASSIGN(const stdfs::path partial, fs::make_temp_dir(git_dir.parent_path(), ".partial-"));
  const auto cloned = run_transfer(target, partial, true, options);
  if (!cloned) {
    fs::remove_tree_quietly(partial);
    return tl::unexpected(cloned.error());
  }
  stdfs::rename(partial, git_dir, error);
  if (error) {
    fs::remove_tree_quietly(partial);
    if (!stdfs::exists(git_dir / "HEAD")) {
      return runtime_error("cannot move the clone into the cache at " + git_dir.string() + ": " + error.message());
    }
  }
  return FetchedRepository{git_dir, true, false};
}

} // namespace mlfolio::git
