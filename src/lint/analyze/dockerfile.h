#pragma once

#include "lint/analyze/problem.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::lint::analyze {

struct ImageRef
{
  std::string text;   // after substituting ARGs declared before the first FROM
  std::string name;   // "python", "ghcr.io/acme/base", "localhost:5000/team/img"
  std::string tag;    // "3.11-slim"; "" when none is given (Docker then uses latest)
  std::string digest; // "sha256:..."; "" when none
  bool unresolved_variable = false; // a ${VAR} without a value is left in
};

struct Heredoc
{
  std::string delimiter;
  std::string content; // the lines between the instruction and the delimiter, each ending in "\n"
  int line = 0;        // first line of the content
};

struct DockerInstruction
{
  std::string keyword;   // upper-cased: "RUN", "FROM", ...
  std::string arguments; // after the keyword, continuation lines joined, comments inside dropped
  int line = 0;
  int end_line = 0;                // last line, heredoc bodies included
  std::vector<std::string> flags;  // leading "--from=builder", "--chown=app", "--mount=type=cache,..."
  bool exec_form = false;          // a JSON array: CMD ["python", "app.py"]
  std::vector<std::string> exec_args;
  std::vector<Heredoc> heredocs;   // RUN <<EOF / COPY <<EOF /app/x
  std::optional<size_t> stage;     // none before the first FROM
};

struct Stage
{
  std::string name;  // "builder" in FROM x AS builder; "" when unnamed
  ImageRef base;     // as written in FROM
  std::optional<size_t> base_stage; // FROM builder: the earlier stage it builds on
  std::string platform;
  int line = 0;
  size_t instruction = 0; // index of the FROM in instructions
};

struct KeyValue
{
  std::string key;
  std::string value; // quotes removed; ARG without default: ""
  bool has_value = false;
  int line = 0;
  std::optional<size_t> stage; // none for an ARG before the first FROM
};

struct ExposedPort
{
  std::string port;     // "8000", "8000-8010", or "${PORT}" as written
  std::string protocol; // "tcp" unless given
  int line = 0;
};

struct DockerUser
{
  std::string user; // "app", "1000:1000", "${USER}"
  int line = 0;
  std::optional<size_t> stage;
};

struct Healthcheck
{
  bool none = false;   // HEALTHCHECK NONE
  std::string command; // after CMD (exec form joined with spaces)
  int line = 0;
  std::optional<size_t> stage;
};

struct DockerComment
{
  std::string text; // after '#', trimmed
  int line = 0;
};

struct Dockerfile
{
  std::vector<DockerInstruction> instructions;
  std::vector<Stage> stages;
  std::vector<KeyValue> env;
  std::vector<KeyValue> args;
  std::vector<ExposedPort> exposed;
  std::vector<DockerUser> users;
  std::vector<Healthcheck> healthchecks;
  std::vector<DockerComment> comments;
  char escape = '\\';           // from the "# escape=" parser directive
  std::string syntax;           // from the "# syntax=" parser directive
  std::vector<Problem> problems; // unknown instructions, unterminated heredocs, no FROM
};

// Parses a Dockerfile / Containerfile in any encoding. Never throws.
Dockerfile parse_dockerfile(std::string_view bytes);

// The stage the image is built from (the last one), or nullptr without FROM.
const Stage* final_stage(const Dockerfile& dockerfile);

// The external image a stage builds on, following FROM <earlier stage> references.
const ImageRef* resolved_base_image(const Dockerfile& dockerfile, size_t stage);

} // namespace mlfolio::lint::analyze
