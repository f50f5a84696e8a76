#include "git/index_file.h"

#include <algorithm>
#include <cstring>

namespace mlfolio::git {

namespace {

constexpr size_t k_header_bytes = 12;   // "DIRC", version, entry count
constexpr size_t k_checksum_bytes = 20; // the SHA-1 trailer
constexpr size_t k_fixed_bytes = 62;    // stat data (40), object id (20), flags (2)
constexpr uint16_t k_extended_flag = 0x4000;
constexpr uint16_t k_name_mask = 0x0fff;

// Reads big-endian numbers from the file, failing (ok() false) instead of reading past its end.
class Reader
{
public:
  Reader(const char* data, size_t size) : m_data(data), m_size(size) {}

  bool ok() const { return m_ok; }
  size_t at() const { return m_at; }
  size_t left() const { return m_ok ? m_size - m_at : 0; }
  const char* here() const { return m_data + m_at; }

  uint32_t u32()
  {
    unsigned char bytes[4] = {};
    take(bytes, 4);
    return (uint32_t{bytes[0]} << 24) | (uint32_t{bytes[1]} << 16) | (uint32_t{bytes[2]} << 8) |
           uint32_t{bytes[3]};
  }
  uint16_t u16()
  {
    unsigned char bytes[2] = {};
    take(bytes, 2);
    return static_cast<uint16_t>((bytes[0] << 8) | bytes[1]);
  }
  void take(void* out, size_t count)
  {
    if (!need(count)) {
      return;
    }
    std::memcpy(out, m_data + m_at, count);
    m_at += count;
  }
  void skip(size_t count)
  {
    if (need(count)) {
      m_at += count;
    }
  }
  // Version 4's path prefix length: git's variable-length number (7 bits a byte, each
  // continuation adding one before the shift).
  uint64_t varint()
  {
    unsigned char byte = 0;
    take(&byte, 1);
    uint64_t value = byte & 0x7f;
    while (m_ok && (byte & 0x80) != 0 && value < (uint64_t{1} << 56)) {
      take(&byte, 1);
      value = ((value + 1) << 7) | (byte & 0x7f);
    }
    return value;
  }
  // The bytes up to the next NUL, which is consumed.
  std::string_view until_nul()
  {
    if (!m_ok) {
      return {};
    }
    const void* nul = std::memchr(m_data + m_at, '\0', m_size - m_at);
    if (nul == nullptr) {
      m_ok = false;
      return {};
    }
    const std::string_view text(m_data + m_at,
                                static_cast<size_t>(static_cast<const char*>(nul) - (m_data + m_at)));
    m_at += text.size() + 1;
    return text;
  }

private:
  bool need(size_t count)
  {
    m_ok = m_ok && count <= m_size - m_at;
    return m_ok;
  }

  const char* m_data;
  size_t m_size;
  size_t m_at = 0;
  bool m_ok = true;
};

} // namespace

std::optional<IndexFile> IndexFile::parse(std::string bytes)
{
  if (bytes.size() < k_header_bytes + k_checksum_bytes) {
    return std::nullopt;
  }
  IndexFile index;
  index.m_bytes = std::make_unique<const std::string>(std::move(bytes)); // never moves again
  // The entries and extensions end where the checksum starts.
  Reader read(index.m_bytes->data(), index.m_bytes->size() - k_checksum_bytes);
  char signature[4] = {};
  read.take(signature, 4);
  const uint32_t version = read.u32();
  const uint32_t count = read.u32();
  if (!read.ok() || std::memcmp(signature, "DIRC", 4) != 0 || version < 2 || version > 4 ||
      count > read.left() / k_fixed_bytes) { // no entry is smaller
    return std::nullopt;
  }
  index.m_entries.reserve(count);
  if (version == 4) {
    index.m_paths.reserve(count); // never reallocated: entries point into its strings
  }
  std::string previous; // version 4: the path before, which the next one starts with
  for (uint32_t i = 0; i < count && read.ok(); ++i) {
    const size_t start = read.at();
    IndexEntry entry;
    entry.ctime_seconds = static_cast<int32_t>(read.u32());
    entry.ctime_nanoseconds = read.u32();
    entry.mtime_seconds = static_cast<int32_t>(read.u32());
    entry.mtime_nanoseconds = read.u32();
    read.skip(4); // dev
    entry.ino = read.u32();
    entry.mode = read.u32();
    read.skip(8); // uid, gid
    entry.file_size = read.u32();
    read.take(entry.id.bytes.data(), entry.id.bytes.size());
    const uint16_t flags = read.u16();
    entry.stage = static_cast<uint8_t>((flags >> 12) & 0x3);
    if ((flags & k_extended_flag) != 0) {
      if (version < 3) {
        return std::nullopt;
      }
      read.skip(2); // skip-worktree and intent-to-add: the entry is listed either way
    }
    if (version == 4) {
      const uint64_t strip = read.varint();
      const std::string_view rest = read.until_nul();
      if (!read.ok() || strip > previous.size()) {
        return std::nullopt;
      }
      previous.resize(previous.size() - static_cast<size_t>(strip));
      previous.append(rest);
      entry.path = index.m_paths.emplace_back(previous);
    } else {
      // The name's length is in the flags up to 0xffe; a longer one ends at its NUL. Then
      // NULs pad the entry to a multiple of 8 bytes, at least one.
      const size_t length = flags & k_name_mask;
      const std::string_view name = read.until_nul();
      if (!read.ok() || (length < k_name_mask && name.size() != length)) {
        return std::nullopt;
      }
      entry.path = name;
      const size_t fixed = k_fixed_bytes + ((flags & k_extended_flag) != 0 ? 2 : 0);
      const size_t padded = (fixed + name.size() + 8) & ~size_t{7};
      read.skip(start + padded - read.at());
    }
    if (!read.ok() || entry.path.empty()) {
      return std::nullopt;
    }
    index.m_entries.push_back(entry);
  }
  // Extensions: four letters and a size each. One git may skip starts with an upper-case letter.
  while (read.ok() && read.left() > 0) {
    char name[4] = {};
    read.take(name, 4);
    const uint32_t size = read.u32();
    if (!read.ok() || name[0] < 'A' || name[0] > 'Z') {
      return std::nullopt;
    }
    read.skip(size);
  }
  if (!read.ok()) {
    return std::nullopt;
  }
  return index;
}

} // namespace mlfolio::git
