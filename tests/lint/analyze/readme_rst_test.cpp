#include "lint/analyze/readme.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

using namespace mlfolio::lint::analyze;

namespace {

constexpr std::string_view k_rst_readme = R"(=================
 Crop Yield Model
=================

.. image:: https://img.shields.io/badge/license-MIT-blue.svg
   :alt: License
   :target: https://opensource.org/licenses/MIT

Estimates wheat yield per field from **satellite** imagery and
weather data, see `the paper <https://arxiv.example/abs/2101.00001>`_.

.. TODO: add a results table for 2023

Motivation
==========

Farmers plan logistics weeks before harvest.

Data
----

* Sentinel-2 tiles, 10 m resolution
* ERA5 weather, hourly

  - temperature
  - precipitation

#. first step
#. second step

Results
=======

+-----------+--------+-------+
| Model     | RMSE   | MAE   |
+===========+========+=======+
| Baseline  | 1.92   | 1.41  |
+-----------+--------+-------+
| CNN-LSTM  | 1.12   | 0.83  |
+-----------+--------+-------+

=========  ======
Split      Fields
=========  ======
train      12,000
test       3,000
=========  ======

Installation
============

Install the package::

    pip install cropyield
    cropyield predict --tile T32UNE

.. code-block:: bash
   :caption: Docker

   docker build -t cropyield .
   docker run cropyield

.. note::

   The model needs a GPU for training.

.. figure:: docs/pipeline.svg
   :alt: Pipeline diagram

   The processing pipeline.

.. _Sentinel Hub: https://www.sentinel-hub.example/
)";

const Section* section_named(const Document& document, std::string_view heading)
{
  for (const auto& section : document.sections) {
    if (section.heading == heading) {
      return &section;
    }
  }
  return nullptr;
}

} // namespace

