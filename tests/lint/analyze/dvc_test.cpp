#include "lint/analyze/dvc.h"

#include <doctest/doctest.h>

using namespace mlfolio::lint::analyze;

TEST_CASE("dvc: stages with commands, outputs, metrics and plots")
{
  const auto pipeline = parse_dvc_yaml("stages:\n"
                                       "  prepare:\n"
                                       "    cmd: python -m churn.data\n"
                                       "    outs:\n"
                                       "      - data/processed\n"
                                       "  train:\n"
                                       "    cmd:\n"
                                       "      - python -m churn.train\n"
                                       "      - python -m churn.export\n"
                                       "    outs:\n"
                                       "      - models/model.pkl:\n"
                                       "          cache: true\n"
                                       "    metrics:\n"
                                       "      - metrics.json:\n"
                                       "          cache: false\n"
                                       "plots:\n"
                                       "  - plots/roc.json\n");
  CHECK(pipeline.problems.empty());
  REQUIRE(pipeline.stages.size() == 2);
  CHECK(pipeline.stages[0].name == "prepare");
  CHECK(pipeline.stages[0].line == 2);
  CHECK(pipeline.stages[0].commands == std::vector<std::string>{"python -m churn.data"});
  CHECK(pipeline.stages[0].outs == std::vector<std::string>{"data/processed"});
  CHECK(pipeline.stages[1].commands.size() == 2);
  CHECK(pipeline.stages[1].outs == std::vector<std::string>{"models/model.pkl"});
  CHECK(pipeline.stages[1].metrics == std::vector<std::string>{"metrics.json"});
  CHECK(pipeline.plots == std::vector<std::string>{"plots/roc.json"});
}

TEST_CASE("dvc: malformed YAML is a problem, and .dvc files give their outputs")
{
  const auto broken = parse_dvc_yaml("stages: [\n");
  CHECK(broken.stages.empty());
  REQUIRE(broken.problems.size() == 1);
  CHECK(broken.problems[0].message.starts_with("invalid YAML"));
  CHECK(parse_dvc_yaml("- a list\n").problems[0].message == "the YAML document is not a mapping");

  const auto outs = parse_dvc_file("outs:\n- md5: 1a2b\n  size: 10\n  path: model.pkl\n");
  REQUIRE(outs.size() == 1);
  CHECK(outs[0].path == "model.pkl");
  CHECK(outs[0].line == 4);
  CHECK(parse_dvc_file("not: [valid").empty());
}
