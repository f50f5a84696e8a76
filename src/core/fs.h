#pragma once

#include "core/result.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace mlfolio::fs {

namespace stdfs = std::filesystem;

Result<std::string> read_file(const stdfs::path& path);

// Writes `data` to a temporary file in the same folder, then renames it over `path`,
// so a reader never sees a half-written file.
Result<void> write_file_atomic(const stdfs::path& path, std::string_view data, bool executable = false);

// A new file (it must not exist) with `data`: for files inside a private staging folder, which
// becomes visible all at once by a rename, so each file needs no rename and no fsync of its own.
Result<void> write_new_file(const stdfs::path& path, std::string_view data, bool executable = false);

// Flushes the file system that holds `folder` to disk (syncfs): once, before a staging folder is
// renamed into place.
Result<void> sync_file_system(const stdfs::path& folder);

// A fresh private folder below `parent` named "<prefix>XXXXXX".
Result<stdfs::path> make_temp_dir(const stdfs::path& parent, std::string_view prefix);

// Removes a folder tree; errors are ignored (used to clean up after failures).
void remove_tree_quietly(const stdfs::path& path) noexcept;

std::string describe_errno(int error_number);

} // namespace mlfolio::fs
