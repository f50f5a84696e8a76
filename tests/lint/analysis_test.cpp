#include "lint/analysis.h"

#include <doctest/doctest.h>

using namespace mlfolio::lint;

namespace {

std::vector<std::string> paths(const std::vector<const FileEntry*>& files)
{
  std::vector<std::string> result;
  for (const FileEntry* file : files) {
    result.push_back(file->path);
  }
  return result;
}

// A view whose reads fail, like a file that vanished or a broken object.
class FailingView : public MemoryView
{
public:
  mlfolio::Result<std::string> read(std::string_view path, uint64_t) const override
  {
    return mlfolio::runtime_error("cannot read " + std::string(path) + ": permission denied");
  }
};

} // namespace

TEST_CASE("analysis: README at the root, any case, Markdown preferred")
{
  MemoryView view;
  view.add("docs/README.md", "nested");
  view.add("readme.rst", "rst");
  view.add("README.MD", "md");
  const Analysis analysis(view);
  REQUIRE(analysis.readme() != nullptr);
  CHECK(analysis.readme()->path == "README.MD");

  MemoryView nested;
  nested.add("docs/README.md", "nested");
  CHECK(Analysis(nested).readme() == nullptr);
}

TEST_CASE("analysis: Python code, tests and notebooks, without vendored folders")
{
  MemoryView view;
  view.add("src/churn/__init__.py", "");
  view.add("src/churn/train.py", "");
  view.add("tests/test_train.py", "");
  view.add("tests/conftest.py", "");
  view.add("src/churn/features_test.py", "");
  view.add(".venv/lib/python3.11/site-packages/six.py", "");
  view.add("node_modules/x/y.py", "");
  view.add("notebooks/eda.ipynb", "{}");
  view.add("notebooks/.ipynb_checkpoints/eda-checkpoint.ipynb", "{}");
  view.add("scripts/Run.PY", "");
  const Analysis analysis(view);
  CHECK(paths(analysis.python_files()) ==
        std::vector<std::string>{"scripts/Run.PY", "src/churn/__init__.py", "src/churn/train.py"});
  CHECK(paths(analysis.test_files()) ==
        std::vector<std::string>{"src/churn/features_test.py", "tests/conftest.py", "tests/test_train.py"});
  CHECK(paths(analysis.notebooks()) == std::vector<std::string>{"notebooks/eda.ipynb"});
  CHECK(Analysis::is_vendored("a/venv/b.py"));
  CHECK_FALSE(Analysis::is_vendored("src/env/b.py"));
  CHECK(Analysis::is_vendored("build/botocore/data/eks/2017-11-01/examples-1.json")); // pip install -t build/
  CHECK_FALSE(Analysis::is_vendored("build/lambda_function.py"));
}

TEST_CASE("analysis: files_matching finds what trying every glob on every file finds")
{
  MemoryView view;
  const std::vector<std::string> files = {"Dockerfile",
                                          "api/Dockerfile.gpu",
                                          "api/dockerfile",
                                          "LICENSE",
                                          "LICENSE.md",
                                          "licenses/MIT.txt",
                                          "requirements.txt",
                                          "requirements-dev.txt",
                                          "Requirements_GPU.TXT",
                                          "docs/requirements.txt",
                                          "requirements/base.txt",
                                          "notes.txt",
                                          "data/a.tar.gz",
                                          "data/b.gz",
                                          "environment.yml",
                                          "environment.yaml",
                                          "Makefile",
                                          "makefile",
                                          "src/pkg/__pycache__/x.pyc",
                                          "src/pkg/x.py",
                                          "tests/test_x.py",
                                          "x_test.py",
                                          ".venv/lib/requirements.txt",
                                          "README",
                                          "readme.MD",
                                          "a.b.c",
                                          ".env",
                                          ".env.example"};
  for (const auto& file : files) {
    view.add(file, "x");
  }
  const Analysis analysis(view);
  const std::vector<std::vector<std::string>> sets = {
      {"Dockerfile"},
      {"Dockerfile", "Dockerfile.*", "*.dockerfile"},
      {"LICENSE", "LICENSE.*", "LICENSE-*", "COPYING"},
      {"requirements*.txt", "requirements/*.txt", "environment.y*ml"},
      {"*.txt"},
      {"*.tar.gz", "*.GZ"},
      {"[Mm]akefile"},
      {"*_test.py", "test_*.py"},
      {"__pycache__/", "*.pyc"},
      {"*"},
      {"src/**"},
      {".env", ".env.*"},
      {"README*", "readme.md"},
  };
  for (const Anchor anchor : {Anchor::root, Anchor::anywhere, Anchor::gitignore}) {
    for (const bool case_sensitive : {false, true}) {
      for (const auto& patterns : sets) {
        const auto globs = GlobSet::compile(patterns, anchor, case_sensitive);
        REQUIRE(globs.has_value());
        std::vector<std::string> expected;
        for (const FileEntry* file : analysis.project_files()) {
          if (globs->matches_file(file->path)) {
            expected.push_back(file->path);
          }
        }
        CAPTURE(patterns.front());
        CAPTURE(case_sensitive);
        CHECK(paths(analysis.files_matching(*globs)) == expected);
      }
    }
  }
  // Spot checks of the brute force itself, so that both cannot be wrong alike.
  const auto license = GlobSet::compile({"LICENSE", "LICENSE.*"}, Anchor::root);
  CHECK(paths(analysis.files_matching(*license)) == std::vector<std::string>{"LICENSE", "LICENSE.md"});
  const auto requirements = GlobSet::compile({"requirements*.txt"}, Anchor::anywhere);
  CHECK(paths(analysis.files_matching(*requirements)) ==
        std::vector<std::string>{"Requirements_GPU.TXT", "docs/requirements.txt", "requirements-dev.txt",
                                 "requirements.txt"});
}

