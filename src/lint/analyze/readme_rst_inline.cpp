#include "lint/analyze/readme_build.h"
#include "lint/analyze/readme_rst.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace mlfolio::lint::analyze::detail {

namespace {

bool is_space(char c)
{
  return c == ' ' || c == '\t' || c == '\n';
}

bool is_word(char c)
{
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= 0x80;
}

std::string_view trim(std::string_view s)
{
  const size_t first = s.find_first_not_of(" \t\n");
  if (first == std::string_view::npos) {
    return {};
  }
  return s.substr(first, s.find_last_not_of(" \t\n") - first + 1);
}

int count_newlines(std::string_view s)
{
  int count = 0;
  for (const char c : s) {
    count += c == '\n' ? 1 : 0;
  }
  return count;
}

// Length of the "_" or "__" ending a reference name at text[i].
size_t reference_run(std::string_view text, size_t i)
{
  return text.substr(i, 2) == "__" ? 2 : 1;
}

bool is_name_char(char c)
{
  return is_word(c) || c == '_';
}

// Length of ":role:" at text[i] when a backquote follows it, else 0.
size_t role_length(std::string_view text, size_t i)
{
  size_t k = i + 1;
  while (k < text.size() && k - i <= 40 &&
         (std::isalnum(static_cast<unsigned char>(text[k])) != 0 || text[k] == '_' || text[k] == '-' ||
          text[k] == '.' || text[k] == '+' || (text[k] == ':' && k + 1 < text.size() && text[k + 1] != '`'))) {
    ++k;
  }
  if (k > i + 1 && k + 1 < text.size() && text[k] == ':' && text[k + 1] == '`') {
    return k + 1 - i;
  }
  return 0;
}

bool is_url_start(std::string_view text, size_t i)
{
  if (i > 0 && is_word(text[i - 1])) {
    return false;
  }
  const std::string_view rest = text.substr(i);
  return rest.substr(0, 7) == "http://" || rest.substr(0, 8) == "https://";
}

size_t url_length(std::string_view text, size_t i)
{
  size_t k = i;
  while (k < text.size() && !is_space(text[k]) && text[k] != '<' && text[k] != '>' && text[k] != '`' &&
         text[k] != '"') {
    ++k;
  }
  // Trailing punctuation belongs to the sentence, and ")" only when unbalanced.
  while (k > i) {
    const char last = text[k - 1];
    if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!' || last == '?' || last == '\'') {
      --k;
    } else if (last == ')') {
      const std::string_view url = text.substr(i, k - i);
      if (std::count(url.begin(), url.end(), '(') < std::count(url.begin(), url.end(), ')')) {
        --k;
      } else {
        break;
      }
    } else {
      break;
    }
  }
  return k - i;
}

// "text <url>" -> {text, url}; "<url>" -> {url, url}.
std::optional<std::pair<std::string, std::string>> embedded_uri(std::string_view inner)
{
  inner = trim(inner);
  if (inner.empty() || inner.back() != '>') {
    return std::nullopt;
  }
  const size_t open = inner.rfind('<');
  if (open == std::string_view::npos || (open > 0 && !is_space(inner[open - 1]))) {
    return std::nullopt;
  }
  std::string url;
  for (const char c : inner.substr(open + 1, inner.size() - open - 2)) {
    if (!is_space(c)) {
      url += c; // a long URL may be broken over lines
    }
  }
  std::string text(trim(inner.substr(0, open)));
  if (text.empty()) {
    text = url;
  }
  return std::make_pair(std::move(text), std::move(url));
}

} // namespace

std::string rst_inline(std::string_view text, int line, Document& document)
{
  std::string out;
  bool backquotes_left = true;
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '\n') {
      ++line;
      out += '\n';
      ++i;
    } else if (c == '\\' && i + 1 < text.size()) {
      out += text[i + 1];
      line += text[i + 1] == '\n' ? 1 : 0;
      i += 2;
    } else if (c == ':' && backquotes_left && role_length(text, i) > 0) {
      i += role_length(text, i); // the role's text follows in backquotes
    } else if (c == '`' && backquotes_left) {
      const bool literal = text.substr(i, 2) == "``";
      const size_t open_length = literal ? 2 : 1;
      const size_t close = text.find(literal ? "``" : "`", i + open_length);
      if (close == std::string_view::npos) {
        if (!literal) {
          backquotes_left = false; // no pair can close after here
        }
        out += c;
        ++i;
        continue;
      }
      const std::string_view inner = text.substr(i + open_length, close - i - open_length);
      size_t next = close + open_length;
      const bool reference = !literal && next < text.size() && text[next] == '_';
      while (reference && next < text.size() && text[next] == '_') {
        ++next;
      }
      if (literal) {
        out += inner;
      } else if (const auto uri = embedded_uri(inner)) {
        if (reference && !uri->second.empty() && uri->second.back() != '_') {
          document.links.push_back(Link{uri->second, uri->first, line, false});
        }
        out += uri->first;
      } else {
        out += inner;
      }
      line += count_newlines(text.substr(i, next - i));
      i = next;
    } else if (c == 'h' && is_url_start(text, i)) {
      const size_t length = url_length(text, i);
      std::string url(text.substr(i, length));
      out += url;
      document.links.push_back(Link{std::move(url), std::string(text.substr(i, length)), line, false});
      i += length;
    } else if (c == '*') {
      // Emphasis markers: "*" or "**" at the edge of a word.
      size_t run = 1;
      while (i + run < text.size() && text[i + run] == '*' && run < 2) {
        ++run;
      }
      const bool opens = (i == 0 || !is_word(text[i - 1])) && i + run < text.size() && !is_space(text[i + run]);
      const bool closes = i > 0 && !is_space(text[i - 1]) && (i + run >= text.size() || !is_word(text[i + run]));
      if (!opens && !closes) {
        out.append(text.substr(i, run));
      }
      i += run;
    } else if (c == '|' && i + 1 < text.size() && !is_space(text[i + 1]) && (i == 0 || !is_word(text[i - 1]))) {
      // A substitution reference |name| (badges, images) leaves no text.
      const size_t close = text.find('|', i + 1);
      if (close != std::string_view::npos && close - i < 80 && !is_space(text[close - 1]) &&
          text.substr(i, close - i).find('\n') == std::string_view::npos) {
        i = close + 1;
        while (i < text.size() && text[i] == '_') {
          ++i;
        }
      } else {
        out += c;
        ++i;
      }
    } else if (c == '_' && i > 0 && is_word(text[i - 1]) &&
               (i + reference_run(text, i) >= text.size() || !is_name_char(text[i + reference_run(text, i)]))) {
      i += reference_run(text, i); // a reference "word_" or "word__"
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

} // namespace mlfolio::lint::analyze::detail
