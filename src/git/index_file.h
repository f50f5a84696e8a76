#pragma once

// The entries of a git index file, read without libgit2. libgit2 reads an index by hashing all
// of it (SHA-1 with collision detection), allocating every entry and putting it in a hash map:
// 107M instructions for the 20,000 files of the benchmark repository, on the thread that then
// lists the working tree. Listing needs only each entry's path, blob id, mode and stat data.

#include "git/object_id.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::git {

// One entry: a path at one merge stage, with what git recorded when it was staged.
struct IndexEntry
{
  std::string_view path; // '/'-separated, as git stores it; valid as long as its IndexFile
  ObjectId id;
  uint32_t mode = 0; // 0100644, 0100755, 0120000 (symlink) or 0160000 (gitlink)
  uint32_t file_size = 0;
  uint32_t ino = 0;
  int32_t ctime_seconds = 0;
  uint32_t ctime_nanoseconds = 0;
  int32_t mtime_seconds = 0;
  uint32_t mtime_nanoseconds = 0;
  uint8_t stage = 0; // 0, or 1 to 3 for a conflict
};

class IndexFile
{
public:
  // Parses the bytes of an index file of version 2, 3 or 4 (see git's gitformat-index). Returns
  // nullopt for anything else: another signature or version, an entry cut short, or a mandatory
  // extension (one whose signature starts with a lower-case letter: a split index's "link", a
  // sparse index's "sdir") whose entries are not all in this file. The trailing checksum is not
  // verified: git writes it to detect a torn write, and an index being rewritten is replaced by
  // a rename, never changed in place.
  static std::optional<IndexFile> parse(std::string bytes);

  const std::vector<IndexEntry>& entries() const { return m_entries; }

private:
  std::unique_ptr<const std::string> m_bytes; // the file; paths of versions 2 and 3 point into it
  std::vector<std::string> m_paths;           // version 4's paths, put back together from their prefixes
  std::vector<IndexEntry> m_entries;
};

} // namespace mlfolio::git
