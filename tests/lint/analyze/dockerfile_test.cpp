#include "lint/analyze/dockerfile.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>

using namespace mlfolio::lint::analyze;

namespace {

constexpr std::string_view k_multi_stage = R"DF(# syntax=docker/dockerfile:1.6
ARG PYTHON_VERSION=3.11
ARG BASE_DIGEST

# ---- build the wheel ----
FROM --platform=linux/amd64 python:${PYTHON_VERSION}-slim AS Builder
WORKDIR /src
COPY pyproject.toml README.md ./
RUN pip install --no-cache-dir build \
    # comments inside a continued line are dropped
    && python -m build --wheel \

    && ls dist
COPY <<EOF /src/setup.cfg
[metadata]
name = churn
EOF

FROM builder AS tester
RUN <<-SCRIPT
	pytest -q
	ruff check .
	SCRIPT

FROM python:${PYTHON_VERSION}-slim@sha256:0123abcd
ENV PYTHONDONTWRITEBYTECODE=1 \
    APP_HOME="/opt/app" MODEL_PATH=/models/model.pkl
ENV LEGACY_KEY some value with spaces
COPY --from=builder --chown=app:app /src/dist/*.whl /tmp/
RUN useradd --create-home app && pip install /tmp/*.whl
USER app:app
EXPOSE 8000/tcp 9090/UDP 8080
HEALTHCHECK --interval=30s --timeout=3s CMD ["curl", "-f", "http://localhost:8000/health"]
ENTRYPOINT ["uvicorn", "churn.api:app"]
CMD --host 0.0.0.0 --port 8000
)DF";

} // namespace

TEST_CASE("Dockerfile: multi-stage build")
{
  const Dockerfile df = parse_dockerfile(k_multi_stage);
  CHECK(df.problems.empty());
  CHECK(df.syntax == "docker/dockerfile:1.6");
  CHECK(df.escape == '\\');

  SUBCASE("stages, ARG substitution and stage references")
  {
    REQUIRE(df.stages.size() == 3);
    CHECK(df.stages[0].name == "Builder");
    CHECK(df.stages[0].line == 6);
    CHECK(df.stages[0].platform == "linux/amd64");
    CHECK(df.stages[0].base.text == "python:3.11-slim");
    CHECK(df.stages[0].base.name == "python");
    CHECK(df.stages[0].base.tag == "3.11-slim");
    CHECK(df.stages[0].base.digest.empty());
    CHECK_FALSE(df.stages[0].base.unresolved_variable);
    CHECK(df.stages[1].name == "tester");
    CHECK(df.stages[1].base_stage == 0u);
    CHECK(resolved_base_image(df, 1)->text == "python:3.11-slim");
    CHECK(df.stages[2].name.empty());
    CHECK(df.stages[2].base.tag == "3.11-slim");
    CHECK(df.stages[2].base.digest == "sha256:0123abcd");
    REQUIRE(final_stage(df) != nullptr);
    CHECK(final_stage(df)->line == 25);
    CHECK(resolved_base_image(df, 2)->name == "python");
  }

  SUBCASE("instructions: keyword, arguments, lines and continuations")
  {
    const DockerInstruction& run = df.instructions[5];
    CHECK(run.keyword == "RUN");
    CHECK(run.line == 9);
    CHECK(run.end_line == 13);
    CHECK(run.arguments == "pip install --no-cache-dir build     && python -m build --wheel     && ls dist");
    CHECK_FALSE(run.exec_form);
    CHECK(run.stage == 0u);
    REQUIRE(df.instructions[0].keyword == "ARG");
    CHECK_FALSE(df.instructions[0].stage.has_value());
  }

  SUBCASE("heredocs")
  {
    const DockerInstruction& copy = df.instructions[6];
    CHECK(copy.keyword == "COPY");
    CHECK(copy.line == 14);
    CHECK(copy.end_line == 17);
    REQUIRE(copy.heredocs.size() == 1);
    CHECK(copy.heredocs[0].delimiter == "EOF");
    CHECK(copy.heredocs[0].content == "[metadata]\nname = churn\n");
    CHECK(copy.heredocs[0].line == 15);
    const DockerInstruction& script = df.instructions[8];
    CHECK(script.line == 20);
    REQUIRE(script.heredocs.size() == 1);
    CHECK(script.heredocs[0].content == "pytest -q\nruff check .\n");
    CHECK(script.end_line == 23);
  }

  SUBCASE("exec form and shell form")
  {
    const DockerInstruction& entrypoint = df.instructions[df.instructions.size() - 2];
    CHECK(entrypoint.keyword == "ENTRYPOINT");
    CHECK(entrypoint.exec_form);
    CHECK(entrypoint.exec_args == std::vector<std::string>{"uvicorn", "churn.api:app"});
    const DockerInstruction& cmd = df.instructions.back();
    CHECK(cmd.keyword == "CMD");
    CHECK_FALSE(cmd.exec_form);
    CHECK(cmd.arguments == "--host 0.0.0.0 --port 8000");
    CHECK(cmd.flags.empty());
  }

  SUBCASE("flags")
  {
    const auto copy = std::find_if(df.instructions.begin(), df.instructions.end(), [](const DockerInstruction& i) {
      return i.keyword == "COPY" && !i.flags.empty();
    });
    REQUIRE(copy != df.instructions.end());
    CHECK(copy->flags == std::vector<std::string>{"--from=builder", "--chown=app:app"});
    CHECK(copy->line == 29);
  }

  SUBCASE("ENV and ARG keys and values")
  {
    REQUIRE(df.args.size() == 2);
    CHECK(df.args[0].key == "PYTHON_VERSION");
    CHECK(df.args[0].value == "3.11");
    CHECK(df.args[1].key == "BASE_DIGEST");
    CHECK_FALSE(df.args[1].has_value);
    REQUIRE(df.env.size() == 4);
    CHECK(df.env[0].key == "PYTHONDONTWRITEBYTECODE");
    CHECK(df.env[0].value == "1");
    CHECK(df.env[1].key == "APP_HOME");
    CHECK(df.env[1].value == "/opt/app");
    CHECK(df.env[2].line == 26);
    CHECK(df.env[3].key == "LEGACY_KEY");
    CHECK(df.env[3].value == "some value with spaces");
    CHECK(df.env[3].stage == 2u);
  }

  SUBCASE("USER, EXPOSE, HEALTHCHECK and comments")
  {
    REQUIRE(df.users.size() == 1);
    CHECK(df.users[0].user == "app:app");
    CHECK(df.users[0].line == 31);
    CHECK(df.users[0].stage == 2u);
    REQUIRE(df.exposed.size() == 3);
    CHECK(df.exposed[0].port == "8000");
    CHECK(df.exposed[1].protocol == "udp");
    CHECK(df.exposed[2].protocol == "tcp");
    REQUIRE(df.healthchecks.size() == 1);
    CHECK(df.healthchecks[0].command == "curl -f http://localhost:8000/health");
    CHECK_FALSE(df.healthchecks[0].none);
    REQUIRE(df.comments.size() == 1);
    CHECK(df.comments[0].text == "---- build the wheel ----");
    CHECK(df.comments[0].line == 5);
  }
}

TEST_CASE("Dockerfile: escape directive, CRLF, lower-case keywords")
{
  constexpr std::string_view windows = "# escape=`\r\n"
                                       "\r\n"
                                       "from mcr.microsoft.com/windows/servercore:ltsc2022\r\n"
                                       "run powershell -Command `\r\n"
                                       "    Install-Package x\r\n"
                                       "copy C:\\src\\app.py C:\\app\\\r\n"
                                       "cmd [\"python\", \"C:\\\\app\\\\app.py\"]\r\n";
  const Dockerfile df = parse_dockerfile(windows);
  CHECK(df.problems.empty());
  CHECK(df.escape == '`');
  REQUIRE(df.instructions.size() == 4);
  CHECK(df.instructions[0].keyword == "FROM");
  CHECK(df.stages[0].base.name == "mcr.microsoft.com/windows/servercore");
  CHECK(df.stages[0].base.tag == "ltsc2022");
  CHECK(df.instructions[1].arguments == "powershell -Command     Install-Package x");
  CHECK(df.instructions[1].end_line == 5);
  CHECK(df.instructions[2].arguments == "C:\\src\\app.py C:\\app\\");
  CHECK(df.instructions[2].line == 6);
  CHECK(df.instructions[3].exec_form);
  CHECK(df.instructions[3].exec_args == std::vector<std::string>{"python", "C:\\app\\app.py"});
}

TEST_CASE("Dockerfile: image references")
{
  const auto base = [](std::string_view text) {
    const Dockerfile df = parse_dockerfile("FROM " + std::string(text) + "\n");
    REQUIRE(df.stages.size() == 1);
    return df.stages[0].base;
  };
  CHECK(base("python").tag.empty());
  CHECK(base("python:latest").tag == "latest");
  CHECK(base("localhost:5000/team/img").name == "localhost:5000/team/img");
  CHECK(base("localhost:5000/team/img").tag.empty());
  CHECK(base("localhost:5000/team/img:2.0").tag == "2.0");
  CHECK(base("ubuntu@sha256:abc").digest == "sha256:abc");
  CHECK(base("ubuntu@sha256:abc").tag.empty());
  CHECK(base("scratch").name == "scratch");
  const ImageRef unresolved = base("python:${PY_VERSION}");
  CHECK(unresolved.unresolved_variable);
  CHECK(unresolved.text == "python:");
  CHECK(base("python:${PY_VERSION:-3.10}").tag == "3.10");
  CHECK(base("$REGISTRY/app").unresolved_variable);
}

TEST_CASE("Dockerfile: shell forms that look like JSON and odd input")
{
  SUBCASE("invalid JSON is shell form")
  {
    const Dockerfile df = parse_dockerfile("FROM alpine:3.19\nCMD [\"python\", app.py]\nENTRYPOINT [\"a\", 1]\nRUN echo $((1<<2))\n");
    CHECK_FALSE(df.instructions[1].exec_form);
    CHECK_FALSE(df.instructions[2].exec_form);
    CHECK(df.instructions[3].heredocs.empty());
  }
  SUBCASE("problems: no FROM, unknown instruction, unclosed heredoc")
  {
    const Dockerfile df = parse_dockerfile("RUN echo hi\nCOPPY a b\nRUN <<EOF\necho never closed\n");
    REQUIRE(df.problems.size() == 3);
    CHECK(df.problems[0].line == 2);
    CHECK(df.problems[0].message == "unknown instruction 'COPPY'");
    CHECK(df.problems[1].message == "heredoc 'EOF' is never closed");
    CHECK(df.problems[2].message == "no FROM instruction");
    CHECK(df.instructions[2].heredocs[0].content == "echo never closed\n");
  }
  SUBCASE("HEALTHCHECK NONE and shell-form healthchecks")
  {
    const Dockerfile df = parse_dockerfile("FROM a\nHEALTHCHECK NONE\nFROM b\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n");
    REQUIRE(df.healthchecks.size() == 2);
    CHECK(df.healthchecks[0].none);
    CHECK(df.healthchecks[1].command == "curl -f http://localhost/ || exit 1");
    CHECK(df.healthchecks[1].stage == 1u);
  }
  SUBCASE("a continuation at the end of the file, binary garbage, UTF-16")
  {
    CHECK(parse_dockerfile("FROM a\nRUN echo \\\n").instructions.back().arguments == "echo");
    const Dockerfile garbage = parse_dockerfile(std::string("\x7f\x45\x4c\x46\0\0\x01", 7));
    CHECK(garbage.stages.empty());
    std::string utf16 = "\xFF\xFE";
    for (const char c : std::string_view("FROM node:20\nUSER node\n")) {
      utf16 += c;
      utf16 += '\0';
    }
    const Dockerfile wide = parse_dockerfile(utf16);
    REQUIRE(wide.stages.size() == 1);
    CHECK(wide.stages[0].base.tag == "20");
    CHECK(wide.users[0].user == "node");
  }
  SUBCASE("many continuation lines stay linear")
  {
    std::string text = "FROM a\nRUN true";
    for (int i = 0; i < 100000; ++i) {
      text += " \\\n  && echo " + std::to_string(i);
    }
    const Dockerfile df = parse_dockerfile(text);
    REQUIRE(df.instructions.size() == 2);
    CHECK(df.instructions[1].end_line == 100002);
  }
}
