#include "lint/analyze/makefile.h"

#include "core/text.h"
#include "lint/analyze/text_decode.h"

#include <sstream>

namespace mlfolio::lint::analyze {

namespace {

bool is_space(char c)
{
  return c == ' ' || c == '\t';
}

std::string trim(std::string_view text)
{
  size_t begin = 0;
  size_t end = text.size();
  while (begin < end && is_space(text[begin])) {
    ++begin;
  }
  while (end > begin && (is_space(text[end - 1]) || text[end - 1] == '\r')) {
    --end;
  }
  return std::string(text.substr(begin, end - begin));
}

std::vector<std::string> words(std::string_view text)
{
  std::vector<std::string> result;
  std::istringstream stream{std::string(text)};
  for (std::string word; stream >> word;) {
    result.push_back(word);
  }
  return result;
}

// A target worth reporting: a name someone types, not a file, a pattern or a special target.
bool is_task_name(std::string_view name)
{
  if (name.empty() || name.front() == '.' || name.find_first_of("%$/()") != std::string_view::npos) {
    return false;
  }
  for (const char c : name) {
    const bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '.';
    if (!word) {
      return false;
    }
  }
  return true;
}

// "name other: deps" (Make) or "name param='x': deps" (just). The colon of the rule is the first
// one not part of ":=" / "::=" and, for just, outside quotes.
bool split_rule(std::string_view line, TaskFileKind kind, std::string& head, std::string& tail)
{
  char quote = 0;
  for (size_t k = 0; k < line.size(); ++k) {
    const char c = line[k];
    if (quote != 0) {
      quote = c == quote ? 0 : quote;
      continue;
    }
    if (kind == TaskFileKind::just && (c == '\'' || c == '"')) {
      quote = c;
      continue;
    }
    if (c == '#') {
      return false;
    }
    if (kind == TaskFileKind::make && c == '=') {
      return false; // an assignment: x = y, x ?= y, x += y
    }
    if (c != ':') {
      continue;
    }
    size_t after = k + 1;
    while (after < line.size() && line[after] == ':') {
      ++after;
    }
    if (after < line.size() && line[after] == '=') {
      return false; // x := y, x ::= y
    }
    head = trim(line.substr(0, k));
    const std::string_view rest = line.substr(after);
    tail = trim(rest.substr(0, rest.find('#'))); // help: ## Show this help
    return !head.empty();
  }
  return false;
}

std::string command_text(std::string_view line)
{
  std::string text = trim(line);
  while (!text.empty() && (text.front() == '@' || text.front() == '-' || text.front() == '+')) {
    text.erase(0, 1);
  }
  return trim(text);
}

bool starts_directive(std::string_view line)
{
  static constexpr std::string_view k_directives[] = {
      "ifeq",  "ifneq",  "ifdef",    "ifndef",  "else",     "endif",    "define",
      "endef", "export", "unexport", "include", "-include", "sinclude", "override",
      "vpath", "set",    "alias",    "import",  "mod"};
  const auto first = words(line);
  if (first.empty()) {
    return true;
  }
  for (const auto directive : k_directives) {
    if (first.front() == directive &&
        (first.size() > 1 || directive == "else" || directive == "endif" || directive == "endef")) {
      return true;
    }
  }
  return false;
}

} // namespace

TaskFile parse_task_file(std::string_view bytes, TaskFileKind kind)
{
  const DecodedText decoded = decode_text(bytes);
  TaskFile file;
  std::istringstream stream(decoded.text);
  std::vector<size_t> current; // targets of the rule being read: "a b:" gives both the recipe
  bool in_define = false;
  std::string pending; // a line continued with a trailing backslash
  int pending_line = 0;
  int number = 0;
  for (std::string raw; std::getline(stream, raw);) {
    ++number;
    if (!pending.empty() || (!raw.empty() && raw.back() == '\\')) {
      if (pending.empty()) {
        pending_line = number;
      }
      const std::string piece = pending.empty() ? raw : trim(raw); // continuation lines lose their indent
      if (!raw.empty() && raw.back() == '\\') {
        pending += piece.substr(0, piece.size() - 1);
        pending += pending.empty() || pending.back() == ' ' ? "" : " ";
        continue;
      }
      raw = pending + piece;
      pending.clear();
    } else {
      pending_line = number;
    }
    const bool indented = !raw.empty() && is_space(raw.front());
    const std::string text = trim(raw);
    if (kind == TaskFileKind::make && (text.starts_with("define ") || text == "define")) {
      in_define = true;
    }
    if (in_define) {
      in_define = text != "endef";
      continue;
    }
    if (text.empty() || text.front() == '#') {
      continue;
    }
    const bool recipe_line = kind == TaskFileKind::make ? !raw.empty() && raw.front() == '\t' : indented;
    if (recipe_line) {
      for (const size_t index : current) {
        file.targets[index].recipe.push_back(command_text(text));
      }
      continue;
    }
    current.clear();
    if (indented || text.front() == '[' || starts_directive(text)) {
      continue; // just attributes such as [private], directives, and indented Make variables
    }
    std::string head;
    std::string tail;
    if (!split_rule(text, kind, head, tail)) {
      continue;
    }
    std::string inline_recipe;
    if (const size_t semicolon = tail.find(';');
        kind == TaskFileKind::make && semicolon != std::string::npos) {
      inline_recipe = command_text(tail.substr(semicolon + 1));
      tail = trim(tail.substr(0, semicolon));
    }
    std::vector<std::string> names = words(head);
    if (kind == TaskFileKind::just) {
      // the recipe name, then its parameters; a leading @ hides the commands
      names = names.empty() ? names : std::vector<std::string>{names.front()};
      if (!names.empty() && names.front().starts_with('@')) {
        names.front().erase(0, 1);
      }
    }
    for (const auto& name : names) {
      if (!is_task_name(name)) {
        continue;
      }
      TaskTarget target;
      target.name = name;
      target.line = pending_line;
      target.prerequisites = words(tail);
      if (!inline_recipe.empty()) {
        target.recipe.push_back(inline_recipe);
      }
      current.push_back(file.targets.size());
      file.targets.push_back(std::move(target));
    }
  }
  return file;
}

bool only_prints(std::string_view command)
{
  const std::string_view shown = text::trim(command);
  return shown.starts_with("echo") || shown.starts_with("@echo") || shown.starts_with("printf") ||
         shown.starts_with("@printf");
}

} // namespace mlfolio::lint::analyze
