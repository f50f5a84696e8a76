#include "generate/components.h"

namespace mlfolio::generate {

namespace {

constexpr std::string_view k_license_names[] = {"LICENSE.md", "LICENSE.txt", "LICENCE", "LICENCE.md", "COPYING"};
constexpr std::string_view k_readme_names[] = {"README.rst", "README.txt", "README", "readme.md", "Readme.md"};

const ComponentFile k_docker[] = {{"Dockerfile"}, {".dockerignore"}};
const ComponentFile k_gitignore[] = {{".gitignore", Merge::ignore_lines}};
const ComponentFile k_license[] = {{"LICENSE", Merge::none, k_license_names}};
const ComponentFile k_readme[] = {{"README.md", Merge::readme, k_readme_names}};
const ComponentFile k_ci[] = {{".github/workflows/ci.yml"}};
const ComponentFile k_makefile[] = {{"Makefile"}};
const ComponentFile k_api[] = {{"src/<%package%>/api/__init__.py"}, {"src/<%package%>/api/app.py"},
                                {"src/<%package%>/api/schemas.py"}, {"tests/conftest.py"}, {"tests/test_api.py"}};
const ComponentFile k_monitoring[] = {{"src/<%package%>/monitoring.py"}, {"tests/conftest.py"},
                                       {"tests/test_monitoring.py"}};
const ComponentFile k_tracking[] = {{"src/<%package%>/tracking.py"}, {"configs/tracking.yaml"},
                                     {"README.md", Merge::readme, k_readme_names}, {"tests/conftest.py"},
                                     {"tests/test_tracking.py"}};
const ComponentFile k_config[] = {{"configs/config.yaml"}, {"src/<%package%>/config.py"}, {"tests/conftest.py"},
                                   {"tests/test_config.py"}};
const ComponentFile k_tests[] = {{"tests/conftest.py"}, {"tests/test_project.py"}};
const ComponentFile k_pre_commit[] = {{".pre-commit-config.yaml"}, {".flake8"}};

constexpr std::string_view k_ci_requirements[] = {"pytest", "ruff"};
constexpr std::string_view k_pre_commit_requirements[] = {"pre-commit"};
constexpr std::string_view k_tests_requirements[] = {"pytest"};
constexpr std::string_view k_config_requirements[] = {"pyyaml", "pytest"};
constexpr std::string_view k_tracking_requirements[] = {"pyyaml", "<%tracking%>", "pytest"};
constexpr std::string_view k_monitoring_requirements[] = {"numpy", "pandas", "scipy", "prometheus-client", "pytest"};
constexpr std::string_view k_api_requirements[] = {"fastapi", "uvicorn", "pydantic", "prometheus-client", "httpx",
                                                   "pytest"};

const Component k_components[] = {
  {"docker", "Dockerfile and .dockerignore: a slim, non-root image of the project", k_docker, {}},
  {"api", "FastAPI app around the model (/health, /predict, /metrics), its schemas and its test", k_api,
   k_api_requirements},
  {"ci", "GitHub Actions workflow: lint, tests and the mlfolio score gate", k_ci, k_ci_requirements},
  {"tracking", "tracking.py: MLflow or W&B runs behind a small Tracker interface (imported lazily), its "
   "config, the README's dashboard section and a test with a recording stand-in", k_tracking,
   k_tracking_requirements},
  {"monitoring", "monitoring.py: drift statistics (PSI, KS) over a window of inputs, Prometheus metrics; its test",
   k_monitoring, k_monitoring_requirements},
  {"tests", "tests/ for pytest: a conftest and first tests that import the training code and run the model",
   k_tests, k_tests_requirements},
  {"readme", "README.md, or the sections it lacks, with placeholders to fill in", k_readme, {}},
  {"gitignore", ".gitignore entries for Python, environments, notebooks, secrets and tracking output",
   k_gitignore, {}},
  {"license", "LICENSE (--license mit, apache-2.0 or bsd-3-clause; --author)", k_license, {}},
  {"makefile", "Makefile with install, train, pipeline, test, lint and docker targets", k_makefile, {}},
  {"pre-commit", ".pre-commit-config.yaml (black, ruff, flake8, mypy) and .flake8", k_pre_commit,
   k_pre_commit_requirements},
  {"config", "configs/config.yaml and config.py: settings out of the code, environment overrides; its test",
   k_config, k_config_requirements},
};

} // namespace

std::span<const Component> components()
{
  return k_components;
}

const Component* find_component(std::string_view name)
{
  for (const auto& component : k_components) {
    if (component.name == name) {
      return &component;
    }
  }
  return nullptr;
}

} // namespace mlfolio::generate
