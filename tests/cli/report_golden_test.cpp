// Golden text and JSON reports of the real binary on fixture repositories written to disk: a
// generated project, a notebooks-and-reStructuredText project, a project nested in a larger
// repository (--root), and one with UTF-16, CRLF and invalid UTF-8. What a user reads, word for
// word; MLFOLIO_UPDATE_GOLDEN=1 rewrites the files under tests/golden/report/.
#include "report/golden_file.h"
#include "support/process.h"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace mlfolio::test;

namespace {

std::string replace_all(std::string text, const std::string& from, const std::string& to)
{
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// The report with what changes from run to run (the temporary folder, the version) named.
std::string normalized(std::string report, const TempDir& dir)
{
  report = replace_all(std::move(report), dir.path().string(), "<fixture>");
  const auto version = run_mlfolio({"--version"});
  std::string number = version.out.substr(version.out.rfind(' ') + 1);
  number = number.substr(0, number.find('\n'));
  return replace_all(std::move(report), "\"tool_version\": \"" + number + "\"", "\"tool_version\": \"<version>\"");
}

void check_reports(const std::string& name, const TempDir& dir, const std::vector<std::string>& args)
{
  for (const std::string format : {"text", "json"}) {
    CAPTURE(format);
    std::vector<std::string> run_args = {"check"};
    run_args.insert(run_args.end(), args.begin(), args.end());
    run_args.insert(run_args.end(), {"--format", format});
    const auto run = run_mlfolio(run_args, dir.path());
    REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    check_golden(golden_path("report/cli-" + name + (format == "text" ? ".txt" : ".json")), normalized(run.out, dir));
  }
}

std::string utf16le_with_bom(const std::string& ascii)
{
  std::string bytes = "\xFF\xFE";
  for (const char c : ascii) {
    bytes += c;
    bytes += '\0';
  }
  return bytes;
}

} // namespace

TEST_CASE("report golden: a project made by mlfolio new, before its author writes anything")
{
  const TempDir dir;
  const auto made = run_mlfolio({"new", "churn", "--no-git", "--author", "Ada Lovelace", "--email", "ada@example.org"},
                                dir.path());
  REQUIRE_MESSAGE(made.exit_code == 0, made.err);
  check_reports("generated", dir, {"churn"});
}

TEST_CASE("report golden: notebooks, a reStructuredText README and unpinned requirements")
{
  const TempDir dir;
  write_text(dir.path() / "README.rst",
             "House prices\n============\n\nPredicting sale prices of houses in Ames, Iowa, from 79 features.\n\n"
             "Data\n----\n\nThe Ames Housing dataset (Kaggle), 1,460 sales.\n\nResults\n-------\n\n"
             "============  =====\nModel         RMSE\n============  =====\nLinear        0.182\nXGBoost       0.121\n"
             "============  =====\n\nUsage\n-----\n\n.. code-block:: bash\n\n   pip install -r requirements.txt\n"
             "   jupyter notebook notebooks/model.ipynb\n");
  write_text(dir.path() / "requirements.txt", "pandas\nscikit-learn>=1.2\nxgboost\n");
  write_text(dir.path() / "notebooks" / "model.ipynb",
             "{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"import pandas as pd\\n\", "
             "\"df = pd.read_csv('../data/train.csv')\\n\"], \"outputs\": [], \"metadata\": {}, "
             "\"execution_count\": 1}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}\n");
  write_text(dir.path() / "data" / "train.csv", "Id,SalePrice\n1,208500\n");
  check_reports("notebooks", dir, {"."});
}

TEST_CASE("report golden: a project in a subfolder of a larger repository, audited with --root")
{
  const TempDir dir;
  write_text(dir.path() / "README.md", "# Monorepo\n\nSeveral projects.\n");
  const auto project = dir.path() / "projects" / "churn";
  write_text(project / "README.md",
             "# Churn\n\n## Problem\n\nPredict which subscribers of a telecom cancel within 30 days, so that the "
             "retention team calls them first.\n\n## Results\n\n| Model | F1 |\n|---|---|\n| Logistic | 0.61 |\n"
             "| Gradient boosting | 0.74 |\n\n## Run\n\n```bash\npip install -r requirements.txt\npython -m churn.train\n```\n");
  write_text(project / "requirements.txt", "pandas==2.2.3\nscikit-learn==1.5.2\n");
  write_text(project / "src" / "churn" / "__init__.py", "");
  write_text(project / "src" / "churn" / "train.py",
             "import logging\n\nfrom sklearn.dummy import DummyClassifier\nfrom sklearn.metrics import f1_score\n\n"
             "log = logging.getLogger(__name__)\n\n\ndef train(x: list, y: list) -> float:\n"
             "    baseline = DummyClassifier().fit(x, y)\n    return f1_score(y, baseline.predict(x))\n");
  write_text(project / "tests" / "test_train.py",
             "from churn.train import train\n\n\ndef test_train_returns_a_score() -> None:\n"
             "    assert 0.0 <= train([[0], [1]], [0, 1]) <= 1.0\n");
  write_text(project / "Dockerfile", "FROM python:3.11-slim\nCOPY . /app\nRUN pip install -r /app/requirements.txt\n"
                                     "CMD [\"python\", \"-m\", \"churn.train\"]\n");
  check_reports("nested", dir, {".", "--root", "projects/churn"});
}

TEST_CASE("report golden: UTF-16 and CRLF README, invalid UTF-8 in code")
{
  const TempDir dir;
  write_text(dir.path() / "README.md",
             utf16le_with_bom("# Sentiment\r\n\r\nClassifies film reviews as positive or negative.\r\n\r\n"
                              "## Results\r\n\r\n| Model | Accuracy |\r\n|---|---|\r\n| TF-IDF + logistic | 0.88 |\r\n"));
  write_text(dir.path() / "src" / "sentiment" / "__init__.py", "");
  write_text(dir.path() / "src" / "sentiment" / "clean.py",
             "# Caf\xE9 reviews \xFF\xFE\r\ndef clean(text: str) -> str:\r\n    return text.lower()\r\n");
  check_reports("encodings", dir, {"."});
}
