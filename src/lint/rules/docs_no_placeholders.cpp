// docs/no-placeholders: no TODO markers or unfilled template text left in the README.
#include "lint/rules/registry.h"

#include "core/text.h"
#include "lint/analyze/text_decode.h"
#include "lint/rules/docs_sections.h"
#include "lint/wording.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <memory>

namespace mlfolio::lint {

namespace {

struct PlaceholderKind
{
  std::string_view name; // in messages
  std::string_view pattern;
};

// Template text nobody writes on purpose. Placeholders in raw HTML (<your-name>) and comments
// never reach the parsed text, so the rule reads the README's lines, leaving out code blocks
// and inline code, where "<your-username>" is usually an instruction.
constexpr PlaceholderKind k_kinds[] = {
    {"template variable",
     R"(\{\{\s*[\w.\-]+(\s*\|\s*\w+)?\s*\}\}|\{%-?\s*(if|for|raw|endif|endfor)\b|<%[#/^]?\w+%>)"},
    {"Lorem ipsum", R"((?i)\blorem ipsum\b)"},
    {"name placeholder",
     // Not a route's parameter: "GET /name/{company_name}".
     R"((?i)(?:[\[<]|(?:^|[^/\w])\{)\s*(your|author|full|university|company|institution|organi[sz]ation|team)[ _-]?)"
     R"(name\s*[\]>}]|)"
     R"(\bYour Name\b|\bYOUR NAME\b)"},
    {"repository placeholder",
     R"((?i)\byour[-_]?(project[-_]?name|repo(sitory)?([-_]?name)?|user[-_]?name|github[-_]?(user(name)?|handle)|)"
     R"(org(anization)?([-_]?name)?)\b|\byourusername\b|<(project|repo|user)[-_ ]?name>|\bUSERNAME/REPO(SITORY)?\b)"},
    {"fill-in placeholder",
     R"(\bINSERT\b.{0,50}\bHERE\b|[\[(<{]\s*(?i:(insert|add|put|paste|your|link|url|image|screenshot|describe|)"
     R"(write)\b[^\])>}]{0,60}\bhere)\s*[\])>}]|)"
     // "[dataset description]", "[short project summary]": not a link's text, "[Dataset description](…)".
     R"(\[(?i:(?:short|brief|project|dataset|data|model|add|insert)\s+(?:\w+\s+){0,2}(?:description|summary|)"
     R"(details|overview|link|url))\](?:[^(\[:]|$))"},
    {"unfilled number",
     // "R²: 0.XX", "accuracy XX%", "RMSE: X.XX"; not a version's "3.x" or "1.0.xx".
     R"((?:^|[^\w.])(?:0|X)?\.(?:XX+|xx+)\b|\bXX+(?:\.X+)?\s?%)"},
    {"path placeholder", R"(\bpath/to/your[/_-])"},
    {"placeholder image", R"((?i)\b(via\.placeholder\.com|placehold\.(co|it)|dummyimage\.com)/)"},
    {"example e-mail",
     R"((?i)\b(your[._-]?email|you|email|name)@(example|email|domain)\.com\b|\byour[._-]?(e-?mail|name)@[\w-]+\.\w)"},
};

// The kinds as one set: a line is read once for all of them, and its first kind in k_kinds
// order named (most lines match none).
const RE2::Set& compiled_kinds()
{
  thread_local const std::unique_ptr<RE2::Set> kinds = [] { // per thread: see CONTRIBUTING, threads
    RE2::Options options;
    options.set_log_errors(false);
    auto set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
    for (const auto& kind : k_kinds) {
      set->Add(kind.pattern, nullptr);
    }
    set->Compile();
    return set;
  }();
  return *kinds;
}

// Lines of code blocks, fences and directives included (1-based, inclusive ranges).
std::vector<std::pair<int, int>> code_lines(const analyze::Document& document)
{
  std::vector<std::pair<int, int>> ranges;
  for (const auto& code : document.code_blocks) {
    const int content_lines = static_cast<int>(std::count(code.content.begin(), code.content.end(), '\n')) +
                              (code.content.empty() || code.content.ends_with('\n') ? 0 : 1);
    // A fence adds its closing line; an rst directive its options and the blank line before the body.
    const int extra = !code.fenced ? -1 : document.format == analyze::DocumentFormat::rst ? 3 : 1;
    ranges.emplace_back(code.line, code.line + content_lines + extra);
  }
  return ranges;
}

// The line without `inline code` spans.
std::string without_inline_code(std::string_view line)
{
  std::string kept;
  size_t i = 0;
  while (i < line.size()) {
    if (line[i] != '`') {
      kept += line[i++];
      continue;
    }
    size_t ticks = 0;
    while (i + ticks < line.size() && line[i + ticks] == '`') {
      ++ticks;
    }
    const size_t close = line.find(std::string(ticks, '`'), i + ticks);
    if (close == std::string_view::npos) {
      kept += line.substr(i);
      break;
    }
    kept += ' ';
    i = close + ticks;
  }
  return kept;
}

} // namespace

Finding check_docs_no_placeholders(const RuleContext& context)
{
  const auto readme = docs::readme_of(context);
  if (!readme) {
    return docs::skip_without_readme();
  }
  const TextFile* file = context.analysis().text(readme->path);
  if (file == nullptr) {
    return docs::skip_without_readme();
  }
  const std::string& path = readme->path;
  const std::string text = analyze::decode_text(file->content).text;
  auto code = code_lines(*readme->document);
  std::sort(code.begin(), code.end());
  size_t first_code = 0; // the ranges before it end above the lines still to come
  const auto in_code = [&](int line) {
    while (first_code < code.size() && code[first_code].second < line) {
      ++first_code;
    }
    for (size_t i = first_code; i < code.size() && code[i].first <= line; ++i) {
      if (code[i].second >= line) {
        return true;
      }
    }
    return false;
  };

  // In code, only a clone command with a template's user name in its URL, "git clone
  // https://github.com/<your-username>/churn", or a template's URL, "git clone <repo-url>" (not a
  // real one in brackets): it was meant to be the author's own address, unless the README asks
  // readers to fork the project first, which makes it an instruction to the reader.
  // The template's own title as the README's first heading, "# Project Name" or underlined (a
  // template's README may show one further down, as an example of what to write).
  thread_local const RE2 title_placeholder(R"((?i)(project[ _-]?(name|title)|your[ _-]project([ _-]name)?))");
  const auto& sections = readme->document->sections;
  const int title_line =
      !sections.empty() && RE2::FullMatch(text::trim(sections.front().heading), title_placeholder)
          ? sections.front().line
          : 0;
  thread_local const RE2 clone_placeholder(
      R"((?i)\bgit clone\b(.*/<?your[-_]?(user[-_]?name|github[-_]?user(name)?)>?/|\s+<[^>\s:]+>))");
  const bool asks_to_fork = text::icontains(text, "fork");

  std::vector<Detail> details;
  std::vector<std::string> kinds;
  int line_number = 0;
  std::vector<int> matched;
  for (const auto raw : text::split(text, '\n')) {
    ++line_number;
    const bool code_line = in_code(line_number);
    if (code_line && (asks_to_fork || !RE2::PartialMatch(raw, clone_placeholder))) {
      continue;
    }
    const std::string line = code_line ? std::string(raw) : without_inline_code(raw);
    std::string_view kind;
    if (code_line) {
      kind = "repository placeholder";
    } else if (line_number == title_line) {
      kind = "title placeholder";
    } else if (docs::has_todo_marker(line)) {
      kind = "TODO marker";
    } else if (compiled_kinds().Match(line, &matched)) {
      kind = k_kinds[static_cast<size_t>(*std::min_element(matched.begin(), matched.end()))].name;
    }
    if (kind.empty()) {
      continue;
    }
    std::string_view shown = text::trim(raw); // as written, inline code included
    if (shown.starts_with("<!--")) {
      shown = text::trim(shown.substr(4));
    }
    details.push_back(Detail{std::string(kind) + " at " + docs::at(path, line_number) + ": \"" +
                                 docs::clip(shown, 70) + "\"",
                             {{path, static_cast<uint32_t>(line_number)}}});
    if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) {
      kinds.emplace_back(kind);
    }
  }
  if (details.empty()) {
    return pass("no TODO markers or template placeholders in " + path, {{path, 0}});
  }
  std::vector<Location> locations;
  for (const auto& detail : details) {
    locations.push_back(detail.locations.front());
  }
  Finding finding = fail(path + " still holds " + count_of(details.size(), "placeholder") + " (" +
                             join_some(kinds, kinds.size()) + ")",
                         std::move(locations));
  finding.details = std::move(details);
  return finding;
}

} // namespace mlfolio::lint
