#include "lint/secrets/scanner.h"

#include "core/text.h"
#include "git/history.h"
#include "lint/analyze/notebook.h"
#include "lint/analyze/text_decode.h"
#include "resources/resources.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <re2/re2.h>
#include <re2/set.h>
#include <toml++/toml.h>

namespace mlfolio::lint::secrets {

namespace {

constexpr std::string_view k_builtin_path = "checks/secrets.toml";
constexpr uint64_t k_set_memory = 64 << 20;

RE2::Options regex_options()
{
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingLatin1); // any byte is a character: no UTF-8 checks
  options.set_log_errors(false);
  options.set_max_mem(8 << 20);
  return options;
}

tl::unexpected<Error> error_at(std::string_view path, const toml::source_region& where, const std::string& message)
{
  return runtime_error(std::string(path) + ":" + std::to_string(where.begin.line) + ":" +
                       std::to_string(where.begin.column) + ": " + message);
}

Result<std::unique_ptr<RE2>> compile(std::string_view path, const toml::node& node, std::string_view what)
{
  const auto* text = node.as_string();
  if (text == nullptr) {
    return error_at(path, node.source(), std::string(what) + " must be a string");
  }
  auto regex = std::make_unique<RE2>(text->get(), regex_options());
  if (!regex->ok()) {
    return error_at(path, node.source(), std::string(what) + " is not a valid RE2 expression: " + regex->error());
  }
  return regex;
}

Result<std::vector<std::string>> strings(std::string_view path, const toml::table& table, std::string_view key)
{
  std::vector<std::string> values;
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    return values;
  }
  const auto* array = node->as_array();
  if (array == nullptr) {
    return error_at(path, node->source(), "'" + std::string(key) + "' must be an array of strings");
  }
  for (const auto& item : *array) {
    const auto* text = item.as_string();
    if (text == nullptr) {
      return error_at(path, item.source(), "'" + std::string(key) + "' must hold strings only");
    }
    values.push_back(text->get());
  }
  return values;
}

Result<std::vector<std::unique_ptr<RE2>>> regexes(std::string_view path, const toml::table& table,
                                                   std::string_view key)
{
  std::vector<std::unique_ptr<RE2>> compiled;
  if (const toml::node* node = table.get(key)) {
    const auto* array = node->as_array();
    if (array == nullptr) {
      return error_at(path, node->source(), "'" + std::string(key) + "' must be an array of regular expressions");
    }
    for (const auto& item : *array) {
      TRY_ASSIGN(auto regex, compile(path, item, "'" + std::string(key) + "'"));
      compiled.push_back(std::move(regex));
    }
  }
  return compiled;
}

Result<Pattern> parse_pattern(std::string_view path, const toml::table& table)
{
  constexpr std::array<std::string_view, 11> k_keys = {
      "id",      "name",  "regex", "group", "min_entropy", "min_entropy_hex", "letters_and_digits",
      "generic", "allow", "true",  "false"};
  for (const auto& [key, value] : table) {
    if (std::find(k_keys.begin(), k_keys.end(), key.str()) == k_keys.end()) {
      return error_at(path, key.source(), "unknown key '" + std::string(key.str()) + "' in a [[pattern]]");
    }
  }
  Pattern pattern;
  const auto id = table["id"].value<std::string>();
  const auto name = table["name"].value<std::string>();
  const toml::node* regex = table.get("regex");
  if (!id || !name || regex == nullptr) {
    return error_at(path, table.source(), "a [[pattern]] needs id, name and regex");
  }
  pattern.id = *id;
  pattern.name = *name;
  TRY_ASSIGN(std::unique_ptr<RE2> compiled, compile(path, *regex, "'regex'"));
  pattern.group = static_cast<int>(table["group"].value_or(int64_t{0}));
  if (pattern.group < 0 || pattern.group > compiled->NumberOfCapturingGroups()) {
    return error_at(path, table.source(), "pattern " + pattern.id + ": 'group' names no capture group of its regex");
  }
  pattern.regex = std::move(compiled);
  pattern.min_entropy = table["min_entropy"].value_or(0.0);
  pattern.min_entropy_hex = table["min_entropy_hex"].value_or(pattern.min_entropy);
  pattern.letters_and_digits = table["letters_and_digits"].value_or(false);
  pattern.generic = table["generic"].value_or(false);
  TRY_ASSIGN(auto allow, regexes(path, table, "allow"));
  for (auto& regex_ : allow) {
    pattern.allow.push_back(std::move(regex_));
  }
  TRY_ASSIGN(pattern.true_examples, strings(path, table, "true"));
  TRY_ASSIGN(pattern.false_examples, strings(path, table, "false"));
  if (pattern.true_examples.empty() || pattern.false_examples.empty()) {
    return error_at(path, table.source(), "pattern " + pattern.id + " needs 'true' and 'false' examples");
  }
  return pattern;
}

