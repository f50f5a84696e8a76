#include "lint/analyze/makefile.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace mlfolio::lint::analyze;

namespace {

std::vector<std::string> names_of(const TaskFile& file)
{
  std::vector<std::string> names;
  for (const auto& target : file.targets) {
    names.push_back(target.name);
  }
  return names;
}

} // namespace

TEST_CASE("makefile: targets, recipes and prerequisites, variables, specials and files left out")
{
  const auto file = parse_task_file("PYTHON ?= python3\r\n"
                                    "RUN := PYTHONPATH=src $(PYTHON)\r\n"
                                    ".PHONY: train test\r\n"
                                    "\r\n"
                                    "help: ## Show this help\r\n"
                                    "\t@grep -E '^[a-z]+:' $(MAKEFILE_LIST)\r\n"
                                    "train evaluate: data ## Train and evaluate\r\n"
                                    "\t$(RUN) -m churn.train \\\r\n"
                                    "\t  --config configs/config.yaml\r\n"
                                    "# a comment: with a colon\r\n"
                                    "models/model.pkl: train\r\n"
                                    "\ttouch $@\r\n"
                                    "%.o: %.c\r\n"
                                    "\tcc $<\r\n"
                                    "ifeq ($(CI),true)\r\n"
                                    "test: ; -pytest -q\r\n"
                                    "endif\r\n",
                                    TaskFileKind::make);
  CHECK(names_of(file) == std::vector<std::string>{"help", "train", "evaluate", "test"});
  CHECK(file.targets[0].prerequisites.empty());
  CHECK(file.targets[1].line == 7);
  CHECK(file.targets[1].prerequisites == std::vector<std::string>{"data"});
  CHECK(file.targets[1].recipe ==
        std::vector<std::string>{"$(RUN) -m churn.train --config configs/config.yaml"});
  CHECK(file.targets[2].recipe == file.targets[1].recipe);
  CHECK(file.targets[3].recipe == std::vector<std::string>{"pytest -q"});
}

TEST_CASE("makefile: justfile recipes with parameters, attributes and settings")
{
  const auto file = parse_task_file("set dotenv-load\n"
                                    "alias t := test\n"
                                    "version := \"1.0\"\n"
                                    "\n"
                                    "[private]\n"
                                    "@train epochs='10' lr=\"0.1:0.2\": prepare\n"
                                    "    python -m churn.train --epochs {{epochs}}\n"
                                    "  # indented comment\n"
                                    "test *args:\n"
                                    "    pytest {{args}}\n",
                                    TaskFileKind::just);
  REQUIRE(names_of(file) == std::vector<std::string>{"train", "test"});
  CHECK(file.targets[0].prerequisites == std::vector<std::string>{"prepare"});
  CHECK(file.targets[0].recipe == std::vector<std::string>{"python -m churn.train --epochs {{epochs}}"});
  CHECK(file.targets[1].recipe == std::vector<std::string>{"pytest {{args}}"});
}

TEST_CASE("only_prints: echo and printf lines run nothing they name")
{
  CHECK(only_prints("echo \"Run 'make docker-up' next\""));
  CHECK(only_prints("  @echo docker compose up"));
  CHECK(only_prints("@printf '%s\\n' uvicorn"));
  CHECK_FALSE(only_prints("docker compose up -d"));
  CHECK_FALSE(only_prints("uvicorn app.main:app"));
}
