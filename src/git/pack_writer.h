#pragma once

#include "core/result.h"
#include "git/object_id.h"

#include <filesystem>
#include <span>
#include <string>
#include <string_view>

namespace mlfolio::git {

enum class PackObjectType { commit = 1, tree = 2, blob = 3, tag = 4 };

// One object of a pack: its id (the SHA-1 of its canonical form, as git computes it) and its
// content without the "type size\0" header.
struct PackObject
{
  PackObjectType type = PackObjectType::blob;
  ObjectId id;
  std::string_view data;
};

// Writes `objects` as one pack file and its version-2 index into `pack_dir` (a repository's
// objects/pack), as pack-<checksum>.pack and .idx, and returns the checksum in hex. The objects
// are stored whole (no deltas) and deflated at zlib's fastest level: for the few hundred
// kilobytes of a first commit, a delta search and a thorough deflate cost more time than the
// bytes they save. The .idx is written last, since git only looks at a pack that has one.
// A pack that would reach 2 GiB is refused (the index then needs 64-bit offsets).
Result<std::string> write_pack(const std::filesystem::path& pack_dir, std::span<const PackObject> objects);

} // namespace mlfolio::git
