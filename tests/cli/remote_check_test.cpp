// `mlfolio check URL`: remote repositories through a real git daemon on 127.0.0.1 and file://.
#include "support/git_daemon.h"
#include "support/git_fixture.h"
#include "support/process.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace mlfolio::test;
using Json = nlohmann::json;

namespace {

void fill(GitFixture& repo)
{
  repo.write("README.md", "# Churn\n\nPredicts which subscribers cancel next month.\n");
  repo.write("src/churn/__init__.py", "");
  std::string noise; // incompressible, so the pack is larger than the size limit of one test
  uint32_t state = 12345;
  for (int i = 0; i < 300 * 1024; ++i) {
    state = state * 1103515245 + 12345;
    noise += static_cast<char>('!' + (state >> 16) % 90);
  }
  repo.write("data/noise.txt", noise);
  repo.commit("Start the churn project");
}

// The bare repositories below the cache folder.
std::vector<std::filesystem::path> cached_repositories(const std::filesystem::path& cache)
{
  std::vector<std::filesystem::path> found;
  if (!std::filesystem::exists(cache)) {
    return found;
  }
  for (const auto& entry : std::filesystem::recursive_directory_iterator(cache)) {
    if (entry.path().filename() == "HEAD" && std::filesystem::exists(entry.path().parent_path() / "objects")) {
      found.push_back(entry.path().parent_path());
    }
  }
  return found;
}

} // namespace

TEST_CASE("remote: git:// is cloned bare into the cache, audited, then fetched on the next run")
{
  GitFixture served(true);
  fill(served);
  const GitDaemon daemon(served.path());
  const TempDir cache;

  const auto first = run_mlfolio({"check", daemon.url(), "--cache-dir", cache.path().string(), "--format", "json"});
  REQUIRE_MESSAGE(first.exit_code == 0, first.err);
  const Json report = Json::parse(first.out);
  CHECK(report["commit"] == served.rev_parse("HEAD"));
  CHECK(report["target"].get<std::string>().starts_with(daemon.url() + " at "));
  const auto clones = cached_repositories(cache.path());
  REQUIRE(clones.size() == 1);
  CHECK_FALSE(std::filesystem::exists(clones[0] / "index")); // bare: nothing checked out
  write_text(clones[0] / "mlfolio-test-marker", "kept if fetched, gone if cloned again\n");

  served.write("src/churn/train.py", "def train() -> None:\n    pass\n");
  const std::string second_commit = served.commit("Add training");
  const auto second = run_mlfolio({"check", daemon.url(), "--cache-dir", cache.path().string(), "--format", "json"});
  REQUIRE_MESSAGE(second.exit_code == 0, second.err);
  CHECK(Json::parse(second.out)["commit"] == second_commit);
  CHECK(std::filesystem::exists(clones[0] / "mlfolio-test-marker"));
  CHECK(cached_repositories(cache.path()).size() == 1);

  const auto at_rev = run_mlfolio(
      {"check", daemon.url(), "--cache-dir", cache.path().string(), "--format", "json", "--rev", "HEAD~1"});
  REQUIRE_MESSAGE(at_rev.exit_code == 0, at_rev.err);
  CHECK(Json::parse(at_rev.out)["commit"] == served.rev_parse("HEAD~1"));
}

TEST_CASE("remote: file:// URLs, and --no-cache leaves nothing behind")
{
  GitFixture served(true);
  fill(served);
  const TempDir cache;
  const std::string url = "file://" + served.path().string();
  const auto run = run_mlfolio({"check", url, "--cache-dir", cache.path().string(), "--no-cache", "--format", "json"});
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  CHECK(Json::parse(run.out)["commit"] == served.rev_parse("HEAD"));
  CHECK(cached_repositories(cache.path()).empty());
}

