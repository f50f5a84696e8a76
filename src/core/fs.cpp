#include "core/fs.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mlfolio::fs {

std::string describe_errno(int error_number)
{
  return std::strerror(error_number);
}

Result<std::string> read_file(const stdfs::path& path)
{
  // With read() in as few calls as the size fstat gives (a pipe or /dev/stdin has none, and is
  // read to its end): a stream's character iterator took 4 ms for a 2 MB git index.
  const auto failed = [&](int error_number) {
    return runtime_error("cannot read " + path.string() + ": " + describe_errno(error_number));
  };
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return failed(errno);
  }
  struct stat info = {};
  std::string content;
  if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode)) {
    content.reserve(static_cast<size_t>(info.st_size));
  }
  for (;;) {
    // Into the room fstat's size made, then (the end, or more than fstat said) a buffer.
    ssize_t got = 0;
    if (const size_t old_size = content.size(); old_size < content.capacity()) {
      content.resize(content.capacity());
      got = ::read(fd, content.data() + old_size, content.size() - old_size);
      content.resize(old_size + static_cast<size_t>(std::max<ssize_t>(got, 0)));
    } else {
      char buffer[1 << 16];
      got = ::read(fd, buffer, sizeof buffer);
      content.append(buffer, static_cast<size_t>(std::max<ssize_t>(got, 0)));
    }
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got < 0) {
      const int error_number = errno;
      ::close(fd);
      return failed(error_number);
    }
    if (got == 0) {
      break;
    }
  }
  ::close(fd);
  return content;
}

namespace {

Result<void> write_all_to(int fd, const stdfs::path& path, std::string_view data)
{
  size_t written = 0;
  while (written < data.size()) {
    const ssize_t n = ::write(fd, data.data() + written, data.size() - written);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      return runtime_error("cannot write " + path.string() + ": " + describe_errno(errno));
    }
    written += static_cast<size_t>(n);
  }
  return {};
}

// A terminal, /dev/null or a pipe: written in place, since renaming over it would replace it.
Result<void> write_special_file(const stdfs::path& path, std::string_view data)
{
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) {
    return runtime_error("cannot write " + path.string() + ": " + describe_errno(errno));
  }
  auto written = write_all_to(fd, path, data);
  ::close(fd);
  return written;
}

} // namespace

Result<void> write_file_atomic(const stdfs::path& given, std::string_view data, bool executable)
{
  stdfs::path path = given;
  struct stat info = {};
  if (::stat(given.c_str(), &info) == 0) {
    if (S_ISDIR(info.st_mode)) {
      return runtime_error("cannot write " + given.string() + ": it is a folder. Name a file.");
    }
    if (!S_ISREG(info.st_mode)) {
      return write_special_file(given, data);
    }
    // A symlink to a file is written through: the file it names is replaced, the link stays.
    std::error_code error;
    if (stdfs::is_symlink(given, error)) {
      path = stdfs::canonical(given, error);
      if (error) {
        return runtime_error("cannot write " + given.string() + ": " + error.message());
      }
    }
  }
  const stdfs::path folder = path.parent_path().empty() ? stdfs::path(".") : path.parent_path();
  std::string temp = (folder / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = mkstemp(temp.data());
  if (fd < 0) {
    return runtime_error("cannot write " + path.string() + ": " + describe_errno(errno));
  }
  const auto fail = [&](int error_number) {
    ::close(fd);
    ::unlink(temp.c_str());
    return runtime_error("cannot write " + path.string() + ": " + describe_errno(error_number));
  };
  if (auto written = write_all_to(fd, path, data); !written) {
    ::close(fd);
    ::unlink(temp.c_str());
    return written;
  }
  if (::fchmod(fd, executable ? 0755 : 0644) != 0 || ::fsync(fd) != 0) {
    return fail(errno);
  }
  if (::close(fd) != 0) {
    ::unlink(temp.c_str());
    return runtime_error("cannot write " + path.string() + ": " + describe_errno(errno));
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int error_number = errno;
    ::unlink(temp.c_str());
    return runtime_error("cannot write " + path.string() + ": " + describe_errno(error_number));
  }
  return {};
}

Result<void> write_new_file(const stdfs::path& path, std::string_view data, bool executable)
{
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, executable ? 0755 : 0644);
  if (fd < 0) {
    return runtime_error("cannot write " + path.string() + ": " + describe_errno(errno));
  }
  if (auto written = write_all_to(fd, path, data); !written) {
    ::close(fd);
    return written;
  }
  // The umask may have taken bits away: the project's files get exactly these.
  if (::fchmod(fd, executable ? 0755 : 0644) != 0 || ::close(fd) != 0) {
    return runtime_error("cannot write " + path.string() + ": " + describe_errno(errno));
  }
  return {};
}

Result<void> sync_file_system(const stdfs::path& folder)
{
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0 || ::syncfs(fd) != 0) {
    const int error_number = errno;
    if (fd >= 0) {
      ::close(fd);
    }
    return runtime_error("cannot write " + folder.string() + " to disk: " + describe_errno(error_number));
  }
  ::close(fd);
  return {};
}

Result<stdfs::path> make_temp_dir(const stdfs::path& parent, std::string_view prefix)
{
  std::string pattern = (parent / (std::string(prefix) + "XXXXXX")).string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    return runtime_error("cannot create a folder in " + parent.string() + ": " + describe_errno(errno));
  }
  return stdfs::path(pattern);
}

void remove_tree_quietly(const stdfs::path& path) noexcept
{
  std::error_code ignored;
  stdfs::remove_all(path, ignored);
}

} // namespace mlfolio::fs
