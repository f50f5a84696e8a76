#include "lint/analyze/notebook.h"

#include "lint/analyze/line_index.h"
#include "lint/analyze/text_decode.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <iterator>

namespace mlfolio::lint::analyze {

namespace {

using Json = nlohmann::json;

// Counts the newlines the parser has read, so that a cell knows the line of its "{".
struct ReadPosition
{
  size_t newlines = 0;
};

class CountingIterator
{
public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  CountingIterator(const char* at, ReadPosition* position) : m_at(at), m_position(position) {}
  reference operator*() const { return *m_at; }
  CountingIterator& operator++()
  {
    if (*m_at == '\n') {
      ++m_position->newlines;
    }
    ++m_at;
    return *this;
  }
  CountingIterator operator++(int)
  {
    CountingIterator before = *this;
    ++*this;
    return before;
  }
  bool operator==(const CountingIterator& other) const { return m_at == other.m_at; }
  bool operator!=(const CountingIterator& other) const { return m_at != other.m_at; }

private:
  const char* m_at;
  ReadPosition* m_position;
};

enum class Context {
  root,
  cells,
  cell,
  source,
  outputs,
  output,
  output_text,
  output_data,
  data_plain,
  metadata,
  kernelspec,
  language_info,
  worksheets,
  worksheet,
  ignored,
};

class NotebookSax
{
public:
  NotebookSax(Notebook& notebook, const ReadPosition& position) : m_nb(notebook), m_position(position) {}

  bool null() { return value_seen(); }
  bool boolean(bool) { return value_seen(); }
  bool number_integer(Json::number_integer_t value) { return integer(static_cast<long long>(value)); }
  bool number_unsigned(Json::number_unsigned_t value) { return integer(static_cast<long long>(value)); }
  bool number_float(Json::number_float_t, const Json::string_t&) { return value_seen(); }
  bool binary(Json::binary_t&) { return value_seen(); }

  bool string(Json::string_t& value)
  {
    const Context context = top();
    const std::string& key = m_key;
    if (context == Context::cell) {
      if (key == "cell_type") {
        m_nb.cells.back().type = value == "code"       ? CellType::code
                                 : value == "markdown" ? CellType::markdown
                                 : value == "raw"      ? CellType::raw
                                                       : CellType::other;
      } else if (key == "source" || key == "input") {
        add_source(value);
      }
    } else if (context == Context::source) {
      add_source(value);
    } else if (context == Context::output) {
      CellOutput& output = m_nb.cells.back().outputs.back();
      if (key == "output_type") {
        output.output_type = value;
      } else if (key == "name" || key == "stream") {
        output.name = value;
      } else if (key == "text") {
        output.text += value;
      } else if (key == "ename" || key == "evalue") { // "ValueError: bad shape"
        output.text += output.text.empty() ? value : ": " + value;
      }
    } else if (context == Context::output_text || context == Context::data_plain) {
      m_nb.cells.back().outputs.back().text += value;
    } else if (context == Context::output_data && key == "text/plain") {
      m_nb.cells.back().outputs.back().text += value;
    } else if (context == Context::kernelspec) {
      if (key == "language") {
        m_kernel_language = value;
      } else if (key == "name") {
        m_nb.kernel_name = value;
      }
    } else if (context == Context::language_info && key == "name") {
      m_info_language = value;
    } else if (context == Context::metadata && key == "language") {
      m_info_language = value; // nbformat 3
    }
    return value_seen();
  }

  // Appends a string of the cell's source, noting the .ipynb line of each source line that
  // starts in it: a JSON string holds no raw newline, so all of it is on the line read last.
  void add_source(const std::string& value)
  {
    NotebookCell& cell = m_nb.cells.back();
    const int line = static_cast<int>(m_position.newlines) + 1;
    const size_t old_size = cell.source.size();
    cell.source += value;
    // A line starts at the source's first byte and after every '\n' that is not its last byte.
    size_t at = old_size == 0 ? 0 : cell.source.find('\n', old_size - 1);
    if (old_size == 0 && !cell.source.empty()) {
      cell.source_lines.push_back(line);
      at = cell.source.find('\n');
    }
    for (; at != std::string::npos && at + 1 < cell.source.size(); at = cell.source.find('\n', at + 1)) {
      if (at + 1 >= old_size) {
        cell.source_lines.push_back(line);
      }
    }
  }