TEST_CASE("analysis: text is read once, capped, with binary detection")
{
  MemoryView view;
  view.add("a.txt", "hello\r\nworld\n");
  view.add("b.bin", std::string("PK\0\x03", 4));
  view.add_symlink("link", "a.txt");
  const Analysis analysis(view);
  const TextFile* text = analysis.text("a.txt");
  REQUIRE(text != nullptr);
  CHECK(text->content == "hello\r\nworld\n");
  CHECK_FALSE(text->binary);
  CHECK_FALSE(text->truncated);
  CHECK(analysis.text("a.txt") == text);
  REQUIRE(analysis.text("b.bin") != nullptr);
  CHECK(analysis.text("b.bin")->binary);
  CHECK(analysis.text("link") == nullptr);
  CHECK(analysis.notes().empty());

  const std::string big(Analysis::k_text_cap + 10, 'x');
  view.add("big.txt", big);
  const Analysis fresh(view);
  REQUIRE(fresh.text("big.txt") != nullptr);
  CHECK(fresh.text("big.txt")->truncated);
  CHECK(fresh.text("big.txt")->content.size() == Analysis::k_text_cap);
}

TEST_CASE("analysis: a file that cannot be read becomes one note")
{
  FailingView view;
  view.add("a.txt", "x");
  const Analysis analysis(view);
  CHECK(analysis.text("a.txt") == nullptr);
  CHECK(analysis.text("a.txt") == nullptr);
  CHECK(analysis.notes() == std::vector<std::string>{"cannot read a.txt: permission denied"});
}

TEST_CASE("analysis: Dockerfiles by name, in the spellings Compose files point at")
{
  for (const std::string_view recipe :
       {"Dockerfile", "dockerfile", "serving/app/DockerFile", "Containerfile", "api/Dockerfile.gpu",
        "docker/train.Dockerfile", "dockerfile-fastapi", "Dockerfile-streamlit", "deploy/Dockerfile_train",
        "dockerfile.dev", "Containerfile-cpu"}) {
    CAPTURE(recipe);
    CHECK(Analysis::is_dockerfile_path(recipe));
  }
  for (const std::string_view other : {"src/app/dockerfile.py", "docs/dockerfile-guide.md", "dockerfile-lint.yml",
                                       "Dockerfile_template.j2", "mydockerfile", "scripts/dockerfile_utils.sh"}) {
    CAPTURE(other);
    CHECK_FALSE(Analysis::is_dockerfile_path(other));
  }
}

TEST_CASE("analysis: parsed forms are made once, and what cannot be parsed becomes a note")
{
  MemoryView view;
  // UTF-16 text carries NUL bytes but is text, not binary.
  view.add("README.md", std::string("\xff\xfe#\0 \0T\0i\0t\0l\0e\0\n\0", 18));
  view.add("Dockerfile.gpu", "FROM python:3.11-slim\n");
  view.add("docs/dockerfile.md", "# about images\n");
  view.add("src/app/dockerfile.py", "x = 1\n");
  view.add(".github/workflows/ci.yml",
           "on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest\n");
  view.add("requirements.txt", "pandas==2.2.2\n");
  view.add("notebooks/broken.ipynb", "{\"cells\": [");
  view.add("src/app/model.py", "def fit(x: int) -> int:\n    return x\n");
  const Analysis analysis(view);

  const auto* readme = analysis.readme_document();
  REQUIRE(readme != nullptr);
  CHECK(readme->title == "Title");
  CHECK(analysis.readme_document() == readme);

  REQUIRE(analysis.dockerfiles().size() == 1);
  CHECK(analysis.dockerfiles()[0].file->path == "Dockerfile.gpu");
  REQUIRE(analysis.workflows().size() == 1);
  CHECK(analysis.workflows()[0].value.jobs.size() == 1);
  REQUIRE(analysis.dependency_files().size() == 1);
  CHECK(analysis.dependency_files()[0].value.dependencies[0].pinned);

  const auto& modules = analysis.code_modules();
  REQUIRE(modules.size() == 3); // the notebook's (empty) code, dockerfile.py, model.py
  CHECK(modules[0].file->path == "notebooks/broken.ipynb");
  CHECK(modules[2].value->functions.at(0).has_return_annotation);
  REQUIRE(analysis.notes().size() == 1);
  CHECK(analysis.notes()[0].starts_with("notebooks/broken.ipynb:1:"));
}

