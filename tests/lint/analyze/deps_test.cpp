#include "lint/analyze/deps.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

using namespace mlfolio::lint::analyze;

namespace {

const Dependency* named(const DependencyFile& file, std::string_view name)
{
  for (const auto& dependency : file.dependencies) {
    if (dependency.name == name) {
      return &dependency;
    }
  }
  return nullptr;
}

std::vector<std::string> names_of(const DependencyFile& file)
{
  std::vector<std::string> names;
  for (const auto& dependency : file.dependencies) {
    names.push_back(dependency.name);
  }
  return names;
}

constexpr std::string_view k_requirements = R"(# Core
-r requirements/base.txt
--requirement=requirements/ml.txt
-c constraints.txt
--index-url https://pypi.example.org/simple
--extra-index-url https://download.pytorch.org/whl/cpu

numpy==1.26.4
Pandas[excel,performance] >= 2.0, <3 ; python_version >= "3.9"
scikit_learn~=1.4.0  # trailing comment
torch===2.2.1+cpu
lightgbm==4.*
requests (==2.31.0)
rich
shap==0.44.1 \
    --hash=sha256:0123456789abcdef \
    --hash=sha256:fedcba9876543210
-e git+https://github.com/acme/feature-store.git@3f2c1a9d8b7e6f5a4c3b2a1908f7e6d5c4b3a291#egg=feature_store
-e .
mlflow @ git+https://github.com/mlflow/mlflow.git@v2.11.0
evidently @ https://files.example.org/evidently-0.4.15-py3-none-any.whl
./vendor/tokenizer
numpy 1.21
)";

} // namespace

TEST_CASE("requirements files")
{
  const DependencyFile file = parse_dependencies(k_requirements, DependencyFormat::requirements);

  SUBCASE("includes and constraints are reported for the caller to follow")
  {
    REQUIRE(file.includes.size() == 3);
    CHECK(file.includes[0].path == "requirements/base.txt");
    CHECK(file.includes[0].line == 2);
    CHECK_FALSE(file.includes[0].constraint);
    CHECK(file.includes[1].path == "requirements/ml.txt");
    CHECK(file.includes[2].path == "constraints.txt");
    CHECK(file.includes[2].constraint);
  }

  SUBCASE("names are normalised, specifiers and markers kept")
  {
    CHECK(names_of(file) == std::vector<std::string>{"numpy", "pandas", "scikit-learn", "torch", "lightgbm", "requests",
                                                     "rich", "shap", "feature-store", "", "mlflow", "evidently", ""});
    const Dependency* pandas = named(file, "pandas");
    REQUIRE(pandas != nullptr);
    CHECK(pandas->line == 9);
    CHECK(pandas->specifier == ">=2.0,<3");
    CHECK(pandas->extras == std::vector<std::string>{"excel", "performance"});
    CHECK(pandas->marker == "python_version >= \"3.9\"");
    CHECK_FALSE(pandas->pinned);
    CHECK(named(file, "scikit-learn")->specifier == "~=1.4.0");
  }

  SUBCASE("what counts as pinned")
  {
    CHECK(named(file, "numpy")->pinned);
    CHECK(named(file, "torch")->pinned);
    CHECK_FALSE(named(file, "lightgbm")->pinned);
    CHECK(named(file, "requests")->pinned);
    CHECK(named(file, "requests")->specifier == "==2.31.0");
    CHECK_FALSE(named(file, "rich")->pinned);
    CHECK(named(file, "feature-store")->pinned);
    CHECK(named(file, "mlflow")->pinned);
    CHECK(named(file, "evidently")->pinned);
  }

  SUBCASE("continuations, hashes, editables and paths")
  {
    const Dependency* shap = named(file, "shap");
    REQUIRE(shap != nullptr);
    CHECK(shap->line == 15);
    CHECK(shap->has_hash);
    CHECK(shap->pinned);
    const Dependency& store = file.dependencies[8];
    CHECK(store.editable);
    CHECK(store.line == 18);
    CHECK(store.url.find("git+https://github.com/acme/feature-store.git@3f2c") == 0);
    const Dependency& local = file.dependencies[9];
    CHECK(local.editable);
    CHECK(local.url == ".");
    CHECK_FALSE(local.pinned);
    CHECK(file.dependencies[12].url == "./vendor/tokenizer");
    CHECK(file.dependencies[12].line == 22);
  }

  SUBCASE("a line that is not a requirement is a problem, not a dependency")
  {
    REQUIRE(file.problems.size() == 1);
    CHECK(file.problems[0].line == 23);
    CHECK(file.problems[0].message == "not a requirement: numpy 1.21");
  }
}

