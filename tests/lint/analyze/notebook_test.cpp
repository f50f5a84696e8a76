#include "lint/analyze/notebook.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

using namespace mlfolio::lint::analyze;

namespace {

constexpr size_t k_limit = 50 * 1024 * 1024;

constexpr std::string_view k_notebook = R"NB({
 "cells": [
  {
   "cell_type": "markdown",
   "metadata": {},
   "source": [
    "# Exploring the claims data\n",
    "Loads and summarises."
   ]
  },
  {
   "cell_type": "code",
   "execution_count": 3,
   "metadata": {"tags": ["setup"]},
   "outputs": [
    {
     "name": "stdout",
     "output_type": "stream",
     "text": [
      "rows: 10432\n",
      "cols: 17\n"
     ]
    },
    {
     "data": {
      "image/png": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
      "text/plain": ["<Figure size 640x480 with 1 Axes>"]
     },
     "metadata": {},
     "output_type": "display_data"
    },
    {
     "ename": "KeyError",
     "evalue": "'claim_amount'",
     "output_type": "error",
     "traceback": ["Traceback (most recent call last)", "KeyError"]
    }
   ],
   "source": "import pandas as pd\ndf = pd.read_csv('data/claims.csv')\nprint(df.shape)"
  },
  {
   "cell_type": "code",
   "execution_count": null,
   "metadata": {},
   "outputs": [
    {"data": {"text/plain": "0.87"}, "execution_count": 4, "metadata": {}, "output_type": "execute_result"}
   ],
   "source": ["from sklearn.metrics import roc_auc_score\n", "roc_auc_score(y, p)"]
  },
  {"cell_type": "raw", "metadata": {}, "source": []}
 ],
 "metadata": {
  "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
  "language_info": {"name": "python", "version": "3.11.4"}
 },
 "nbformat": 4,
 "nbformat_minor": 5
}
)NB";

} // namespace

TEST_CASE("notebook: cells, sources, outputs and kernel")
{
  const Notebook nb = parse_notebook(k_notebook, k_limit);
  CHECK(nb.problems.empty());
  CHECK_FALSE(nb.too_large);
  CHECK(nb.nbformat == 4);
  CHECK(nb.language == "python");
  CHECK(nb.kernel_name == "python3");
  REQUIRE(nb.cells.size() == 4);

  SUBCASE("a markdown cell with a list source")
  {
    CHECK(nb.cells[0].type == CellType::markdown);
    CHECK(nb.cells[0].source == "# Exploring the claims data\nLoads and summarises.");
    CHECK(nb.cells[0].line == 3);
    CHECK(nb.cells[0].outputs.empty());
  }
  SUBCASE("a code cell with a string source and stream, display and error outputs")
  {
    const NotebookCell& cell = nb.cells[1];
    CHECK(cell.type == CellType::code);
    CHECK(cell.line == 11);
    CHECK(cell.execution_count == 3);
    CHECK(cell.source == "import pandas as pd\ndf = pd.read_csv('data/claims.csv')\nprint(df.shape)");
    REQUIRE(cell.outputs.size() == 3);
    CHECK(cell.outputs[0].output_type == "stream");
    CHECK(cell.outputs[0].name == "stdout");
    CHECK(cell.outputs[0].text == "rows: 10432\ncols: 17\n");
    CHECK(cell.outputs[1].output_type == "display_data");
    CHECK(cell.outputs[1].text == "<Figure size 640x480 with 1 Axes>");
    CHECK(cell.outputs[2].output_type == "error");
    CHECK(cell.outputs[2].text == "KeyError: 'claim_amount'");
  }
  SUBCASE("a code cell without execution count, with an execute_result")
  {
    const NotebookCell& cell = nb.cells[2];
    CHECK_FALSE(cell.execution_count.has_value());
    REQUIRE(cell.outputs.size() == 1);
    CHECK(cell.outputs[0].text == "0.87");
    CHECK(cell.source == "from sklearn.metrics import roc_auc_score\nroc_auc_score(y, p)");
  }
  SUBCASE("an empty raw cell")
  {
    CHECK(nb.cells[3].type == CellType::raw);
    CHECK(nb.cells[3].source.empty());
  }
  SUBCASE("code_cells_text")
  {
    CHECK(code_cells_text(nb) == "import pandas as pd\ndf = pd.read_csv('data/claims.csv')\nprint(df.shape)\n\n"
                                 "from sklearn.metrics import roc_auc_score\nroc_auc_score(y, p)\n\n");
  }
}