TEST_CASE("remote: failures exit 4 with a clear message and never show credentials")
{
  GitFixture served(true);
  fill(served);
  const GitDaemon daemon(served.path());
  const TempDir cache;
  const std::string cache_dir = cache.path().string();

  const auto missing = run_mlfolio({"check", daemon.url_of("no-such-repo"), "--cache-dir", cache_dir});
  CHECK(missing.exit_code == 4);
  CHECK(missing.err.starts_with("cannot fetch " + daemon.url_of("no-such-repo") + ": no such repository ("));

  const int closed = free_loopback_port();
  const std::string with_password = "https://ada:s3cr3t-pa55@127.0.0.1:" + std::to_string(closed) + "/ada/churn.git";
  const auto unreachable = run_mlfolio({"check", with_password, "--cache-dir", cache_dir});
  CHECK(unreachable.exit_code == 4);
  CHECK(unreachable.err.starts_with("cannot fetch https://***@127.0.0.1:" + std::to_string(closed) +
                                    "/ada/churn.git: the host cannot be reached ("));
  CHECK(unreachable.err.find("s3cr3t-pa55") == std::string::npos);
  CHECK(unreachable.out.find("s3cr3t-pa55") == std::string::npos);

  const SilentServer silent;
  const std::string hanging = "git://127.0.0.1:" + std::to_string(silent.port()) + "/churn";
  const auto timed_out = run_mlfolio({"check", hanging, "--cache-dir", cache_dir, "--timeout", "1"});
  CHECK(timed_out.exit_code == 4);
  CHECK(timed_out.err == "cannot fetch " + hanging +
                             ": no answer within 1 s (the time-out; raise it with --timeout SECONDS)\n");

  const auto too_large = run_mlfolio({"check", daemon.url(), "--cache-dir", cache_dir, "--max-size", "0.05"});
  CHECK(too_large.exit_code == 4);
  CHECK(too_large.err == "cannot fetch " + daemon.url() +
                             ": the repository is larger than 0.05 MB (the size limit; raise it with --max-size MB).\n");
  CHECK(cached_repositories(cache.path()).empty()); // failed clones leave nothing in the cache
}

TEST_CASE("remote: the fetching child process has no URL, so no credentials, on its command line")
{
  // While the child waits on a server that never answers, its command line is read from /proc
  // as any user of the machine could.
  const SilentServer silent;
  const TempDir dir;
  write_text(dir.path() / "url.txt", "http://ada:s3cr3t-token@127.0.0.1:" + std::to_string(silent.port()) + "/churn\n");
  // The URL goes from the file into a variable, never onto a command line of the script's own.
  // A child that has not yet started its own program still shows its parent's command line, so
  // the loop waits for one that has.
  const auto seen = run_shell("url=$(cat url.txt); " + shell_quote(MLFOLIO_BINARY) +
                                  " check \"$url\" --cache-dir cache --timeout 5 >/dev/null 2>&1 & "
                                  "parent=$!; child=; "
                                  "for i in $(seq 100); do "
                                  "  for stat in /proc/[0-9]*/stat; do "
                                  "    read -r pid name state ppid rest < \"$stat\" 2>/dev/null || continue; "
                                  "    [ \"$ppid\" = \"$parent\" ] && grep -q -- -child \"/proc/$pid/cmdline\" && "
                                  "      child=$pid; "
                                  "  done; "
                                  "  [ -n \"$child\" ] && break; sleep 0.05; "
                                  "done; "
                                  "echo \"child $child after $i\" >&2; "
                                  "tr '\\0' ' ' < /proc/$child/cmdline; wait",
                              dir.path());
  CHECK_MESSAGE(seen.out == "/proc/self/exe __fetch-child ", seen.err);
}