TEST_CASE("requirements: CRLF, BOM and UTF-16 give the same result")
{
  const DependencyFile reference = parse_dependencies(k_requirements, DependencyFormat::requirements);
  std::string crlf;
  for (const char c : k_requirements) {
    if (c == '\n') {
      crlf += '\r';
    }
    crlf += c;
  }
  std::string utf16 = "\xFF\xFE";
  for (const char c : crlf) {
    utf16 += c;
    utf16 += '\0';
  }
  for (const std::string& input : {crlf, "\xEF\xBB\xBF" + crlf, utf16}) {
    const DependencyFile file = parse_dependencies(input, DependencyFormat::requirements);
    CHECK(names_of(file) == names_of(reference));
    REQUIRE(file.dependencies.size() == reference.dependencies.size());
    for (size_t i = 0; i < file.dependencies.size(); ++i) {
      CHECK(file.dependencies[i].line == reference.dependencies[i].line);
      CHECK(file.dependencies[i].pinned == reference.dependencies[i].pinned);
    }
  }
}

TEST_CASE("pyproject.toml: PEP 621, dependency groups and tool tables")
{
  constexpr std::string_view pyproject = R"([build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "churn-model"
dependencies = [
  "fastapi>=0.110",
  "pydantic==2.6.4",
  "Scikit-Learn==1.4.1.post1",
]

[project.optional-dependencies]
dev = ["pytest==8.1.1", "ruff"]
gpu = ["torch==2.2.1; sys_platform == 'linux'"]

[dependency-groups]
docs = ["mkdocs>=1.5", {include-group = "dev"}]

[tool.ruff]
line-length = 100

[tool.pytest.ini_options]
addopts = "-q"

[tool.mypy]
strict = true

[tool.hatch.envs.test]
dependencies = ["coverage[toml]==7.4.4"]

[tool.uv]
dev-dependencies = ["pre-commit"]
)";
  const DependencyFile file = parse_dependencies(pyproject, DependencyFormat::pyproject);
  CHECK(file.problems.empty());
  CHECK(file.has_project_table);
  CHECK(file.project_name == "churn-model");
  CHECK(file.build_backend == "hatchling.build");
  CHECK(file.tool_tables == std::vector<std::string>{"hatch", "mypy", "pytest", "ruff", "uv"});
  CHECK(names_of(file) == std::vector<std::string>{"fastapi", "pydantic", "scikit-learn", "pytest", "ruff", "torch",
                                                   "mkdocs", "pre-commit", "coverage"});
  const Dependency* fastapi = named(file, "fastapi");
  REQUIRE(fastapi != nullptr);
  CHECK(fastapi->line == 8);
  CHECK(fastapi->group.empty());
  CHECK_FALSE(fastapi->pinned);
  CHECK(named(file, "scikit-learn")->pinned);
  CHECK(named(file, "pytest")->group == "dev");
  CHECK(named(file, "pytest")->line == 14);
  CHECK(named(file, "torch")->group == "gpu");
  CHECK(named(file, "torch")->marker == "sys_platform == 'linux'");
  CHECK(named(file, "mkdocs")->group == "docs");
  CHECK(named(file, "pre-commit")->group == "dev");
  CHECK(named(file, "coverage")->group == "hatch:test");
  CHECK(named(file, "coverage")->extras == std::vector<std::string>{"toml"});
}

