#include "cohort/targets.h"

#include "core/fs.h"
#include "core/text.h"
#include "git/remote.h"

#include <charconv>
#include <map>

namespace mlfolio::cohort {

namespace {

// Why `target` cannot be one, or empty when it can.
std::string problem_with(std::string_view target)
{
  if (target.starts_with('-')) {
    return "'" + std::string(target) +
           "' looks like an option; options go on the command line, not in the list.";
  }
  if (target.find("://") != std::string_view::npos && !git::parse_remote(target, false)) {
    return "'" + std::string(target) +
           "' is not a supported URL; use https://, http://, git://, ssh:// or file://, or a local path.";
  }
  return {};
}

} // namespace

Result<std::vector<std::string>> parse_target_list(std::string_view text, std::string_view file_name)
{
  std::vector<std::string> targets;
  size_t line_number = 0;
  for (const auto line : text::split_lines(text)) {
    ++line_number;
    const std::string_view target = text::trim(line);
    if (target.empty() || target.starts_with('#')) {
      continue;
    }
    if (const std::string problem = problem_with(target); !problem.empty()) {
      return usage_error(std::string(file_name) + ":" + std::to_string(line_number) + ": " + problem);
    }
    targets.emplace_back(target);
  }
  if (targets.empty()) {
    return usage_error(std::string(file_name) + ": no targets (one local path or URL per line).");
  }
  return targets;
}

Result<std::vector<std::string>> read_target_list(const std::filesystem::path& file)
{
  auto text = fs::read_file(file);
  if (!text) {
    return usage_error("mlfolio check: cannot read the target list: " + text.error().message);
  }
  return parse_target_list(*text, file.string());
}

Result<void> check_unique(const std::vector<std::string>& targets)
{
  std::map<std::string_view, size_t> seen;
  for (size_t i = 0; i < targets.size(); ++i) {
    const auto [where, inserted] = seen.emplace(targets[i], i);
    if (!inserted) {
      return usage_error("mlfolio check: the target '" + git::redact_url(targets[i]) +
                         "' is given twice (targets " + std::to_string(where->second + 1) + " and " +
                         std::to_string(i + 1) + ").");
    }
  }
  return {};
}

Result<Shard> parse_shard(std::string_view text)
{
  const auto bad = [&] {
    return usage_error("mlfolio check: --shard takes K/N with 1 <= K <= N (e.g. 2/4), got '" +
                       std::string(text) + "'.");
  };
  const size_t slash = text.find('/');
  if (slash == std::string_view::npos) {
    return bad();
  }
  Shard shard;
  const std::string_view number = text.substr(0, slash);
  const std::string_view count = text.substr(slash + 1);
  const auto [number_end, number_error] =
      std::from_chars(number.data(), number.data() + number.size(), shard.number);
  const auto [count_end, count_error] =
      std::from_chars(count.data(), count.data() + count.size(), shard.count);
  if (number.empty() || count.empty() || number_error != std::errc() || count_error != std::errc() ||
      number_end != number.data() + number.size() || count_end != count.data() + count.size() ||
      shard.number < 1 || shard.number > shard.count || shard.count > 100000) {
    return bad();
  }
  return shard;
}

Range shard_range(const Shard& shard, size_t total)
{
  return {(shard.number - 1) * total / shard.count, shard.number * total / shard.count};
}

} // namespace mlfolio::cohort
