#include "lint/analyze/deps.h"

#include <doctest/doctest.h>

using namespace mlfolio::lint::analyze;

TEST_CASE("pyproject.toml: console scripts of [project.scripts] and [tool.poetry.scripts]")
{
  const auto file = parse_dependencies("[project]\n"
                                       "name = \"churn\"\n"
                                       "[project.scripts]\n"
                                       "churn-train = \"churn.train:main\"\n"
                                       "churn-serve = \"churn.api:run\"\n"
                                       "[tool.poetry.scripts]\n"
                                       "legacy = { reference = \"churn.cli:app\", type = \"console\" }\n",
                                       DependencyFormat::pyproject);
  REQUIRE(file.scripts.size() == 3);
  CHECK(file.scripts[0].name == "churn-train");
  CHECK(file.scripts[0].target == "churn.train:main");
  CHECK(file.scripts[0].line == 4);
  CHECK(file.scripts[1].name == "churn-serve");
  CHECK(file.scripts[2].name == "legacy");
  CHECK(file.scripts[2].target == "churn.cli:app");
  CHECK(parse_dependencies("[project]\nname = \"x\"\n", DependencyFormat::pyproject).scripts.empty());
}