TEST_CASE("remote: an HTTP host's 404, 401, 403 and 500 are told apart")
{
  const TempDir cache;
  const std::string cache_dir = cache.path().string();
  const auto fetch = [&](int status) {
    const HttpStatusServer server(status);
    const std::string url = server.url_of("ada/churn.git");
    const auto run = run_mlfolio({"check", url, "--cache-dir", cache_dir, "--timeout", "20"});
    CHECK(run.exit_code == 4);
    CHECK(run.out.empty());
    return std::make_pair(url, run.err);
  };
  const auto [missing_url, missing] = fetch(404);
  CHECK(missing.starts_with("cannot fetch " + missing_url + ": no such repository ("));
  for (const int status : {401, 403}) {
    CAPTURE(status);
    const auto [url, refused] = fetch(status);
    CHECK(refused == "cannot fetch " + url +
                         ": the repository is private or does not exist: the server asks for credentials, and "
                         "mlfolio audits public repositories only (it never asks for a password).\n");
  }
  const auto [broken_url, broken] = fetch(500);
  CHECK(broken.starts_with("cannot fetch " + broken_url + ": "));
  CHECK(broken.find("500") != std::string::npos); // the server's own status, not a guess
  CHECK(cached_repositories(cache.path()).empty());
}

TEST_CASE("remote: owner/repo is GitHub shorthand only when no such folder exists")
{
  const TempDir dir;
  std::filesystem::create_directories(dir.path() / "ada" / "churn");
  write_text(dir.path() / "ada" / "churn" / "README.md", "# Local\n");
  const auto local = run_mlfolio({"check", "ada/churn", "--format", "json"}, dir.path());
  REQUIRE_MESSAGE(local.exit_code == 0, local.err);
  CHECK(Json::parse(local.out)["target"].get<std::string>().find("github.com") == std::string::npos);
}

TEST_CASE("remote: HTTPS checks the server's certificate against SSL_CERT_FILE, or the system's authorities")
{
  // A TLS server on 127.0.0.1 with a certificate of its own, answering 404 as a git host does for
  // a missing repository: getting that 404 means the certificate was checked and trusted.
  const TempDir dir;
  const int port = free_loopback_port();
  const auto made = run_shell("openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 2 "
                              "-subj /CN=127.0.0.1 2>&1",
                              dir.path());
  REQUIRE_MESSAGE(made.exit_code == 0, made.out);
  write_text(dir.path() / "server.py", R"(import http.server, ssl, sys
class NotFound(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()
    def log_message(self, *args):
        pass
server = http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), NotFound)
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain("cert.pem", "key.pem")
server.socket = context.wrap_socket(server.socket, server_side=True)
server.timeout = 5
while True:
    server.handle_request()
)");
  const std::string url = "https://127.0.0.1:" + std::to_string(port) + "/ada/churn.git";
  const std::string mlfolio = shell_quote(MLFOLIO_BINARY);
  const std::string check = mlfolio + " check " + url + " --cache-dir cache --timeout 20";
  // The server lives as long as this script, at most 60 s.
  const auto run = run_shell("timeout 60 /usr/bin/python3 server.py " + std::to_string(port) +
                                 " & server=$!; trap 'kill $server' EXIT; "
                                 "for i in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/" + std::to_string(port) +
                                 ") 2>/dev/null && break; sleep 0.05; done; "
                                 "SSL_CERT_FILE=cert.pem SSL_CERT_DIR= " + check + " 2>&1; echo \"exit $?\"; "
                                 "env -u SSL_CERT_FILE -u SSL_CERT_DIR " + check + " 2>&1; echo \"exit $?\"",
                             dir.path());
  const std::string trusted = "cannot fetch " + url + ": no such repository (unexpected http status code: 404). "
                              "Check the owner and the name.\nexit 4\n";
  REQUIRE_MESSAGE(run.out.starts_with(trusted), run.out);
  const std::string untrusted = run.out.substr(trusted.size());
  CHECK(untrusted.starts_with("cannot fetch " + url + ": the server's certificate is not trusted ("));
  CHECK(untrusted.find("point SSL_CERT_FILE at that authority's certificate.\nexit 4\n") != std::string::npos);
}
