#pragma once

// The target list of a cohort: positionals and `--targets FILE`, and `--shard K/N` slices of it.

#include "core/result.h"

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::cohort {

// One local path or URL per line; surrounding blanks, blank lines and lines starting with '#'
// are ignored. A line that cannot be a target (an unsupported URL scheme, an option) is a usage
// error naming `file_name:line`.
Result<std::vector<std::string>> parse_target_list(std::string_view text, std::string_view file_name);
Result<std::vector<std::string>> read_target_list(const std::filesystem::path& file);

// A target listed twice would give two rows nobody can tell apart: a usage error naming both.
Result<void> check_unique(const std::vector<std::string>& targets);

struct Shard
{
  size_t number = 1; // K, from 1
  size_t count = 1;  // N
};

// "K/N" with 1 <= K <= N.
Result<Shard> parse_shard(std::string_view text);

// Shard K of N takes the positions [floor((K-1)*total/N), floor(K*total/N)) of the list: the
// same list cut the same way on every runner, contiguous, sizes differing by at most one.
struct Range
{
  size_t begin = 0;
  size_t end = 0;
};
Range shard_range(const Shard& shard, size_t total);

} // namespace mlfolio::cohort