TEST_CASE("notebook: a line of the code cells' text is found where the .ipynb writes it")
{
  const std::string notebook = "{\n"                                      // 1
                               " \"cells\": [\n"                          // 2
                               "  {\n"                                    // 3
                               "   \"cell_type\": \"code\",\n"            // 4
                               "   \"source\": [\n"                       // 5
                               "    \"import pandas as pd\\n\",\n"        // 6
                               "    \"frame = pd.read_\",\n"              // 7: a line split over two strings
                               "    \"csv('x.csv')\\n\",\n"               // 8
                               "    \"frame.describe()\"\n"               // 9
                               "   ]\n"                                   // 10
                               "  },\n"                                   // 11
                               "  {\"cell_type\": \"code\", \"source\": \"a = 1\\nb = 2\\n\"}\n" // 12: one string
                               " ],\n"
                               " \"nbformat\": 4\n"
                               "}\n";
  const Notebook parsed = parse_notebook(notebook, notebook.size());
  REQUIRE(parsed.cells.size() == 2);
  CHECK(parsed.cells[0].source_lines == std::vector<int>{6, 7, 9});
  CHECK(parsed.cells[1].source_lines == std::vector<int>{12, 12});
  // code_cells_text: the three lines of the first cell, a blank line, then a = 1 and b = 2.
  CHECK(notebook_line_of(parsed, 1) == 6);
  CHECK(notebook_line_of(parsed, 2) == 7);
  CHECK(notebook_line_of(parsed, 3) == 9);
  CHECK(notebook_line_of(parsed, 4) == 3); // the blank line after a cell: the cell's own line
  CHECK(notebook_line_of(parsed, 5) == 12);
  CHECK(notebook_line_of(parsed, 6) == 12);
  CHECK(notebook_line_of(parsed, 0) == 0);
}

TEST_CASE("notebook: CRLF, BOM and minified files read the same")
{
  std::string crlf;
  for (const char c : k_notebook) {
    if (c == '\n') {
      crlf += '\r';
    }
    crlf += c;
  }
  const Notebook with_crlf = parse_notebook("\xEF\xBB\xBF" + crlf, k_limit);
  CHECK(with_crlf.problems.empty());
  REQUIRE(with_crlf.cells.size() == 4);
  CHECK(with_crlf.cells[1].line == 11);
  CHECK(with_crlf.cells[1].outputs[0].text == "rows: 10432\ncols: 17\n");

  const Notebook minified = parse_notebook(
    R"({"cells":[{"cell_type":"code","source":"x=1","outputs":[],"execution_count":1}],"metadata":{"kernelspec":{"name":"ir"}},"nbformat":4})",
    k_limit);
  REQUIRE(minified.cells.size() == 1);
  CHECK(minified.cells[0].line == 1);
  CHECK(minified.language == "ir");
}

TEST_CASE("notebook: nbformat 3 worksheets")
{
  constexpr std::string_view v3 = R"({
 "metadata": {"name": "old", "language": "python"},
 "nbformat": 3,
 "worksheets": [
  {
   "cells": [
    {"cell_type": "code", "input": ["a = 1\n", "a"], "language": "python", "prompt_number": 2,
     "outputs": [{"output_type": "pyout", "text": ["1"], "prompt_number": 2}]},
    {"cell_type": "markdown", "source": "Notes"}
   ]
  }
 ]
})";
  const Notebook nb = parse_notebook(v3, k_limit);
  CHECK(nb.problems.empty());
  CHECK(nb.nbformat == 3);
  CHECK(nb.language == "python");
  REQUIRE(nb.cells.size() == 2);
  CHECK(nb.cells[0].source == "a = 1\na");
  CHECK(nb.cells[0].execution_count == 2);
  CHECK(nb.cells[0].outputs[0].text == "1");
  CHECK(nb.cells[0].line == 7);
  CHECK(nb.cells[1].type == CellType::markdown);
}

