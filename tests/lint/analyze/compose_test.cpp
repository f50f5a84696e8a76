#include "lint/analyze/compose.h"

#include <doctest/doctest.h>

using namespace mlfolio::lint::analyze;

TEST_CASE("compose: services, their commands and what they wait for")
{
  CHECK(is_compose_path("docker/docker-compose.prod.yml"));
  CHECK(is_compose_path("compose.yaml"));
  CHECK(is_compose_path("Docker-Compose.YML"));
  CHECK_FALSE(is_compose_path("docs/compose.md"));
  CHECK_FALSE(is_compose_path("k8s/deployment.yaml"));

  const ComposeFile file = parse_compose("services:\n"
                                         "  train:\n"
                                         "    command: [\"python\", \"-m\", \"app.train\"]\n"
                                         "    depends_on:\n"
                                         "      data: {condition: service_completed_successfully}\n"
                                         "  data:\n"
                                         "    entrypoint: [python, scripts/fetch.py]\n"
                                         "    command: --days 30\n"
                                         "  api:\n"
                                         "    image: app\n"
                                         "    depends_on: [train]\n");
  REQUIRE(file.services.size() == 3);
  CHECK(file.services[0].name == "train");
  CHECK(file.services[0].line == 2);
  CHECK(file.services[0].command == "python -m app.train");
  CHECK(file.services[0].command_line == 3);
  CHECK(file.services[0].depends_on == std::vector<std::string>{"data"});
  CHECK(file.services[1].command == "python scripts/fetch.py --days 30");
  CHECK(file.services[1].command_line == 7);
  CHECK(file.services[2].command.empty());
  CHECK(file.services[2].depends_on == std::vector<std::string>{"train"});
  CHECK(file.problems.empty());

  const ComposeFile broken = parse_compose("services:\n  api:\n    image: [unclosed\n");
  CHECK(broken.services.empty());
  REQUIRE(broken.problems.size() == 1);
  CHECK(broken.problems[0].message.find("invalid YAML") == 0);
  CHECK(parse_compose("").problems.empty());
}
