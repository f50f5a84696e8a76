#include "lint/analyze/dockerfile.h"

#include "lint/analyze/dockerfile_words.h"
#include "lint/analyze/line_index.h"
#include "lint/analyze/text_decode.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <map>

namespace mlfolio::lint::analyze {

namespace {

using Variables = std::map<std::string, std::string, std::less<>>;

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
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string upper(std::string_view s)
{
  std::string out(s);
  for (char& c : out) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

bool is_known_instruction(std::string_view keyword)
{
  static constexpr std::string_view k_known[] = {"ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE",
                                                 "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN",
                                                 "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR"};
  return std::find(std::begin(k_known), std::end(k_known), keyword) != std::end(k_known);
}

// "# escape=`" and the like at the top of the file.
bool parse_directive(std::string_view line, std::string& key, std::string& value)
{
  line = trim(line);
  if (line.empty() || line[0] != '#') {
    return false;
  }
  const std::string_view body = trim(line.substr(1));
  const size_t equals = body.find('=');
  if (equals == std::string_view::npos) {
    return false;
  }
  key = lower(trim(body.substr(0, equals)));
  value = std::string(trim(body.substr(equals + 1)));
  return key == "syntax" || key == "escape" || key == "check";
}

// Whether `line` (right-trimmed) ends with the escape character: the instruction goes on.
bool continues(std::string_view line, char escape)
{
  const size_t last = line.find_last_not_of(" \t");
  return last != std::string_view::npos && line[last] == escape;
}

struct HeredocStart
{
  std::string delimiter;
  bool strip_tabs = false;
};

// Heredoc openers "<<EOF", "<<-EOF", "<<'EOF'", "<<\"EOF\"" in RUN/COPY/ADD arguments.
std::vector<HeredocStart> heredoc_starts(std::string_view arguments)
{
  std::vector<HeredocStart> starts;
  for (size_t at = arguments.find("<<"); at != std::string_view::npos; at = arguments.find("<<", at + 2)) {
    size_t k = at + 2;
    if (k < arguments.size() && arguments[k] == '<') {
      at = k; // a here-string "<<<"
      continue;
    }
    if (at > 0 && arguments[at - 1] != ' ' && arguments[at - 1] != '\t') {
      continue; // "$((1<<2))" is a shift, not a heredoc
    }
    HeredocStart start;
    if (k < arguments.size() && arguments[k] == '-') {
      start.strip_tabs = true;
      ++k;
    }
    const char quote = k < arguments.size() && (arguments[k] == '"' || arguments[k] == '\'') ? arguments[k] : 0;
    k += quote != 0 ? 1 : 0;
    const size_t begin = k;
    while (k < arguments.size() && (std::isalnum(static_cast<unsigned char>(arguments[k])) != 0 || arguments[k] == '_')) {
      ++k;
    }
    if (k == begin || std::isdigit(static_cast<unsigned char>(arguments[begin])) != 0 || (quote != 0 && (k >= arguments.size() || arguments[k] != quote))) {
      continue;
    }
    start.delimiter = std::string(arguments.substr(begin, k - begin));
    starts.push_back(std::move(start));
  }
  return starts;
}

class DockerfileParser
{
public:
  DockerfileParser(std::string_view text, Dockerfile& dockerfile) : m_lines(split_lf_lines(text)), m_df(dockerfile) {}

  void run()
  {
    size_t i = directives();
    while (i < m_lines.size()) {
      const std::string_view line = trim(m_lines[i]);
      if (line.empty()) {
        ++i;
      } else if (line[0] == '#') {
        m_df.comments.push_back(DockerComment{std::string(trim(line.substr(1))), static_cast<int>(i) + 1});
        ++i;
      } else {
        i = instruction(i);
      }
    }
    if (m_df.stages.empty() && !m_df.instructions.empty()) {
      m_df.problems.push_back(Problem{m_df.instructions.front().line, 0, "no FROM instruction"});
    }
  }

private:
  size_t directives()
  {
    size_t i = 0;
    std::string key;
    std::string value;
    for (; i < m_lines.size() && parse_directive(m_lines[i], key, value); ++i) {
      if (key == "escape" && (value == "`" || value == "\\")) {
        m_df.escape = value[0];
      } else if (key == "syntax") {
        m_df.syntax = value;
      }
    }
    return i;
  }

  // Reads the instruction starting at line i; returns the line after it.
  size_t instruction(size_t i)
  {
    DockerInstruction result;
    result.line = static_cast<int>(i) + 1;
    std::string joined;
    size_t last = i;
    std::string_view piece = m_lines[i];
    while (true) {
      if (!continues(piece, m_df.escape)) {
        joined += piece;
        break;
      }
      joined += piece.substr(0, piece.find_last_not_of(" \t"));
      size_t next = last + 1;
      while (next < m_lines.size() && (trim(m_lines[next]).empty() || trim(m_lines[next])[0] == '#')) {
        ++next; // comments and empty lines inside a continued instruction are dropped
      }
      if (next >= m_lines.size()) {
        break;
      }
      last = next;
      piece = m_lines[next];
    }
    const std::string_view text = trim(joined);
    const size_t space = text.find_first_of(" \t");
    result.keyword = upper(text.substr(0, space));
    result.arguments = std::string(space == std::string_view::npos ? std::string_view() : trim(text.substr(space)));
    result.end_line = static_cast<int>(last) + 1;
    size_t after = last + 1;
    if (result.keyword == "RUN" || result.keyword == "COPY" || result.keyword == "ADD") {
      after = heredocs(result, after);
    }
    if (!is_known_instruction(result.keyword)) {
      m_df.problems.push_back(Problem{result.line, 0, "unknown instruction '" + result.keyword + "'"});
    }
    interpret(result);
    m_df.instructions.push_back(std::move(result));
    return after;
  }

  size_t heredocs(DockerInstruction& result, size_t i)
  {
    for (const auto& start : heredoc_starts(result.arguments)) {
      Heredoc heredoc;
      heredoc.delimiter = start.delimiter;
      heredoc.line = static_cast<int>(i) + 1;
      bool closed = false;
      for (; i < m_lines.size(); ++i) {
        std::string_view line = m_lines[i];
        if (start.strip_tabs) {
          line.remove_prefix(std::min(line.size(), line.find_first_not_of('\t')));
        }
        if (line == start.delimiter) {
          closed = true;
          ++i;
          break;
        }
        heredoc.content += line;
        heredoc.content += '\n';
      }
      result.end_line = static_cast<int>(i);
      if (!closed) {
        m_df.problems.push_back(Problem{result.line, 0, "heredoc '" + start.delimiter + "' is never closed"});
      }
      result.heredocs.push_back(std::move(heredoc));
    }
    return i;
  }

  // Splits leading "--flag" words off the arguments.
  std::string_view take_flags(DockerInstruction& result) const
  {
    std::string_view rest = result.arguments;
    while (rest.substr(0, 2) == "--") {
      const size_t end = rest.find_first_of(" \t");
      result.flags.emplace_back(rest.substr(0, end));
      rest = end == std::string_view::npos ? std::string_view() : trim(rest.substr(end));
    }
    return rest;
  }

  static bool exec_form(std::string_view rest, std::vector<std::string>& args)
  {
    if (rest.empty() || rest.front() != '[') {
      return false;
    }
    const nlohmann::json parsed = nlohmann::json::parse(rest.begin(), rest.end(), nullptr, false);
    if (!parsed.is_array()) {
      return false;
    }
    for (const auto& element : parsed) {
      if (!element.is_string()) {
        return false;
      }
    }
    for (const auto& element : parsed) {
      args.push_back(element.get<std::string>());
    }
    return true;
  }

  void interpret(DockerInstruction& result)
  {
    const std::string& keyword = result.keyword;
    if (keyword == "FROM") {
      from(result);
      return;
    }
    result.stage = current_stage();
    const int line = result.line;
    const bool takes_flags = keyword == "RUN" || keyword == "COPY" || keyword == "ADD" || keyword == "HEALTHCHECK";
    const std::string_view rest = takes_flags ? take_flags(result) : std::string_view(result.arguments);
    if (keyword == "RUN" || keyword == "CMD" || keyword == "ENTRYPOINT" || keyword == "SHELL") {
      result.exec_form = exec_form(rest, result.exec_args);
    } else if (keyword == "ARG" || keyword == "ENV") {
      key_values(rest, keyword == "ENV", line);
    } else if (keyword == "USER") {
      const auto words = detail::docker_words(rest, m_df.escape);
      m_df.users.push_back(DockerUser{words.empty() ? std::string() : words.front(), line, result.stage});
    } else if (keyword == "EXPOSE") {
      for (const auto& word : detail::docker_words(rest, m_df.escape)) {
        const size_t slash = word.find('/');
        m_df.exposed.push_back(ExposedPort{word.substr(0, slash),
                                           slash == std::string::npos ? "tcp" : lower(word.substr(slash + 1)), line});
      }
    } else if (keyword == "HEALTHCHECK") {
      Healthcheck check;
      check.line = line;
      check.stage = result.stage;
      if (upper(rest) == "NONE") {
        check.none = true;
      } else if (upper(rest.substr(0, 3)) == "CMD") {
        const std::string_view command = trim(rest.substr(3));
        std::vector<std::string> args;
        if (exec_form(command, args)) {
          for (const auto& arg : args) {
            check.command += (check.command.empty() ? "" : " ") + arg;
          }
        } else {
          check.command = std::string(command);
        }
      }
      m_df.healthchecks.push_back(std::move(check));
    }
  }

  std::optional<size_t> current_stage() const
  {
    return m_df.stages.empty() ? std::nullopt : std::optional<size_t>(m_df.stages.size() - 1);
  }

  void from(DockerInstruction& result)
  {
    const std::string_view rest = take_flags(result);
    Stage stage;
    stage.line = result.line;
    stage.instruction = m_df.instructions.size();
    for (const auto& flag : result.flags) {
      if (flag.substr(0, 11) == "--platform=") {
        stage.platform = flag.substr(11);
      }
    }
    const auto words = detail::docker_words(rest, m_df.escape);
    bool unresolved = false;
    const std::string image =
      words.empty() ? std::string() : detail::substitute_variables(words[0], m_global_args, m_df.escape, unresolved);
    stage.base = detail::parse_image_ref(image);
    stage.base.unresolved_variable = unresolved;
    if (words.size() >= 3 && lower(words[1]) == "as") {
      stage.name = words[2];
    }
    const std::string wanted = lower(image);
    for (size_t k = 0; k < m_df.stages.size(); ++k) {
      if (!m_df.stages[k].name.empty() && lower(m_df.stages[k].name) == wanted) {
        stage.base_stage = k;
      }
    }
    if (words.empty()) {
      m_df.problems.push_back(Problem{result.line, 0, "FROM without an image"});
    }
    m_df.stages.push_back(std::move(stage));
    result.stage = m_df.stages.size() - 1;
  }

  void key_values(std::string_view rest, bool is_env, int line)
  {
    std::vector<std::string> words = detail::docker_words(rest, m_df.escape);
    if (is_env && !words.empty() && words[0].find('=') == std::string::npos) {
      // Legacy "ENV KEY value with spaces".
      const size_t space = rest.find_first_of(" \t");
      const std::string value =
        space == std::string_view::npos ? std::string() : std::string(trim(rest.substr(space)));
      m_df.env.push_back(KeyValue{words[0], value, space != std::string_view::npos, line, current_stage()});
      return;
    }
    for (const auto& word : words) {
      const size_t equals = word.find('=');
      KeyValue entry{word.substr(0, equals), equals == std::string::npos ? std::string() : word.substr(equals + 1),
                     equals != std::string::npos, line, current_stage()};
      if (is_env) {
        m_df.env.push_back(std::move(entry));
        continue;
      }
      if (!entry.stage) {
        if (entry.has_value) {
          m_global_args[entry.key] = entry.value;
        }
      }
      m_df.args.push_back(std::move(entry));
    }
  }

  std::vector<std::string_view> m_lines;
  Dockerfile& m_df;
  Variables m_global_args; // ARGs with a default declared before the first FROM
};

} // namespace

Dockerfile parse_dockerfile(std::string_view bytes)
{
  Dockerfile dockerfile;
  const DecodedText decoded = decode_text(bytes);
  try {
    DockerfileParser(decoded.text, dockerfile).run();
  } catch (const std::exception& error) { // allocation failure; nothing else throws
    dockerfile.problems.push_back(Problem{0, 0, std::string("cannot read the Dockerfile: ") + error.what()});
  }
  return dockerfile;
}

const Stage* final_stage(const Dockerfile& dockerfile)
{
  return dockerfile.stages.empty() ? nullptr : &dockerfile.stages.back();
}

const ImageRef* resolved_base_image(const Dockerfile& dockerfile, size_t stage)
{
  while (stage < dockerfile.stages.size()) {
    const Stage& current = dockerfile.stages[stage];
    if (!current.base_stage || *current.base_stage >= stage) {
      return &current.base;
    }
    stage = *current.base_stage;
  }
  return nullptr;
}

} // namespace mlfolio::lint::analyze