TEST_CASE("notebook: malformed and unexpected input")
{
  SUBCASE("a truncated notebook keeps the cells read and names where the JSON broke")
  {
    const std::string truncated(k_notebook.substr(0, k_notebook.find("\"cell_type\": \"raw\"")));
    const Notebook nb = parse_notebook(truncated, k_limit);
    CHECK(nb.cells.size() == 4);
    REQUIRE(nb.problems.size() == 1);
    CHECK(nb.problems[0].line == 50);
    CHECK(nb.problems[0].message.find("invalid JSON: syntax error while parsing object key") == 0);
  }
  SUBCASE("a syntax error in the middle names line and column")
  {
    const Notebook nb = parse_notebook("{\n \"cells\": [\n  {\"cell_type\": \"code\",, \"source\": \"x\"}\n ]\n}\n", k_limit);
    REQUIRE(nb.problems.size() == 1);
    CHECK(nb.problems[0].line == 3);
    CHECK(nb.problems[0].column == 24);
    CHECK(nb.problems[0].message.find("invalid JSON") == 0);
    REQUIRE(nb.cells.size() == 1);
    CHECK(nb.cells[0].type == CellType::code);
  }
  SUBCASE("valid JSON that is not a notebook")
  {
    const Notebook nb = parse_notebook("[1, 2, 3]", k_limit);
    CHECK(nb.cells.empty());
    REQUIRE(nb.problems.size() == 1);
    CHECK(nb.problems[0].message == "not a Jupyter notebook: no \"cells\" list");
  }
  SUBCASE("empty input, binary garbage and invalid UTF-8 in strings")
  {
    CHECK(parse_notebook("", k_limit).problems.size() == 1);
    CHECK(parse_notebook(std::string("\x89PNG\r\n\x1a\n\0\0", 10), k_limit).problems.size() == 1);
    const Notebook latin1 = parse_notebook("{\"cells\": [{\"cell_type\": \"code\", \"source\": \"caf\xe9\"}]}", k_limit);
    CHECK(latin1.problems.empty());
    REQUIRE(latin1.cells.size() == 1);
    CHECK(latin1.cells[0].source == "caf\xEF\xBF\xBD");
  }
  SUBCASE("a notebook over the caller's limit is not parsed")
  {
    const Notebook nb = parse_notebook(k_notebook, 100);
    CHECK(nb.too_large);
    CHECK(nb.cells.empty());
    REQUIRE(nb.problems.size() == 1);
    CHECK(nb.problems[0].message ==
          "notebook of " + std::to_string(k_notebook.size()) + " bytes is larger than the limit of 100 bytes; not read");
  }
  SUBCASE("deep nesting does not exhaust the stack")
  {
    std::string deep = "{\"cells\": [], \"metadata\": ";
    deep += std::string(100000, '[');
    deep += std::string(100000, ']');
    deep += "}";
    const Notebook nb = parse_notebook(deep, k_limit);
    CHECK(nb.problems.empty());
  }
}

TEST_CASE("notebook: embedded images are dropped unread, and the cells around them keep their lines")
{
  const std::string image(200 * 1024, 'A');
  const std::string text = "{\"cells\": [\n"
                           " {\"cell_type\": \"code\", \"source\": [\"plot(x)\"], \"outputs\": [\n"
                           "  {\"output_type\": \"display_data\", \"data\": {\"image/png\": \"" + image + "\", \"text/plain\": [\"<Figure>\"]}}]},\n"
                           " {\"cell_type\": \"code\", \"source\": [\"print(\\\"done\\\")\"]}\n"
                           "], \"nbformat\": 4}\n";
  const Notebook notebook = parse_notebook(text, text.size());
  CHECK(notebook.problems.empty());
  REQUIRE(notebook.cells.size() == 2);
  CHECK(notebook.cells[1].source == "print(\"done\")");
  CHECK(notebook.cells[1].line == 4);
  REQUIRE(notebook.cells[0].outputs.size() == 1);
  CHECK(notebook.cells[0].outputs[0].text == "<Figure>");
}
