#pragma once

// Reading many small files with few system calls. On this kind of machine a system call costs
// more than the work it does for a small file: open, fstat, read and close of one data file take
// about 7 µs, most of it entering and leaving the kernel. io_uring opens, reads and closes a
// whole batch of files in one call, which makes a scan of twenty thousand files two to three
// times cheaper.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace mlfolio::fs {

// One per thread: it owns an io_uring instance, which is not shared between threads.
class BatchReader
{
public:
  // With `use_io_uring` false, or where the kernel refuses io_uring (too old, disabled, or
  // filtered by a container's seccomp profile), available() is false and the caller reads the
  // files one by one as before.
  explicit BatchReader(bool use_io_uring = true);
  ~BatchReader();
  BatchReader(const BatchReader&) = delete;
  BatchReader& operator=(const BatchReader&) = delete;

  bool available() const { return m_ring != nullptr; }

  struct Request
  {
    std::string relative; // below the folder, '/'-separated
    uint64_t want = 0;    // bytes to ask for: read() never returns more
  };
  struct Outcome
  {
    int error = 0; // an errno of the open or the read; 0 when the bytes are there
    std::string_view bytes;
  };
  // The most requests read() takes at once.
  static constexpr size_t k_batch = 64;

  // Opens each file below `folder_fd` as openat2 with RESOLVE_BENEATH and RESOLVE_NO_SYMLINKS
  // (never outside the folder, never through a symbolic link), O_NOFOLLOW and O_NONBLOCK (a file
  // swapped for a pipe does not block), reads at most `want` bytes from its start, and closes it.
  // The outcomes are parallel to `requests`; their bytes stay valid until the next call.
  // Requires available() and at most k_batch requests.
  const std::vector<Outcome>& read(int folder_fd, std::span<const Request> requests);

private:
  struct Ring;
  std::unique_ptr<Ring> m_ring;
  std::unique_ptr<char[]> m_arena;
  size_t m_arena_size = 0;
  std::vector<Outcome> m_outcomes;
};

} // namespace mlfolio::fs
