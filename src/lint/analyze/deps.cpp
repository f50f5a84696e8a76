#include "lint/analyze/deps.h"

#include "lint/analyze/deps_build.h"
#include "lint/analyze/line_index.h"
#include "lint/analyze/text_decode.h"

#include <algorithm>
#include <cctype>

#include "core/text.h"

namespace mlfolio::lint::analyze {

namespace {

std::string_view trim(std::string_view s)
{
  const size_t first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) {
    return {};
  }
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

std::string lower(std::string_view s)
{
  std::string out(s);
  for (char& c : out) {
    c = text::ascii_lower(c); // <cctype>'s is a call per character
  }
  return out;
}

bool starts_with(std::string_view s, std::string_view prefix)
{
  return s.substr(0, prefix.size()) == prefix;
}

bool ends_with(std::string_view s, std::string_view suffix)
{
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_hex(std::string_view s)
{
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

bool is_name_char(char c)
{
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_' || c == '.';
}

// A tag such as "v1.2.3" or "1.2": pinned for practical purposes.
bool looks_like_version(std::string_view ref)
{
  if (!ref.empty() && (ref[0] == 'v' || ref[0] == 'V')) {
    ref.remove_prefix(1);
  }
  return !ref.empty() && std::isdigit(static_cast<unsigned char>(ref[0])) != 0 && ref.find('.') != std::string_view::npos &&
         std::all_of(ref.begin(), ref.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '-'; });
}

bool is_url_or_path(std::string_view text)
{
  static constexpr std::string_view k_prefixes[] = {"http://", "https://", "git+", "hg+", "svn+", "bzr+", "file:",
                                                    "./",      "../",      "/",    "~/"};
  for (const auto prefix : k_prefixes) {
    if (starts_with(text, prefix)) {
      return true;
    }
  }
  if (text == ".") {
    return true;
  }
  const std::string lowered = lower(text.substr(0, text.find_first_of(" ;#")));
  return ends_with(lowered, ".whl") || ends_with(lowered, ".tar.gz") || ends_with(lowered, ".zip");
}

// "==1.2.*", ">=2.0", "~=1.4", "===2.2.1+cpu": an operator and a version.
bool valid_clause(std::string_view clause)
{
  size_t k = 0;
  while (k < clause.size() && k < 3 && std::string_view("<>=!~").find(clause[k]) != std::string_view::npos) {
    ++k;
  }
  if (k == 0 || k == clause.size()) {
    return false;
  }
  return std::all_of(clause.begin() + static_cast<long>(k), clause.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || std::string_view(".*+!_-").find(c) != std::string_view::npos;
  });
}

std::string egg_name(std::string_view url)
{
  const size_t egg = url.find("#egg=");
  if (egg == std::string_view::npos) {
    return {};
  }
  std::string_view name = url.substr(egg + 5);
  name = name.substr(0, name.find_first_of("&[ "));
  return normalize_package_name(name);
}

} // namespace

std::string normalize_package_name(std::string_view name)
{
  std::string out;
  bool separator = false;
  for (const char c : name) {
    if (c == '-' || c == '_' || c == '.') {
      separator = true;
      continue;
    }
    if (separator && !out.empty()) {
      out += '-';
    }
    separator = false;
    out += text::ascii_lower(c);
  }
  return out;
}

namespace detail {

bool url_is_pinned(std::string_view url)
{
  const std::string_view without_fragment = url.substr(0, url.find('#'));
  if (url.find("#sha256=") != std::string_view::npos || url.find("#sha512=") != std::string_view::npos) {
    return true;
  }
  const bool vcs = starts_with(url, "git+") || starts_with(url, "hg+") || starts_with(url, "svn+") || starts_with(url, "bzr+");
  const size_t slash = without_fragment.rfind('/');
  const std::string_view last = slash == std::string_view::npos ? without_fragment : without_fragment.substr(slash + 1);
  if (vcs) {
    const size_t at = last.rfind('@');
    if (at == std::string_view::npos) {
      return false;
    }
    const std::string_view ref = last.substr(at + 1);
    return (is_hex(ref) && ref.size() >= 7 && ref.size() <= 40) || looks_like_version(ref);
  }
  const std::string file = lower(last.substr(0, last.find('?')));
  if (ends_with(file, ".whl")) {
    return true;
  }
  if (ends_with(file, ".tar.gz") || ends_with(file, ".zip") || ends_with(file, ".tgz") || ends_with(file, ".tar.bz2")) {
    for (size_t k = 0; k + 2 < file.size(); ++k) { // a version "1.2" in the file name
      if (std::isdigit(static_cast<unsigned char>(file[k])) != 0 && file[k + 1] == '.' &&
          std::isdigit(static_cast<unsigned char>(file[k + 2])) != 0) {
        return true;
      }
    }
  }
  return false;
}

bool poetry_version_is_pinned(std::string_view version)
{
  version = trim(version);
  if (starts_with(version, "===")) {
    return true;
  }
  if (starts_with(version, "==")) {
    version.remove_prefix(2);
  }
  version = trim(version);
  return !version.empty() && std::isdigit(static_cast<unsigned char>(version[0])) != 0 &&
         version.find_first_of("*,<>^~! |") == std::string_view::npos;
}

void add_requirement_line(std::string_view line, int line_number, std::string_view group, DependencyFile& file)
{
  // Comments: '#' at the start or after whitespace.
  for (size_t k = 0; k < line.size(); ++k) {
    if (line[k] == '#' && (k == 0 || line[k - 1] == ' ' || line[k - 1] == '\t')) {
      line = line.substr(0, k);
      break;
    }
  }
  line = trim(line);
  if (line.empty()) {
    return;
  }
  if (line[0] == '-') {
    size_t name_end = line.find_first_of(" \t=");
    std::string_view option = line.substr(0, name_end);
    std::string_view value = name_end == std::string_view::npos ? std::string_view() : trim(line.substr(name_end + 1));
    if (option.size() > 2 && option[1] != '-') { // "-rfile.txt"
      value = trim(line.substr(2));
      option = line.substr(0, 2);
    }
    if (option == "-r" || option == "--requirement" || option == "-c" || option == "--constraint") {
      if (!value.empty()) {
        file.includes.push_back(DependencyInclude{std::string(value), option == "-c" || option == "--constraint", line_number});
      }
    } else if (option == "-e" || option == "--editable") {
      Dependency dependency;
      if (auto parsed = parse_requirement(value, line_number)) {
        dependency = std::move(*parsed);
      } else {
        dependency.url = std::string(value);
        dependency.line = line_number;
      }
      dependency.editable = true;
      dependency.group = std::string(group);
      file.dependencies.push_back(std::move(dependency));
    }
    return; // index and install options
  }
  // Per-requirement options: "pkg==1.0 --hash=sha256:..."
  bool has_hash = false;
  for (size_t at = line.find("--"); at != std::string_view::npos; at = line.find("--", at + 2)) {
    if (at > 0 && (line[at - 1] == ' ' || line[at - 1] == '\t')) {
      has_hash = line.find("--hash", at) != std::string_view::npos;
      line = trim(line.substr(0, at));
      break;
    }
  }
  auto dependency = parse_requirement(line, line_number);
  if (!dependency) {
    file.problems.push_back(Problem{line_number, 0, "not a requirement: " + std::string(line.substr(0, 80))});
    return;
  }
  dependency->has_hash = has_hash;
  dependency->group = std::string(group);
  file.dependencies.push_back(std::move(*dependency));
}

void read_requirements(std::string_view text, DependencyFile& file)
{
  const std::vector<std::string_view> lines = split_lf_lines(text);
  std::string joined;
  int first_line = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (joined.empty()) {
      first_line = static_cast<int>(i) + 1;
    }
    const std::string_view right_trimmed = line.substr(0, line.find_last_not_of(" \t") + 1);
    if (!right_trimmed.empty() && right_trimmed.back() == '\\' && right_trimmed.find('#') == std::string_view::npos) {
      joined += right_trimmed.substr(0, right_trimmed.size() - 1);
      joined += ' ';
      continue;
    }
    joined += line;
    add_requirement_line(joined, first_line, "", file);
    joined.clear();
  }
  if (!joined.empty()) {
    add_requirement_line(joined, first_line, "", file);
  }
}

} // namespace detail

