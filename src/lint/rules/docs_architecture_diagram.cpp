// docs/architecture-diagram: a diagram in the README (mermaid, an image of one, an ASCII
// sketch) or a link to an architecture document.
#include "lint/rules/registry.h"

#include "core/text.h"
#include "lint/analyze/readme.h"
#include "lint/rules/docs_sections.h"
#include "lint/wording.h"

#include <algorithm>
#include <array>
#include <re2/re2.h>

namespace mlfolio::lint {

namespace {

// Code blocks that may hold an ASCII sketch; in program code "->" is an annotation.
constexpr std::string_view k_sketch_languages[] = {
    "",        "text", "txt",      "plain",       "plaintext", "ascii", "none",
    "diagram", "art",  "asciiart", "nohighlight", "markdown",  "md"};
// Words in an image's alt text or file name, a section heading or a link that mean a diagram.
constexpr std::string_view k_diagram_words[] = {"architecture", "architectural",
                                                "diagram",      "pipeline",
                                                "flow",         "flowchart",
                                                "workflow",     "dataflow",
                                                "data flow",    "system design",
                                                "design",       "infrastructure",
                                                "infra",        "arch",
                                                "dag",          "topology",
                                                "how it works", "drawio",
                                                "excalidraw",   "schematic",
                                                "blueprint",    "c4"};
// Hosts of diagram tools: a link there is a diagram.
constexpr std::string_view k_diagram_hosts[] = {"lucid.app",      "lucidchart.com", "miro.com",
                                                "excalidraw.com", "draw.io",        "diagrams.net",
                                                "whimsical.com",  "eraser.io"};
// Arrows of ASCII and Unicode sketches. "->" alone is common in prose-like code, so it needs words
// around it (checked by the caller).
constexpr std::string_view k_arrows[] = {"-->",    "==>",    "<--",    "<==",    "->",     "<-",
                                         "=>",     "\u2192", "\u2190", "\u2191", "\u2193", "\u25bc",
                                         "\u25b2", "\u25ba", "\u25c4", "\u25b6", "\u25c0", "\u27f6",
                                         "\u21d2", "\u279c", "\u2794", "\u2b07", "\u2b95"};
// Box corners; a directory tree uses only the left-hand ones, so these say "box".
constexpr std::string_view k_box_corners[] = {"\u250c", "\u2510", "\u2518", "\u256d", "\u256e",
                                              "\u256f", "\u2570", "\u2554", "\u2557", "\u255d",
                                              "\u255a", "+--",    "--+"};

size_t count_of_any(std::string_view line, std::span<const std::string_view> needles)
{
  size_t count = 0;
  for (const auto needle : needles) {
    for (size_t pos = line.find(needle); pos != std::string_view::npos;
         pos = line.find(needle, pos + needle.size())) {
      ++count;
    }
  }
  return count;
}

// A line that is only a vertical arrow or connector: "|", "v", "V", "↓", "▼" with spaces.
bool is_vertical_connector(std::string_view line)
{
  line = text::trim(line);
  if (line.empty()) {
    return false;
  }
  for (const auto piece : text::split(line, ' ')) {
    if (!piece.empty() && piece != "|" && piece != "v" && piece != "V" && piece != "^" && piece != "\u2193" &&
        piece != "\u25bc" && piece != "\u2502" && piece != "\u2b07" && piece != "\u2b07\ufe0f") {
      return false;
    }
  }
  return true;
}

// Mermaid's source: a first line that declares a diagram ("flowchart TD", "graph LR",
// "sequenceDiagram") and a line below it that joins two nodes ("A[Data] --> B[Train]").
bool is_mermaid_source(std::string_view content)
{
  thread_local const RE2 header(
      R"(^\s*(?:(?:flowchart|graph)\s+(?:TD|TB|BT|RL|LR)|sequenceDiagram|classDiagram|stateDiagram(?:-v2)?|erDiagram)\s*;?\s*$)");
  thread_local const RE2 edge(R"(\w[\]\)}]?\s*(?:-->|==>|-\.->|---|->>|-->>|\|\|--o\{)\s*\|?)");
  const auto lines = text::split_lines(content);
  const auto first = std::find_if(lines.begin(), lines.end(),
                                  [](std::string_view line) { return !text::trim(line).empty(); });
  return first != lines.end() && RE2::FullMatch(*first, header) &&
         std::any_of(first + 1, lines.end(),
                     [](std::string_view line) { return RE2::PartialMatch(line, edge); });
}

// Several lines with arrows or boxes, or one line with a chain of arrows ("raw -> clean -> train").
// Under a heading such as "Architecture" a block tagged with a programming language for its
// colours (```java around a box-and-arrow sketch) is judged by its lines too.
bool is_ascii_sketch(const analyze::CodeBlock& code, bool under_diagram_heading)
{
  const std::string language = text::to_lower(code.language);
  const bool sketch_language = std::find(std::begin(k_sketch_languages), std::end(k_sketch_languages),
                                         language) != std::end(k_sketch_languages);
  if (!sketch_language && !under_diagram_heading) {
    return false;
  }
  // In a program's language "->", "=>" and "+--" are code: only the drawing characters count.
  const std::span<const std::string_view> all_arrows(k_arrows);
  const std::span<const std::string_view> all_corners(k_box_corners);
  const auto arrows_of = sketch_language ? all_arrows : all_arrows.subspan(7);
  const auto corners_of = sketch_language ? all_corners : all_corners.first(11);
  // A directory tree ("├── data   <- Raw data, immutable") notes what each file is with arrows:
  // its branch lines and the bare "│" between them are no drawing (indented with spaces or, as
  // copied from a web page, no-break spaces). A branch that points on ("├──> train") is a fan-out
  // of a flow and still counts.
  thread_local const RE2 tree_line(
      R"(^[\s\x{00a0}\x{2502}|]*(\x{251c}\x{2500}+|\x{2514}\x{2500}+|\|--|`--)\s*[^\s>\x{25b6}\x{25ba}\x{2500}-])");
  thread_local const RE2 tree_rail(R"(^[\s\x{00a0}\x{2502}|]+$)");
  const auto lines = text::split_lines(code.content);
  const bool tree = std::count_if(lines.begin(), lines.end(), [](std::string_view line) {
                      return RE2::PartialMatch(line, tree_line);
                    }) >= 3;
  size_t drawn_lines = 0;
  size_t most_arrows = 0;
  for (const auto line : lines) {
    if (tree && (RE2::PartialMatch(line, tree_line) || RE2::FullMatch(line, tree_rail))) {
      continue;
    }
    const size_t arrows = count_of_any(line, arrows_of);
    const size_t corners = count_of_any(line, corners_of);
    most_arrows = std::max(most_arrows, arrows);
    drawn_lines += arrows > 0 || corners > 0 || is_vertical_connector(line) ? 1 : 0;
  }
  return drawn_lines >= 2 || most_arrows >= 3;
}

std::string file_name_words(std::string_view url)
{
  const size_t query = url.find_first_of("?#");
  url = url.substr(0, query);
  while (url.size() > 1 && url.back() == '/') {
    url.remove_suffix(1); // a page's folder: https://me.github.io/x/architecture/
  }
  const size_t slash = url.rfind('/');
  std::string name(slash == std::string_view::npos ? url : url.substr(slash + 1));
  std::replace_if(
      name.begin(), name.end(), [](char c) { return c == '_' || c == '-' || c == '.'; }, ' ');
  return name;
}

// The heading of the innermost section holding `line`.
const analyze::Section* section_at(const analyze::Document& document, int line)
{
  const analyze::Section* found = nullptr;
  for (const auto& section : document.sections) {
    if (section.line < line && line <= section.end_line) {
      found = &section; // later sections are nested deeper or come after
    }
  }
  return found;
}

bool is_local(std::string_view url)
{
  return url.find("://") == std::string_view::npos && !url.starts_with("mailto:") && !url.starts_with('#');
}

std::string local_path(std::string_view url)
{
  url = url.substr(0, url.find_first_of("?#"));
  while (url.starts_with("./")) {
    url.remove_prefix(2);
  }
  if (url.starts_with('/')) {
    url.remove_prefix(1);
  }
  // "Malaria%20Architecture.png" names "Malaria Architecture.png".
  return text::percent_decode(url);
}

// The line of a diagram in a document the README hands the architecture to, or 0: a diagram
// block (```mermaid, .. mermaid::), mermaid's source, an ASCII sketch or an image that is no badge.
int diagram_line(const analyze::Document& document)
{
  for (const auto& code : document.code_blocks) {
    if (docs::is_diagram_language(text::to_lower(code.language)) || is_mermaid_source(code.content) ||
        is_ascii_sketch(code, true)) {
      return code.line;
    }
  }
  for (const auto& image : document.images) {
    if (!docs::is_badge(image)) {
      return image.line;
    }
  }
  return 0;
}

bool is_diagram_file(std::string_view path)
{
  // Images, and diagrams as code: PlantUML, mermaid, Graphviz, D2, a Structurizr (C4) workspace.
  constexpr std::string_view k_extensions[] = {".png",        ".jpg", ".jpeg",   ".svg",  ".gif",
                                               ".webp",       ".pdf", ".drawio", ".puml", ".mmd",
                                               ".excalidraw", ".dot", ".gv",     ".d2",   "workspace.dsl"};
  return std::any_of(std::begin(k_extensions), std::end(k_extensions),
                     [&](std::string_view extension) { return text::iends_with(path, extension); });
}

bool is_document(std::string_view path)
{
  return text::iends_with(path, ".md") || text::iends_with(path, ".markdown") ||
         text::iends_with(path, ".rst");
}

// The diagram a local link named for the architecture leads to: an image or a drawing's file, a
// document with a diagram in it, or such a file in a linked folder. Nothing when what it leads
// to is prose, a folder tree or code: a description of the system, but no drawing of it.
std::optional<Location> diagram_behind(const RuleContext& context, std::string_view local)
{
  const RepoView& view = context.view();
  const auto in_document = [&](const std::string& document) -> std::optional<Location> {
    const TextFile* file = context.analysis().text(document);
    if (file == nullptr || file->binary) {
      return std::nullopt;
    }
    const analyze::Document parsed =
        analyze::parse_readme(file->content, analyze::document_format_for_path(document));
    if (const int line = diagram_line(parsed); line > 0) {
      return Location{document, static_cast<uint32_t>(line)};
    }
    return std::nullopt;
  };
  if (view.exists(local)) {
    if (!is_document(local)) {
      return Location{std::string(local), 0}; // an image, a PDF, a .drawio file
    }
    if (auto found = in_document(std::string(local))) {
      return found;
    }
    // A folder's README (architecture/README.md) introduces the drawings kept beside it.
    const size_t slash = local.rfind('/');
    if (slash == std::string_view::npos || !text::istarts_with(local.substr(slash + 1), "readme")) {
      return std::nullopt;
    }
    local = local.substr(0, slash);
  }
  while (local.ends_with('/')) {
    local.remove_suffix(1);
  }
  if (local.empty() || !view.has_folder(local)) {
    return std::nullopt;
  }
  const std::string prefix = std::string(local) + "/";
  for (const FileEntry& file : view.files()) {
    if (!file.path.starts_with(prefix)) {
      continue;
    }
    if (is_diagram_file(file.path)) {
      return Location{file.path, 0};
    }
    if (is_document(file.path)) {
      if (auto found = in_document(file.path)) {
        return found;
      }
    }
  }
  return std::nullopt;
}

// An image file in the project whose name says diagram, to point at in the failure.
std::string unshown_diagram(const Analysis& analysis)
{
  constexpr std::string_view k_image_extensions[] = {".png", ".svg",  ".jpg",   ".jpeg",
                                                     ".gif", ".webp", ".drawio"};
  for (const FileEntry* file : analysis.project_files()) {
    const bool image =
        std::any_of(std::begin(k_image_extensions), std::end(k_image_extensions),
                    [&](std::string_view extension) { return text::iends_with(file->path, extension); });
    if (image && docs::has_any_word(file_name_words(text::to_lower(file->path)),
                                    std::span(k_diagram_words).first(4))) {
      return file->path;
    }
  }
  return {};
}

// A diagram in ARCHITECTURE.md at the project's top (the conventional place, listed beside the
// README on the repository's front page): its line, or 0. Only what cannot be anything else
// counts: a mermaid or PlantUML block, or an image.
int top_level_architecture_diagram(const RuleContext& context, std::string& path)
{
  for (const std::string_view name : {"ARCHITECTURE.md", "architecture.md", "Architecture.md"}) {
    if (!context.view().exists(name)) {
      continue;
    }
    const TextFile* text = context.analysis().text(name);
    if (text == nullptr || text->binary) {
      return 0;
    }
    int line = 1;
    for (const auto piece : text::split(text->content, '\n')) {
      const std::string_view trimmed = text::trim(piece);
      if (trimmed.starts_with("```mermaid") || trimmed.starts_with("```plantuml") ||
          trimmed.starts_with("~~~mermaid") || trimmed.starts_with("![")) {
        path = std::string(name);
        return line;
      }
      ++line;
    }
  }
  return 0;
}

} // namespace

Finding check_docs_architecture_diagram(const RuleContext& context)
{
  const auto readme = docs::readme_of(context);
  if (!readme) {
    return docs::skip_without_readme();
  }
  const analyze::Document& document = *readme->document;
  const std::string& path = readme->path;
  const auto found = [&](const std::string& what, int line) {
    return pass(what + " at " + docs::at(path, line), {{path, static_cast<uint32_t>(line)}});
  };

  for (const auto& code : document.code_blocks) {
    const std::string language = text::to_lower(code.language);
    if (docs::is_diagram_language(language)) {
      return found("a " + language + " diagram", code.line);
    }
  }
  // Mermaid's source in a block tagged otherwise (```bash, or none): GitHub shows it as text, but
  // it is the diagram, readable as written.
  for (const auto& code : document.code_blocks) {
    if (is_mermaid_source(code.content)) {
      return found("a mermaid diagram in a " +
                       (code.language.empty() ? std::string("code") : "```" + code.language) +
                       " block (GitHub shows it as text; tag it ```mermaid to draw it)",
                   code.line);
    }
  }
  std::string missing; // a diagram's image whose file is not in the repository
  for (const auto& image : document.images) {
    const analyze::Section* section = section_at(document, image.line);
    // An image whose file is not in the repository shows nothing on GitHub: a broken picture.
    const std::string local = local_path(image.url);
    if (docs::is_badge(image)) {
      continue;
    }
    if (is_local(image.url) && !context.view().exists(local)) {
      const bool diagram =
          docs::has_any_word(image.alt, k_diagram_words) ||
          docs::has_any_word(file_name_words(image.url), k_diagram_words) ||
          (section != nullptr && analyze::heading_matches(section->heading, k_diagram_words));
      if (diagram && missing.empty()) {
        missing = local + " (" + docs::at(path, image.line) + ")";
      }
      continue;
    }
    if (docs::has_any_word(image.alt, k_diagram_words) ||
        docs::has_any_word(file_name_words(image.url), k_diagram_words)) {
      return found("a diagram image (" + docs::clip(image.alt.empty() ? image.url : image.alt, 60) + ")",
                   image.line);
    }
    if (section != nullptr && analyze::heading_matches(section->heading, k_diagram_words)) {
      return found("an image under " + section->heading, image.line);
    }
  }
  for (const auto& code : document.code_blocks) {
    const analyze::Section* section = section_at(document, code.line);
    const bool under_diagram_heading =
        section != nullptr && analyze::heading_matches(section->heading, std::span(k_diagram_words).first(5));
    if (is_ascii_sketch(code, under_diagram_heading)) {
      return found("an ASCII diagram", code.line);
    }
  }
  // Under an Architecture heading, a line of prose or inline code that chains the parts with
  // arrows: `Client → FastAPI → MLflow Model Registry → Trained Model`.
  for (const auto& paragraph : document.paragraphs) {
    const analyze::Section* section = section_at(document, paragraph.line);
    if (section == nullptr ||
        !analyze::heading_matches(section->heading, std::span(k_diagram_words).first(5))) {
      continue;
    }
    // Across lines too: parts stacked with a line of "↓" between each (GitHub joins the lines,
    // "Raw data ↓ Training ↓ FastAPI", an arrow chain either way).
    size_t connectors = 0;
    for (const auto line : text::split(paragraph.text, '\n')) {
      if (count_of_any(line, k_arrows) >= 3) {
        return found("an arrow sketch under " + section->heading, paragraph.line);
      }
      connectors += is_vertical_connector(line) ? 1 : 0;
    }
    if (connectors >= 2) {
      return found("an arrow sketch under " + section->heading, paragraph.line);
    }
  }
  std::string broken;
  std::string undrawn; // a linked document on the architecture without a drawing in it
  for (const auto& link : document.links) {
    const bool diagram_tool =
        std::any_of(std::begin(k_diagram_hosts), std::end(k_diagram_hosts),
                    [&](std::string_view host) { return text::icontains(link.url, host); });
    // Outside the repository, a page named for a pipeline or a flow is as often the thing itself
    // (a model pipeline on a hub, a repository "ml-pipeline") as a drawing of it.
    const bool named =
        docs::has_any_word(link.text, std::span(k_diagram_words).first(5)) ||
        docs::has_any_word(file_name_words(link.url), std::span(k_diagram_words).first(is_local(link.url) ? 5 : 3));
    // A local document its sentence says is about the architecture ("See docs/UNREAL_INTEGRATION.md
    // for the architecture deep-dive"): it counts below only if it draws something.
    const auto sentence_names = [&] {
      // The line's only link: in "[Overview](o.md) | [Architecture Deep Dive](a.md)" the words are the
      // other's.
      const auto on_line = std::count_if(document.links.begin(), document.links.end(),
                                         [&](const analyze::Link& other) { return other.line == link.line; });
      if (!is_local(link.url) || on_line != 1) {
        return false;
      }
      for (const auto& block : document.blocks) {
        const int last =
            block.line + static_cast<int>(std::count(block.text.begin(), block.text.end(), '\n'));
        if ((block.kind == analyze::BlockKind::paragraph || block.kind == analyze::BlockKind::list_item) &&
            link.line >= block.line && link.line <= last) {
          const auto lines = text::split(block.text, '\n'); // the link's own line of its paragraph
          const std::string_view own = lines[static_cast<size_t>(link.line - block.line)];
          return docs::has_any_word(own, std::span(k_diagram_words).first(3)) ||
                 docs::has_any_word(own, std::array<std::string_view, 1>{"system design"});
        }
      }
      return false;
    };
    if ((!diagram_tool && !named && !sentence_names()) || link.url.starts_with('#')) {
      continue; // "[Architecture](#architecture)" in a table of contents leads to a heading, not a diagram
    }
    // A CI badge's link, "[![CI/CD Pipeline](...badge.svg)](.../actions/workflows/ci-cd-pipeline.yml)":
    // a workflow's runs, not a drawing of the system.
    const std::string_view bare = std::string_view(link.url).substr(0, link.url.find_first_of("?#"));
    if (text::icontains(link.url, "/actions/") || text::iends_with(bare, ".yml") ||
        text::iends_with(bare, ".yaml")) {
      continue;
    }
    const std::string local = local_path(link.url);
    if (is_local(link.url) && !context.view().exists(local) &&
        !context.view().has_folder(local.ends_with('/') ? local.substr(0, local.size() - 1) : local)) {
      broken = broken.empty() ? link.url + " (" + docs::at(path, link.line) + ")" : broken;
      continue;
    }
    if (is_local(link.url)) {
      if (const auto diagram = diagram_behind(context, local)) {
        return pass("a diagram in " + (diagram->line > 0 ? diagram->to_string() : diagram->path) +
                        ", which the README links at " + docs::at(path, link.line),
                    {{path, static_cast<uint32_t>(link.line)}, *diagram});
      }
      undrawn = undrawn.empty() ? local + " (" + docs::at(path, link.line) + ")" : undrawn;
      continue;
    }
    return found("a link to an architecture document (" + link.url + ")", link.line);
  }
  // A document named for the architecture by its path in a sentence ("Read
  // docs/source/architecture.rst for the system design").
  for (const auto& reference : docs::document_references(document)) {
    const std::string named = reference.linked ? std::string() : docs::linked_document(path, reference.url);
    if (named.empty() || !docs::has_any_word(file_name_words(named), std::span(k_diagram_words).first(5))) {
      continue;
    }
    if (const auto diagram = diagram_behind(context, named)) {
      return pass("a diagram in " + diagram->to_string() + ", which the README names at " +
                      docs::at(path, reference.line),
                  {{path, static_cast<uint32_t>(reference.line)}, *diagram});
    }
  }

  std::string architecture;
  if (const int line = top_level_architecture_diagram(context, architecture); line > 0) {
    return pass("a diagram in " + architecture + ":" + std::to_string(line) +
                    ", beside the README (which does not link it)",
                {{architecture, static_cast<uint32_t>(line)}});
  }
  std::string message =
      path + " has no diagram: no mermaid block, no image of the architecture, no ASCII sketch";
  if (!missing.empty()) {
    message += "; the diagram image " + missing + " is not in the repository";
  }
  if (!broken.empty()) {
    message += "; the link to " + broken + " leads to no file";
  }
  if (!undrawn.empty()) {
    message += "; the linked " + undrawn + " describes it without a drawing";
  }
  Finding finding = fail(message, {{path, 0}});
  if (const std::string image = unshown_diagram(context.analysis()); !image.empty()) {
    finding.message += "; " + image + " is in the repository but the README does not show it";
    const std::string target = image.find(' ') == std::string::npos ? image : "<" + image + ">";
    finding.fix = "Show it in the README under an Architecture heading: ![Architecture](" + target +
                  "), or draw the pipeline in a ```mermaid block.";
  }
  return finding;
}

} // namespace mlfolio::lint
