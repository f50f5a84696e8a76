// content-absent: fails for every line of a matching file where one of the patterns occurs.
#include "lint/kinds/common.h"
#include "lint/kinds/kind.h"

#include <algorithm>
#include <tuple>

namespace mlfolio::lint::kinds {

namespace {

const ParamSpec k_params[] = {
    {"looking_for", ParamType::text, true, "what the patterns find, for messages: \"credentials\""},
    {"globs", ParamType::list, true, "the files to search, e.g. [\"*\"] for every text file"},
    {"where", ParamType::text, false,
     "anywhere (default): globs may start in any folder; root: at the project root", "root|anywhere"},
    {"patterns", ParamType::table, true, "name -> regular expressions (RE2); the name appears in messages"},
    {"allow", ParamType::list, false,
     "regular expressions; a line that matches one is not reported (EXAMPLE keys)"},
    {"exclude", ParamType::list, false, "globs (as in .gitignore) of files not to search"},
    {"case_sensitive", ParamType::flag, false, "compare file names with case (default false)"},
};

// At most this many places are listed, so a generated file full of matches cannot flood a report.
constexpr size_t k_max_places = 50;

struct Compiled
{
  GlobSet globs;
  GlobSet exclude;
  std::vector<std::pair<std::string, std::unique_ptr<RE2>>> patterns; // name, regex
  std::vector<std::unique_ptr<RE2>> allow;
};

Result<Compiled> compile(const RuleMeta& rule)
{
  Compiled compiled;
  TRY_ASSIGN(compiled.globs, compile_globs(rule.params.list("globs"),
                                           where_param(rule.params, Anchor::anywhere), rule.params));
  TRY_ASSIGN(compiled.exclude, compile_globs(rule.params.list("exclude"), Anchor::gitignore, rule.params));
  for (const auto& [name, patterns] : rule.params.table("patterns")) {
    for (const auto& pattern : patterns) {
      TRY_ASSIGN(auto regex, compile_regex(pattern));
      compiled.patterns.emplace_back(name, std::move(regex));
    }
  }
  for (const auto& pattern : rule.params.list("allow")) {
    TRY_ASSIGN(auto regex, compile_regex(pattern));
    compiled.allow.push_back(std::move(regex));
  }
  return compiled;
}

Result<void> check(const RuleMeta& rule)
{
  TRY(compile(rule));
  return {};
}

std::string_view line_around(std::string_view content, size_t offset)
{
  const size_t start = content.rfind('\n', offset);
  const size_t begin = start == std::string_view::npos ? 0 : start + 1;
  const size_t end = content.find('\n', offset);
  return content.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin);
}

bool allowed(const Compiled& compiled, std::string_view line)
{
  for (const auto& regex : compiled.allow) {
    if (RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), thread_copy(*regex))) {
      return true;
    }
  }
  return false;
}

// Adds the places in one file where a pattern occurs, up to k_max_places in all.
void scan(const Compiled& compiled, const std::string& path, std::string_view content,
          std::vector<Detail>& places, std::vector<Location>& locations)
{
  for (const auto& [name, regex] : compiled.patterns) {
    size_t length = 0;
    for (size_t offset = find_match(*regex, content, 0, &length); offset != std::string_view::npos;
         offset = find_match(*regex, content, offset + std::max<size_t>(length, 1), &length)) {
      if (allowed(compiled, line_around(content, offset))) {
        continue;
      }
      const Location location{path, line_at(content, offset)};
      if (std::find(locations.begin(), locations.end(), location) != locations.end()) {
        continue;
      }
      if (places.size() == k_max_places) {
        return;
      }
      places.push_back({name + " at " + location.to_string(), {location}});
      locations.push_back(location);
    }
  }
}

Finding evaluate(const RuleContext& context)
{
  const auto compiled = compile(context.rule());
  if (!compiled) {
    return skip("the rule's globs or patterns do not compile");
  }
  std::vector<Detail> places;
  std::vector<Location> locations;
  for (const FileEntry* file : context.analysis().files_matching(compiled->globs)) {
    if (compiled->exclude.matching_prefix(file->path)) {
      continue;
    }
    const auto text = context.analysis().read_text(file->path);
    if (text && !text->binary) {
      std::string decoded;
      scan(*compiled, file->path, searchable_text(text->content, decoded), places, locations);
    }
  }
  const std::string looking_for = context.params().text("looking_for", "");
  if (places.empty()) {
    return pass("no " + looking_for + " found");
  }
  std::sort(places.begin(), places.end(), [](const Detail& a, const Detail& b) {
    return std::tie(a.locations[0].path, a.locations[0].line) <
           std::tie(b.locations[0].path, b.locations[0].line);
  });
  std::sort(locations.begin(), locations.end(), [](const Location& a, const Location& b) {
    return std::tie(a.path, a.line) < std::tie(b.path, b.line);
  });
  Finding finding = fail(looking_for + " found in " + count_of(places.size(), "place"), std::move(locations));
  finding.details = std::move(places);
  return finding;
}

} // namespace

extern const Kind k_content_absent_kind = {
    "content-absent", "fails for every place in a matching text file where one of the patterns occurs",
    k_params,         check,
    evaluate,
};

} // namespace mlfolio::lint::kinds
