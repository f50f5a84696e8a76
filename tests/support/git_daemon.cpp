#include "support/git_daemon.h"

#include <arpa/inet.h>
#include <chrono>
#include <csignal>
#include <netinet/in.h>
#include <stdexcept>
#include <poll.h>
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

HttpStatusServer::HttpStatusServer(int status) : m_status(status)
{
  m_fd = bound_socket(m_port);
  ::listen(m_fd, 16);
  m_thread = std::thread([this] { serve(); });
}

HttpStatusServer::~HttpStatusServer()
{
  m_stop = true;
  m_thread.join();
  ::close(m_fd);
}

std::string HttpStatusServer::url_of(const std::string& path) const
{
  return "http://127.0.0.1:" + std::to_string(m_port) + "/" + path;
}

void HttpStatusServer::serve() const
{
  const std::string reason = m_status == 401 ? "Unauthorized" : m_status == 403 ? "Forbidden"
                             : m_status == 404 ? "Not Found" : "Internal Server Error";
  const std::string body = reason + "\n";
  std::string response = "HTTP/1.1 " + std::to_string(m_status) + " " + reason + "\r\n";
  if (m_status == 401) {
    response += "WWW-Authenticate: Basic realm=\"git\"\r\n";
  }
  response += "Content-Type: text/plain\r\nContent-Length: " + std::to_string(body.size()) +
              "\r\nConnection: close\r\n\r\n" + body;
  while (!m_stop) {
    pollfd waiting{m_fd, POLLIN, 0};
    if (::poll(&waiting, 1, 50) <= 0) {
      continue;
    }
    const int client = ::accept4(m_fd, nullptr, nullptr, SOCK_CLOEXEC);
    if (client < 0) {
      continue;
    }
    // Read the request up to the blank line that ends its headers (bounded in time), then answer.
    std::string request;
    char buffer[4096];
    pollfd readable{client, POLLIN, 0};
    while (request.find("\r\n\r\n") == std::string::npos && ::poll(&readable, 1, 2000) > 0) {
      const ssize_t got = ::read(client, buffer, sizeof buffer);
      if (got <= 0) {
        break;
      }
      request.append(buffer, static_cast<size_t>(got));
    }
    [[maybe_unused]] const ssize_t sent = ::write(client, response.data(), response.size());
    ::close(client);
  }
}

} // namespace mlfolio::test