TEST_CASE("pyproject.toml: Poetry")
{
  constexpr std::string_view poetry = R"([tool.poetry]
name = "fraud-detector"
version = "0.3.0"

[tool.poetry.dependencies]
python = "^3.10"
xgboost = "2.0.3"
pandas = "^2.1"
numpy = { version = "==1.26.4", extras = ["blas"] }
internal-lib = { git = "https://git.example.org/team/lib.git", rev = "9fceb02d0ae598e95dc970b74767f19372d61af8" }
other-lib = { git = "https://git.example.org/team/other.git", branch = "main" }
scipy = [
  { version = "1.11.4", python = "<3.12" },
  { version = "1.12.0", python = ">=3.12" },
]

[tool.poetry.group.dev.dependencies]
pytest = "*"
black = "~24.2"

[tool.black]
line-length = 100

[tool.isort]
profile = "black"
)";
  const DependencyFile file = parse_dependencies(poetry, DependencyFormat::pyproject);
  CHECK(file.problems.empty());
  CHECK_FALSE(file.has_project_table);
  CHECK(file.project_name == "fraud-detector");
  CHECK(file.tool_tables == std::vector<std::string>{"black", "isort", "poetry"});
  // toml++ keeps a table's keys sorted.
  CHECK(names_of(file) ==
        std::vector<std::string>{"internal-lib", "numpy", "other-lib", "pandas", "scipy", "xgboost", "black", "pytest"});
  CHECK(named(file, "xgboost")->pinned);
  CHECK(named(file, "xgboost")->line == 7);
  CHECK_FALSE(named(file, "pandas")->pinned);
  CHECK(named(file, "numpy")->pinned);
  CHECK(named(file, "numpy")->extras == std::vector<std::string>{"blas"});
  CHECK(named(file, "internal-lib")->pinned);
  CHECK(named(file, "internal-lib")->url == "https://git.example.org/team/lib.git");
  CHECK_FALSE(named(file, "other-lib")->pinned);
  CHECK_FALSE(named(file, "scipy")->pinned);
  CHECK(named(file, "pytest")->group == "dev");
  CHECK_FALSE(named(file, "pytest")->pinned);
}

TEST_CASE("pyproject.toml: a syntax error names line and column")
{
  constexpr std::string_view broken = "[project]\n"
                                      "name = \"demo\"\n"
                                      "dependencies = [\n"
                                      "  \"numpy\",\n"
                                      "  pandas,\n"
                                      "]\n";
  const DependencyFile file = parse_dependencies(broken, DependencyFormat::pyproject);
  CHECK(file.dependencies.empty());
  REQUIRE(file.problems.size() == 1);
  CHECK(file.problems[0].line == 5);
  CHECK(file.problems[0].column == 3);
  CHECK(file.problems[0].message.find("invalid TOML: ") == 0);
  CHECK(format_problem("pyproject.toml", file.problems[0]).find("pyproject.toml:5:3: invalid TOML: ") == 0);

  const DependencyFile duplicate = parse_dependencies("[tool.ruff]\n[tool.ruff]\n", DependencyFormat::pyproject);
  REQUIRE(duplicate.problems.size() == 1);
  CHECK(duplicate.problems[0].line == 2);
}

TEST_CASE("Pipfile")
{
  constexpr std::string_view pipfile = R"([[source]]
url = "https://pypi.org/simple"
verify_ssl = true
name = "pypi"

[packages]
flask = "==3.0.2"
gunicorn = "*"
torch = {version = ">=2.1", index = "pytorch"}
model-utils = {editable = true, path = "."}
tracker = {git = "https://git.example.org/tracker.git", ref = "0d1e2f3"}

[dev-packages]
pytest = "==8.1.1"

[requires]
python_version = "3.11"
)";
  const DependencyFile file = parse_dependencies(pipfile, DependencyFormat::pipfile);
  CHECK(file.problems.empty());
  // toml++ keeps a table's keys sorted.
  CHECK(names_of(file) == std::vector<std::string>{"flask", "gunicorn", "model-utils", "torch", "tracker", "pytest"});
  CHECK(named(file, "flask")->pinned);
  CHECK(named(file, "flask")->line == 7);
  CHECK_FALSE(named(file, "gunicorn")->pinned);
  CHECK_FALSE(named(file, "torch")->pinned);
  CHECK(named(file, "model-utils")->editable);
  CHECK(named(file, "tracker")->pinned);
  CHECK(named(file, "pytest")->group == "dev");
}

