#include "lint/analyze/dockerfile_words.h"

#include <cctype>

namespace mlfolio::lint::analyze::detail {

std::vector<std::string> docker_words(std::string_view text, char escape)
{
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == escape && i + 1 < text.size() && quote != '\'') {
      word += text[++i];
      in_word = true;
    } else if (quote != 0) {
      if (c == quote) {
        quote = 0;
      } else {
        word += c;
      }
    } else if (c == '"' || c == '\'') {
      quote = c;
      in_word = true;
    } else if (c == ' ' || c == '\t' || c == '\n') {
      if (in_word) {
        words.push_back(std::move(word));
        word.clear();
        in_word = false;
      }
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) {
    words.push_back(std::move(word));
  }
  return words;
}

namespace {

bool is_variable_char(char c)
{
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

} // namespace

std::string substitute_variables(std::string_view text, const std::map<std::string, std::string, std::less<>>& variables,
                                 char escape, bool& unresolved)
{
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == escape && i + 1 < text.size() && text[i + 1] == '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (c != '$' || i + 1 >= text.size()) {
      out += c;
      ++i;
      continue;
    }
    std::string_view name;
    std::string_view modifier;
    std::string_view word;
    size_t end = i + 1;
    if (text[i + 1] == '{') {
      const size_t close = text.find('}', i + 2);
      if (close == std::string_view::npos) {
        out += text.substr(i);
        break;
      }
      const std::string_view inside = text.substr(i + 2, close - i - 2);
      size_t k = 0;
      while (k < inside.size() && is_variable_char(inside[k])) {
        ++k;
      }
      name = inside.substr(0, k);
      const std::string_view rest = inside.substr(k);
      if (rest.substr(0, 2) == ":-" || rest.substr(0, 2) == ":+") {
        modifier = rest.substr(0, 2);
        word = rest.substr(2);
      } else if (!rest.empty() && (rest[0] == '-' || rest[0] == '+')) {
        modifier = rest.substr(0, 1);
        word = rest.substr(1);
      }
      end = close + 1;
    } else {
      while (end < text.size() && is_variable_char(text[end])) {
        ++end;
      }
      name = text.substr(i + 1, end - i - 1);
      if (name.empty()) {
        out += c;
        ++i;
        continue;
      }
    }
    const auto found = variables.find(name);
    const bool set = found != variables.end();
    const std::string value = set ? found->second : std::string();
    if (modifier == ":-") {
      out += value.empty() ? std::string(word) : value;
    } else if (modifier == "-") {
      out += set ? value : std::string(word);
    } else if (modifier == ":+") {
      out += value.empty() ? std::string() : std::string(word);
    } else if (modifier == "+") {
      out += set ? std::string(word) : std::string();
    } else {
      if (!set) {
        unresolved = true;
      }
      out += value;
    }
    i = end;
  }
  return out;
}

ImageRef parse_image_ref(std::string text)
{
  ImageRef image;
  image.text = std::move(text);
  std::string_view rest = image.text;
  if (const size_t at = rest.find('@'); at != std::string_view::npos) {
    image.digest = std::string(rest.substr(at + 1));
    rest = rest.substr(0, at);
  }
  const size_t slash = rest.rfind('/');
  const size_t colon = rest.rfind(':');
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash)) {
    image.tag = std::string(rest.substr(colon + 1));
    rest = rest.substr(0, colon);
  }
  image.name = std::string(rest);
  return image;
}

} // namespace mlfolio::lint::analyze::detail
