#include "core/batch_read.h"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <liburing.h>
#include <linux/openat2.h>

namespace mlfolio::fs {

namespace {

// What a completion is for: its request's index times 4 plus the step.
enum Step : uint64_t { open_step = 0, read_step = 1, close_step = 2 };

uint64_t tag(size_t index, Step step)
{
  return static_cast<uint64_t>(index) * 4 + step;
}

} // namespace

struct BatchReader::Ring
{
  io_uring ring{};
};

BatchReader::BatchReader(bool use_io_uring)
{
  if (!use_io_uring) {
    return;
  }
  auto ring = std::make_unique<Ring>();
  // Three steps per file. The flags (Linux 6.1) let completions run only when this thread waits
  // for them; older kernels refuse them, and get a plain ring.
  constexpr unsigned k_entries = 4 * k_batch;
  io_uring_params params{};
  params.flags = IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_DEFER_TASKRUN;
  int code = io_uring_queue_init_params(k_entries, &ring->ring, &params);
  if (code == -EINVAL) {
    params = io_uring_params{};
    code = io_uring_queue_init_params(k_entries, &ring->ring, &params);
  }
  if (code < 0) {
    return; // no io_uring here: read one by one
  }
  // A table of direct descriptors (Linux 5.19): the files never get a number in the process's
  // descriptor table, which costs a lock per open and close.
  if (io_uring_register_files_sparse(&ring->ring, k_batch) < 0) {
    io_uring_queue_exit(&ring->ring);
    return;
  }
  m_ring = std::move(ring);
}

BatchReader::~BatchReader()
{
  if (m_ring) {
    io_uring_queue_exit(&m_ring->ring);
  }
}

const std::vector<BatchReader::Outcome>& BatchReader::read(int folder_fd, std::span<const Request> requests)
{
  const size_t count = std::min(requests.size(), k_batch);
  m_outcomes.clear();
  if (count == 0) {
    return m_outcomes;
  }
  size_t total = 0;
  for (size_t i = 0; i < count; ++i) {
    total += static_cast<size_t>(requests[i].want);
  }
  if (total > m_arena_size) {
    m_arena = std::make_unique_for_overwrite<char[]>(total);
    m_arena_size = total;
  }
  m_outcomes.assign(count, Outcome{});
  io_uring* ring = &m_ring->ring;
  open_how how{};
  how.flags = O_RDONLY | O_NOFOLLOW | O_NONBLOCK; // a direct descriptor takes no O_CLOEXEC: it has no number
  how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
  char* at = m_arena.get();
  for (size_t i = 0; i < count; ++i) {
    const auto slot = static_cast<unsigned>(i);
    // open -> read -> close, linked: a failed open cancels the rest; the close follows the
    // read whether it failed, was short or not (a hard link).
    io_uring_sqe* sqe = io_uring_get_sqe(ring);
    io_uring_prep_openat2_direct(sqe, folder_fd, requests[i].relative.c_str(), &how, slot);
    sqe->flags |= IOSQE_IO_LINK;
    io_uring_sqe_set_data64(sqe, tag(i, open_step));
    sqe = io_uring_get_sqe(ring);
    io_uring_prep_read(sqe, static_cast<int>(slot), at, static_cast<unsigned>(requests[i].want), 0);
    sqe->flags |= IOSQE_FIXED_FILE | IOSQE_IO_HARDLINK;
    io_uring_sqe_set_data64(sqe, tag(i, read_step));
    sqe = io_uring_get_sqe(ring);
    io_uring_prep_close_direct(sqe, slot);
    io_uring_sqe_set_data64(sqe, tag(i, close_step));
    m_outcomes[i].bytes = std::string_view(at, 0);
    at += requests[i].want;
  }
  const auto expected = static_cast<unsigned>(3 * count);
  int code = io_uring_submit_and_wait(ring, expected);
  while (code == -EINTR) {
    code = io_uring_submit_and_wait(ring, expected);
  }
  unsigned seen = 0;
  while (seen < expected) {
    io_uring_cqe* cqe = nullptr;
    code = io_uring_wait_cqe(ring, &cqe);
    if (code == -EINTR) {
      continue;
    }
    if (code < 0) {
      // The ring broke: every request not yet answered reports it, and is read the slow way.
      for (auto& outcome : m_outcomes) {
        outcome.error = outcome.error == 0 && outcome.bytes.empty() ? -code : outcome.error;
      }
      io_uring_queue_exit(ring); // never used again: later batches are read one file at a time
      m_ring.reset();
      break;
    }
    const uint64_t data = io_uring_cqe_get_data64(cqe);
    const int result = cqe->res;
    io_uring_cqe_seen(ring, cqe);
    ++seen;
    Outcome& outcome = m_outcomes[static_cast<size_t>(data / 4)];
    const auto step = static_cast<Step>(data % 4);
    if (step == open_step && result < 0) {
      outcome.error = -result;
    } else if (step == read_step && outcome.error == 0) {
      if (result < 0) {
        outcome.error = -result;
      } else {
        outcome.bytes = std::string_view(outcome.bytes.data(), static_cast<size_t>(result));
      }
    }
  }
  return m_outcomes;
}

} // namespace mlfolio::fs
