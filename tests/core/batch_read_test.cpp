#include "core/batch_read.h"

#include "support/process.h"

#include <cerrno>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace mlfolio;

namespace {

// Whether this kernel offers io_uring to the process: the switch exists from Linux 6.6 on, and
// 0 means every process may use it.
bool io_uring_enabled()
{
  std::ifstream in("/proc/sys/kernel/io_uring_disabled");
  int disabled = -1;
  return in >> disabled && disabled == 0;
}

} // namespace

TEST_CASE("batch read: opens, reads and closes many files beneath a folder, never through a symlink")
{
  CHECK_FALSE(fs::BatchReader(false).available());
  fs::BatchReader reader;
  if (!io_uring_enabled()) {
    MESSAGE("io_uring is not offered by this kernel: the views read one file at a time");
    return;
  }
  REQUIRE(reader.available());
  const test::TempDir dir;
  const test::TempDir outside;
  test::write_text(dir.path() / "a.txt", "alpha\n");
  test::write_text(dir.path() / "sub/b.txt", "bravo bravo\n");
  test::write_text(dir.path() / "empty.txt", "");
  test::write_text(outside.path() / "secret.txt", "outside\n");
  std::filesystem::create_symlink(outside.path() / "secret.txt", dir.path() / "link.txt");
  std::filesystem::create_directory_symlink(outside.path(), dir.path() / "linked");
  REQUIRE(::mkfifo((dir.path() / "pipe").c_str(), 0600) == 0);
  const int folder = ::open(dir.path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  REQUIRE(folder >= 0);

  const std::vector<fs::BatchReader::Request> requests{
      {"a.txt", 100},
      {"sub/b.txt", 5},
      {"empty.txt", 1},
      {"missing.txt", 10},
      {"link.txt", 10},
      {"linked/secret.txt", 10},
      {"../" + outside.path().filename().string() + "/secret.txt", 10},
      {"pipe", 10}, // opened without blocking: no writer, no bytes
  };
  for (int round = 0; round < 3; ++round) { // the descriptor slots are reused
    CAPTURE(round);
    const auto& got = reader.read(folder, requests);
    REQUIRE(got.size() == requests.size());
    CHECK(got[0].error == 0);
    CHECK(got[0].bytes == "alpha\n");
    CHECK(got[1].bytes == "bravo");
    CHECK(got[2].error == 0);
    CHECK(got[2].bytes.empty());
    CHECK(got[3].error == ENOENT);
    CHECK(got[4].error == ELOOP);
    CHECK(got[5].error == ELOOP);
    CHECK(got[6].error == EXDEV);
    CHECK(got[7].bytes.empty());
  }
  ::close(folder);
}
