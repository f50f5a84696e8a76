#include "lint/analyze/workflow.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

using namespace mlfolio::lint::analyze;

namespace {

std::vector<std::pair<std::string, int>> commands_of(const CiJob& job)
{
  std::vector<std::pair<std::string, int>> commands;
  for (const auto& command : job.commands) {
    commands.emplace_back(command.text, command.line);
  }
  return commands;
}

std::vector<std::string> actions_of(const CiJob& job)
{
  std::vector<std::string> actions;
  for (const auto& action : job.actions) {
    actions.push_back(action.name);
  }
  return actions;
}

using Commands = std::vector<std::pair<std::string, int>>;

constexpr std::string_view k_github = R"(name: CI
on:
  push:
    branches: [main]
  pull_request:
  workflow_dispatch:

jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: ruff check .
  test:
    needs: lint
    runs-on: ${{ matrix.os }}
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - name: Install
        run: |
          python -m pip install --upgrade pip

          # dependencies
          pip install -r requirements.txt \
            -r requirements-dev.txt
      - name: Test
        run: pytest -q --cov=src
      - run: >
          docker build
          -t app .
  release:
    uses: ./.github/workflows/release.yml
)";

} // namespace

TEST_CASE("CI systems by path")
{
  CHECK(ci_system_for_path(".github/workflows/ci.yml") == CiSystem::github_actions);
  CHECK(ci_system_for_path("sub/project/.github/workflows/Test.YAML") == CiSystem::github_actions);
  CHECK(ci_system_for_path(".github/dependabot.yml") == CiSystem::unknown);
  CHECK(ci_system_for_path(".gitlab-ci.yml") == CiSystem::gitlab);
  CHECK(ci_system_for_path(".circleci/config.yml") == CiSystem::circleci);
  CHECK(ci_system_for_path("azure-pipelines.yml") == CiSystem::azure_pipelines);
  CHECK(ci_system_for_path("azure-pipelines-ci.yaml") == CiSystem::azure_pipelines);
  CHECK(ci_system_for_path(".azuredevops/training-pipeline.yml") == CiSystem::azure_pipelines);
  CHECK(ci_system_for_path(".azure-pipelines/release.yaml") == CiSystem::azure_pipelines);
  CHECK(ci_system_for_path(".azuredevops/templates/steps.yml") == CiSystem::unknown);
  CHECK(ci_system_for_path(".azuredevops/README.md") == CiSystem::unknown);
  CHECK(ci_system_for_path("bitbucket-pipelines.yml") == CiSystem::bitbucket);
  CHECK(ci_system_for_path(".travis.yml") == CiSystem::travis);
  CHECK(ci_system_for_path("Jenkinsfile") == CiSystem::jenkins);
  CHECK(ci_system_for_path("ci/Jenkinsfile.nightly") == CiSystem::jenkins);
  CHECK(ci_system_for_path("README.md") == CiSystem::unknown);
}

TEST_CASE("GitHub Actions workflow")
{
  std::string input(k_github);
  SUBCASE("LF") {}
  SUBCASE("CRLF")
  {
    input.clear();
    for (const char c : k_github) {
      if (c == '\n') {
        input += '\r';
      }
      input += c;
    }
  }
  const Workflow workflow = parse_workflow(input, CiSystem::github_actions);
  CHECK(workflow.problems.empty());
  CHECK(workflow.name == "CI");
  CHECK(workflow.triggers == std::vector<std::string>{"push", "pull_request", "workflow_dispatch"});
  REQUIRE(workflow.jobs.size() == 3);
  CHECK(workflow.jobs[0].name == "lint");
  CHECK(workflow.jobs[0].line == 9);
  CHECK(commands_of(workflow.jobs[0]) == Commands{{"ruff check .", 13}});
  CHECK(actions_of(workflow.jobs[0]) == std::vector<std::string>{"actions/checkout@v4"});
  const CiJob& test = workflow.jobs[1];
  CHECK(test.name == "test");
  CHECK(actions_of(test) == std::vector<std::string>{"actions/checkout@v4", "actions/setup-python@v5"});
  CHECK(test.actions[1].line == 19);
  CHECK(commands_of(test) ==
        Commands{{"python -m pip install --upgrade pip", 24},
                 {"pip install -r requirements.txt -r requirements-dev.txt", 27},
                 {"pytest -q --cov=src", 30},
                 {"docker build -t app .", 32}});
  CHECK(actions_of(workflow.jobs[2]) == std::vector<std::string>{"./.github/workflows/release.yml"});
}

TEST_CASE("GitHub Actions: trigger shapes")
{
  CHECK(parse_workflow("on: push\njobs: {}\n", CiSystem::github_actions).triggers == std::vector<std::string>{"push"});
  CHECK(parse_workflow("on: [push, pull_request]\n", CiSystem::github_actions).triggers ==
        std::vector<std::string>{"push", "pull_request"});
}