  bool start_object(std::size_t)
  {
    const Context parent = top();
    Context context = Context::ignored;
    if (m_stack.empty()) {
      context = Context::root;
    } else if (parent == Context::cells) {
      context = Context::cell;
      m_nb.cells.emplace_back();
      m_nb.cells.back().line = static_cast<int>(m_position.newlines) + 1;
    } else if (parent == Context::outputs) {
      context = Context::output;
      m_nb.cells.back().outputs.emplace_back();
    } else if (parent == Context::output && m_key == "data") {
      context = Context::output_data;
    } else if (parent == Context::root && m_key == "metadata") {
      context = Context::metadata;
    } else if (parent == Context::metadata && m_key == "kernelspec") {
      context = Context::kernelspec;
    } else if (parent == Context::metadata && m_key == "language_info") {
      context = Context::language_info;
    } else if (parent == Context::worksheets) {
      context = Context::worksheet;
    }
    m_stack.push_back(context);
    return true;
  }

  bool start_array(std::size_t)
  {
    const Context parent = top();
    Context context = Context::ignored;
    if ((parent == Context::root || parent == Context::worksheet) && m_key == "cells") {
      context = Context::cells;
      m_saw_cells = true;
    } else if (parent == Context::root && m_key == "worksheets") {
      context = Context::worksheets;
    } else if (parent == Context::cell && (m_key == "source" || m_key == "input")) {
      context = Context::source;
    } else if (parent == Context::cell && m_key == "outputs") {
      context = Context::outputs;
    } else if (parent == Context::output && m_key == "text") {
      context = Context::output_text;
    } else if (parent == Context::output_data && m_key == "text/plain") {
      context = Context::data_plain;
    }
    m_stack.push_back(context);
    return true;
  }

  bool key(Json::string_t& value)
  {
    m_key = value;
    return true;
  }

  bool end_object() { return end_container(); }
  bool end_array() { return end_container(); }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& error)
  {
    m_error_position = position;
    std::string message = error.what();
    // "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error ..." -> "syntax error ..."
    const size_t column = message.find("column ");
    const size_t colon = message.find(": ", column == std::string::npos ? 0 : column);
    if (colon != std::string::npos) {
      message = message.substr(colon + 2);
    }
    m_error_message = "invalid JSON: " + message;
    return false;
  }