uint32_t count_lines(std::string_view text, size_t from, size_t to)
{
  uint32_t lines = 0;
  for (size_t i = from; i < to; ++i) {
    lines += text[i] == '\n' ? 1 : 0;
  }
  return lines;
}

std::string_view line_around(std::string_view text, size_t offset)
{
  const size_t begin = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  const size_t start = begin == std::string_view::npos ? 0 : begin + 1;
  const size_t end = text.find('\n', offset);
  return text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

// "sk_live_000000000000", "hf_aaaaaaaa...": filler, not a key.
bool has_filler_run(std::string_view value)
{
  size_t run = 1;
  for (size_t i = 1; i < value.size(); ++i) {
    run = value[i] == value[i - 1] ? run + 1 : 1;
    if (run >= 6) {
      return true;
    }
  }
  return false;
}

// Sorted by line, then pattern; a generic hit goes where a specific one names the same line.
void tidy(std::vector<Hit>& hits)
{
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    return a.line != b.line ? a.line < b.line : a.pattern->id < b.pattern->id;
  });
  std::erase_if(hits, [&](const Hit& hit) {
    return hit.pattern->generic && std::any_of(hits.begin(), hits.end(), [&](const Hit& other) {
             return !other.pattern->generic && other.line == hit.line;
           });
  });
}

// "abcdef", "a1b2c3d4e5f6", "xK9mP2nQ4rT6vY8zA1bC3dE5fG7": letters in alphabetical order, the way
// people make up a key for an example. Six in a row, whatever is between them, turn up in a random
// key a few times in a million; in a hexadecimal one (a to f only) a few times in ten thousand.
bool has_alphabet_run(std::string_view value)
{
  int run = 0;
  char last = 0;
  for (const char c : value) {
    if (std::isalpha(static_cast<unsigned char>(c)) == 0) {
      continue;
    }
    const char letter = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    run = last != 0 && letter == last + 1 ? run + 1 : 1;
    last = letter;
    if (run >= 6) {
      return true;
    }
  }
  return false;
}

// Base64 of a plain label: "cmVhbHRpbWUtY29zdC1tb25pdG9yaW5n" is "realtime-cost-monitoring", a
// value a chart publishes for everyone. The decoded text is two or more lower-case words of three
// letters or more, joined by '-', '_', '.' or a space, with no digit: a key, or a password
// someone chose, has digits, capitals or symbols, or is one word.
bool is_base64_of_words(std::string_view value)
{
  if (value.size() < 8 || value.size() % 4 != 0) {
    return false;
  }
  const auto sextet = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    return c == '+' ? 62 : c == '/' ? 63 : -1;
  };
  std::string decoded;
  uint32_t bits = 0;
  int count = 0;
  for (size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '=') {
      if (value.find_first_not_of('=', i) != std::string_view::npos || value.size() - i > 2) {
        return false;
      }
      break;
    }
    const int v = sextet(value[i]);
    if (v < 0) {
      return false;
    }
    bits = (bits << 6) | static_cast<uint32_t>(v);
    count += 6;
    if (count >= 8) {
      count -= 8;
      decoded.push_back(static_cast<char>((bits >> count) & 0xff));
    }
  }
  int words = 0;
  size_t length = 0;
  for (size_t i = 0; i <= decoded.size(); ++i) {
    const char c = i < decoded.size() ? decoded[i] : ' ';
    if (c >= 'a' && c <= 'z') {
      ++length;
      continue;
    }
    if (c != '-' && c != '_' && c != '.' && c != ' ') {
      return false;
    }
    if (length < 3) {
      return false;
    }
    ++words;
    length = 0;
  }
  return words >= 2;
}