TEST_CASE("analysis: dvc.yaml parsed once, a YAML error is a note")
{
  MemoryView view;
  view.add("dvc.yaml", "stages:\n  train:\n    cmd: python train.py\n");
  view.add("pipelines/dvc.yaml", "stages:\n  prepare:\n    cmd: [unclosed\n");
  view.add("notdvc.yaml", "stages: {}\n");
  view.add("empty/dvc.yaml", "# stages to come\n");
  const Analysis analysis(view);
  const auto& pipelines = analysis.dvc_pipelines();
  REQUIRE(pipelines.size() == 3);
  CHECK(pipelines[0].file->path == "dvc.yaml");
  CHECK(pipelines[1].value.stages.empty()); // empty/dvc.yaml: nothing, and nothing wrong
  CHECK(pipelines[0].value.stages.at(0).name == "train");
  CHECK(&analysis.dvc_pipelines() == &pipelines);
  REQUIRE(analysis.notes().size() == 1);
  CHECK(analysis.notes()[0].starts_with("pipelines/dvc.yaml:"));
}

TEST_CASE("analysis: Compose files, parsed once, what cannot be read is a note")
{
  MemoryView view;
  view.add("docker-compose.yml", "services:\n  train:\n    command: python train.py\n");
  view.add("deploy/compose.prod.yaml", "services:\n  api:\n    image: [unclosed\n");
  view.add("k8s/deployment.yaml", "services: {}\n");
  const Analysis analysis(view);
  const auto& files = analysis.compose_files();
  REQUIRE(files.size() == 2);
  CHECK(files[1].file->path == "docker-compose.yml");
  CHECK(files[1].value.services.at(0).command == "python train.py");
  CHECK(files[0].value.services.empty());
  CHECK(&analysis.compose_files() == &files);
  REQUIRE(analysis.notes().size() == 1);
  CHECK(analysis.notes()[0].starts_with("deploy/compose.prod.yaml:"));
}

TEST_CASE("analysis: files committed with unresolved merge conflicts are one note")
{
  MemoryView view;
  const std::string conflicted = "import os\n<<<<<<< HEAD\nfrom fastapi import FastAPI\n=======\n"
                                 "from flask import Flask\n>>>>>>> origin/develop\n";
  view.add("app/main.py", conflicted);
  view.add("dvc.yaml", "stages:\n<<<<<<< HEAD\n  a: {}\n=======\n  b: {}\n>>>>>>> feature\n");
  view.add("docs/index.rst", "Title\n=======\n\nText <<<<<<< not a marker\n"); // a heading's underline
  const Analysis analysis(view);
  CHECK(analysis.tree_secrets().empty());
  const auto notes = analysis.notes();
  const auto conflict = std::find_if(notes.begin(), notes.end(), [](const std::string& note) {
    return note.find("merge conflicts were left unresolved") != std::string::npos;
  });
  REQUIRE(conflict != notes.end());
  CHECK(conflict->starts_with("merge conflicts were left unresolved in app/main.py:2, dvc.yaml:2 ("));
}

TEST_CASE("analysis: a Sphinx docs/conf.py is no code module, a conf.py elsewhere is")
{
  MemoryView view;
  view.add("docs/conf.py", "import os\nproject = os.getenv('NAME')\n");
  view.add("Doc/source/conf.py", "extensions = []\n");
  view.add("src/app/conf.py", "THRESHOLD = 0.5\n");
  view.add("src/app/train.py", "def fit():\n    pass\n");
  const Analysis analysis(view);
  std::vector<std::string> paths;
  for (const auto& module : analysis.code_modules()) {
    paths.push_back(module.file->path);
  }
  CHECK(paths == std::vector<std::string>{"src/app/conf.py", "src/app/train.py"});
  CHECK(analysis.python_files().size() == 4); // still Python files of the project
}