TEST_CASE("setup.cfg and setup.py")
{
  constexpr std::string_view setup_cfg = R"([metadata]
name = image-tagger

[options]
packages = find:
install_requires =
    torch>=2.0
    torchvision==0.17.1
    pillow; python_version >= "3.8"
python_requires = >=3.9

[options.extras_require]
dev = pytest==8.0.0; black

[flake8]
max-line-length = 100

[tool:pytest]
testpaths = tests
)";
  const DependencyFile cfg = parse_dependencies(setup_cfg, DependencyFormat::setup_cfg);
  CHECK(cfg.problems.empty());
  CHECK(cfg.project_name == "image-tagger");
  CHECK(names_of(cfg) == std::vector<std::string>{"torch", "torchvision", "pillow", "pytest", "black"});
  CHECK(named(cfg, "torchvision")->line == 8);
  CHECK(named(cfg, "torchvision")->pinned);
  CHECK(named(cfg, "pillow")->marker == "python_version >= \"3.8\"");
  CHECK(named(cfg, "black")->group == "dev");
  CHECK(cfg.tool_tables == std::vector<std::string>{"flake8", "pytest"});

  constexpr std::string_view setup_py = R"(from setuptools import setup, find_packages

REQUIREMENTS = [
    "numpy>=1.24",
    'requests==2.31.0',  # http
]

with open("requirements-extra.txt") as handle:
    extra = handle.read().splitlines()

setup(
    name="text-classifier",
    packages=find_packages(),
    install_requires=REQUIREMENTS,
    extras_require={
        "serve": ["fastapi==0.110.0", "uvicorn"],
        "dev": ("pytest",),
    },
)
)";
  const DependencyFile py = parse_dependencies(setup_py, DependencyFormat::setup_py);
  CHECK(py.problems.empty());
  CHECK(names_of(py) == std::vector<std::string>{"numpy", "requests", "fastapi", "uvicorn", "pytest"});
  CHECK(named(py, "requests")->line == 5);
  CHECK(named(py, "requests")->pinned);
  CHECK(named(py, "fastapi")->group == "serve");
  CHECK(named(py, "pytest")->group == "dev");
  REQUIRE(py.includes.size() == 1);
  CHECK(py.includes[0].path == "requirements-extra.txt");
  CHECK(py.includes[0].line == 8);

  const DependencyFile inline_list =
    parse_dependencies("setup(install_requires=['scipy==1.12.0', 'joblib'])\n", DependencyFormat::setup_py);
  CHECK(names_of(inline_list) == std::vector<std::string>{"scipy", "joblib"});
}

TEST_CASE("console scripts of setup.cfg and setup.py")
{
  const DependencyFile cfg = parse_dependencies("[metadata]\nname = tagger\n\n[options.entry_points]\n"
                                                "console_scripts =\n    tagger-train = tagger.train:main\n"
                                                "    tagger-serve = tagger.api:run\n",
                                                DependencyFormat::setup_cfg);
  REQUIRE(cfg.scripts.size() == 2);
  CHECK(cfg.scripts[0].name == "tagger-train");
  CHECK(cfg.scripts[0].target == "tagger.train:main");
  CHECK(cfg.scripts[0].line == 6);
  CHECK(cfg.scripts[1].name == "tagger-serve");
  CHECK(cfg.dependencies.empty());

  const DependencyFile py = parse_dependencies("setup(\n    name='tagger',\n    entry_points={\n"
                                               "        'console_scripts': [\n"
                                               "            'fit_model = tagger.fit:main',\n"
                                               "            'score=tagger.score:main',\n        ],\n"
                                               "        'gui_scripts': ['viewer = tagger.gui:main'],\n    },\n)\n",
                                               DependencyFormat::setup_py);
  REQUIRE(py.scripts.size() == 2);
  CHECK(py.scripts[0].name == "fit_model");
  CHECK(py.scripts[0].target == "tagger.fit:main");
  CHECK(py.scripts[0].line == 5);
  CHECK(py.scripts[1].name == "score");
  CHECK(py.scripts[1].target == "tagger.score:main");

  const DependencyFile keywords = parse_dependencies(
      "setup(entry_points=dict(console_scripts=['train-net = net.train:cli']))\n", DependencyFormat::setup_py);
  REQUIRE(keywords.scripts.size() == 1);
  CHECK(keywords.scripts[0].name == "train-net");
}

