#pragma once

#include "lint/analyze/problem.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::lint::analyze {

enum class CellType { code, markdown, raw, other };

struct CellOutput
{
  std::string output_type; // "stream", "execute_result", "display_data", "error", ...
  std::string name;        // "stdout" / "stderr" for streams
  std::string text;        // stream text, text/plain data, or "ename: evalue" for errors
};

struct NotebookCell
{
  CellType type = CellType::other;
  std::string source; // joined from a string or a list of strings ("input" in nbformat 3)
  int line = 0;       // line of the cell's "{" in the .ipynb file
  std::vector<int> source_lines; // the .ipynb line each line of `source` starts on
  std::optional<long long> execution_count;
  std::vector<CellOutput> outputs; // images and other binary data are not kept
};

struct Notebook
{
  std::vector<NotebookCell> cells; // those read before any error
  std::string language;            // lower-case: kernelspec.language, language_info.name, or from the kernel name
  std::string kernel_name;         // kernelspec.name ("python3")
  int nbformat = 0;
  bool too_large = false;          // larger than the caller's limit: not parsed
  std::vector<Problem> problems;   // malformed JSON (with line and column), not a notebook, too large
  // For each code cell, in order: the line of code_cells_text(*this) its source starts on, and
  // the cell's line in the .ipynb file.
  std::vector<std::pair<int, int>> code_lines;
  std::vector<size_t> code_cells; // parallel to code_lines (but its last entry): the index in cells
};

// The line in the .ipynb file of line `line` of code_cells_text: where that line of the cell's
// source is written, else the cell's line; 0 when no cell holds it.
int notebook_line_of(const Notebook& notebook, int line);

// Reads a Jupyter notebook (nbformat 3 or 4) with a streaming JSON parser: outputs' binary data
// is never stored. Input larger than `max_bytes` is not parsed (too_large, one problem). Never
// throws; on malformed JSON the cells read so far are kept and the error is a problem.
Notebook parse_notebook(std::string_view bytes, size_t max_bytes);

// The sources of the code cells, each followed by a blank line.
std::string code_cells_text(const Notebook& notebook);

} // namespace mlfolio::lint::analyze
