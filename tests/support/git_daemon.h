#pragma once

// A real `git daemon` on 127.0.0.1 serving one repository folder, for the remote tests. It is
// stopped (and waited for) when the object goes, whatever the test did.

#include <filesystem>
#include <string>
#include <sys/types.h>

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

} // namespace mlfolio::test