TEST_CASE("GitLab CI")
{
  constexpr std::string_view gitlab = R"(stages: [test, deploy]
variables:
  PIP_CACHE_DIR: .cache/pip
default:
  image: python:3.11
  before_script:
    - pip install -r requirements.txt
.tests: &tests
  script:
    - pytest
unit-tests:
  stage: test
  <<: *tests
  script:
    - python -m pytest tests/ --junitxml=report.xml
    - |
      coverage run -m pytest
      coverage report
  after_script: echo done
deploy:
  stage: deploy
  script: ./deploy.sh
include:
  - local: ci/extra.yml
)";
  const Workflow workflow = parse_workflow(gitlab, CiSystem::gitlab);
  CHECK(workflow.problems.empty());
  REQUIRE(workflow.jobs.size() == 4);
  CHECK(workflow.jobs[0].name == "(default)");
  CHECK(commands_of(workflow.jobs[0]) == Commands{{"pip install -r requirements.txt", 7}});
  CHECK(workflow.jobs[1].name == ".tests");
  CHECK(commands_of(workflow.jobs[1]) == Commands{{"pytest", 10}});
  CHECK(workflow.jobs[2].name == "unit-tests");
  CHECK(workflow.jobs[2].line == 11);
  CHECK(commands_of(workflow.jobs[2]) == Commands{{"python -m pytest tests/ --junitxml=report.xml", 15},
                                                  {"coverage run -m pytest", 17},
                                                  {"coverage report", 18},
                                                  {"echo done", 19}});
  CHECK(commands_of(workflow.jobs[3]) == Commands{{"./deploy.sh", 22}});
}

TEST_CASE("CircleCI")
{
  constexpr std::string_view circle = R"(version: 2.1
orbs:
  python: circleci/python@2.1
jobs:
  build-and-test:
    docker:
      - image: cimg/python:3.11
    steps:
      - checkout
      - python/install-packages:
          pkg-manager: pip
      - run:
          name: Run tests
          command: |
            pytest --junitxml=results.xml
      - run: make lint
      - store_test_results:
          path: results.xml
workflows:
  main:
    jobs: [build-and-test]
)";
  const Workflow workflow = parse_workflow(circle, CiSystem::circleci);
  CHECK(workflow.problems.empty());
  REQUIRE(workflow.jobs.size() == 1);
  CHECK(workflow.jobs[0].name == "build-and-test");
  CHECK(commands_of(workflow.jobs[0]) == Commands{{"pytest --junitxml=results.xml", 15}, {"make lint", 16}});
  CHECK(actions_of(workflow.jobs[0]) ==
        std::vector<std::string>{"checkout", "python/install-packages", "store_test_results"});
}

TEST_CASE("Azure Pipelines")
{
  constexpr std::string_view azure = R"(trigger:
  - main
stages:
  - stage: Test
    jobs:
      - job: Unit
        pool:
          vmImage: ubuntu-latest
        steps:
          - task: UsePythonVersion@0
            inputs:
              versionSpec: "3.11"
          - script: |
              pip install -r requirements.txt
              pytest tests
            displayName: Run tests
          - bash: echo "bash step"
  - stage: Deploy
    jobs:
      - deployment: Web
        strategy:
          runOnce:
            deploy:
              steps:
                - template: templates/deploy.yml
                - pwsh: ./deploy.ps1
)";
  const Workflow workflow = parse_workflow(azure, CiSystem::azure_pipelines);
  CHECK(workflow.problems.empty());
  REQUIRE(workflow.jobs.size() == 2);
  CHECK(workflow.jobs[0].name == "Unit");
  CHECK(commands_of(workflow.jobs[0]) ==
        Commands{{"pip install -r requirements.txt", 14}, {"pytest tests", 15}, {"echo \"bash step\"", 17}});
  CHECK(actions_of(workflow.jobs[0]) == std::vector<std::string>{"UsePythonVersion@0"});
  CHECK(workflow.jobs[1].name == "Web");
  CHECK(commands_of(workflow.jobs[1]) == Commands{{"./deploy.ps1", 26}});
  CHECK(actions_of(workflow.jobs[1]) == std::vector<std::string>{"template:templates/deploy.yml"});

  const Workflow simple = parse_workflow("steps:\n  - script: python -m pytest\n", CiSystem::azure_pipelines);
  REQUIRE(simple.jobs.size() == 1);
  CHECK(simple.jobs[0].name == "(pipeline)");
  CHECK(commands_of(simple.jobs[0]) == Commands{{"python -m pytest", 2}});
}

TEST_CASE("Bitbucket Pipelines")
{
  constexpr std::string_view bitbucket = R"(image: python:3.11
definitions:
  steps:
    - step: &lint
        name: Lint
        script:
          - flake8 .
pipelines:
  default:
    - step: *lint
    - parallel:
        - step:
            name: Test
            caches: [pip]
            script:
              - pip install -r requirements.txt
              - pytest -q
            after-script:
              - pipe: atlassian/slack-notify:2.0.0
                variables:
                  WEBHOOK_URL: $WEBHOOK
  branches:
    main:
      - step:
          name: Deploy
          script:
            - ./deploy.sh
)";
  const Workflow workflow = parse_workflow(bitbucket, CiSystem::bitbucket);
  CHECK(workflow.problems.empty());
  REQUIRE(workflow.jobs.size() == 3);
  CHECK(workflow.jobs[0].name == "Lint");
  CHECK(workflow.jobs[1].name == "Test");
  CHECK(commands_of(workflow.jobs[1]) == Commands{{"pip install -r requirements.txt", 16}, {"pytest -q", 17}});
  CHECK(actions_of(workflow.jobs[1]) == std::vector<std::string>{"atlassian/slack-notify:2.0.0"});
  CHECK(workflow.jobs[2].name == "Deploy");
  CHECK(commands_of(workflow.jobs[2]) == Commands{{"./deploy.sh", 27}});
}

