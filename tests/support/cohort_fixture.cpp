#include "support/cohort_fixture.h"

#include "support/git_fixture.h"

#include <cstdio>

namespace mlfolio::test {

namespace stdfs = std::filesystem;

void write_cohort_project(const stdfs::path& root, unsigned variant)
{
  const auto has = [&](unsigned bit) { return (variant & bit) == 0; }; // variant 0 has everything
  std::string readme =
      "# Churn predictor " + std::to_string(variant) +
      "\n\nPredicts which customers of a telecom operator are likely to cancel their contract next "
      "month, so that the retention team can call them first.\n";
  if (has(1)) {
    readme += "\n## Data\n\n[Telco churn](https://www.kaggle.com/datasets/x/telco): 7,043 customers, CC0.\n"
              "\n## Results\n\n| model | F1 |\n|---|---|\n| baseline | 0.00 |\n| model | 0.62 |\n";
  }
  if (has(2)) {
    readme += "\n## Quick start\n\n```bash\npip install -e .\ndocker run -p 8000:8000 churn\n```\n"
              "\n## What did not work\n\nOversampling did not help: it cost nine points of precision.\n";
  }
  write_text(root / "README.md", readme);
  if (has(4)) {
    write_text(root / "LICENSE", "MIT License\n");
    write_text(root / ".gitignore", "__pycache__/\n.venv/\n.env\n");
  }
  write_text(root / "pyproject.toml", std::string("[project]\nname = \"churn\"\ndependencies = [\"pandas") +
                                          (has(8) ? "==2.2.2" : "") + "\"]\n");
  if (has(8)) {
    write_text(root / "Dockerfile", "FROM python:3.11-slim\nRUN useradd -m app\nUSER app\n"
                                    "CMD [\"python\", \"-m\", \"churn.api\"]\n");
    write_text(root / ".github/workflows/ci.yml",
               "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest -q\n");
  }
  write_text(root / "src/churn/__init__.py", "");
  write_text(root / "src/churn/train.py",
             "import mlflow\n\n\ndef train(model) -> None:\n"
             "    mlflow.sklearn.log_model(model, \"model\", registered_model_name=\"churn\")\n");
  if (has(16)) {
    write_text(root / "tests/test_train.py",
               "from churn.train import train\n\n\n"
               "def test_train():\n    assert train() is None\n\n\n"
               "def test_twice():\n    assert [train(), train()] == [None, None]\n\n\n"
               "def test_callable():\n    assert callable(train)\n");
    write_text(root / "data.dvc", "outs:\n- path: data\n");
  }
}

CohortFixture::CohortFixture(size_t count, size_t git_every)
{
  for (size_t i = 0; i < count; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "student-%02zu", i + 1);
    m_names.emplace_back(name);
    const stdfs::path target = path() / name;
    const auto variant = static_cast<unsigned>(i * 7 % 32);
    if (git_every == 0 || i % git_every != 0) {
      write_cohort_project(target, variant);
      continue;
    }
    GitFixture repo;
    write_cohort_project(repo.path(), variant);
    repo.stage_all();
    repo.commit("Start the churn project");
    stdfs::copy(repo.path(), target, stdfs::copy_options::recursive);
  }
}

std::string CohortFixture::write_list(const std::string& name, const std::vector<std::string>& lines) const
{
  std::string text;
  for (const auto& line : lines) {
    text += line + "\n";
  }
  write_text(path() / name, text);
  return name;
}

} // namespace mlfolio::test
