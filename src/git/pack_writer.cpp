#include "git/pack_writer.h"

#include "core/fs.h"

#include <algorithm>
#include <cstdint>
#include <mbedtls/sha1.h>
#include <numeric>
#include <vector>
#include <zlib.h>

namespace mlfolio::git {

namespace {

using Sha1 = std::array<unsigned char, 20>;

Sha1 sha1_of(std::string_view bytes)
{
  Sha1 digest{};
  mbedtls_sha1_ret(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), digest.data());
  return digest;
}

void append_u32(std::string& out, uint32_t value)
{
  for (int shift = 24; shift >= 0; shift -= 8) {
    out.push_back(static_cast<char>((value >> shift) & 0xff));
  }
}

void append_bytes(std::string& out, const Sha1& bytes)
{
  out.append(reinterpret_cast<const char*>(bytes.data()), bytes.size());
}

// An entry's header: the type in bits 4-6 of the first byte, the size in its low 4 bits and
// then 7 bits per byte, least significant first, the top bit saying that another byte follows.
void append_entry_header(std::string& out, PackObjectType type, uint64_t size)
{
  auto byte = static_cast<unsigned char>((static_cast<unsigned>(type) << 4) | (size & 0x0f));
  size >>= 4;
  while (size != 0) {
    out.push_back(static_cast<char>(byte | 0x80));
    byte = static_cast<unsigned char>(size & 0x7f);
    size >>= 7;
  }
  out.push_back(static_cast<char>(byte));
}

// One zlib stream for all objects, reset between them: setting one up allocates a quarter of a
// megabyte, which for a hundred small objects cost more than compressing them.
class Deflater
{
public:
  Deflater() { m_ready = deflateInit(&m_stream, Z_BEST_SPEED) == Z_OK; }
  ~Deflater()
  {
    if (m_ready) {
      deflateEnd(&m_stream);
    }
  }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  Result<void> append(std::string& out, std::string_view data)
  {
    if (!m_ready || deflateReset(&m_stream) != Z_OK) {
      return runtime_error("cannot compress an object for the pack file (zlib could not start)");
    }
    const size_t start = out.size();
    out.resize(start + deflateBound(&m_stream, data.size()));
    m_stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    m_stream.avail_in = static_cast<uInt>(data.size());
    m_stream.next_out = reinterpret_cast<Bytef*>(out.data() + start);
    m_stream.avail_out = static_cast<uInt>(out.size() - start);
    const int code = deflate(&m_stream, Z_FINISH);
    if (code != Z_STREAM_END) {
      return runtime_error("cannot compress an object for the pack file (zlib error " + std::to_string(code) + ")");
    }
    out.resize(start + m_stream.total_out);
    return {};
  }

private:
  z_stream m_stream{};
  bool m_ready = false;
};

struct Placed
{
  const PackObject* object;
  uint32_t offset; // below 2 GiB: write_pack refuses larger packs
  uint32_t crc;
};

std::string index_of(std::vector<Placed> placed, const Sha1& pack_checksum)
{
  std::sort(placed.begin(), placed.end(),
            [](const Placed& left, const Placed& right) { return left.object->id < right.object->id; });
  std::string idx = "\377tOc";
  append_u32(idx, 2);
  std::array<uint32_t, 256> fanout{};
  for (const Placed& entry : placed) {
    ++fanout[entry.object->id.bytes[0]];
  }
  std::partial_sum(fanout.begin(), fanout.end(), fanout.begin());
  for (const uint32_t count : fanout) {
    append_u32(idx, count);
  }
  for (const Placed& entry : placed) {
    append_bytes(idx, entry.object->id.bytes);
  }
  for (const Placed& entry : placed) {
    append_u32(idx, entry.crc);
  }
  for (const Placed& entry : placed) {
    append_u32(idx, entry.offset);
  }
  append_bytes(idx, pack_checksum);
  append_bytes(idx, sha1_of(idx));
  return idx;
}

} // namespace

Result<std::string> write_pack(const std::filesystem::path& pack_dir, std::span<const PackObject> objects)
{
  std::string pack = "PACK";
  append_u32(pack, 2);
  append_u32(pack, static_cast<uint32_t>(objects.size()));
  std::vector<Placed> placed;
  placed.reserve(objects.size());
  Deflater deflater;
  for (const PackObject& object : objects) {
    const size_t offset = pack.size();
    if (offset + object.data.size() >= 0x80000000U) {
      return runtime_error("cannot write a first commit of more than 2 GiB in one pack file");
    }
    append_entry_header(pack, object.type, object.data.size());
    TRY(deflater.append(pack, object.data));
    const auto crc = crc32_z(0L, reinterpret_cast<const Bytef*>(pack.data() + offset), pack.size() - offset);
    placed.push_back({&object, static_cast<uint32_t>(offset), static_cast<uint32_t>(crc)});
  }
  const Sha1 checksum = sha1_of(pack);
  append_bytes(pack, checksum);

  const ObjectId name{checksum};
  const std::string base = "pack-" + name.hex();
  TRY(fs::write_new_file(pack_dir / (base + ".pack"), pack));
  TRY(fs::write_new_file(pack_dir / (base + ".idx"), index_of(std::move(placed), checksum)));
  return name.hex();
}

} // namespace mlfolio::git
