// fs::write_file_atomic on what --output and --report may name: files, symlinks, pipes and
// devices such as /dev/null, which a rename would replace.
#include "core/fs.h"

#include "support/process.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <filesystem>
#include <future>
#include <poll.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace mlfolio;
using namespace mlfolio::test;
namespace stdfs = std::filesystem;

TEST_CASE("write_file_atomic: a pipe is written in place and stays a pipe")
{
  const TempDir dir;
  const stdfs::path pipe = dir.path() / "report.fifo";
  REQUIRE(::mkfifo(pipe.c_str(), 0600) == 0);
  const std::string expected = "score 87\n";
  // Opened read-write, the pipe never blocks its reader; reading stops at the expected length
  // or after 10 s, so a rename over the pipe fails the test instead of hanging it.
  auto reader = std::async(std::launch::async, [&] {
    const int fd = ::open(pipe.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
    std::string got;
    char buffer[256];
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (fd >= 0 && got.size() < expected.size() && std::chrono::steady_clock::now() < deadline) {
      pollfd readable{fd, POLLIN, 0};
      if (::poll(&readable, 1, 100) > 0) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        got.append(buffer, static_cast<size_t>(std::max<ssize_t>(n, 0)));
      }
    }
    ::close(fd);
    return got;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50)); // the reader holds the pipe open
  const auto written = fs::write_file_atomic(pipe, expected);
  CHECK_MESSAGE(written.has_value(), (written ? "" : written.error().message));
  CHECK(reader.get() == expected);
  CHECK(stdfs::is_fifo(pipe));
  CHECK(std::distance(stdfs::directory_iterator(dir.path()), stdfs::directory_iterator()) == 1); // no temp left
}

TEST_CASE("write_file_atomic: a symlink is written through and stays a link, a folder is refused")
{
  const TempDir dir;
  write_text(dir.path() / "reports" / "latest.json", "old\n");
  stdfs::create_symlink("reports/latest.json", dir.path() / "latest.json");
  REQUIRE(fs::write_file_atomic(dir.path() / "latest.json", "new\n").has_value());
  CHECK(stdfs::is_symlink(dir.path() / "latest.json"));
  CHECK(read_text(dir.path() / "reports" / "latest.json") == "new\n");

  const auto refused = fs::write_file_atomic(dir.path() / "reports", "x");
  REQUIRE_FALSE(refused.has_value());
  CHECK(refused.error().message == "cannot write " + (dir.path() / "reports").string() + ": it is a folder. Name a file.");
  CHECK(read_text(dir.path() / "reports" / "latest.json") == "new\n");
}

TEST_CASE("read_file: whole files of any size, pipes to their end, folders and missing files refused")
{
  const TempDir dir;
  std::string large;
  for (int i = 0; large.size() < 300 * 1024; ++i) {
    large += "line " + std::to_string(i) + "\n";
  }
  large += std::string("\0binary\0", 8);
  write_text(dir.path() / "large.txt", large);
  const auto read = fs::read_file(dir.path() / "large.txt");
  REQUIRE(read.has_value());
  CHECK(*read == large);
  write_text(dir.path() / "empty.txt", "");
  CHECK(fs::read_file(dir.path() / "empty.txt") == std::string());

  // A pipe has no size: read until its writer closes it, more than one buffer's worth.
  const stdfs::path pipe = dir.path() / "targets.fifo";
  REQUIRE(::mkfifo(pipe.c_str(), 0600) == 0);
  auto writer = std::async(std::launch::async, [&] {
    const int fd = ::open(pipe.c_str(), O_WRONLY | O_CLOEXEC);
    for (size_t at = 0; fd >= 0 && at < large.size();) {
      const ssize_t n = ::write(fd, large.data() + at, std::min<size_t>(4096, large.size() - at));
      at += static_cast<size_t>(std::max<ssize_t>(n, 0));
    }
    ::close(fd);
  });
  const auto piped = fs::read_file(pipe);
  writer.get();
  REQUIRE(piped.has_value());
  CHECK(*piped == large);

  const auto folder = fs::read_file(dir.path());
  REQUIRE_FALSE(folder.has_value());
  CHECK(folder.error().message == "cannot read " + dir.path().string() + ": Is a directory");
  const auto missing = fs::read_file(dir.path() / "missing.txt");
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().message.ends_with("missing.txt: No such file or directory"));
}
