#pragma once

// A real `git daemon` on 127.0.0.1 serving one repository folder, for the remote tests. It is
// stopped (and waited for) when the object goes, whatever the test did.

#include <atomic>
#include <filesystem>
#include <string>
#include <sys/types.h>
#include <thread>

namespace mlfolio::test {

// A free TCP port on 127.0.0.1 (bound, read, released).
int free_loopback_port();

class GitDaemon
{
public:
  // Serves `repository` (a bare repository folder) as git://127.0.0.1:PORT/<its folder name>.
  explicit GitDaemon(const std::filesystem::path& repository);
  ~GitDaemon();
  GitDaemon(const GitDaemon&) = delete;
  GitDaemon& operator=(const GitDaemon&) = delete;

  int port() const { return m_port; }
  std::string url_of(const std::string& name) const; // git://127.0.0.1:PORT/name
  std::string url() const { return url_of(m_name); }

private:
  pid_t m_pid = -1;
  int m_port = 0;
  std::string m_name;
};

// A listening socket on 127.0.0.1 that never accepts: connections hang, as with a dead server.
class SilentServer
{
public:
  SilentServer();
  ~SilentServer();
  SilentServer(const SilentServer&) = delete;
  SilentServer& operator=(const SilentServer&) = delete;
  int port() const { return m_port; }

private:
  int m_fd = -1;
  int m_port = 0;
};

// An HTTP server on 127.0.0.1 that answers every request with one status (404, 401, 500 ...),
// as a git host does for a missing or private repository. Served from a thread of the test
// until the object goes.
class HttpStatusServer
{
public:
  explicit HttpStatusServer(int status);
  ~HttpStatusServer();
  HttpStatusServer(const HttpStatusServer&) = delete;
  HttpStatusServer& operator=(const HttpStatusServer&) = delete;
  std::string url_of(const std::string& path) const; // http://127.0.0.1:PORT/path

private:
  void serve() const;

  int m_status;
  int m_fd = -1;
  int m_port = 0;
  std::atomic<bool> m_stop = false;
  std::thread m_thread;
};

} // namespace mlfolio::test