TEST_CASE("conda environment.yml")
{
  constexpr std::string_view environment = R"(name: speech-ml
channels:
  - conda-forge
dependencies:
  - python=3.11
  - numpy=1.26.4
  - pandas=2.1
  - conda-forge::librosa==0.10.1
  - scipy 1.12.0 py311h64a7726_0
  - cudatoolkit
  - pip
  - pip:
      - -r requirements.txt
      - transformers==4.38.2
      - datasets
)";
  const DependencyFile file = parse_dependencies(environment, DependencyFormat::conda_environment);
  CHECK(file.problems.empty());
  CHECK(file.project_name == "speech-ml");
  CHECK(names_of(file) ==
        std::vector<std::string>{"numpy", "pandas", "librosa", "scipy", "cudatoolkit", "pip", "transformers", "datasets"});
  CHECK(named(file, "numpy")->pinned);
  CHECK(named(file, "numpy")->line == 6);
  CHECK_FALSE(named(file, "pandas")->pinned);
  CHECK(named(file, "librosa")->pinned);
  CHECK(named(file, "scipy")->pinned);
  CHECK_FALSE(named(file, "cudatoolkit")->pinned);
  CHECK(named(file, "transformers")->group == "pip");
  CHECK(named(file, "transformers")->pinned);
  CHECK(named(file, "transformers")->line == 14);
  REQUIRE(file.includes.size() == 1);
  CHECK(file.includes[0].path == "requirements.txt");
  CHECK(file.includes[0].line == 13);

  const DependencyFile broken = parse_dependencies("dependencies:\n  - numpy\n - pandas\n", DependencyFormat::conda_environment);
  REQUIRE(broken.problems.size() == 1);
  CHECK(broken.problems[0].line == 3);
  CHECK(broken.problems[0].message.find("invalid YAML: ") == 0);
}

TEST_CASE("dependency formats by path and PEP 503 names")
{
  CHECK(dependency_format_for_path("requirements.txt") == DependencyFormat::requirements);
  CHECK(dependency_format_for_path("requirements-dev.txt") == DependencyFormat::requirements);
  CHECK(dependency_format_for_path("requirements/prod.txt") == DependencyFormat::requirements);
  CHECK(dependency_format_for_path("requirements.in") == DependencyFormat::requirements);
  CHECK(dependency_format_for_path("notes.txt") == DependencyFormat::unknown);
  CHECK(dependency_format_for_path("backend/pyproject.toml") == DependencyFormat::pyproject);
  CHECK(dependency_format_for_path("environment.yml") == DependencyFormat::conda_environment);
  CHECK(dependency_format_for_path("conda-gpu.yaml") == DependencyFormat::conda_environment);
  CHECK(dependency_format_for_path("Pipfile") == DependencyFormat::pipfile);
  CHECK(dependency_format_for_path("setup.py") == DependencyFormat::setup_py);
  CHECK(dependency_format_for_path("setup.cfg") == DependencyFormat::setup_cfg);
  CHECK(normalize_package_name("Scikit_Learn") == "scikit-learn");
  CHECK(normalize_package_name("zope.interface") == "zope-interface");
  CHECK(normalize_package_name("A__b--C..d") == "a-b-c-d");
}

TEST_CASE("dependencies: hostile input")
{
  SUBCASE("binary garbage in a requirements file gives problems, not crashes")
  {
    const DependencyFile file = parse_dependencies(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), DependencyFormat::requirements);
    CHECK(file.dependencies.size() <= 2);
  }
  SUBCASE("deeply nested TOML and YAML")
  {
    const DependencyFile toml = parse_dependencies("a = " + std::string(5000, '['), DependencyFormat::pyproject);
    CHECK(toml.problems.size() == 1);
    const DependencyFile yaml = parse_dependencies("a: " + std::string(5000, '['), DependencyFormat::conda_environment);
    CHECK(yaml.problems.size() == 1);
  }
  SUBCASE("a long run of continuation lines")
  {
    std::string text;
    for (int i = 0; i < 50000; ++i) {
      text += "pkg==1.0 \\\n";
    }
    const DependencyFile file = parse_dependencies(text, DependencyFormat::requirements);
    CHECK(file.dependencies.empty());
    CHECK(file.problems.size() == 1);
  }
}