TEST_CASE("reStructuredText README")
{
  const Document doc = parse_readme(k_rst_readme, DocumentFormat::rst);

  SUBCASE("titles by overline and underline, levels by order of first appearance")
  {
    CHECK(doc.title == "Crop Yield Model");
    REQUIRE(doc.sections.size() == 5);
    CHECK(doc.sections[0].line == 2);
    CHECK(doc.sections[0].level == 1);
    CHECK(doc.sections[1].heading == "Motivation");
    CHECK(doc.sections[1].line == 14);
    CHECK(doc.sections[1].level == 2);
    CHECK(doc.sections[2].heading == "Data");
    CHECK(doc.sections[2].level == 3);
    CHECK(doc.sections[2].line == 19);
    CHECK(doc.sections[3].heading == "Results");
    CHECK(doc.sections[3].level == 2);
    CHECK(doc.sections[4].heading == "Installation");
    const Section* motivation = section_named(doc, "Motivation");
    REQUIRE(motivation != nullptr);
    CHECK(motivation->end_line == 30);
    CHECK(motivation->text.find("Farmers plan logistics weeks before harvest.") == 0);
  }

  SUBCASE("paragraphs are plain text; links and images are collected")
  {
    REQUIRE(!doc.paragraphs.empty());
    CHECK(doc.paragraphs[0].text == "Estimates wheat yield per field from satellite imagery and\n"
                                    "weather data, see the paper.");
    CHECK(doc.paragraphs[0].line == 9);
    REQUIRE(doc.images.size() == 2);
    CHECK(doc.images[0].url == "https://img.shields.io/badge/license-MIT-blue.svg");
    CHECK(doc.images[0].alt == "License");
    CHECK(doc.images[0].link == "https://opensource.org/licenses/MIT");
    CHECK(doc.images[0].line == 5);
    CHECK(doc.images[1].url == "docs/pipeline.svg");
    CHECK(doc.images[1].alt == "Pipeline diagram");
    std::vector<std::pair<std::string, int>> links;
    for (const auto& link : doc.links) {
      links.emplace_back(link.url, link.line);
    }
    CHECK(links == std::vector<std::pair<std::string, int>>{{"https://opensource.org/licenses/MIT", 5},
                                                            {"https://arxiv.example/abs/2101.00001", 10},
                                                            {"https://www.sentinel-hub.example/", 72}});
    CHECK(doc.links[1].text == "the paper");
    CHECK(doc.links[2].text == "Sentinel Hub");
  }

  SUBCASE("comments are kept apart from the text")
  {
    REQUIRE(doc.html.size() == 1);
    CHECK(doc.html[0].comment);
    CHECK(doc.html[0].text == "TODO: add a results table for 2023");
    CHECK(doc.html[0].line == 12);
    CHECK(plain_text(doc).find("TODO") == std::string::npos);
  }

  SUBCASE("bullet, nested and auto-numbered lists")
  {
    REQUIRE(doc.list_items.size() == 6);
    CHECK(doc.list_items[0].text == "Sentinel-2 tiles, 10 m resolution");
    CHECK(doc.list_items[0].line == 22);
    CHECK(doc.list_items[1].text == "ERA5 weather, hourly");
    CHECK(doc.list_items[2].text == "temperature");
    CHECK(doc.list_items[2].depth == 2);
    CHECK(doc.list_items[2].line == 25);
    CHECK(doc.list_items[4].text == "first step");
    CHECK(doc.list_items[4].ordered);
    CHECK(doc.list_items[4].depth == 1);
  }

  SUBCASE("grid and simple tables")
  {
    REQUIRE(doc.tables.size() == 2);
    CHECK(doc.tables[0].line == 34);
    CHECK(doc.tables[0].header == std::vector<std::string>{"Model", "RMSE", "MAE"});
    REQUIRE(doc.tables[0].rows.size() == 2);
    CHECK(doc.tables[0].rows[1] == std::vector<std::string>{"CNN-LSTM", "1.12", "0.83"});
    CHECK(doc.tables[1].line == 42);
    CHECK(doc.tables[1].header == std::vector<std::string>{"Split", "Fields"});
    CHECK(doc.tables[1].rows == std::vector<std::vector<std::string>>{{"train", "12,000"}, {"test", "3,000"}});
    const Section* results = section_named(doc, "Results");
    REQUIRE(results != nullptr);
    CHECK(results->tables.size() == 2);
  }

  SUBCASE("literal blocks and code directives")
  {
    REQUIRE(doc.code_blocks.size() == 2);
    CHECK(doc.code_blocks[0].language.empty());
    CHECK(doc.code_blocks[0].content == "pip install cropyield\ncropyield predict --tile T32UNE");
    CHECK(doc.code_blocks[0].line == 54);
    CHECK(doc.code_blocks[1].language == "bash");
    CHECK(doc.code_blocks[1].line == 57);
    CHECK(doc.code_blocks[1].content == "docker build -t cropyield .\ndocker run cropyield");
    const Section* installation = section_named(doc, "Installation");
    REQUIRE(installation != nullptr);
    CHECK(installation->code_blocks.size() == 2);
    CHECK(installation->paragraphs.size() == 3);
    CHECK(doc.paragraphs[installation->paragraphs.begin].text == "Install the package:");
  }

  SUBCASE("directive content is read as text")
  {
    CHECK(plain_text(doc).find("The model needs a GPU for training.") != std::string::npos);
    CHECK(plain_text(doc).find("The processing pipeline.") != std::string::npos);
  }

  SUBCASE("the intro is what comes between the title and the first section")
  {
    CHECK(intro_text(doc) == "Estimates wheat yield per field from satellite imagery and\nweather data, see the paper.");
  }
}

TEST_CASE("reStructuredText: adornment styles, CRLF and short underlines")
{
  std::string text = "Project\n"
                     "#######\n"
                     "\n"
                     "Intro.\n"
                     "\n"
                     "Usage\n"
                     "*****\n"
                     "\n"
                     "Run ``make all``, see :doc:`the guide <guide>` and https://docs.example.com/run.\n"
                     "\n"
                     "Options\n"
                     "~~~~~~~\n"
                     "\n"
                     "A\n"
                     "--\n"
                     "\n"
                     "Long title\n"
                     "--\n"
                     "\n"
                     "----\n"
                     "\n"
                     "FAQ\n"
                     "*****\n";
  std::string crlf_text;
  for (const char c : text) {
    if (c == '\n') {
      crlf_text += '\r';
    }
    crlf_text += c;
  }
  std::string input;
  SUBCASE("LF") { input = text; }
  SUBCASE("CRLF") { input = crlf_text; }
  const Document doc = parse_readme(input, DocumentFormat::rst);
  REQUIRE(doc.sections.size() == 5);
  CHECK(doc.sections[0].heading == "Project");
  CHECK(doc.sections[0].level == 1);
  CHECK(doc.sections[1].heading == "Usage");
  CHECK(doc.sections[1].level == 2);
  CHECK(doc.sections[2].heading == "Options");
  CHECK(doc.sections[2].level == 3);
  CHECK(doc.sections[3].heading == "A");
  CHECK(doc.sections[3].level == 4);
  CHECK(doc.sections[3].line == 14);
  CHECK(doc.sections[4].heading == "FAQ");
  CHECK(doc.sections[4].level == 2);
  CHECK(doc.sections[4].line == 22);
  CHECK(doc.sections[1].end_line == 21);
  REQUIRE(doc.paragraphs.size() == 3);
  CHECK(doc.paragraphs[1].text == "Run make all, see the guide and https://docs.example.com/run.");
  CHECK(doc.paragraphs[2].text == "Long title\n--");
  REQUIRE(doc.links.size() == 1);
  CHECK(doc.links[0].url == "https://docs.example.com/run");
  CHECK(doc.links[0].line == 9);
}

