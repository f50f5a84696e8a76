#include "lint/analyze/line_index.h"
#include "lint/analyze/workflow_build.h"

#include <cctype>

namespace mlfolio::lint::analyze::detail {

namespace {

std::string_view trim(std::string_view s)
{
  const size_t first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) {
    return {};
  }
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

bool is_word_char(char c)
{
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

// The quoted name in "stage('Test')" / stage("Test") on a line, or "".
std::string stage_name(std::string_view line)
{
  const size_t at = line.find("stage");
  if (at == std::string_view::npos || (at > 0 && is_word_char(line[at - 1]))) {
    return {};
  }
  size_t k = at + 5;
  while (k < line.size() && (line[k] == ' ' || line[k] == '(')) {
    ++k;
  }
  if (k >= line.size() || (line[k] != '\'' && line[k] != '"')) {
    return {};
  }
  const size_t close = line.find(line[k], k + 1);
  return close == std::string_view::npos ? std::string() : std::string(line.substr(k + 1, close - k - 1));
}

// Where the string argument of a shell step on this line starts ("sh 'x'", "sh(script: \"x\")",
// "bat '''...'''"), or npos.
size_t step_string_start(std::string_view line)
{
  const size_t script_at = line.find("script:");
  for (const std::string_view step : {"sh", "bat", "powershell", "pwsh"}) {
    for (size_t at = line.find(step); at != std::string_view::npos; at = line.find(step, at + 1)) {
      if ((at > 0 && is_word_char(line[at - 1])) ||
          (at + step.size() < line.size() && is_word_char(line[at + step.size()]))) {
        continue;
      }
      size_t k = at + step.size();
      while (k < line.size() && (line[k] == ' ' || line[k] == '(')) {
        ++k;
      }
      if (k < line.size() && line[k] != '\'' && line[k] != '"') {
        if (script_at == std::string_view::npos || script_at < k) {
          continue;
        }
        k = line.find_first_not_of(' ', script_at + 7);
      }
      if (k != std::string_view::npos && k < line.size() && (line[k] == '\'' || line[k] == '"')) {
        return k;
      }
    }
  }
  return std::string_view::npos;
}

} // namespace

void read_jenkinsfile(std::string_view text, Workflow& workflow)
{
  const std::vector<std::string_view> lines = split_lf_lines(text);
  CiJob job{"(pipeline)", 1, {}, {}};
  const auto start_job = [&](std::string name, int line) {
    if (!job.commands.empty()) {
      workflow.jobs.push_back(std::move(job));
    }
    job = CiJob{std::move(name), line, {}, {}};
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    if (trim(line).substr(0, 2) == "//") {
      continue;
    }
    if (std::string name = stage_name(line); !name.empty()) {
      start_job(std::move(name), static_cast<int>(i) + 1);
    }
    const size_t start = step_string_start(line);
    if (start == std::string_view::npos) {
      continue;
    }
    const char quote = line[start];
    const std::string triple(3, quote);
    if (line.substr(start, 3) == triple) {
      // A multi-line script: one command per line up to the closing triple quote.
      std::string_view rest = line.substr(start + 3);
      size_t k = i;
      while (true) {
        const size_t close = rest.find(triple);
        const std::string_view command = trim(rest.substr(0, close));
        if (!command.empty()) {
          job.commands.push_back(CiCommand{std::string(command), static_cast<int>(k) + 1});
        }
        if (close != std::string_view::npos || k + 1 >= lines.size()) {
          break;
        }
        rest = lines[++k];
      }
      i = k;
      continue;
    }
    size_t end = start + 1;
    while (end < line.size() && line[end] != quote) {
      end += line[end] == '\\' ? 2 : 1;
    }
    const std::string_view command = trim(line.substr(start + 1, std::min(end, line.size()) - start - 1));
    if (!command.empty()) {
      job.commands.push_back(CiCommand{std::string(command), static_cast<int>(i) + 1});
    }
  }
  start_job("", 0);
}

} // namespace mlfolio::lint::analyze::detail