std::optional<Dependency> parse_requirement(std::string_view text, int line)
{
  text = trim(text);
  if (text.empty()) {
    return std::nullopt;
  }
  Dependency dependency;
  dependency.line = line;
  if (is_url_or_path(text)) {
    const size_t marker = text.find(" ;");
    dependency.url = std::string(trim(text.substr(0, marker)));
    if (marker != std::string_view::npos) {
      dependency.marker = std::string(trim(text.substr(marker + 2)));
    }
    dependency.name = egg_name(dependency.url);
    dependency.pinned = detail::url_is_pinned(dependency.url);
    return dependency;
  }
  size_t k = 0;
  while (k < text.size() && is_name_char(text[k])) {
    ++k;
  }
  if (k == 0 || std::isalnum(static_cast<unsigned char>(text[0])) == 0) {
    return std::nullopt;
  }
  dependency.name = normalize_package_name(text.substr(0, k));
  std::string_view rest = trim(text.substr(k));
  if (!rest.empty() && rest[0] == '[') {
    const size_t close = rest.find(']');
    if (close == std::string_view::npos) {
      return std::nullopt;
    }
    for (size_t start = 1; start < close;) {
      const size_t comma = std::min(rest.find(',', start), close);
      const std::string_view extra = trim(rest.substr(start, comma - start));
      if (!extra.empty()) {
        dependency.extras.emplace_back(extra);
      }
      start = comma + 1;
    }
    rest = trim(rest.substr(close + 1));
  }
  if (!rest.empty() && rest[0] == '@') {
    const size_t marker = rest.find(" ;");
    dependency.url = std::string(trim(rest.substr(1, marker == std::string_view::npos ? std::string_view::npos : marker - 1)));
    if (marker != std::string_view::npos) {
      dependency.marker = std::string(trim(rest.substr(marker + 2)));
    }
    dependency.pinned = detail::url_is_pinned(dependency.url);
    return dependency;
  }
  const size_t semicolon = rest.find(';');
  if (semicolon != std::string_view::npos) {
    dependency.marker = std::string(trim(rest.substr(semicolon + 1)));
    rest = trim(rest.substr(0, semicolon));
  }
  for (const char c : rest) {
    if (c != ' ' && c != '\t' && c != '(' && c != ')') {
      dependency.specifier += c;
    }
  }
  for (size_t start = 0; start < dependency.specifier.size();) {
    const size_t comma = std::min(dependency.specifier.find(',', start), dependency.specifier.size());
    const std::string_view clause = std::string_view(dependency.specifier).substr(start, comma - start);
    if (!valid_clause(clause)) {
      return std::nullopt;
    }
    if (starts_with(clause, "===") || (starts_with(clause, "==") && clause.find('*') == std::string_view::npos)) {
      dependency.pinned = true;
    }
    start = comma + 1;
  }
  return dependency;
}