// A made-up password that spells the word for one, URL-encoded or in digits for letters:
// "p%40ss%23word" (p@ss#word), "s3cr3t-and-long", "Passw0rd!": what a test or a tutorial writes
// where a password goes. Decoded (%XX), with 0 1 3 4 5 7 @ $ read as o i e a s t a s and all but
// letters dropped, it holds "password", "passwd" or "secret".
bool spells_a_password(std::string_view value)
{
  std::string letters;
  for (char c : text::percent_decode(value)) {
    switch (c) {
    case '0': c = 'o'; break;
    case '1': c = 'i'; break;
    case '3': c = 'e'; break;
    case '4':
    case '@': c = 'a'; break;
    case '5':
    case '$': c = 's'; break;
    case '7': c = 't'; break;
    default: break;
    }
    if (std::isalpha(static_cast<unsigned char>(c)) != 0) {
      letters.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  return letters.find("password") != std::string::npos || letters.find("passwd") != std::string::npos ||
         letters.find("secret") != std::string::npos;
}

// A web page a cell downloaded and printed (scraping): the keys in it are the site's own, which it
// hands to every browser, not the notebook author's.
bool is_web_page(std::string_view text)
{
  const size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) {
    return false;
  }
  const auto starts = [&](std::string_view prefix) {
    return text::iequals(text.substr(start, prefix.size()), prefix);
  };
  return starts("<!doctype html") || starts("<html");
}

bool has_letters_and_digits(std::string_view value)
{
  bool letter = false;
  bool digit = false;
  for (const char c : value) {
    letter = letter || std::isalpha(static_cast<unsigned char>(c)) != 0;
    digit = digit || std::isdigit(static_cast<unsigned char>(c)) != 0;
  }
  return letter && digit;
}

} // namespace

bool is_hex(std::string_view text)
{
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isxdigit(static_cast<unsigned char>(c)) != 0;
  });
}

double entropy(std::string_view text)
{
  if (text.empty()) {
    return 0;
  }
  std::array<size_t, 256> counts{};
  for (const char c : text) {
    ++counts[static_cast<unsigned char>(c)];
  }
  double bits = 0;
  for (const size_t count : counts) {
    if (count > 0) {
      const double p = static_cast<double>(count) / static_cast<double>(text.size());
      bits -= p * std::log2(p);
    }
  }
  return bits;
}

struct Scanner::CompiledSet
{
  explicit CompiledSet(const RE2::Options& options) : set(options, RE2::UNANCHORED) {}
  RE2::Set set;
};

Scanner::Scanner() = default;
Scanner::Scanner(Scanner&&) noexcept = default;
Scanner& Scanner::operator=(Scanner&&) noexcept = default;
Scanner::~Scanner() = default;

Result<Scanner> Scanner::parse(std::string_view text, std::string_view path)
{
  toml::table root;
  try {
    root = toml::parse(text, path);
  } catch (const toml::parse_error& error) {
    return error_at(path, error.source(), std::string(error.description()));
  }
  Scanner scanner;
  if (const auto* allow = root["allow"].as_table()) {
    TRY_ASSIGN(scanner.m_allow_values, regexes(path, *allow, "values"));
    TRY_ASSIGN(scanner.m_allow_lines, regexes(path, *allow, "lines"));
    TRY_ASSIGN(scanner.m_allow_paths, regexes(path, *allow, "paths"));
  }
  const auto* patterns = root["pattern"].as_array();
  if (patterns == nullptr || patterns->empty()) {
    return runtime_error(std::string(path) + ": no [[pattern]]");
  }
  RE2::Options set_options = regex_options();
  set_options.set_max_mem(k_set_memory);
  scanner.m_set = std::make_unique<CompiledSet>(set_options);
  for (const auto& node : *patterns) {
    const auto* table = node.as_table();
    if (table == nullptr) {
      return error_at(path, node.source(), "[[pattern]] must be a table");
    }
    TRY_ASSIGN(Pattern pattern, parse_pattern(path, *table));
    for (const auto& other : scanner.m_patterns) {
      if (other.id == pattern.id) {
        return error_at(path, table->source(), "the pattern id '" + pattern.id + "' is used twice");
      }
    }
    std::string set_error;
    if (scanner.m_set->set.Add(pattern.regex->pattern(), &set_error) < 0) {
      return error_at(path, table->source(), "pattern " + pattern.id + ": " + set_error);
    }
    scanner.m_patterns.push_back(std::move(pattern));
  }
  if (!scanner.m_set->set.Compile()) {
    return runtime_error(std::string(path) + ": the patterns do not compile into one set (too large)");
  }
  return scanner;
}

Result<const Scanner*> Scanner::builtin()
{
  static const Result<std::unique_ptr<const Scanner>> scanner = []() -> Result<std::unique_ptr<const Scanner>> {
    const auto text = resources::find(k_builtin_path);
    if (!text) {
      return runtime_error("checks/secrets.toml is not built in");
    }
    TRY_ASSIGN(Scanner parsed, parse(*text, k_builtin_path));
    return std::make_unique<const Scanner>(std::move(parsed));
  }();
  if (!scanner) {
    return tl::unexpected(scanner.error());
  }
  return scanner->get();
}

