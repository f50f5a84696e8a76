#include "generate/merge.h"

#include "core/text.h"
#include "lint/analyze/deps.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <toml++/toml.h>

namespace mlfolio::generate {

namespace {

// "/build/" and "build" are the same entry for a reader of the file.
std::string ignore_key(std::string_view line)
{
  std::string_view entry = text::trim(line);
  if (entry.starts_with("/")) {
    entry.remove_prefix(1);
  }
  if (entry.ends_with("/") && entry.size() > 1) {
    entry.remove_suffix(1);
  }
  return std::string(entry);
}

std::string with_final_newline(std::string_view text)
{
  std::string result(text);
  if (!result.empty() && result.back() != '\n') {
    result += '\n';
  }
  return result;
}

std::string toml_string(std::string_view requirement)
{
  return "\"" + std::string(requirement) + "\"";
}

struct ArraySpan
{
  size_t open = 0;         // the '['
  size_t close = 0;        // the matching ']'
  size_t last_value = 0;   // one past the last character of the last value; open + 1 when empty
  bool multiline = false;
};

// The array starting at text[open] == '[', strings and comments taken into account.
std::optional<ArraySpan> array_at(std::string_view text, size_t open)
{
  ArraySpan span{open, 0, open + 1, false};
  int depth = 0;
  for (size_t i = open; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"' || c == '\'') {
      const bool triple = text.substr(i, 3) == std::string(3, c);
      const std::string closing = triple ? std::string(3, c) : std::string(1, c);
      size_t end = i + closing.size();
      while (end < text.size() && text.substr(end, closing.size()) != closing) {
        end += (c == '"' && text[end] == '\\') ? 2 : 1;
      }
      i = std::min(end + closing.size(), text.size()) - 1;
      span.last_value = i + 1;
    } else if (c == '#') {
      while (i < text.size() && text[i] != '\n') {
        ++i;
      }
      span.multiline = true;
    } else if (c == '\n') {
      span.multiline = true;
    } else if (c == '[') {
      ++depth;
    } else if (c == ']') {
      if (--depth == 0) {
        span.close = i;
        return span;
      }
      span.last_value = i + 1;
    } else if (!std::isspace(static_cast<unsigned char>(c)) && c != ',') {
      span.last_value = i + 1;
    }
  }
  return std::nullopt;
}

} // namespace

std::string merge_ignore_lines(std::string_view existing, std::string_view wanted, std::string_view added_by)
{
  std::set<std::string> present;
  for (const auto line : text::split_lines(existing)) {
    present.insert(ignore_key(line));
  }
  std::string added;
  std::string heading; // the comment that opens the current block of `wanted`
  bool heading_written = false;
  for (const auto line : text::split_lines(wanted)) {
    const std::string_view trimmed = text::trim(line);
    if (trimmed.empty()) {
      heading.clear();
      heading_written = false;
    } else if (trimmed.starts_with("#")) {
      heading = std::string(trimmed);
      heading_written = false;
    } else if (present.insert(ignore_key(trimmed)).second) {
      if (!heading.empty() && !heading_written) {
        added += (added.empty() ? "" : "\n") + heading + "\n";
        heading_written = true;
      }
      added += std::string(trimmed) + "\n";
    }
  }
  if (added.empty()) {
    return std::string(existing);
  }
  std::string merged = with_final_newline(existing);
  merged += (merged.empty() ? "" : "\n") + std::string(added_by) + "\n" + added;
  return merged;
}

std::string requirement_name(std::string_view line)
{
  // The checker's PEP 508 reader, so that add and check agree on what a requirement names.
  const std::string_view trimmed = text::trim(line);
  if (trimmed.empty() || trimmed.starts_with("#") || trimmed.starts_with("-")) {
    return "";
  }
  // pip's inline comment: '#' after whitespace.
  const size_t comment = trimmed.find_first_of("#");
  const std::string_view requirement =
      comment != std::string_view::npos && comment > 0 && (trimmed[comment - 1] == ' ' || trimmed[comment - 1] == '\t')
          ? text::trim(trimmed.substr(0, comment))
          : trimmed;
  const auto parsed = lint::analyze::parse_requirement(requirement, 0);
  return parsed ? parsed->name : "";
}

