#include "generate/render.h"

#include "core/text.h"

#include <algorithm>
#include <kainjow/mustache.hpp>
#include <vector>

namespace mlfolio::generate {

namespace {

constexpr std::string_view k_open = "<%";
constexpr std::string_view k_close = "%>";
constexpr std::string_view k_set_delimiters = "{{=<% %>=}}";

size_t line_of(std::string_view text, size_t offset)
{
  return 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + std::min(offset, text.size()), '\n'));
}

std::vector<std::string> names_of(const Variables& variables)
{
  std::vector<std::string> names;
  for (const auto& [name, value] : variables) {
    names.push_back(name);
  }
  return names;
}

Result<void> check_tags(std::string_view text, const Variables& variables, std::string_view where)
{
  size_t start = 0;
  while ((start = text.find(k_open, start)) != std::string_view::npos) {
    const size_t end = text.find(k_close, start + k_open.size());
    if (end == std::string_view::npos) {
      return usage_error(std::string(where) + ":" + std::to_string(line_of(text, start))
                         + ": unclosed tag '<%'; close it with '%>'.");
    }
    std::string_view tag = text::trim(text.substr(start + k_open.size(), end - start - k_open.size()));
    start = end + k_close.size();
    if (!tag.empty() && tag.front() == '!') {
      continue; // comment
    }
    if (!tag.empty() && std::string_view("#^/&").find(tag.front()) != std::string_view::npos) {
      tag = text::trim(tag.substr(1));
    }
    if (variables.find(tag) == variables.end()) {
      const auto names = names_of(variables);
      return usage_error(std::string(where) + ":" + std::to_string(line_of(text, start)) + ": unknown variable '"
                         + std::string(tag) + "'."
                         + text::did_you_mean(text::suggest(tag, std::span<const std::string>(names))));
    }
  }
  return {};
}

} // namespace

Result<std::string> render(std::string_view text, const Variables& variables, std::string_view where)
{
  if (text.find(k_open) == std::string_view::npos) {
    return std::string(text);
  }
  TRY(check_tags(text, variables, where));
  namespace mustache = kainjow::mustache;
  mustache::mustache engine{std::string(k_set_delimiters) + std::string(text)};
  if (!engine.is_valid()) {
    return usage_error(std::string(where) + ": " + engine.error_message());
  }
  engine.set_custom_escape([](const std::string& value) { return value; });
  mustache::data data;
  for (const auto& [name, value] : variables) {
    if (const auto* flag = std::get_if<bool>(&value)) {
      data.set(name, *flag ? mustache::data::type::bool_true : mustache::data::type::bool_false);
    } else {
      data.set(name, std::get<std::string>(value));
    }
  }
  std::string rendered = engine.render(data);
  if (!engine.is_valid()) {
    return usage_error(std::string(where) + ": " + engine.error_message());
  }
  return rendered;
}

Result<bool> condition_holds(std::string_view when, const Variables& variables, std::string_view where)
{
  const bool negated = !when.empty() && when.front() == '!';
  const std::string_view name = negated ? when.substr(1) : when;
  const auto found = variables.find(name);
  if (found == variables.end() || !std::holds_alternative<bool>(found->second)) {
    const auto names = names_of(variables);
    return usage_error(std::string(where) + ": 'when' names '" + std::string(name)
                       + "', which is not a true/false variable."
                       + text::did_you_mean(text::suggest(name, std::span<const std::string>(names))));
  }
  return std::get<bool>(found->second) != negated;
}

} // namespace mlfolio::generate