bool Scanner::allowed_value(std::string_view value) const
{
  for (const auto& regex : m_allow_values) {
    if (RE2::PartialMatch(value, *regex)) {
      return true;
    }
  }
  return false;
}

bool Scanner::allowed_line(std::string_view line) const
{
  for (const auto& regex : m_allow_lines) {
    if (RE2::PartialMatch(line, *regex)) {
      return true;
    }
  }
  return false;
}

void Scanner::scan_into(std::string_view text, uint32_t first_line, std::vector<Hit>& hits) const
{
  std::vector<int> matched;
  if (!m_set->set.Match(text, &matched)) {
    return; // the set's one linear pass found nothing: the common case
  }
  std::sort(matched.begin(), matched.end());
  for (const int index : matched) {
    const Pattern& pattern = m_patterns[static_cast<size_t>(index)];
    std::array<re2::StringPiece, 10> groups;
    const int wanted = std::min<int>(pattern.group + 1, static_cast<int>(groups.size()));
    size_t position = 0;
    size_t line_at = 0;
    uint32_t line = first_line;
    while (position <= text.size() &&
           pattern.regex->Match(text, position, text.size(), RE2::UNANCHORED, groups.data(), wanted)) {
      const re2::StringPiece whole = groups[0];
      const re2::StringPiece secret = groups[static_cast<size_t>(pattern.group)];
      const size_t start = static_cast<size_t>(whole.data() - text.data());
      position = start + std::max<size_t>(whole.size(), 1);
      const std::string_view value(secret.data(), secret.size());
      bool allowed = allowed_value(value) || has_filler_run(value) || has_alphabet_run(value) ||
                     (pattern.generic && is_base64_of_words(value)) || spells_a_password(value) ||
                     entropy(value) < (is_hex(value) ? pattern.min_entropy_hex : pattern.min_entropy) ||
                     (pattern.letters_and_digits && !has_letters_and_digits(value));
      for (const auto& regex : pattern.allow) {
        allowed = allowed || RE2::PartialMatch(std::string_view(whole.data(), whole.size()), *regex);
      }
      const size_t secret_at = static_cast<size_t>(secret.data() - text.data());
      if (allowed || allowed_line(line_around(text, secret_at))) {
        continue;
      }
      line += count_lines(text, line_at, secret_at);
      line_at = secret_at;
      hits.push_back({&pattern, line, git::fingerprint(pattern.id + ":" + std::string(value))});
    }
  }
}

std::vector<Hit> Scanner::scan_text(std::string_view text) const
{
  std::vector<Hit> hits;
  const bool utf16 = text.size() >= 2 && ((text[0] == '\xff' && text[1] == '\xfe') || (text[0] == '\xfe' && text[1] == '\xff'));
  if (utf16) {
    const auto decoded = analyze::decode_text(text);
    scan_into(decoded.text, 1, hits);
  } else {
    scan_into(text, 1, hits);
  }
  tidy(hits);
  return hits;
}

std::vector<Hit> Scanner::scan_file(std::string_view path, std::string_view bytes) const
{
  for (const auto& regex : m_allow_paths) {
    if (RE2::PartialMatch(path, *regex)) {
      return {}; // a file everyone has: a tool's published test certificate
    }
  }
  const bool notebook = path.size() >= 6 && path.substr(path.size() - 6) == ".ipynb";
  if (!notebook) {
    return scan_text(bytes);
  }
  const analyze::Notebook parsed = analyze::parse_notebook(bytes, bytes.size());
  if (!parsed.problems.empty() && parsed.cells.empty()) {
    return scan_text(bytes); // not JSON after all: read it as text
  }
  return scan_notebook(parsed);
}

std::vector<Hit> Scanner::scan_notebook(const analyze::Notebook& parsed) const
{
  std::vector<Hit> hits;
  for (const auto& cell : parsed.cells) {
    std::vector<Hit> found;
    scan_into(cell.source, 1, found);
    for (const auto& output : cell.outputs) {
      if (!is_web_page(output.text)) {
        scan_into(output.text, 1, found);
      }
    }
    tidy(found);
    for (auto& hit : found) {
      hit.line = static_cast<uint32_t>(cell.line); // the cell, as the notebook file numbers it
      hits.push_back(std::move(hit));
    }
  }
  tidy(hits);
  return hits;
}

} // namespace mlfolio::lint::secrets
