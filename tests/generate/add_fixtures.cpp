#include "generate/add_fixtures.h"

#include "support/process.h"


namespace mlfolio::test {

namespace {

namespace stdfs = std::filesystem;

constexpr std::string_view k_train = R"(import sys
from pathlib import Path

import joblib
from sklearn.linear_model import LogisticRegression


def train(rows: list[list[float]], labels: list[int]) -> LogisticRegression:
    model = LogisticRegression()
    model.fit(rows, labels)
    return model


if __name__ == "__main__":
    model = train([[0.0], [1.0], [2.0], [3.0]], [0, 0, 1, 1])
    Path("models").mkdir(exist_ok=True)
    joblib.dump(model, Path("models") / "model.joblib")
    sys.exit(0)
)";

constexpr std::string_view k_notebook = R"({"cells": [{"cell_type": "markdown", "metadata": {},
 "source": ["# Exploring the churn data"]}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
)";

void write_common(const stdfs::path& root)
{
  write_text(root / "README.md", "# Churn\n\nPredicts which customers leave.\n");
  write_text(root / ".gitignore", "*.log\n# my notes\nscratch/\n");
  write_text(root / "models" / "model.joblib", "not really a model\n");
}

void src_layout(const stdfs::path& root)
{
  write_common(root);
  write_text(root / "src" / "churn" / "__init__.py", "");
  write_text(root / "src" / "churn" / "train.py", std::string(k_train));
  write_text(root / "requirements.txt", "scikit_learn>=1.3\nJoblib\n");
}

void flat_package(const stdfs::path& root)
{
  write_common(root);
  write_text(root / "churn" / "__init__.py", "");
  write_text(root / "churn" / "train.py", std::string(k_train));
  write_text(root / "pyproject.toml", "[project]\nname = \"churn\"\nversion = \"0.1.0\"\n"
                                      "dependencies = [\n    \"scikit-learn>=1.3\",  # the model\n    \"joblib\"\n]\n");
}

void scripts_and_notebooks(const stdfs::path& root)
{
  write_text(root / "train.py", std::string(k_train));
  write_text(root / "notebooks" / "eda.ipynb", std::string(k_notebook));
  write_text(root / "requirements.txt", "scikit-learn==1.9.1\njoblib==1.6.0\n");
}

const AddFixture k_fixtures[] = {
  {"src-layout", src_layout, "env PYTHONPATH=src /usr/bin/python3 -m churn.train"},
  {"flat-package", flat_package, "/usr/bin/python3 -m churn.train"},
  {"scripts-and-notebooks", scripts_and_notebooks, "/usr/bin/python3 train.py"},
};

} // namespace

std::span<const AddFixture> add_fixtures()
{
  return k_fixtures;
}

} // namespace mlfolio::test
