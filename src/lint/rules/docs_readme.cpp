// docs/readme: a README at the project root with more than a title.
#include "lint/runner.h"
#include "lint/rules/registry.h"

#include "core/text.h"
#include "lint/wording.h"

#include <cctype>

namespace mlfolio::lint {

namespace {

// "=====" or "-----" under a title (Markdown setext, reStructuredText).
bool is_underline(std::string_view line)
{
  line = text::trim(line);
  return line.size() >= 3 && line.find_first_not_of(line[0]) == std::string_view::npos &&
         std::string_view("=-~^*#+`:'\"_").find(line[0]) != std::string_view::npos;
}

// Headings, badges, images and raw HTML say nothing a reviewer can read as a description.
bool is_decoration(std::string_view line)
{
  line = text::trim(line);
  return line.starts_with('#') || line.starts_with("[![") || line.starts_with("![") ||
         line.starts_with('<') || line.starts_with(".. image::") || line.starts_with(".. |");
}

size_t count_words(std::string_view line)
{
  size_t words = 0;
  bool in_word = false;
  bool has_alnum = false;
  for (const char c : line) {
    if (c == ' ' || c == '\t') {
      words += in_word && has_alnum ? 1 : 0;
      in_word = has_alnum = false;
    } else {
      in_word = true;
      has_alnum = has_alnum || std::isalnum(static_cast<unsigned char>(c)) != 0 ||
                  static_cast<unsigned char>(c) >= 0x80;
    }
  }
  return words + (in_word && has_alnum ? 1 : 0);
}

size_t body_words(std::string_view content)
{
  const auto lines = text::split_lines(content);
  size_t words = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const bool title = i + 1 < lines.size() && is_underline(lines[i + 1]) && !text::trim(lines[i]).empty();
    if (!title && !is_underline(lines[i]) && !is_decoration(lines[i])) {
      words += count_words(lines[i]);
    }
  }
  return words;
}

std::string readme_elsewhere(const Analysis& analysis)
{
  for (const FileEntry* entry : analysis.project_files()) {
    const size_t slash = entry->path.rfind('/');
    if (slash != std::string::npos && text::to_lower(entry->path.substr(slash + 1)).starts_with("readme")) {
      return entry->path;
    }
  }
  return {};
}

} // namespace

Finding check_docs_readme(const RuleContext& context)
{
  const FileEntry* readme = context.analysis().readme();
  if (readme == nullptr) {
    const std::string elsewhere = readme_elsewhere(context.analysis());
    if (!elsewhere.empty()) {
      return fail("no README at the project root; " + elsewhere +
                      " is not where a reviewer looks first (README.md, README.rst or README.txt)",
                  {{elsewhere, 0}});
    }
    return fail("no README.md, README.rst or README.txt at the project root");
  }
  const TextFile* file = context.analysis().text(readme->path);
  if (file == nullptr) {
    return skip(readme->path + " cannot be read");
  }
  if (file->binary) {
    return fail(readme->path + " is not a text file", {{readme->path, 0}});
  }
  const size_t words = body_words(file->content);
  const auto needed = static_cast<size_t>(context.threshold(config::Threshold::readme_min_words));
  if (words < needed) {
    Finding finding = fail(readme->path + " has " + count_of(words, "word") +
                               " besides its headings; a README needs at least " + std::to_string(needed) +
                               " to say what the project is",
                           {{readme->path, 1}});
    finding.fix = fix_of(context.rule(), "Expand " + readme->path +
                                             ": open with a paragraph on what the project does and for whom, "
                                             "then add sections on the data, the approach, the results and how "
                                             "to run it.");
    return finding;
  }
  // GitHub shows the README of .github/ on the repository's page before the root's: a folder's
  // notes kept there (how the CI is set up) hide the project's README from every visitor.
  if (context.view().outer_levels() == 0) {
    for (const FileEntry& entry : context.view().files()) {
      // README, README.md, README.rst: not README-template.md, which GitHub does not show.
      const std::string name = text::to_lower(entry.path.substr(std::min<size_t>(8, entry.path.size())));
      const bool shown_first = entry.path.starts_with(".github/") &&
                               entry.path.find('/', 8) == std::string::npos &&
                               (name == "readme" || name.starts_with("readme."));
      if (!shown_first) {
        continue;
      }
      const TextFile* other = context.analysis().text(entry.path);
      if (other != nullptr && other->content == file->content) {
        break; // the same text either way
      }
      Finding finding =
          fail("GitHub shows " + entry.path + " on the repository's page instead of " + readme->path +
                   ": a README in .github/ comes first, so visitors never see the project's",
               {{entry.path, 0}, {readme->path, 0}});
      finding.fix = "Rename " + entry.path + " (for example to .github/CI.md) so that GitHub shows " +
                    readme->path + ", and link it from " + readme->path + " if readers need it.";
      return finding;
    }
  }
  return pass(readme->path + " has " + std::to_string(words) + " words besides its headings",
              {{readme->path, 0}});
}

} // namespace mlfolio::lint