TEST_CASE("reStructuredText: list-table, csv-table, raw HTML and diagrams")
{
  constexpr std::string_view text = ".. list-table:: Scores\n"
                                    "   :header-rows: 1\n"
                                    "\n"
                                    "   * - Model\n"
                                    "     - F1\n"
                                    "   * - SVM\n"
                                    "     - 0.81\n"
                                    "\n"
                                    ".. csv-table:: Latency\n"
                                    "   :header: \"Batch\", \"p95 (ms)\"\n"
                                    "\n"
                                    "   1, 12\n"
                                    "   \"32\", 40\n"
                                    "\n"
                                    ".. raw:: html\n"
                                    "\n"
                                    "   <p align=\"center\"><img src=\"docs/arch.png\" alt=\"Architecture\"></p>\n"
                                    "\n"
                                    ".. mermaid::\n"
                                    "\n"
                                    "   graph TD; A-->B\n"
                                    "\n"
                                    ">>> predict([1, 2])\n"
                                    "0.93\n";
  const Document doc = parse_readme(text, DocumentFormat::rst);
  REQUIRE(doc.tables.size() == 2);
  CHECK(doc.tables[0].header == std::vector<std::string>{"Model", "F1"});
  CHECK(doc.tables[0].rows == std::vector<std::vector<std::string>>{{"SVM", "0.81"}});
  CHECK(doc.tables[0].line == 1);
  CHECK(doc.tables[1].header == std::vector<std::string>{"Batch", "p95 (ms)"});
  CHECK(doc.tables[1].rows == std::vector<std::vector<std::string>>{{"1", "12"}, {"32", "40"}});
  REQUIRE(doc.images.size() == 1);
  CHECK(doc.images[0].url == "docs/arch.png");
  CHECK(doc.images[0].from_html);
  CHECK(doc.images[0].line == 17);
  REQUIRE(doc.code_blocks.size() == 2);
  CHECK(doc.code_blocks[0].language == "mermaid");
  CHECK(doc.code_blocks[0].content == "graph TD; A-->B");
  CHECK(doc.code_blocks[1].language == "pycon");
  CHECK(doc.code_blocks[1].line == 23);
}

TEST_CASE("reStructuredText: hostile input stays linear and safe")
{
  SUBCASE("many simple-table borders without an end")
  {
    std::string text;
    for (int i = 0; i < 20000; ++i) {
      text += "===  ===\n";
      text += "a    b\n";
    }
    const Document doc = parse_readme(text, DocumentFormat::rst);
    CHECK(doc.tables.size() <= 1);
  }
  SUBCASE("deep indentation")
  {
    std::string text;
    for (int i = 0; i < 3000; ++i) {
      text += std::string(static_cast<size_t>(i), ' ') + "level\n\n";
    }
    const Document doc = parse_readme(text, DocumentFormat::rst);
    CHECK(doc.paragraphs.size() == 3000);
  }
  SUBCASE("unbalanced markup")
  {
    const Document doc = parse_readme("a " + std::string(50000, '`') + "\n\na " + std::string(50000, '|') +
                                        "\n\na " + std::string(20000, '*') + "\n\na :" + std::string(20000, ':') +
                                        "\n\n.. \n\n..",
                                      DocumentFormat::rst);
    CHECK(doc.paragraphs.size() == 4);
    CHECK(doc.sections.empty());
  }
}