DependencyFormat dependency_format_for_path(std::string_view path)
{
  const std::string lowered = lower(path);
  const size_t slash = lowered.rfind('/');
  const std::string_view name = slash == std::string::npos ? std::string_view(lowered) : std::string_view(lowered).substr(slash + 1);
  const bool yaml = ends_with(name, ".yml") || ends_with(name, ".yaml");
  if (name == "pyproject.toml") {
    return DependencyFormat::pyproject;
  }
  if (name == "setup.cfg") {
    return DependencyFormat::setup_cfg;
  }
  if (name == "setup.py") {
    return DependencyFormat::setup_py;
  }
  if (name == "pipfile") {
    return DependencyFormat::pipfile;
  }
  if (yaml && (starts_with(name, "environment") || starts_with(name, "conda") || starts_with(name, "env."))) {
    return DependencyFormat::conda_environment;
  }
  const bool in_requirements_folder = lowered.find("requirements/") != std::string::npos;
  if ((ends_with(name, ".txt") || ends_with(name, ".in")) && (name.find("requirements") != std::string_view::npos ||
                                                               name.find("constraints") != std::string_view::npos ||
                                                               in_requirements_folder)) {
    return DependencyFormat::requirements;
  }
  return DependencyFormat::unknown;
}

DependencyFile parse_dependencies(std::string_view bytes, DependencyFormat format)
{
  DependencyFile file;
  file.format = format;
  const DecodedText decoded = decode_text(bytes);
  try {
    switch (format) {
    case DependencyFormat::requirements: detail::read_requirements(decoded.text, file); break;
    case DependencyFormat::pyproject: detail::read_pyproject(decoded.text, file); break;
    case DependencyFormat::pipfile: detail::read_pipfile(decoded.text, file); break;
    case DependencyFormat::setup_cfg: detail::read_setup_cfg(decoded.text, file); break;
    case DependencyFormat::setup_py: detail::read_setup_py(decoded.text, file); break;
    case DependencyFormat::conda_environment: detail::read_conda_environment(decoded.text, file); break;
    case DependencyFormat::unknown: file.problems.push_back(Problem{0, 0, "not a known dependency file"}); break;
    }
  } catch (const std::exception& error) { // each reader catches its parser's errors; this is a last resort
    file.problems.push_back(Problem{0, 0, std::string("cannot read the dependencies: ") + error.what()});
  }
  std::sort(file.tool_tables.begin(), file.tool_tables.end());
  file.tool_tables.erase(std::unique(file.tool_tables.begin(), file.tool_tables.end()), file.tool_tables.end());
  return file;
}

} // namespace mlfolio::lint::analyze