  void finish()
  {
    std::string language = !m_kernel_language.empty() ? m_kernel_language : m_info_language;
    if (language.empty() && !m_nb.kernel_name.empty()) {
      language = m_nb.kernel_name;
      while (!language.empty() && std::isdigit(static_cast<unsigned char>(language.back())) != 0) {
        language.pop_back(); // "python3" -> "python"
      }
    }
    for (char& c : language) {
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    m_nb.language = language;
  }

  bool saw_cells() const { return m_saw_cells; }
  std::optional<size_t> error_position() const { return m_error_position; }
  const std::string& error_message() const { return m_error_message; }

private:
  Context top() const { return m_stack.empty() ? Context::ignored : m_stack.back(); }

  bool integer(long long value)
  {
    const Context context = top();
    if (context == Context::cell && (m_key == "execution_count" || m_key == "prompt_number")) {
      m_nb.cells.back().execution_count = value;
    } else if (context == Context::root && m_key == "nbformat") {
      m_nb.nbformat = static_cast<int>(value);
    }
    return value_seen();
  }

  bool value_seen() { return true; }

  bool end_container()
  {
    if (!m_stack.empty()) {
      m_stack.pop_back();
    }
    return true;
  }

  Notebook& m_nb;
  const ReadPosition& m_position;
  std::vector<Context> m_stack;
  std::string m_key;
  std::string m_kernel_language;
  std::string m_info_language;
  bool m_saw_cells = false;
  std::optional<size_t> m_error_position;
  std::string m_error_message;
};

// JSON strings longer than this are images and other embedded binaries (base64) in practice: they
// are emptied before parsing, so a 50 MB notebook costs what its code and text cost.
constexpr size_t k_long_string = 64 * 1024;

// `json` with the content of every string longer than k_long_string removed. It scans at memchr
// speed and keeps the JSON valid and every line where it was (a raw newline is kept).
std::string without_long_strings(std::string_view json)
{
  std::string out;
  out.reserve(std::min(json.size(), size_t{1} << 20));
  size_t at = 0;
  while (at < json.size()) {
    const size_t open = json.find('"', at);
    if (open == std::string_view::npos) {
      out.append(json.substr(at));
      break;
    }
    out.append(json.substr(at, open + 1 - at));
    // The closing quote: the next one not escaped by an odd run of backslashes.
    size_t close = open;
    for (;;) {
      close = json.find('"', close + 1);
      if (close == std::string_view::npos) {
        break;
      }
      size_t backslashes = 0;
      while (json[close - 1 - backslashes] == '\\') {
        ++backslashes;
      }
      if (backslashes % 2 == 0) {
        break;
      }
    }
    const size_t end = close == std::string_view::npos ? json.size() : close;
    const std::string_view content = json.substr(open + 1, end - open - 1);
    if (content.size() > k_long_string) {
      for (size_t newline = content.find('\n'); newline != std::string_view::npos;
           newline = content.find('\n', newline + 1)) {
        out.push_back('\n'); // only in malformed JSON; kept so that error lines stay right
      }
    } else {
      out.append(content);
    }
    if (close == std::string_view::npos) {
      break;
    }
    out.push_back('"');
    at = close + 1;
  }
  return out;
}

} // namespace

Notebook parse_notebook(std::string_view bytes, size_t max_bytes)
{
  Notebook notebook;
  if (bytes.size() > max_bytes) {
    notebook.too_large = true;
    notebook.problems.push_back(Problem{0, 0,
                                        "notebook of " + std::to_string(bytes.size()) + " bytes is larger than the limit of " +
                                          std::to_string(max_bytes) + " bytes; not read"});
    return notebook;
  }
  // UTF-16 needs decoding first; UTF-8 (nearly every notebook) is thinned before decoding.
  const bool utf16 = bytes.size() >= 2 && (bytes.substr(0, 2) == "\xff\xfe" || bytes.substr(0, 2) == "\xfe\xff");
  const DecodedText decoded = utf16 ? decode_text(without_long_strings(decode_text(bytes).text))
                                    : decode_text(without_long_strings(bytes));
  const std::string& text = decoded.text;
  ReadPosition position;
  NotebookSax sax(notebook, position);
  try {
    Json::sax_parse(CountingIterator(text.data(), &position), CountingIterator(text.data() + text.size(), &position),
                    &sax);
  } catch (const std::exception& error) { // the SAX parser reports errors; this is a last resort
    notebook.problems.push_back(Problem{0, 0, std::string("cannot read the notebook: ") + error.what()});
  }
  sax.finish();
  // Mirrors code_cells_text: each code cell, a newline if it lacks one, a blank line.
  int first = 1;
  for (size_t i = 0; i < notebook.cells.size(); ++i) {
    const NotebookCell& cell = notebook.cells[i];
    if (cell.type == CellType::code) {
      notebook.code_lines.emplace_back(first, cell.line);
      notebook.code_cells.push_back(i);
      const auto newlines = static_cast<int>(std::count(cell.source.begin(), cell.source.end(), '\n'));
      const bool ends_open = !cell.source.empty() && cell.source.back() != '\n';
      first += newlines + (ends_open ? 1 : 0) + 1;
    }
  }
  notebook.code_lines.emplace_back(first, 0); // past the last cell
  if (const auto offset = sax.error_position()) {
    const LineIndex lines(text);
    const size_t at = *offset > 0 ? std::min(*offset - 1, text.size()) : 0;
    notebook.problems.push_back(Problem{lines.line_of(at), lines.column_of(at), sax.error_message()});
  } else if (!sax.saw_cells()) {
    notebook.problems.push_back(Problem{1, 0, "not a Jupyter notebook: no \"cells\" list"});
  }
  return notebook;
}

int notebook_line_of(const Notebook& notebook, int line)
{
  const auto& starts = notebook.code_lines;
  // The last cell starting at or before `line`; the entry past the last cell has line 0.
  const auto before = [](int wanted, const std::pair<int, int>& start) { return wanted < start.first; };
  const auto after = std::upper_bound(starts.begin(), starts.end(), line, before);
  if (after == starts.begin()) {
    return 0;
  }
  const auto found = std::prev(after);
  const auto index = static_cast<size_t>(found - starts.begin());
  if (index < notebook.code_cells.size() && notebook.code_cells[index] < notebook.cells.size()) {
    const auto& lines = notebook.cells[notebook.code_cells[index]].source_lines;
    const int offset = line - found->first;
    if (offset >= 0 && static_cast<size_t>(offset) < lines.size()) {
      return lines[static_cast<size_t>(offset)];
    }
  }
  return found->second;
}

std::string code_cells_text(const Notebook& notebook)
{
  std::string text;
  for (const auto& cell : notebook.cells) {
    if (cell.type == CellType::code) {
      text += cell.source;
      if (!text.empty() && text.back() != '\n') {
        text += '\n';
      }
      text += '\n';
    }
  }
  return text;
}

} // namespace mlfolio::lint::analyze