std::string add_requirements(std::string_view existing, const std::vector<std::string>& requirements,
                             std::string_view added_by)
{
  std::set<std::string> present;
  for (const auto line : text::split_lines(existing)) {
    present.insert(requirement_name(line));
  }
  std::string added;
  for (const auto& requirement : requirements) {
    if (present.insert(requirement_name(requirement)).second) {
      added += requirement + "\n";
    }
  }
  if (added.empty()) {
    return std::string(existing);
  }
  return with_final_newline(existing) + std::string(added_by) + "\n" + added;
}

Result<std::string> add_pyproject_dependencies(std::string_view existing, const std::vector<std::string>& requirements,
                                               const std::string& path)
{
  toml::table document;
  try {
    document = toml::parse(existing, path);
  } catch (const toml::parse_error& error) {
    return usage_error(path + ":" + std::to_string(error.source().begin.line) + ": " + std::string(error.description())
                       + ". Fix the file, then run mlfolio add again; nothing was written.");
  }
  const toml::table* project = document["project"].as_table();
  if (project == nullptr) {
    return usage_error(path + " has no [project] table, so mlfolio cannot tell where the dependencies go. "
                              "Add them yourself, or keep them in a requirements.txt.");
  }
  std::set<std::string> present;
  const toml::array* dependencies = (*project)["dependencies"].as_array();
  if (dependencies != nullptr) {
    for (const auto& entry : *dependencies) {
      if (const auto value = entry.value<std::string_view>()) {
        present.insert(requirement_name(*value));
      }
    }
  }
  std::vector<std::string> missing;
  for (const auto& requirement : requirements) {
    if (present.insert(requirement_name(requirement)).second) {
      missing.push_back(requirement);
    }
  }
  if (missing.empty()) {
    return std::string(existing);
  }
  std::string result(existing);
  if (dependencies == nullptr) {
    // Right below the [project] header line.
    const size_t header_line = static_cast<size_t>(project->source().begin.line);
    size_t offset = 0;
    for (size_t line = 1; line <= header_line && offset != std::string::npos; ++line) {
      offset = result.find('\n', offset);
      offset = offset == std::string::npos ? offset : offset + 1;
    }
    std::string block = "dependencies = [\n";
    for (const auto& requirement : missing) {
      block += "    " + toml_string(requirement) + ",\n";
    }
    block += "]\n";
    if (offset == std::string::npos) {
      return with_final_newline(result) + block;
    }
    return result.insert(offset, block);
  }
  // The array's '[' is the first one after the key on its line.
  const auto& begin = dependencies->source().begin;
  size_t offset = 0;
  for (uint32_t line = 1; line < begin.line; ++line) {
    offset = result.find('\n', offset) + 1;
  }
  offset += begin.column - 1;
  if (offset >= result.size() || result[offset] != '[') {
    offset = result.find('[', offset);
  }
  const auto span = offset == std::string::npos ? std::nullopt : array_at(result, offset);
  if (!span) {
    return runtime_error(path + ": cannot find the end of [project] dependencies; add "
                         + missing.front() + " yourself. Nothing was written.");
  }
  // After the last value, so that a trailing comma or comment of the author stays where it is.
  const bool empty = span->last_value == span->open + 1;
  const std::string separator = span->multiline ? ",\n    " : ", ";
  std::string insertion = empty ? (span->multiline ? "\n    " : "") : separator;
  for (size_t i = 0; i < missing.size(); ++i) {
    insertion += (i == 0 ? "" : separator) + toml_string(missing[i]);
  }
  result.insert(span->last_value, insertion);
  return result;
}

std::string append_sections(std::string_view existing, const std::vector<std::string>& sections)
{
  std::string merged = with_final_newline(existing);
  for (const auto& section : sections) {
    merged += (merged.empty() ? "" : "\n") + with_final_newline(text::trim(section));
  }
  return merged;
}

} // namespace mlfolio::generate
