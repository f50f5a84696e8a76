#include "support/git_daemon.h"

#include <arpa/inet.h>
#include <chrono>
#include <csignal>
#include <netinet/in.h>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace mlfolio::test {

namespace {

sockaddr_in loopback(int port)
{
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return address;
}

int bound_socket(int& port)
{
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address = loopback(0);
  socklen_t length = sizeof address;
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    throw std::runtime_error("cannot bind a socket on 127.0.0.1");
  }
  port = ntohs(address.sin_port);
  return fd;
}

bool accepts_connections(int port)
{
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  const sockaddr_in address = loopback(port);
  const bool connected = ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return connected;
}

} // namespace

int free_loopback_port()
{
  int port = 0;
  ::close(bound_socket(port));
  return port;
}

GitDaemon::GitDaemon(const std::filesystem::path& repository)
    : m_port(free_loopback_port()), m_name(repository.filename().string())
{
  const std::string base = "--base-path=" + repository.parent_path().string();
  const std::string port = "--port=" + std::to_string(m_port);
  const std::string allowed = repository.string();
  m_pid = ::fork();
  if (m_pid == 0) {
    ::execlp("git", "git", "daemon", "--listen=127.0.0.1", port.c_str(), base.c_str(), "--export-all",
             "--informative-errors", "--reuseaddr", allowed.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  if (m_pid < 0) {
    throw std::runtime_error("cannot start git daemon");
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!accepts_connections(m_port)) {
    int status = 0;
    if (::waitpid(m_pid, &status, WNOHANG) == m_pid || std::chrono::steady_clock::now() > deadline) {
      m_pid = -1;
      throw std::runtime_error("git daemon did not start on 127.0.0.1:" + std::to_string(m_port));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

GitDaemon::~GitDaemon()
{
  if (m_pid > 0) {
    ::kill(m_pid, SIGTERM);
    int status = 0;
    ::waitpid(m_pid, &status, 0);
  }
}

std::string GitDaemon::url_of(const std::string& name) const
{
  return "git://127.0.0.1:" + std::to_string(m_port) + "/" + name;
}

SilentServer::SilentServer()
{
  m_fd = bound_socket(m_port);
  ::listen(m_fd, 16);
}

SilentServer::~SilentServer()
{
  ::close(m_fd);
}

} // namespace mlfolio::test