TEST_CASE("Travis CI")
{
  constexpr std::string_view travis = R"(language: python
python: ["3.10", "3.11"]
install:
  - pip install -e .[dev]
script: pytest
jobs:
  include:
    - stage: lint
      script: flake8
)";
  const Workflow workflow = parse_workflow(travis, CiSystem::travis);
  CHECK(workflow.problems.empty());
  REQUIRE(workflow.jobs.size() == 2);
  CHECK(commands_of(workflow.jobs[0]) == Commands{{"pip install -e .[dev]", 4}, {"pytest", 5}});
  CHECK(workflow.jobs[1].name == "lint");
  CHECK(commands_of(workflow.jobs[1]) == Commands{{"flake8", 9}});
}

TEST_CASE("Jenkinsfile")
{
  constexpr std::string_view jenkinsfile = R"(pipeline {
  agent { docker { image 'python:3.11' } }
  stages {
    stage('Install') {
      steps {
        sh 'pip install -r requirements.txt'
        // sh 'commented out'
      }
    }
    stage("Test") {
      steps {
        sh(script: "pytest --junitxml=out.xml", returnStatus: true)
        sh """
          coverage run -m pytest
          coverage xml
        """
        bat 'echo windows'
        echo 'not a shell step'
      }
    }
  }
}
)";
  const Workflow workflow = parse_workflow(jenkinsfile, CiSystem::jenkins);
  CHECK(workflow.problems.empty());
  REQUIRE(workflow.jobs.size() == 2);
  CHECK(workflow.jobs[0].name == "Install");
  CHECK(workflow.jobs[0].line == 4);
  CHECK(commands_of(workflow.jobs[0]) == Commands{{"pip install -r requirements.txt", 6}});
  CHECK(workflow.jobs[1].name == "Test");
  CHECK(commands_of(workflow.jobs[1]) == Commands{{"pytest --junitxml=out.xml", 12},
                                                  {"coverage run -m pytest", 14},
                                                  {"coverage xml", 15},
                                                  {"echo windows", 17}});
}

TEST_CASE("CI: malformed and hostile input")
{
  SUBCASE("a YAML syntax error names line and column")
  {
    const Workflow workflow =
      parse_workflow("name: CI\non: push\njobs:\n  test:\n    steps: [\n      - run: pytest\n", CiSystem::github_actions);
    CHECK(workflow.jobs.empty());
    REQUIRE(workflow.problems.size() == 1);
    CHECK(workflow.problems[0].line > 0);
    CHECK(workflow.problems[0].column > 0);
    CHECK(workflow.problems[0].message.find("invalid YAML: ") == 0);
  }
  SUBCASE("a tab where indentation belongs")
  {
    const Workflow workflow = parse_workflow("jobs:\n  test:\n\tsteps: []\n", CiSystem::github_actions);
    REQUIRE(workflow.problems.size() == 1);
    CHECK(workflow.problems[0].line == 3);
  }
  SUBCASE("a document that is not a mapping, an empty file")
  {
    CHECK(parse_workflow("- a\n- b\n", CiSystem::gitlab).problems[0].message == "the YAML document is not a mapping");
    CHECK(parse_workflow("", CiSystem::gitlab).problems.size() == 1);
  }
  SUBCASE("deep nesting is refused before the parser sees it")
  {
    const Workflow workflow = parse_workflow("a: " + std::string(100000, '['), CiSystem::gitlab);
    REQUIRE(workflow.problems.size() == 1);
    CHECK(workflow.problems[0].message == "YAML nested too deeply to read");
  }
  SUBCASE("alias expansion is bounded")
  {
    std::string yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < 12; ++i) {
      yaml += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
      for (int k = 0; k < 10; ++k) {
        yaml += (k > 0 ? ", *a" : "*a") + std::to_string(i - 1);
      }
      yaml += "]\n";
    }
    yaml += "pipelines:\n  default: *a11\n";
    const Workflow workflow = parse_workflow(yaml, CiSystem::bitbucket);
    REQUIRE(workflow.problems.size() == 1);
    CHECK(workflow.problems[0].message == "the YAML expands to too many nodes (aliases?); read in part");
  }
  SUBCASE("invalid UTF-8 and NUL bytes")
  {
    const char raw[] = "job:\n  script: echo \xff\0\n";
    const Workflow workflow = parse_workflow(std::string(raw, sizeof(raw) - 1), CiSystem::gitlab);
    REQUIRE(workflow.jobs.size() == 1);
    CHECK(workflow.jobs[0].commands[0].text == "echo \xEF\xBF\xBD\xEF\xBF\xBD");
  }
}
