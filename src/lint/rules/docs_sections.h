#pragma once

// What the docs/ rules share: the parsed README, the prose under a heading, placeholder
// comments, and the wording of locations.

#include "lint/context.h"
#include "lint/finding.h"

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::lint::docs {

struct Readme
{
  std::string path;
  const analyze::Document* document = nullptr;
};

// The parsed root README; nullopt without one (docs/readme reports that, the others skip).
std::optional<Readme> readme_of(const RuleContext& context);
Finding skip_without_readme();

// "README.md:12" (just the path for line 0).
std::string at(std::string_view path, int line);

// Words with at least one letter or digit; punctuation and emoji alone are not words.
size_t count_words(std::string_view text);

// Whether `text` holds `word` (ASCII letters compared without case) between non-alphanumerics.
bool has_word(std::string_view text, std::string_view word);

// "the Dataset" for a heading, but "The context system" when the heading has its own article: for
// "the X section" in messages.
std::string the(std::string_view heading);
bool has_any_word(std::string_view text, std::span<const std::string_view> words);

// The visible prose of a section: paragraphs, list items and raw HTML text, not headings,
// code or tables. With `own_only`, only what comes before its first subsection.
std::string section_prose(const analyze::Document& document, const analyze::Section& section, bool own_only);

// The prose before the first section (below the title): paragraphs, list items, HTML text. When
// one or two sections come before the title ("### Deployment Info", then "# Turbofan RUL"), the
// prose under the title and before those sections.
std::string opening_prose(const analyze::Document& document);

// Whether the section is the README's title (the first heading, or the first level-1 heading after
// at most two others: the project name): rules
// judge what lies below it as the opening, not as a section of its own.
bool is_title_section(const analyze::Document& document, const analyze::Section& section);

// Sections whose heading names one of `keywords`, the title left out. With `unless`, a heading
// that also names one of those is left out ("Dataset overview" is not an overview).
std::vector<const analyze::Section*> sections_named(const analyze::Document& document,
                                                    std::span<const std::string_view> keywords,
                                                    std::span<const std::string_view> unless = {});

// A paragraph opening with a line all in bold, "**Bias, Risks, and Limitations**" or
// "__Known issues:__", which the README uses as a heading below its real ones.
struct BoldHeading
{
  std::string heading; // plain text, without a trailing colon
  int line = 0;
  std::string text;    // the rest of its paragraph and the blocks after it, up to the next heading
};
// `source` is the README's decoded text, whose lines the document's lines count.
std::vector<BoldHeading> bold_headings(const analyze::Document& document, std::string_view source);

// A marker of unfinished work at the start of text or as an upper-case word: "TODO", "TODO(x):",
// "FIXME", "TBD". "a todo-list app" is no marker.
bool has_todo_marker(std::string_view text);

// The first HTML or reStructuredText comment in the section that carries a TODO marker.
const analyze::Html* placeholder_comment(const analyze::Document& document, const analyze::Section& section);

// Code blocks that are diagrams (mermaid, plantuml, graphviz, ...), by lower-case language.
bool is_diagram_language(std::string_view language);

// A badge image: shields.io, a CI workflow's status, coverage.
bool is_badge(const analyze::Image& image);

// A command line for a message: trimmed, without a trailing "# comment", clipped.
std::string shown_command(std::string_view line);

// A line of a drawn folder tree ("│   ├── mlflow_ui.py   # MLflow UI script", "|-- app.py"): its
// comment describes a file, it runs nothing.
bool is_tree_line(std::string_view line);

// `text` on one line, cut after about `max_chars` at a word boundary, with "..." when cut.
std::string clip(std::string_view text, size_t max_chars);

// A Markdown or reStructuredText document of the project that the README at `readme_path` refers
// to by `url` ("deploy/README.md", "./docs/setup.md", "/docs/guide.md"): its path in the project,
// without "./", an anchor or a query; "" for a web address or any other file.
std::string linked_document(std::string_view readme_path, std::string_view url);

// The documents a README hands a topic to: by a link, or by the document's path in a sentence
// ("Build the images (see `/docs/Developer_Guide/docker-setup.md`)").
struct DocumentReference
{
  std::string url;
  std::string_view text; // the link's text; empty for a path in a sentence
  int line = 0;
  bool linked = true; // a link, or else a path in a sentence
};
std::vector<DocumentReference> document_references(const analyze::Document& document);

// A project document the README refers to, read and parsed.
struct ReferencedDocument
{
  std::string path;
  DocumentReference reference;
  analyze::Document document;
};
// Whether a document the README refers to (by its path and the reference's text) is a guide to
// installing or running the project: a part's README, "docs/setup.md", "Running the workflow".
// Such a guide may hold the commands, the deployment steps or the tracking server's address. A
// contributing or development guide is none: it sets up the author's tools, not the project.
bool about_running(std::string_view guide, std::string_view text);

// The documents the README at `readme_path` refers to (see document_references) whose path or
// reference text `wanted` accepts, read and parsed; documents not there or binary are left out.
std::vector<ReferencedDocument>
referenced_documents(const Analysis& analysis, std::string_view readme_path, const analyze::Document& readme,
                     const std::function<bool(std::string_view path, std::string_view text)>& wanted);

} // namespace mlfolio::lint::docs
