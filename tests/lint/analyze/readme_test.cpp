#include "lint/analyze/readme.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

using namespace mlfolio::lint::analyze;

namespace {

std::string crlf(std::string_view text)
{
  std::string out;
  for (const char c : text) {
    if (c == '\n') {
      out += '\r';
    }
    out += c;
  }
  return out;
}

std::string utf16le_with_bom(std::string_view ascii)
{
  std::string out = "\xFF\xFE";
  for (const char c : ascii) {
    out += c;
    out += '\0';
  }
  return out;
}

const Section* section_named(const Document& document, std::string_view heading)
{
  for (const auto& section : document.sections) {
    if (section.heading == heading) {
      return &section;
    }
  }
  return nullptr;
}

constexpr std::string_view k_churn_readme = R"(<p align="center"><img src="docs/logo.png" alt="Churnwatch logo" width="120"></p>

# Churnwatch

[![CI](https://img.shields.io/badge/ci-passing-green.svg)](https://ci.example.org/churnwatch) [![PyPI](https://img.shields.io/pypi/v/churnwatch)](https://pypi.org/project/churnwatch/)

Predicts which subscribers of a regional telecom will cancel in the next 30 days,
so the retention team can call them first.

## 🚀 1. Problem statement

Monthly churn is 4.1%; each lost customer costs about 310 EUR.

### Why it matters

Calls are expensive, so ranking matters more than raw accuracy.

## 📊 Results

| Model | ROC-AUC | Recall@10% |
|:------|:-------:|-----------:|
| Logistic baseline | 0.71 | 0.28 |
| LightGBM | **0.84** | [0.46](reports/lgbm.md) |

- F1 on the held-out month: 0.52
  - precision 0.49
  - recall 0.55
- [ ] add calibration plot
- [x] add confusion matrix

## Installation

```bash
pip install -e .
churnwatch train --config configs/base.yaml
```

~~~
docker compose up
~~~

    make test

<!-- TODO(maintainer): describe the monitoring dashboard -->

## Architecture

```mermaid
flowchart LR
  A[Kafka] --> B[Feature store]
```

![Architecture diagram](docs/architecture.png "overview")

See [the design doc][design] and https://churnwatch.example.org/docs for details.

[design]: docs/DESIGN.md
)";

} // namespace

TEST_CASE("Markdown README: sections, blocks and their lines")
{
  const Document doc = parse_readme(k_churn_readme, DocumentFormat::markdown);
  CHECK(doc.format == DocumentFormat::markdown);
  CHECK(doc.title == "Churnwatch");
  CHECK(doc.problems.empty());

  SUBCASE("headings with emoji and numbering keep their text, level and line")
  {
    REQUIRE(doc.sections.size() == 6);
    CHECK(doc.sections[0].heading == "Churnwatch");
    CHECK(doc.sections[0].level == 1);
    CHECK(doc.sections[0].line == 3);
    CHECK(doc.sections[1].heading == "🚀 1. Problem statement");
    CHECK(doc.sections[1].level == 2);
    CHECK(doc.sections[1].line == 10);
    CHECK(doc.sections[2].heading == "Why it matters");
    CHECK(doc.sections[2].level == 3);
    CHECK(doc.sections[2].line == 14);
    CHECK(doc.sections[3].heading == "📊 Results");
    CHECK(doc.sections[3].line == 18);
    CHECK(doc.sections[4].heading == "Installation");
    CHECK(doc.sections[5].heading == "Architecture");
  }

  SUBCASE("a section extends to the next heading of the same or a higher level")
  {
    const Section* problem = section_named(doc, "🚀 1. Problem statement");
    REQUIRE(problem != nullptr);
    CHECK(problem->end_line == 17);
    CHECK(problem->text == "Monthly churn is 4.1%; each lost customer costs about 310 EUR.\nWhy it matters\n"
                           "Calls are expensive, so ranking matters more than raw accuracy.");
    CHECK(problem->paragraphs.size() == 2);
    const Section* why = section_named(doc, "Why it matters");
    REQUIRE(why != nullptr);
    CHECK(why->end_line == 17);
    CHECK(why->text == "Calls are expensive, so ranking matters more than raw accuracy.");
    const Section* title = section_named(doc, "Churnwatch");
    REQUIRE(title != nullptr);
    CHECK(title->end_line == doc.line_count);
  }

  SUBCASE("tables keep header, rows and alignment; cells are plain text")
  {
    REQUIRE(doc.tables.size() == 1);
    const Table& table = doc.tables[0];
    CHECK(table.line == 20);
    CHECK(table.header == std::vector<std::string>{"Model", "ROC-AUC", "Recall@10%"});
    REQUIRE(table.rows.size() == 2);
    CHECK(table.rows[1] == std::vector<std::string>{"LightGBM", "0.84", "0.46"});
    CHECK(table.alignments == std::vector<Alignment>{Alignment::left, Alignment::center, Alignment::right});
    const Section* results = section_named(doc, "📊 Results");
    REQUIRE(results != nullptr);
    CHECK(results->tables.size() == 1);
    CHECK(results->list_items.size() == 5);
  }

  SUBCASE("nested and task list items")
  {
    REQUIRE(doc.list_items.size() == 5);
    CHECK(doc.list_items[0].text == "F1 on the held-out month: 0.52");
    CHECK(doc.list_items[0].line == 25);
    CHECK(doc.list_items[0].depth == 1);
    CHECK(doc.list_items[1].text == "precision 0.49");
    CHECK(doc.list_items[1].depth == 2);
    CHECK(doc.list_items[2].line == 27);
    CHECK_FALSE(doc.list_items[2].ordered);
    CHECK(doc.list_items[3].text == "add calibration plot");
    CHECK(doc.list_items[3].checked == false);
    CHECK(doc.list_items[4].checked == true);
    CHECK_FALSE(doc.list_items[0].checked.has_value());
  }

  SUBCASE("code blocks: backticks, tildes and indented, with and without language")
  {
    REQUIRE(doc.code_blocks.size() == 4);
    CHECK(doc.code_blocks[0].language == "bash");
    CHECK(doc.code_blocks[0].line == 33);
    CHECK(doc.code_blocks[0].content == "pip install -e .\nchurnwatch train --config configs/base.yaml\n");
    CHECK(doc.code_blocks[0].fenced);
    CHECK(doc.code_blocks[1].language.empty());
    CHECK(doc.code_blocks[1].content == "docker compose up\n");
    CHECK(doc.code_blocks[1].line == 38);
    CHECK(doc.code_blocks[2].content == "make test\n");
    CHECK_FALSE(doc.code_blocks[2].fenced);
    CHECK(doc.code_blocks[2].line == 42);
    CHECK(doc.code_blocks[3].language == "mermaid");
    CHECK(doc.code_blocks[3].line == 48);
    const Section* installation = section_named(doc, "Installation");
    REQUIRE(installation != nullptr);
    CHECK(installation->code_blocks.size() == 3);
    CHECK(installation->html.size() == 1);
  }

  SUBCASE("HTML comments are kept as placeholders, not as text")
  {
    REQUIRE(doc.html.size() == 2);
    CHECK(doc.html[0].line == 1);
    CHECK_FALSE(doc.html[0].comment);
    CHECK(doc.html[1].comment);
    CHECK(doc.html[1].text == " TODO(maintainer): describe the monitoring dashboard ");
    CHECK(doc.html[1].line == 44);
    CHECK(plain_text(doc).find("TODO") == std::string::npos);
  }

  SUBCASE("links: inline, reference, autolinked, in table cells and around badges")
  {
    std::vector<std::pair<std::string, int>> links;
    for (const auto& link : doc.links) {
      links.emplace_back(link.url, link.line);
    }
    CHECK(links == std::vector<std::pair<std::string, int>>{{"https://ci.example.org/churnwatch", 5},
                                                            {"https://pypi.org/project/churnwatch/", 5},
                                                            {"reports/lgbm.md", 23},
                                                            {"docs/DESIGN.md", 55},
                                                            {"https://churnwatch.example.org/docs", 55}});
    CHECK(doc.links[0].text == "CI");
    CHECK(doc.links[3].text == "the design doc");
  }

  SUBCASE("images: HTML, badges inside links, plain")
  {
    REQUIRE(doc.images.size() == 4);
    CHECK(doc.images[0].url == "docs/logo.png");
    CHECK(doc.images[0].alt == "Churnwatch logo");
    CHECK(doc.images[0].from_html);
    CHECK(doc.images[1].url == "https://img.shields.io/badge/ci-passing-green.svg");
    CHECK(doc.images[1].link == "https://ci.example.org/churnwatch");
    CHECK(doc.images[1].line == 5);
    CHECK(doc.images[3].url == "docs/architecture.png");
    CHECK(doc.images[3].alt == "Architecture diagram");
    CHECK(doc.images[3].link.empty());
    CHECK(doc.images[3].line == 53);
  }

  SUBCASE("the intro is the text between the title and the first section")
  {
    CHECK(intro_text(doc) == "Predicts which subscribers of a regional telecom will cancel in the next 30 days,\n"
                             "so the retention team can call them first.");
  }

  SUBCASE("finding sections by keyword")
  {
    const std::string_view problem_words[] = {"problem", "motivation", "overview", "about the project"};
    const auto found = find_sections(doc, problem_words);
    REQUIRE(found.size() == 1);
    CHECK(found[0]->line == 10);
    const std::string_view result_words[] = {"result", "evaluation"};
    REQUIRE(find_sections(doc, result_words).size() == 1);
    const std::string_view nothing[] = {"deployment"};
    CHECK(find_sections(doc, nothing).empty());
  }
}

TEST_CASE("Markdown README: the same document with CRLF, a BOM or as UTF-16 reads the same")
{
  const Document lf = parse_readme(k_churn_readme, DocumentFormat::markdown);
  std::string variant;
  SUBCASE("CRLF") { variant = crlf(k_churn_readme); }
  SUBCASE("UTF-8 BOM") { variant = "\xEF\xBB\xBF" + std::string(k_churn_readme); }
  SUBCASE("UTF-16LE")
  {
    // UTF-16 of the ASCII-only part: every line and heading position is the same.
    const std::string ascii = "# Churnwatch\n\nIntro text.\n\n## Results\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
    const Document utf16 = parse_readme(utf16le_with_bom(crlf(ascii)), DocumentFormat::markdown);
    const Document plain = parse_readme(ascii, DocumentFormat::markdown);
    REQUIRE(utf16.sections.size() == 2);
    CHECK(utf16.sections[1].line == plain.sections[1].line);
    CHECK(utf16.tables.size() == 1);
    CHECK(intro_text(utf16) == "Intro text.");
    return;
  }
  const Document other = parse_readme(variant, DocumentFormat::markdown);
  REQUIRE(other.sections.size() == lf.sections.size());
  for (size_t i = 0; i < lf.sections.size(); ++i) {
    CHECK(other.sections[i].heading == lf.sections[i].heading);
    CHECK(other.sections[i].line == lf.sections[i].line);
    CHECK(other.sections[i].text == lf.sections[i].text);
  }
  CHECK(other.code_blocks.size() == lf.code_blocks.size());
  CHECK(other.code_blocks[0].content == lf.code_blocks[0].content);
  CHECK(other.links.size() == lf.links.size());
  CHECK(intro_text(other) == intro_text(lf));
}

TEST_CASE("Markdown README: setext headings, HTML headings and headings in many wordings")
{
  constexpr std::string_view readme = "Traffic Forecast\n"
                                      "================\n"
                                      "\n"
                                      "Hourly traffic volume forecasts for city sensors.\n"
                                      "\n"
                                      "About the project\n"
                                      "-----------------\n"
                                      "\n"
                                      "Built during a hackathon.\n"
                                      "\n"
                                      "<h2 align=\"center\">Getting started</h2>\n"
                                      "\n"
                                      "Run it.\n"
                                      "\n"
                                      "## II. Data sets & sources\n"
                                      "\n"
                                      "#### Lessons learned:\n";
  const Document doc = parse_readme(readme, DocumentFormat::markdown);
  REQUIRE(doc.sections.size() == 5);
  CHECK(doc.title == "Traffic Forecast");
  CHECK(doc.sections[0].level == 1);
  CHECK(doc.sections[1].heading == "About the project");
  CHECK(doc.sections[1].level == 2);
  CHECK(doc.sections[1].line == 6);
  CHECK(doc.sections[2].heading == "Getting started");
  CHECK(doc.sections[2].level == 2);
  CHECK(doc.sections[2].line == 11);
  CHECK(doc.sections[2].text == "Run it.");
  CHECK(intro_text(doc) == "Hourly traffic volume forecasts for city sensors.");

  SUBCASE("keyword matching")
  {
    const std::string_view about[] = {"about the project"};
    CHECK(heading_matches("About the project", about));
    CHECK(heading_matches("ℹ️ About The Project!", about));
    CHECK_FALSE(heading_matches("About", about));
    const std::string_view data[] = {"dataset"};
    CHECK(heading_matches("II. Data sets & sources", data));
    CHECK(heading_matches("Datasets", data));
    CHECK_FALSE(heading_matches("Data", data));
    CHECK_FALSE(heading_matches("Metadataset", data));
    const std::string_view lessons[] = {"lessons learned", "limitations"};
    CHECK(heading_matches("#### Lessons learned:", lessons));
    CHECK(heading_matches("3.2 Known limitations", lessons));
    const std::string_view setup[] = {"setup"};
    CHECK(heading_matches("Set-up", setup));
    CHECK(heading_matches("SETUP", setup));
    const std::string_view dependency[] = {"dependency"};
    CHECK(heading_matches("Dependencies", dependency));
    const std::string_view result[] = {"result"};
    CHECK_FALSE(heading_matches("Resultant vectors", result));
    CHECK(heading_matches("🏆Results🏆", result));
    CHECK(heading_matches("Résultats / Results", result));
  }
}

TEST_CASE("Markdown README: damaged input does not stop the reader")
{
  SUBCASE("invalid UTF-8 and NUL bytes become U+FFFD")
  {
    const char raw[] = "# Caf\xE9 model\n\nBad \xC0\xAF bytes and a NUL \0 here.\n";
    const std::string bytes(raw, sizeof(raw) - 1);
    const Document doc = parse_readme(bytes, DocumentFormat::markdown);
    REQUIRE(doc.sections.size() == 1);
    CHECK(doc.sections[0].heading == "Caf\xEF\xBF\xBD model");
    REQUIRE(doc.paragraphs.size() == 1);
    CHECK(doc.paragraphs[0].text.find("\xEF\xBF\xBD\xEF\xBF\xBD bytes") != std::string::npos);
  }
  SUBCASE("empty input")
  {
    const Document doc = parse_readme("", DocumentFormat::markdown);
    CHECK(doc.sections.empty());
    CHECK(doc.title.empty());
    CHECK(intro_text(doc).empty());
  }
  SUBCASE("a table too wide to parse in linear time is read as text")
  {
    std::string table = "|";
    for (int i = 0; i < 300; ++i) {
      table += "c|";
    }
    table += "\n|";
    for (int i = 0; i < 300; ++i) {
      table += "-|";
    }
    table += "\n";
    for (int i = 0; i < 5000; ++i) {
      table += "|x|\n";
    }
    const Document doc = parse_readme(table, DocumentFormat::markdown);
    CHECK(doc.tables.empty());
    REQUIRE(doc.problems.size() == 1);
    CHECK(doc.problems[0].line == 1);
    CHECK(doc.problems[0].message == "table too large to parse as a table; read as text");
  }
  SUBCASE("deeply nested block quotes and unclosed constructs")
  {
    std::string nested(100000, '>');
    nested += " deep\n\n```python\nunclosed fence\n<!-- unclosed comment\n[unclosed](";
    const Document doc = parse_readme(nested, DocumentFormat::markdown);
    CHECK(doc.paragraphs.size() >= 1);
    REQUIRE(doc.code_blocks.size() == 1);
    CHECK(doc.code_blocks[0].language == "python");
  }
}

TEST_CASE("Markdown README: raw HTML blocks")
{
  constexpr std::string_view readme =
    "<div align=\"center\">\n"
    "  <h1>Sentiment &amp; Sarcasm</h1>\n"
    "  <a href=\"https://demo.example.net\"><img src=\"assets/demo.gif\" alt=\"Live demo\"></a>\n"
    "  <p>Detects sarcasm in product reviews.</p>\n"
    "</div>\n"
    "\n"
    "Text with inline <!-- FIXME: numbers --> comment and <a href=\"https://x.example\">link</a>.\n";
  const Document doc = parse_readme(readme, DocumentFormat::markdown);
  CHECK(doc.title == "Sentiment & Sarcasm");
  REQUIRE(doc.sections.size() == 1);
  CHECK(doc.sections[0].line == 2);
  REQUIRE(doc.images.size() == 1);
  CHECK(doc.images[0].url == "assets/demo.gif");
  CHECK(doc.images[0].link == "https://demo.example.net");
  CHECK(doc.images[0].line == 3);
  REQUIRE(doc.links.size() == 2);
  CHECK(doc.links[0].url == "https://demo.example.net");
  CHECK(doc.links[0].text == "Live demo");
  CHECK(doc.links[1].url == "https://x.example");
  CHECK(doc.links[1].line == 7);
  REQUIRE(doc.html.size() == 2);
  CHECK(doc.html[1].comment);
  CHECK(doc.html[1].inline_html);
  CHECK(doc.html[1].text == " FIXME: numbers ");
  CHECK(doc.html[1].line == 7);
  REQUIRE(doc.paragraphs.size() == 1);
  CHECK(doc.paragraphs[0].text == "Text with inline  comment and link.");
  CHECK(plain_text(doc).find("Detects sarcasm in product reviews.") != std::string::npos);
}

TEST_CASE("Plain-text README: paragraphs only")
{
  const std::string text = crlf("Fraud scoring service\n\n  Scores card payments in real time.\n"
                                "Uses gradient boosting.\n\n\n\nContact: team@example.org\n");
  const Document doc = parse_readme(text, document_format_for_path("README.txt"));
  CHECK(doc.format == DocumentFormat::plain);
  CHECK(doc.sections.empty());
  REQUIRE(doc.paragraphs.size() == 3);
  CHECK(doc.paragraphs[0].text == "Fraud scoring service");
  CHECK(doc.paragraphs[1].text == "Scores card payments in real time.\nUses gradient boosting.");
  CHECK(doc.paragraphs[1].line == 3);
  CHECK(doc.paragraphs[2].line == 8);
  CHECK(doc.line_count == 8);
}

TEST_CASE("document_format_for_path")
{
  CHECK(document_format_for_path("README.md") == DocumentFormat::markdown);
  CHECK(document_format_for_path("docs/Readme.MARKDOWN") == DocumentFormat::markdown);
  CHECK(document_format_for_path("README.rst") == DocumentFormat::rst);
  CHECK(document_format_for_path("README") == DocumentFormat::plain);
  CHECK(document_format_for_path("README.txt") == DocumentFormat::plain);
  CHECK(document_format_for_path("my.project/README") == DocumentFormat::plain);
}

TEST_CASE("Markdown README: template placeholders and inline markup in headings")
{
  constexpr std::string_view readme = "# **Wine** `quality` ##\n"
                                      "\n"
                                      "<!--\n"
                                      "  TODO(author): one paragraph on the problem.\n"
                                      "-->\n"
                                      "\n"
                                      "## [Live demo](https://wine.example.app) 🍷\n"
                                      "\n"
                                      "<details>\n"
                                      "<summary>Click</summary>\n"
                                      "<!-- FIXME: screenshot -->\n"
                                      "</details>\n"
                                      "\n"
                                      "1. Clone the repository\n"
                                      "2. Run `make train`\n"
                                      "   ## not a section inside a list\n"
                                      "\n"
                                      "> ## Quoted heading\n"
                                      "> quoted text\n";
  const Document doc = parse_readme(readme, DocumentFormat::markdown);
  REQUIRE(doc.sections.size() == 2);
  CHECK(doc.title == "Wine quality");
  CHECK(doc.sections[1].heading == "Live demo 🍷");
  CHECK(doc.sections[1].line == 7);
  const std::string_view demo[] = {"demo"};
  CHECK(find_sections(doc, demo).size() == 1);
  REQUIRE(doc.links.size() == 1);
  CHECK(doc.links[0].url == "https://wine.example.app");
  CHECK(doc.links[0].line == 7);

  std::vector<std::pair<std::string, int>> comments;
  for (const auto& html : doc.html) {
    if (html.comment) {
      comments.emplace_back(html.text, html.line);
    }
  }
  CHECK(comments == std::vector<std::pair<std::string, int>>{
                      {"\n  TODO(author): one paragraph on the problem.\n", 3}, {" FIXME: screenshot ", 11}});

  REQUIRE(doc.list_items.size() == 2);
  CHECK(doc.list_items[0].ordered);
  CHECK(doc.list_items[0].text == "Clone the repository");
  CHECK(doc.list_items[1].text == "Run make train\nnot a section inside a list");
  CHECK(doc.list_items[1].line == 15);
  REQUIRE(doc.paragraphs.size() == 1);
  CHECK(doc.paragraphs[0].text == "quoted text");
  CHECK(doc.sections[1].text.find("Quoted heading") != std::string::npos);
  CHECK(intro_text(doc).empty());
}

TEST_CASE("Markdown README: one wrapped by mistake in a markdown fence is read as Markdown, with a note")
{
  constexpr std::string_view readme = "---\n"
                                      "\n"
                                      "````markdown\n"
                                      "# Traffic sign classifier\n"
                                      "\n"
                                      "Recognises traffic signs.\n"
                                      "\n"
                                      "```\n"
                                      "app/\n"
                                      "```\n"
                                      "````\n"
                                      "\n"
                                      "## Setup\n";
  const Document doc = parse_readme(readme, DocumentFormat::markdown);
  REQUIRE(doc.sections.size() == 2);
  CHECK(doc.title == "Traffic sign classifier");
  CHECK(doc.sections[0].line == 4);
  CHECK(doc.sections[1].heading == "Setup");
  CHECK(doc.sections[1].line == 13);
  REQUIRE(doc.code_blocks.size() == 1);
  CHECK(doc.code_blocks[0].line == 8);
  REQUIRE(doc.problems.size() == 1);
  CHECK(doc.problems[0].line == 3);
  CHECK(doc.problems[0].message.find("Delete the fence lines") != std::string::npos);

  SUBCASE("a fence left open reads the rest as Markdown too")
  {
    const Document open = parse_readme("```md\n# Title\n\n## Usage\nRun it.\n", DocumentFormat::markdown);
    REQUIRE(open.sections.size() == 2);
    CHECK(open.sections[1].heading == "Usage");
  }
  SUBCASE("a markdown fence that does not open with a heading, or comes after the text, is code")
  {
    const Document example = parse_readme("```markdown\nSome text\n# Title\n```\n", DocumentFormat::markdown);
    CHECK(example.sections.empty());
    CHECK(example.problems.empty());
    const Document later =
        parse_readme("# Template\n\n```markdown\n# My project\n```\n", DocumentFormat::markdown);
    CHECK(later.sections.size() == 1);
    CHECK(later.problems.empty());
  }
}

TEST_CASE("Markdown README: YAML front matter (a Hugging Face Space's card) is no heading")
{
  constexpr std::string_view readme = "---\n"
                                      "title: Leaf Disease Detector\n"
                                      "sdk: gradio\n"
                                      "app_file: app.py\n"
                                      "license: mit\n"
                                      "---\n"
                                      "\n"
                                      "# Leaf Disease Detector\n"
                                      "\n"
                                      "Spots fungal disease on tomato leaves from a phone photo.\n"
                                      "\n"
                                      "## Usage\n"
                                      "\n"
                                      "Upload a photo.\n";
  const Document doc = parse_readme(readme, DocumentFormat::markdown);
  REQUIRE(doc.sections.size() == 2);
  CHECK(doc.title == "Leaf Disease Detector");
  CHECK(doc.sections[0].line == 8);
  CHECK(doc.sections[1].heading == "Usage");
  CHECK(doc.sections[1].line == 12);
  CHECK(intro_text(doc) == "Spots fungal disease on tomato leaves from a phone photo.");
  REQUIRE(doc.paragraphs.size() == 2);
  CHECK(doc.paragraphs[0].line == 10);

  SUBCASE("a rule and a setext heading that are no front matter stay as they are")
  {
    const Document plain = parse_readme("---\n\nIntro text.\n\nNotes\n---\n", DocumentFormat::markdown);
    REQUIRE(plain.sections.size() == 1);
    CHECK(plain.sections[0].heading == "Notes");
  }
}
