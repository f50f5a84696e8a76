// The docs/ rules that read the README, word for word on the key cases.
#include "lint/catalog.h"
#include "lint/rule_fixture.h"
#include "lint/runner.h"
#include "lint/rules/docs_sections.h"

#include <doctest/doctest.h>

#include <string>

using namespace mlfolio;
using namespace mlfolio::lint;

namespace {

Finding check_readme(std::string_view id, const std::string& readme, const std::string& name = "README.md",
                     const std::vector<std::pair<std::string, std::string>>& others = {})
{
  MemoryView view;
  view.add(name, readme);
  for (const auto& [path, content] : others) {
    view.add(path, content);
  }
  return test::check_rule(id, view);
}

const std::string k_long_opening = "# Ticket router\n\nSupport agents spend the first hour of each shift "
                                   "sorting tickets by hand. This model "
                                   "routes each new ticket to the right team from its text, so urgent "
                                   "outages reach engineers within minutes.\n";

} // namespace

TEST_CASE("docs rules: skip without a README")
{
  for (const std::string_view id : {"docs/problem-statement", "docs/dataset", "docs/architecture-diagram",
                                    "docs/results", "docs/run-instructions", "docs/deployment",
                                    "docs/lessons", "docs/experiment-dashboard", "docs/no-placeholders"}) {
    CAPTURE(id);
    const Finding finding = check_readme(id, "print('x')\n", "train.py");
    CHECK(finding.status == Status::skip);
    CHECK(finding.message == "no readable README at the project root (docs/readme reports it)");
  }
}

TEST_CASE("docs/problem-statement: a problem heading, an overview, or the opening paragraph")
{
  Finding finding =
      check_readme("docs/problem-statement",
                   "# Churn\n\n## 🎯 1. Business Problem\n\nThe retention team can call fifty customers a "
                   "day and needs to know which ones are about to leave.\n");
  CHECK(finding.status == Status::pass);
  CHECK(finding.message == "the 🎯 1. Business Problem section states the problem (README.md:3)");
  CHECK(finding.locations == std::vector<Location>{{"README.md", 3}});

  finding = check_readme("docs/problem-statement", k_long_opening + "\n## Quick start\n\n```\nmake\n```\n");
  CHECK(finding.message == "the opening paragraph describes the project (33 words before the first section)");

  // "Dataset overview" is about the data, not the problem.
  finding = check_readme(
      "docs/problem-statement",
      "# Churn\n\nA churn model.\n\n## Dataset overview\n\nThe data has 7,043 rows from a telecom "
      "operator with contract, tenure, charges and a churn label, published on Kaggle.\n");
  CHECK(finding.status == Status::fail);
  CHECK(finding.message ==
        "README.md has no section on the problem (Problem, Motivation, Overview, ...) and its "
        "opening has 3 words; nothing says what problem the project solves and why it matters");
  CHECK(finding.locations == std::vector<Location>{{"README.md", 1}});

  // A scenario that sets the scene states the problem too; a test scenario does not.
  const std::string scenario = "Imagine a system that detects when a collision with casualties has happened on a "
                               "road. We want to predict how severe it is, so that the emergency services are "
                               "sent at once.\n";
  finding = check_readme("docs/problem-statement", "# Collisions\n\n## Scenario\n\n" + scenario);
  CHECK(finding.message == "the Scenario section introduces the problem (README.md:3)");
  finding = check_readme("docs/problem-statement", "# Collisions\n\n## Test scenario\n\n" + scenario);
  CHECK(finding.status == Status::fail);

  finding = check_readme("docs/problem-statement", "# Churn\n\n## Motivation\n\nChurn is bad.\n");
  CHECK(finding.message ==
        "the Motivation section (README.md:3) has only 3 words and the opening 0 words; neither "
        "says what problem the project solves and why it matters");
}

TEST_CASE("docs/problem-statement: a tagline set as a heading under the title, a section name is no tagline")
{
  const std::string prose =
      "Support agents spend the first hour of each shift sorting tickets by hand. This model "
      "routes each new ticket to the right team from its text, so urgent outages reach "
      "engineers within minutes.\n";
  Finding finding = check_readme("docs/problem-statement",
                                 "# Ticket router\n### An end-to-end text classifier with Docker\n\n" +
                                     prose + "\n# Project Highlights\n\n- FastAPI\n");
  CHECK(finding.status == Status::pass);
  CHECK(finding.message == "the opening paragraph describes the project (33 words before the first section)");
  finding = check_readme("docs/problem-statement", "# Ticket router\n## Quick start\n\n" + prose);
  CHECK(finding.status == Status::fail);
}

TEST_CASE("docs/problem-statement: an empty Problem heading is pointed at, even below a long opening")
{
  const Finding finding = check_readme(
      "docs/problem-statement",
      k_long_opening +
          "\n## Problem\n\n<!-- TODO(author): Say what problem this model solves. -->\n\n## Data\n\nx\n");
  CHECK(finding.status == Status::fail);
  CHECK(finding.message == "the Problem section (README.md:5) holds only a placeholder comment; a reader "
                           "sees no problem statement");
  CHECK(finding.locations == std::vector<Location>{{"README.md", 5}});
  CHECK(finding.fix ==
        "Under Problem, replace the placeholder with two or three sentences: who needs the prediction, "
        "what decision it supports, and what a wrong prediction costs.");
}

TEST_CASE("docs/dataset: a link in a list item that speaks of the data names its source")
{
  const Finding finding =
      check_readme("docs/dataset", "# Sentiment\n\n## Retrain\n\n* get the yelp [dataset](https://www.yelp.com/dataset)\n"
                                   "* run the training script\n");
  CHECK(finding.status == Status::fail);
  CHECK(finding.message == "README.md has no Data or Dataset section, and what it says of the data (README.md:5) "
                           "does not give its size or columns, nor its licence or how it was collected");
}

TEST_CASE("docs/dataset: a benchmark named with its year, an introduction in German naming Kaggle's dataset")
{
  Finding finding = check_readme("docs/dataset", "# Aspects\n\n## Dataset\n\n- **SemEval-2014 Task 4** - Restaurant "
                                                 "Reviews corpus\n- Labels: positive, negative, neutral\n");
  CHECK(finding.status == Status::fail); // named, but neither its size nor its terms
  CHECK(finding.message == "the Dataset section (README.md:3) does not give its size or columns, nor its licence "
                           "or how it was collected");
  finding = check_readme("docs/dataset", "# House-Price-Model (Kaggle)\n\nEine end-to-end ML-Pipeline für den "
                                         "Kaggle-Datensatz House Prices.\n\n## Training\n\n### Mit Gold-Data "
                                         "trainieren\n\nSo geht es.\n");
  CHECK(finding.message == "the README describes its data at README.md:3");
  // A version number is no benchmark ("Python 3.11", "TF2"), nor is a disease.
  finding = check_readme("docs/dataset", "# X\n\n## Data\n\nDaily COVID-19 cases.\n");
  CHECK(finding.message.find("does not give its source") != std::string::npos);
  finding = check_readme("docs/dataset", "# X\n\n## Data\n\nRuns on Python 3.11 with TF2 and CUDA 12.\n");
  CHECK(finding.message.find("does not give its source") != std::string::npos);
}

TEST_CASE("docs/dataset and docs/problem-statement: a public dataset by its own name, a What it is heading")
{
  Finding finding = check_readme("docs/dataset", "# Arrival\n\n## Offline evaluation\n\nFour models evaluated on "
                                                 "the data of MovieLens 20M, 20 million ratings.\n");
  CHECK(finding.message == "the README describes its data at README.md:5 (no Data section)");
  finding = check_readme("docs/problem-statement",
                         "# Arrival\n\n## What it is\n\nUsers swipe through movies (like, dislike, skip). Every swipe "
                         "updates their personal embedding, so people who cannot decide what to watch get a "
                         "better next batch.\n");
  CHECK(finding.message == "the What it is section introduces the problem (README.md:3)");
}

TEST_CASE("docs/dataset: source, size and provenance, and the generated placeholder note")
{
  Finding finding = check_readme(
      "docs/dataset",
      "# Churn\n\n## Data\n\nThe [Telco churn data](https://example.org/telco): 7,043 customers.\n");
  CHECK(finding.status == Status::pass);
  CHECK(finding.message == "the Data section describes the data (README.md:3)");

  finding = check_readme("docs/dataset", "# Churn\n\n## Data\n\nWe use customer data.\n");
  CHECK(finding.status == Status::fail);
  CHECK(finding.message ==
        "the Data section (README.md:3) does not give its source (a link or the dataset's name), "
        "its size or columns, nor its licence or how it was collected");

  finding = check_readme("docs/dataset",
                         "# Churn\n\n## Dataset\n\n<!-- TODO(author): Describe your real dataset. -->\n\n"
                         "The repository ships a **placeholder**: a small synthetic sample, "
                         "`data/sample.csv` (600 subscribers). Its card is in "
                         "[data/README.md](data/README.md).\n");
  CHECK(finding.status == Status::fail);
  CHECK(finding.message ==
        "the Dataset section (README.md:3) describes placeholder data (README.md:7), not the data "
        "the project is about");
  CHECK(finding.locations == std::vector<Location>{{"README.md", 7}});
  CHECK(finding.fix.starts_with("Replace the placeholder note with your real dataset"));

  finding =
      check_readme("docs/dataset", "# Churn\n\nTrained on the Kaggle credit card fraud dataset (284,807 "
                                   "transactions).\n\n## Usage\n\nRun it.\n");
  CHECK(finding.status == Status::pass);
  CHECK(finding.message == "the README describes its data at README.md:3 (no Data section)");

  finding =
      check_readme("docs/dataset", "# Churn\n\nA model.\n\n## Data preprocessing\n\nWe scale the columns.\n");
  CHECK(finding.message ==
        "README.md has no Data or Dataset section and does not say which data the project uses");
}

TEST_CASE(
    "docs/architecture-diagram: mermaid's source in a block of another language, parts stacked with arrows")
{
  Finding finding = check_readme("docs/architecture-diagram",
                                 "# X\n\n## Architecture & Workflow\n```bash\nflowchart TD\n    A[MySQL] --> "
                                 "B[Ingestion]\n    B --> C[Training]\n```\n");
  CHECK(finding.status == Status::pass);
  CHECK(finding.message ==
        "a mermaid diagram in a ```bash block (GitHub shows it as text; tag it ```mermaid to "
        "draw it) at README.md:4");
  // A shell block that only mentions a flowchart is none.
  CHECK(check_readme("docs/architecture-diagram", "# X\n\n```bash\nflowchart TD\necho done\n```\n").status ==
        Status::fail);

  finding = check_readme("docs/architecture-diagram",
                         "# X\n\n## System Architecture\n\nRaw Data (CSV)\n\u2193\nTraining\n\u2193\nFastAPI "
                         "service\n\u2193\nMonitoring\n");
  CHECK(finding.status == Status::pass);
  CHECK(finding.message == "an arrow sketch under System Architecture at README.md:5");
  // One arrow between two lines of prose is no sketch.
  CHECK(check_readme("docs/architecture-diagram",
                     "# X\n\n## System Architecture\n\nThe data\n\u2193\nthe model\n")
            .status == Status::fail);
}

TEST_CASE(
    "docs/architecture-diagram: mermaid, images, ASCII sketches, links, trees and code are not diagrams")
{
  Finding finding =
      check_readme("docs/architecture-diagram", "# X\n\n```mermaid\nflowchart LR\n a --> b\n```\n");
  CHECK(finding.message == "a mermaid diagram at README.md:3");
  CHECK(finding.locations == std::vector<Location>{{"README.md", 3}});

  finding =
      check_readme("docs/architecture-diagram", "# X\n\n![overview](docs/img/system_architecture.png)\n",
                   "README.md", {{"docs/img/system_architecture.png", "PNG"}});
  CHECK(finding.message == "a diagram image (overview) at README.md:3");

  finding = check_readme("docs/architecture-diagram", "# X\n\n## How it works\n\n![](docs/img/figure1.png)\n",
                         "README.md", {{"docs/img/figure1.png", "PNG"}});
  CHECK(finding.message == "an image under How it works at README.md:5");

  finding = check_readme(
      "docs/architecture-diagram",
      "# X\n\n```\n┌────────┐     ┌───────┐\n│ ingest │ ──▶ │ train │\n└────────┘     └───────┘\n"
      "     |\n     v\n```\n");
  CHECK(finding.message == "an ASCII diagram at README.md:3");

  finding =
      check_readme("docs/architecture-diagram",
                   "# X\n\n```\nsrc/\n├── train.py\n└── api.py\n```\n\n```python\ndef f(x) -> int:\n    "
                   "return g(x) -> y\n```\n\n![build](https://img.shields.io/badge/flow-ok-green)\n",
                   "README.md", {{"docs/architecture.png", "png"}});
  CHECK(finding.status == Status::fail);
  CHECK(finding.message ==
        "README.md has no diagram: no mermaid block, no image of the architecture, no ASCII "
        "sketch; docs/architecture.png is in the repository but the README does not show it");
  CHECK(finding.fix ==
        "Show it in the README under an Architecture heading: ![Architecture](docs/architecture.png), "
        "or draw the pipeline in a ```mermaid block.");

  // A linked document on the architecture counts when it draws it.
  finding = check_readme(
      "docs/architecture-diagram", "# X\n\nSee [the architecture](docs/ARCHITECTURE.md).\n", "README.md",
      {{"docs/ARCHITECTURE.md", "# Architecture\n\n```mermaid\nflowchart LR\n a --> b\n```\n"}});
  CHECK(finding.message == "a diagram in docs/ARCHITECTURE.md:3, which the README links at README.md:3");
  CHECK(finding.locations == std::vector<Location>{{"README.md", 3}, {"docs/ARCHITECTURE.md", 3}});
  finding = check_readme("docs/architecture-diagram",
                         "# X\n\nSee [the architecture](docs/ARCHITECTURE.md).\n", "README.md",
                         {{"docs/ARCHITECTURE.md", "# Architecture\n\nThe API loads the model.\n\n```\nsrc/\n"
                                                   "├── api.py\n├── train.py\n└── data.py\n```\n"}});
  CHECK(finding.status == Status::fail);
  CHECK(finding.message ==
        "README.md has no diagram: no mermaid block, no image of the architecture, no ASCII "
        "sketch; the linked docs/ARCHITECTURE.md (README.md:3) describes it without a drawing");
  // A folder's README that introduces the diagrams kept as code beside it.
  CHECK(check_readme("docs/architecture-diagram", "# X\n\nSee [the architecture](architecture/README.md).\n",
                     "README.md",
                     {{"architecture/README.md", "# Architecture\n\nC4 model in Structurizr DSL.\n"},
                      {"architecture/structurizr/workspace.dsl", "workspace {\n}\n"}})
            .message ==
        "a diagram in architecture/structurizr/workspace.dsl, which the README links at README.md:3");
  // A folder of the architecture with a drawing in it; a document named by its path in a sentence.
  CHECK(check_readme(
            "docs/architecture-diagram", "# X\n\nSee [docs/architecture/](docs/architecture/).\n",
            "README.md",
            {{"docs/architecture/overview.md", "# Overview\n"}, {"docs/architecture/system.svg", "<svg/>"}})
            .message == "a diagram in docs/architecture/system.svg, which the README links at README.md:3");
  CHECK(check_readme("docs/architecture-diagram",
                     "# X\n\nRead docs/source/architecture.rst for the system design.\n", "README.md",
                     {{"docs/source/architecture.rst",
                       "Architecture\n============\n\n.. mermaid::\n\n   flowchart LR\n"
                       "       CLI --> PIPE\n"}})
            .message == "a diagram in docs/source/architecture.rst:4, which the README names at README.md:3");
  // A page elsewhere named for a pipeline is the pipeline itself, a model on a hub; one named for
  // the architecture is a drawing of it; a local file named for the pipeline is a document of it.
  CHECK(check_readme("docs/architecture-diagram",
                     "# X\n\n**Model Pipeline:** [Hugging Face Hub](https://huggingface.co/me/loan-default-pipeline)\n")
            .status == Status::fail);
  CHECK(check_readme("docs/architecture-diagram", "# X\n\nSee [the docs](https://me.github.io/x/architecture/).\n")
            .status == Status::pass);
  // A CI badge that links its workflow's runs draws nothing, whatever the workflow is called.
  CHECK(
      check_readme(
          "docs/architecture-diagram",
          "# X\n\n[![CI/CD Pipeline](https://github.com/me/x/actions/workflows/ci-cd-pipeline.yml/badge.svg)]"
          "(https://github.com/me/x/actions/workflows/ci-cd-pipeline.yml)\n")
          .status == Status::fail);
  CHECK(check_readme("docs/architecture-diagram",
                     "# X\n\nThe [pipeline](.github/workflows/pipeline.yml) runs nightly.\n", "README.md",
                     {{".github/workflows/pipeline.yml", "on: push\n"}})
            .status == Status::fail);
  CHECK(check_readme("docs/architecture-diagram", "# X\n\nSee [the docs](docs/pipeline.md).\n", "README.md",
                     {{"docs/pipeline.md", "# The pipeline\n\n![stages](stages.png)\n"}})
            .status == Status::pass);

  finding =
      check_readme("docs/architecture-diagram", "# X\n\nSee [the architecture](docs/ARCHITECTURE.md).\n");
  CHECK(finding.status == Status::fail);
  CHECK(finding.message ==
        "README.md has no diagram: no mermaid block, no image of the architecture, no ASCII "
        "sketch; the link to docs/ARCHITECTURE.md (README.md:3) leads to no file");
}

TEST_CASE("docs/results: tables, lists, sentences and printed reports, the generated empty table")
{
  Finding finding = check_readme(
      "docs/results", "# X\n\n## Results\n\n| Model | F1 (macro) | R² |\n|---|---:|---:|\n| base | 0.31 | "
                      "0.000 |\n");
  CHECK(finding.message == "a table of metrics at README.md:5");

  finding = check_readme("docs/results", "# X\n\n- Precision: 91.2 %\n- Recall: 0.88\n");
  CHECK(finding.message == "a list of metrics with values at README.md:3");

  finding = check_readme("docs/results", "# X\n\nThe model reaches an RMSE of 3.2 minutes.\n");
  CHECK(finding.message == "a metric with its value at README.md:3");

  // A metric with its value inside a cell, under headers that name no metric.
  finding = check_readme("docs/results", "# X\n\n| Metric | Result |\n|---|---|\n| Ranking | NDCG@3 = 0.94 · MRR = "
                                         "1.00 |\n| Tests | 117 |\n");
  CHECK(finding.message == "a table of metrics at README.md:3");
  finding = check_readme("docs/results", "# X\n\n| Metric | Goal |\n|---|---|\n| Ranking | NDCG@3 above 0.9 if "
                                         "the model retrains |\n");
  CHECK(finding.status == Status::fail); // a goal, not a result
  // A metric introduced with a colon, its values in the next paragraph.
  finding = check_readme("docs/results",
                         "# X\n\n✅ Achieved **top-1 accuracy** of:\n\nResNet50: **80%**, EfficientNetV2L: **86%**\n");
  CHECK(finding.message == "a metric with its values at README.md:3");
  finding = check_readme("docs/results", "# X\n\nWe will report accuracy:\n\nTraining takes a while.\n");
  CHECK(finding.status == Status::fail); // no value follows

  finding = check_readme("docs/results",
                         "# X\n\n```\n              precision    recall\n         yes       0.81      "
                         "0.77\n```\n");
  CHECK(finding.message == "printed metrics at README.md:4");

  finding = check_readme("docs/results", "# X\n\n```python\nprint(accuracy_score(y, p) > 0.5)\n```\n");
  CHECK(finding.status == Status::fail);
  CHECK(finding.message == "README.md has no results: no table, list or sentence gives a metric (accuracy, "
                           "F1, RMSE, ...) with its value");

  finding =
      check_readme("docs/results", "# X\n\n## Results\n\n<!-- results:start -->\n_No results yet: run `make "
                                   "train` to fill in this table._\n<!-- results:end -->\n");
  CHECK(finding.status == Status::fail);
  CHECK(finding.message ==
        "the results table between <!-- results:start --> and <!-- results:end --> (README.md:5) "
        "is not filled in yet");
  CHECK(finding.fix.starts_with("Run `make train`"));

  finding = check_readme("docs/results", "# X\n\n## Evaluation\n\nThe model does well.\n");
  CHECK(finding.message ==
        "the Evaluation section (README.md:3) gives no metric with a number (accuracy, F1, ROC "
        "AUC, RMSE, ...)");
}

TEST_CASE("docs/results: a question under Troubleshooting is no results section")
{
  Finding finding =
      check_readme("docs/results", "# X\n\n## Evaluation\n\nWe compare models.\n\n## Troubleshooting\n\n### Common "
                                   "Issues\n\n#### 5. Metrics Not Appearing in Grafana\n\nRestart Prometheus.\n");
  CHECK(finding.status == Status::fail);
  CHECK(finding.message == "the Evaluation section (README.md:3) gives no metric with a number (accuracy, F1, ROC "
                           "AUC, RMSE, ...)");
  // With no other results section, the README as a whole is what lacks them.
  finding = check_readme("docs/results", "# X\n\n## Common Issues\n\n### Metrics Not Appearing in Grafana\n\n"
                                         "Restart Prometheus.\n");
  CHECK(finding.message == "README.md has no results: no table, list or sentence gives a metric (accuracy, "
                           "F1, RMSE, ...) with its value");
  // A Metrics section beside the troubleshooting one, at the same level, is still one.
  finding = check_readme("docs/results", "# X\n\n## FAQ\n\nAsk.\n\n## Metrics\n\nThe model does well.\n");
  CHECK(finding.message == "the Metrics section (README.md:7) gives no metric with a number (accuracy, F1, ROC "
                           "AUC, RMSE, ...)");
}

TEST_CASE("docs/results: results in an image named for them, endpoints and a service's metrics are no "
          "results section")
{
  Finding finding = check_readme("docs/results", "# X\n\n#### Power BI Dashboards (Screenshots)\n\n"
                                                 "![Leaderboard](docs/powerbi/Leaderboard.png)\n");
  CHECK(finding.message == "results shown as an image (Leaderboard) at README.md:5");
  finding = check_readme("docs/results", "# X\n\n![](reports/figures/confusion_matrix.png)\n");
  CHECK(finding.message == "results shown as an image (confusion_matrix.png) at README.md:3");
  // A screenshot of the running system is not the model's results, whatever its caption says.
  finding = check_readme("docs/results", "# X\n\n![Pipeline dashboard: last run result Succeeded, 0 failed]"
                                         "(docs/ops.png)\n\n![Grafana metrics](docs/grafana.png)\n");
  CHECK(finding.status == Status::fail);

  finding = check_readme("docs/results", "# X\n\n## API\n\n### GET /metrics\n\nPrometheus counters.\n\n"
                                         "## Prometheus Metrics\n\nRequest counts.\n\n## Monitoring\n\n### "
                                         "Available Metrics\n\nLatency.\n");
  CHECK(finding.message == "README.md has no results: no table, list or sentence gives a metric (accuracy, "
                           "F1, RMSE, ...) with its value");
}

TEST_CASE("docs/results: a table of scores whose metric the README names in another section")
{
  const std::string metric = "# X\n\n## Models\n\n* `F1 score`. This metric was used to evaluate the models\n\n";
  const std::string table = "| Features | Naive Bayes | XGBoost |\n|:--|--:|--:|\n| Default (test) | 0.760383 | "
                            "0.742475 |\n| Fine tuning (test) | 0.773688 | 0.767213 |\n";
  Finding finding = check_readme(
      "docs/results", metric + "## Some results and conclusions\n\nThe following scores were obtained:\n\n" + table);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message == "a table of scores under Some results and conclusions (the README names the metric "
                           "elsewhere) at README.md:11");
  // Columns named for the data split say the same without the word "scores".
  finding = check_readme("docs/results", metric + "## Results\n\n| Model | Validation | Test |\n|--|--|--|\n| "
                                                  "baseline | 0.61 | 0.60 |\n| final | 0.74 | 0.73 |\n");
  CHECK(finding.status == Status::pass);

  // No metric named anywhere: the numbers could be anything.
  finding = check_readme("docs/results",
                         "# X\n\n## Some results and conclusions\n\nThe following scores were obtained:\n\n" + table);
  CHECK(finding.status == Status::fail);
  // Counts, not scores: a table of class sizes under Results.
  finding = check_readme("docs/results", metric + "## Results\n\nThe scores need more data.\n\n| Class | Test "
                                                  "rows |\n|--|--|\n| spam | 747 |\n| ham | 4825 |\n");
  CHECK(finding.status == Status::fail);
  // Numbers under Results with neither score words nor split columns.
  finding = check_readme("docs/results", metric + "## Results\n\n| Step | Seconds |\n|--|--|\n| load | 0.5 "
                                                  "|\n| train | 12.5 |\n");
  CHECK(finding.status == Status::fail);
}

TEST_CASE("docs/run-instructions: a README that hands running to another document")
{
  const std::vector<std::pair<std::string, std::string>> files = {
      {"experimentos/README.md", "# Experiments\n\n```bash\nuv sync\nuv run ldp data process\n```\n"},
      {"docs/results.md", "# Results\n\n```bash\npython report.py\n```\n"}};
  Finding finding = check_readme("docs/run-instructions",
                                 "# Thesis\n\nFor detailed instructions on how to run the experiments, please refer "
                                 "to the [Experiments README](experimentos/README.md).\n",
                                 "README.md", files);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message == "no commands in README.md, but the linked experimentos/README.md gives 2 commands in "
                           "code blocks, such as `uv sync` (README.md:3)");
  CHECK(finding.locations == std::vector<Location>{{"README.md", 3}, {"experimentos/README.md", 4}});
  // A document about something else, or a guide without commands, does not say how to run it.
  CHECK(check_readme("docs/run-instructions", "# Thesis\n\nThe scores are in [the results](docs/results.md).\n",
                     "README.md", files)
            .status == Status::fail);
  CHECK(check_readme("docs/run-instructions", "# Thesis\n\nSee the [setup guide](docs/setup.md).\n", "README.md",
                     {{"docs/setup.md", "# Setup\n\nAsk the team for access.\n"}})
            .status == Status::fail);
}

TEST_CASE("docs/run-instructions: commands that run only scripts the project does not have")
{
  const std::string readme = "# X\n\n```bash\npip install -r requirements.txt\npython train.py\n"
                             "streamlit run app/ui.py\nbash scripts/setup.sh\n./run.sh\n```\n";
  Finding finding = check_readme("docs/run-instructions", readme, "README.md", {{"requirements.txt", "x\n"}});
  CHECK(finding.status == Status::fail);
  CHECK(finding.message == "the README's commands run train.py (README.md:5), app/ui.py (README.md:6), "
                           "scripts/setup.sh (README.md:7) and 1 more, none of which the repository has");
  CHECK(finding.locations ==
        std::vector<Location>{{"README.md", 5}, {"README.md", 6}, {"README.md", 7}, {"README.md", 8}});
  CHECK(finding.fix.starts_with("Make the commands in the README run the scripts the project has"));
  // Any one of them is enough: the others may be made by an earlier step.
  for (const std::string_view present : {"src/train.py", "app/ui.py", "Scripts/Setup.sh", "run.sh"}) {
    CAPTURE(present);
    CHECK(check_readme("docs/run-instructions", readme, "README.md", {{std::string(present), "x\n"}}).status ==
          Status::pass);
  }
  // Not scripts of the project: modules, code, absolute paths, placeholders, other folders.
  finding = check_readme("docs/run-instructions",
                         "# X\n\n```bash\npython -m churn.train\npython -c 'print(1)'\npython /app/main.py\n"
                         "python <your_script>.py\npython ../other/x.py\npython $SCRIPT.py\n```\n");
  CHECK(finding.status == Status::pass);
  // One script, named in a single-step command.
  finding = check_readme("docs/run-instructions", "# X\n\n```bash\ncd api; python3 -u serve.py --port 80\n```\n");
  CHECK(finding.message == "the README's commands run serve.py (README.md:4), which the repository does not have");
  CHECK(check_readme("docs/run-instructions", "# X\n\n```bash\ncd api; python3 -u serve.py --port 80\n```\n",
                     "README.md", {{"api/serve.py", "x\n"}})
            .status == Status::pass);
  // The module an ASGI server serves is the project's code too, as a module or a package.
  const std::string served = "# X\n\n```bash\nuvicorn app.main:app --reload\nstreamlit run ui/app.py\n```\n";
  CHECK(check_readme("docs/run-instructions", served, "README.md", {{"app/main.py", "x\n"}}).status ==
        Status::pass);
  CHECK(
      check_readme("docs/run-instructions", served, "README.md", {{"app/main/__init__.py", "x\n"}}).status ==
      Status::pass);
  CHECK(check_readme("docs/run-instructions", served).message ==
        "the README's commands run app/main.py (README.md:4), ui/app.py (README.md:5), none of which the "
        "repository has");
  CHECK(
      check_readme("docs/run-instructions", "# X\n\n```bash\ngunicorn -w 4 -b 0.0.0.0:8000 serve:app\n```\n")
          .message == "the README's commands run serve.py (README.md:4), which the repository does not have");
}

TEST_CASE("docs/run-instructions: commands in code blocks, with prompts, in any shell")
{
  Finding finding = check_readme(
      "docs/run-instructions",
      "# X\n\n```console\n$ pip install -r requirements.txt\n(venv) $ python train.py\n```\n", "README.md",
      {{"src/train.py", "print(1)\n"}});
  CHECK(finding.message ==
        "2 commands in code blocks, such as `pip install -r requirements.txt` (README.md:4), "
        "`python train.py` (README.md:5)");
  CHECK(finding.locations == std::vector<Location>{{"README.md", 4}, {"README.md", 5}});
  // Prompts that show where the shell is.
  finding = check_readme("docs/run-instructions",
                         "# X\n\n```\n~/api$ pip install -r requirements.txt\n(env) ~/api$ python3 -m run\n"
                         "root@4f2a:/app# pytest\n```\n");
  CHECK(finding.message == "3 commands in code blocks, such as `pip install -r requirements.txt` (README.md:4), "
                           "`python3 -m run` (README.md:5)");

  finding = check_readme("docs/run-instructions", "# X\n\nRun `pip install -e .` and then open the app.\n");
  CHECK(finding.status == Status::pass);
  CHECK(finding.message ==
        "commands only inside sentences, such as `pip install` (README.md:3); code blocks would "
        "make them easier to copy");

  finding = check_readme("docs/run-instructions",
                         "# X\n\n```python\nfrom churn import Model\nModel().fit()\n```\n");
  CHECK(finding.status == Status::fail);
  CHECK(finding.message == "README.md has no commands in code blocks to install and run the project");
}

TEST_CASE("docs/deployment: a link on its own domain labelled live just before it")
{
  Finding finding = check_readme("docs/deployment", "# Peyechi\n\nPhone recommendations.\n\n**Live Site**: "
                                                    "[peyechi.com](https://peyechi.com)\n");
  CHECK(finding.message == "a link to the live demo, https://peyechi.com (README.md:5)");
  // A label on an earlier line, or a write-up, is no deployment.
  finding = check_readme("docs/deployment", "# X\n\nLive results below.\nSee [the study](https://example.org/s) "
                                            "and the **live report**: [here](https://example.org/r)\n");
  CHECK(finding.status == Status::fail);
}

TEST_CASE("docs/deployment: commands on lines of their own in a paragraph, where the code fences were lost")
{
  Finding finding =
      check_readme("docs/deployment",
                   "# X\n\nDocker Deployment (Optional): Build and run the container.\r\n"
                   "docker build -t salary-prediction .\r\ndocker run -p 8000:8000 salary-prediction\r\n");
  CHECK(finding.status == Status::pass);
  CHECK(
      finding.message ==
      "deployment commands outside code blocks, such as `docker build -t salary-prediction .` (README.md:4)");
  finding = check_readme("docs/deployment",
                         "# X\n\nBash\n$ docker compose up -d --build\nThis may take a while.\n");
  CHECK(finding.message ==
        "deployment commands outside code blocks, such as `docker compose up -d --build` (README.md:4)");
  // Sentences about Docker are no commands.
  CHECK(check_readme("docs/deployment",
                     "# X\n\nDocker builds are slow. We use one image.\nDocker run times vary.\n")
            .status == Status::fail);
  CHECK(check_readme("docs/deployment", "# X\n\nDocker Container\n↓\nAWS ECR → AWS App Runner\n").status ==
        Status::fail);
  CHECK(check_readme("docs/deployment", "# X\n\n```bash\ndatabricks bundle deploy --target prod\n```\n")
            .message == "deployment commands such as `databricks bundle deploy --target prod` (README.md:4)");
}

TEST_CASE("docs/deployment: live URLs, demo links, deploy commands, a described deployment")
{
  Finding finding = check_readme("docs/deployment", "# X\n\nTry it on https://churn.streamlit.app\n");
  CHECK(finding.message == "a live deployment at https://churn.streamlit.app (README.md:3)");

  finding = check_readme("docs/deployment", "# X\n\n[Live demo](https://churn.example.org/app)\n");
  CHECK(finding.message == "a link to the live demo, https://churn.example.org/app (README.md:3)");

  finding =
      check_readme("docs/deployment", "# X\n\n```bash\nmake docker-run     # http://127.0.0.1:8000\n```\n");
  CHECK(finding.message == "deployment commands such as `make docker-run` (README.md:4)");
  // Prose indented by four spaces is a code block to Markdown, but a reader reads it as sentences.
  finding = check_readme("docs/deployment",
                         "# X\n\n## Deployment\n\n    Flask App: Deployed using Docker and SSH via GitHub Actions.\n"
                         "    Streamlit App: Deployed to Streamlit Community Cloud via GitHub Actions.\n");
  CHECK(finding.message == "the Deployment section describes the deployment (README.md:3)");
  finding = check_readme("docs/deployment", "# X\n\n## Deployment\n\n    cd app\n    make serve PORT=80\n"
                                            "    Then open the page in a browser\n");
  CHECK(finding.status == Status::fail);
  // A deployment guide named in a sentence, as a link would be.
  const std::string guide = "# Docker\n\n```bash\ndocker build -t app .\n```\n";
  finding = check_readme("docs/deployment",
                         "# X\n\n1. Build the images (see `/docs/Developer_Guide/docker-setup.md`).\n", "README.md",
                         {{"docs/Developer_Guide/docker-setup.md", guide}});
  CHECK(finding.message == "the README's docs/Developer_Guide/docker-setup.md gives deployment commands such as "
                           "`docker build -t app .` (README.md:3)");
  finding = check_readme("docs/deployment", "# X\n\nSee notes.md and docs/missing-deploy.md for the rest.\n",
                         "README.md", {{"notes.md", guide}});
  CHECK(finding.status == Status::fail); // notes.md is no deployment document, the other is not there
  // A folder tree's comments on its scripts are no commands; the command after the tree is.
  finding = check_readme("docs/deployment",
                         "# X\n\n```\n\u251C\u2500\u2500 deploy.sh   # docker build and push\n"
                         "|-- k8s/      # kubectl apply -f k8s/\n```\n");
  CHECK(finding.status == Status::fail);
  finding = check_readme("docs/deployment",
                         "# X\n\n```\n\u251C\u2500\u2500 deploy.sh   # docker build and push\n```\n\n"
                         "```bash\nkubectl apply -f k8s/\n```\n");
  CHECK(finding.message == "deployment commands such as `kubectl apply -f k8s/` (README.md:8)");

  finding = check_readme("docs/deployment",
                         "# X\n\n## Deployment\n\nThe image is built by CI, pushed to ECR and run "
                         "on AWS ECS Fargate behind a load balancer.\n");
  CHECK(finding.message == "the Deployment section describes the deployment (README.md:3)");

  // An address written out: the sentence's closing punctuation is not part of it, and an
  // address in a sentence about the data is where the data is, whatever else the sentence says.
  finding = check_readme("docs/deployment", "# X\n\nThe app is running at http://35.231.160.55:8080/.\n");
  CHECK(finding.message == "a live deployment at http://35.231.160.55:8080/ (README.md:3)");
  finding = check_readme("docs/deployment",
                         "# X\n\nDownload the dataset through the app's link: http://35.231.160.55/data.\n");
  CHECK(finding.status == Status::fail);

  // A request to the hosted service in a code block, indented or fenced.
  finding = check_readme("docs/deployment",
                         "# X\n\n## Live Endpoint\n\n    curl http://load.westeurope.azurecontainer.io:5001/health\n");
  CHECK(finding.message ==
        "a live deployment at http://load.westeurope.azurecontainer.io:5001/health (README.md:5)");

  finding = check_readme("docs/deployment", "# X\n\n[Demo video](https://youtu.be/abc)\n", "README.md",
                         {{"Dockerfile", "FROM python:3.12\n"}});
  CHECK(finding.status == Status::fail);
  CHECK(finding.message ==
        "README.md does not say how the model runs in production: no live demo or API URL, no "
        "docker or cloud deployment commands; Dockerfile exists, but the README does not say how to "
        "build and run it");
}

TEST_CASE("docs/lessons: kept in a linked model card or a linked folder of decision records")
{
  const std::string records = "# 0013: XGBoost wins\n\n## Alternatives\n\nLogistic regression with SMOTE was "
                              "rejected: it wins on recall but loses 0.15 of PR-AUC, and its probabilities "
                              "did not hold up on the later months.\n";
  Finding finding = check_readme(
      "docs/lessons", "# Fraud\n\nThe reasoning is in the records: [docs/decisions/](docs/decisions/)\n",
      "README.md", {{"docs/decisions/0013-model.md", records}});
  CHECK(finding.status == Status::pass);
  CHECK(finding.message ==
        "the Alternatives section discusses what did not work (docs/decisions/0013-model.md:3), "
        "in a document README.md links");
  CHECK(finding.locations == std::vector<Location>{{"docs/decisions/0013-model.md", 3}});
  finding = check_readme(
      "docs/lessons", "# Fraud\n\nSee the [model card](MODEL_CARD.md).\n", "README.md",
      {{"MODEL_CARD.md", "# Model card\n\n## Limitations\n\nThe model has only seen card "
                         "transactions from Europe in 2013 and misses newer fraud patterns.\n"}});
  CHECK(finding.message == "the Limitations section (MODEL_CARD.md:3), in a document README.md links");
  // A document not named for it is not read: a contributing guide's pitfalls are not the model's.
  CHECK(
      check_readme("docs/lessons", "# Fraud\n\nSee [CONTRIBUTING](CONTRIBUTING.md).\n", "README.md",
                   {{"CONTRIBUTING.md", "# Contributing\n\n## Pitfalls\n\nThe pre-commit hooks did not work "
                                        "on Windows, so run them in WSL instead of PowerShell.\n"}})
          .status == Status::fail);
}

TEST_CASE("docs/lessons: a heading written in bold, with its text in the paragraph or below it")
{
  Finding finding = check_readme(
      "docs/lessons", "# Loans\n\n## Responsible Use\n\n**Out-of-Scope Use**  \nNot for automated decisions.\n\n"
                      "**Bias, Risks, and Limitations**  \nThe model was trained on historical data that may carry "
                      "biases related to socioeconomic status or geography.\n");
  CHECK(finding.status == Status::pass);
  CHECK(finding.message == "the Bias, Risks, and Limitations paragraph (README.md:8)");
  finding = check_readme("docs/lessons", "# Loans\n\n## Model\n\n__Known issues:__\n\n- Recall on the minority "
                                         "class stays low\n- Calibration drifts on recent months of data\n");
  CHECK(finding.status == Status::pass);
  CHECK(finding.message == "the Known issues paragraph (README.md:5)");
  // A bold line of many words is a tagline, not a heading.
  CHECK(check_readme("docs/lessons", "# Loans\n\n**Known issues and the order in which the team met each of them**\n\n"
                                     "The service answers in two hundred milliseconds on a laptop with the sample data.\n")
            .status == Status::fail);
  // Bold words inside a sentence, or a bold heading with nothing under it, are no such heading.
  CHECK(check_readme("docs/lessons", "# Loans\n\n## Model\n\nSee **Limitations** in the wiki for the "
                                     "list of what we know.\n\n**Limitations**\n\n## Next\n\nMore text here.\n")
            .status == Status::fail);
}

TEST_CASE("docs/lessons: sections in any wording, sentences anywhere, the empty template section")
{
  Finding finding =
      check_readme("docs/lessons", "# X\n\n## ⚠️ Known limitations\n\n- Only contracts before 2021\n- "
                                   "No tariffs from the new offer, so recent customers are out of "
                                   "distribution\n");
  CHECK(finding.message == "the ⚠️ Known limitations section (README.md:3)");

  // A trade-off taken under a Benchmarking heading: the best model offline is not the one served.
  finding = check_readme("docs/lessons", "# X\n\n### Benchmarking\n\n| Model | NDCG@10 |\n|---|---|\n| ALS | 0.18 |\n"
                                         "| Item-CF | 0.22 |\n\nItem-CF achieves the best NDCG@10. ALS is used as the "
                                         "default online-serving model due to its lower inference latency.\n");
  CHECK(finding.message == "the Benchmarking section discusses what did not work (README.md:3)");
  finding = check_readme("docs/lessons", "# X\n\n## Model Selection Rationale\n\nXGBoost served as the baseline "
                                         "but required categorical features to be encoded as ordinal, which imposes "
                                         "assumptions that may not hold.\n");
  CHECK(finding.message == "the Model Selection Rationale section discusses what did not work (README.md:3)");
  finding = check_readme("docs/lessons", "# X\n\n### Benchmarking\n\nALS is used because it is fast.\n");
  CHECK(finding.status == Status::fail);

  finding = check_readme("docs/lessons", "# X\n\n### Fails:\n\nOriginally, we hand-annotated. This took too much "
                                         "time, so we prelabelled with two larger models.\n");
  CHECK(finding.message == "the Fails: section (README.md:3)");

  finding = check_readme("docs/lessons",
                         "# X\n\n## Experiments\n\nI compared logistic regression and XGBoost; SMOTE "
                         "made recall better but precision worse, so I dropped it.\n");
  CHECK(finding.message == "the Experiments section discusses what did not work (README.md:3)");

  // A discussion of the limits the results show.
  finding = check_readme("docs/lessons", "# X\n\n## 11. Discussion\n\nA small pretrained classifier transfers "
                                         "well, but blood smears would need deeper architectures, and the class "
                                         "boundaries remain ambiguous in some cases.\n");
  CHECK(finding.message == "the 11. Discussion section discusses what did not work (README.md:3)");
  finding = check_readme("docs/lessons", "# X\n\n## Key Findings\n\n- **Random Forest**: best on the external "
                                         "datasets\n- **Transformer models**: significant performance drops on new "
                                         "data\n");
  CHECK(finding.message == "the Key Findings section discusses what did not work (README.md:3)");
  finding = check_readme("docs/lessons", "# X\n\n## Conclusions\n\n- All models, despite being tuned in different "
                                         "ways, converge to a similar score, close to what the data holds.\n");
  CHECK(finding.message == "the Conclusions section discusses what did not work (README.md:3)");
  finding = check_readme("docs/lessons", "# X\n\n## Discussion\n\nThe model reaches good scores on every "
                                         "split and the service answers in a few milliseconds.\n");
  CHECK(finding.status == Status::fail);

  finding = check_readme("docs/lessons", "# X\n\nOversampling did not help on the test split.\n");
  CHECK(finding.message ==
        "a note on what did not work at README.md:3: \"Oversampling did not help on the test split.\"");

  finding =
      check_readme("docs/lessons", "# X\n\n## What didn't work\n\n<!-- TODO(author): Record the experiments. "
                                   "-->\n\n## License\n\nMIT\n");
  CHECK(finding.status == Status::fail);
  CHECK(finding.message == "the What didn't work section (README.md:3) holds only a placeholder comment");
  CHECK(finding.fix.starts_with("Under What didn't work, write the experiments that failed"));

  // READMEs in other languages: a limitations note in Korean, a lessons heading in Japanese.
  finding = check_readme("docs/lessons", "# X\n\n> **정직한 한계:** 환자 3명은 일화일 뿐 성능 지표가 아니며 "
                                         "검증은 H2의 몫이다.\n");
  CHECK(finding.message.starts_with("a note on what did not work at README.md:3"));
  finding = check_readme("docs/lessons", "# X\n\n## 教訓\n\n学習率を下げても精度は上がらず、データの偏りが原因だと"
                                         "分かった。検証データを分けたことで過学習に気づいた。\n");
  CHECK(finding.message == "the 教訓 section (README.md:3)");
  finding = check_readme("docs/lessons", "# X\n\nEl sobremuestreo con SMOTE no funcionó en el conjunto de prueba.\n");
  CHECK(finding.status == Status::pass);

  finding = check_readme("docs/lessons", "# X\n\n## Experiments\n\nAll runs are logged to MLflow.\n");
  CHECK(finding.message ==
        "README.md says nothing about what was tried and did not work: no section on experiments, "
        "error analysis, limitations or lessons learned");

  finding = check_readme("docs/lessons", "# X\n\n## Key Challenges\n\n- Class imbalance: only 3.5% of the "
                                         "transactions are fraudulent\n- Hundreds of anonymised columns\n");
  CHECK(finding.status == Status::fail);
  CHECK(finding.message == "the Key Challenges section (README.md:3) says nothing about what was tried and did "
                           "not work, and no other section does (no error analysis, limitations or failed "
                           "experiments)");
}

TEST_CASE("docs/experiment-dashboard: a tracking guide the README names or links may say how to open it")
{
  const std::vector<std::pair<std::string, std::string>> files = {
      {"src/x/train.py", "def train():\n    import mlflow\n    mlflow.log_metric('f1', 1)\n"},
      {"docs/mlflow-server-setup.md", "# MLflow\n\n```bash\nmlflow server -h 0.0.0.0 -p 5050\n```\n"},
      {"docs/notes.md", "# Notes\n\n```bash\nmlflow ui\n```\n"}};
  Finding finding = check_readme("docs/experiment-dashboard",
                                 "# X\n\n3. Set up the tracking server (see `/docs/mlflow-server-setup.md`).\n",
                                 "README.md", files);
  CHECK(finding.message == "the README's docs/mlflow-server-setup.md gives the command that opens the dashboard, "
                           "`mlflow server -h 0.0.0.0 -p 5050` (README.md:3)");
  finding = check_readme("docs/experiment-dashboard", "# X\n\nMore in [the notes](docs/notes.md).\n", "README.md",
                         files);
  CHECK(finding.status == Status::fail); // notes.md is not named for the tracking
  // A guide to running the whole project, the tracking server among its services.
  const std::vector<std::pair<std::string, std::string>> guide = {
      {"src/x/train.py", "def train():\n    import mlflow\n    mlflow.log_metric('f1', 1)\n"},
      {"docs/running-workflow.md",
       "# Running with Docker Compose\n\n```bash\nmake up\n```\n\n## MLflow\n\n"
       "The mlflow service runs at [http://localhost:5000/](http://localhost:5000/).\n\n"
       "## Serving\n\n```bash\ndocker compose up -d bentoml\n```\n"}};
  const std::string readme = "# X\n\nFollow the guide in [Running the workflow](docs/running-workflow.md).\n";
  finding = check_readme("docs/experiment-dashboard", readme, "README.md", guide);
  CHECK(finding.message ==
        "the linked docs/running-workflow.md gives directions to the dashboard (README.md:3)");
  // The README of a part named for something else runs that part: experiments, not the service.
  CHECK(check_readme(
            "docs/deployment", "# X\n\nSee [the experiments](experiments/README.md).\n", "README.md",
            {{"experiments/README.md", "# Experiments\n\n```bash\nmake compose-experiment-run\n```\n"}})
            .status == Status::fail);
  finding = check_readme("docs/deployment", readme, "README.md", guide);
  CHECK(finding.message ==
        "the linked docs/running-workflow.md gives deployment commands such as `docker compose "
        "up -d bentoml` (README.md:3)");
}

TEST_CASE("docs/experiment-dashboard: screenshots of the dashboard, a list of tools, where the code logs")
{
  const std::vector<std::pair<std::string, std::string>> code = {
      {"api/predictor.py", "import mlflow\nmodel = mlflow.sklearn.load_model(URI)\n"},
      {"src/train.py", "import mlflow\n\nwith mlflow.start_run():\n    mlflow.log_params(params)\n"}};
  Finding finding = check_readme("docs/experiment-dashboard",
                                 "# X\n\n## Tools\n\n- **MLflow**: For tracking, managing, and visualizing model "
                                 "performance over time.\n",
                                 "README.md", code);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message == "the code logs to MLflow (src/train.py:3) but README.md neither links the dashboard nor "
                           "says how to open it"); // where it logs, not the server that loads a model
  finding = check_readme("docs/experiment-dashboard",
                         "# X\n\n| Experiment tracking |\n|:---:|\n| ![MLflow experiments per mission](docs/assets/"
                         "mlflow-experiments.png) |\n",
                         "README.md", code);
  CHECK(finding.message == "a screenshot of the dashboard, \"MLflow experiments per mission\" (README.md:5)");
  CHECK(check_readme("docs/experiment-dashboard", "# X\n\n<img src=\"docs/images/mlflow_run_overview.png\">\n",
                     "README.md", code)
            .status == Status::pass);
  // A logo, and a counter whose address carries a repository named for the tracker, show no runs.
  CHECK(check_readme("docs/experiment-dashboard",
                     "# X\n\n![Visits](https://hits.sh/github.com/me/churn-MLflow-DVC.svg?label=Visits)\n\n"
                     "![MLflow](docs/mlflow-logo.png)\n",
                     "README.md", code)
            .status == Status::fail);
}

TEST_CASE("docs/experiment-dashboard: links, commands and directions, skipped without a tracker")
{
  Finding finding = check_readme("docs/experiment-dashboard", "# X\n\nNo tracking.\n", "README.md",
                                 {{"src/x/train.py", "import sklearn\n"}});
  CHECK(finding.status == Status::skip);
  CHECK(finding.message ==
        "the code logs to no experiment tracker (MLflow, Weights & Biases, TensorBoard, ...)");

  finding = check_readme(
      "docs/experiment-dashboard", "# X\n\nBuilt with [MLflow](https://mlflow.org).\n", "README.md",
      {{"src/x/train.py", "def train():\n    import mlflow\n    mlflow.log_metric('f1', 1)\n"}});
  CHECK(finding.status == Status::fail);
  CHECK(finding.message ==
        "the code logs to MLflow (src/x/train.py:3) but README.md neither links the dashboard nor "
        "says how to open it");
  CHECK(finding.locations == std::vector<Location>{{"README.md", 0}, {"src/x/train.py", 3}});
  CHECK(finding.fix.starts_with("Add to the README the command that opens the dashboard, e.g. `mlflow ui"));
  // A folder tree's comment on a script is no command.
  finding = check_readme(
      "docs/experiment-dashboard",
      "# X\n\n```\n\u2502   \u251C\u2500\u2500 mlflow_ui.py   # MLflow UI script\n|-- ui.py  # mlflow ui\n```\n",
      "README.md", {{"src/x/train.py", "def train():\n    import mlflow\n    mlflow.log_metric('f1', 1)\n"}});
  CHECK(finding.status == Status::fail);

  finding = check_readme("docs/experiment-dashboard",
                         "# X\n\n```bash\nmlflow ui --backend-store-uri sqlite:///m.db\n```\n");
  CHECK(finding.message ==
        "the command that opens the dashboard, `mlflow ui --backend-store-uri sqlite:///m.db` (README.md:4)");

  finding =
      check_readme("docs/experiment-dashboard", "# X\n\nRuns: [W&B project](https://wandb.ai/jane/churn)\n");
  CHECK(finding.message == "a link to the experiment dashboard, https://wandb.ai/jane/churn (README.md:3)");

  finding =
      check_readme("docs/experiment-dashboard", "# X\n\nOpen the MLflow UI at http://localhost:5000.\n");
  CHECK(finding.message ==
        "directions to the dashboard: \"Open the MLflow UI at http://localhost:5000.\" (README.md:3)");
}

TEST_CASE("docs/no-placeholders: a template's user in a clone command, fill-ins and the template's title")
{
  const Finding finding = check_readme(
      "docs/no-placeholders",
      "# Project Name\n\nReviews.\n\n```bash\ngit clone https://github.com/yourusername/app.git\n```\n\n"
      "[Your Name], [University Name], [your.email@university.edu]\n");
  CHECK(finding.status == Status::fail);
  CHECK(finding.message ==
        "README.md still holds 3 placeholders (title placeholder, repository placeholder, name placeholder)");
  REQUIRE(finding.details.size() == 3);
  CHECK(finding.details[1].message ==
        "repository placeholder at README.md:6: \"git clone https://github.com/yourusername/app.git\"");
  // Underlined, as the README's title; further down, an example of what to write.
  CHECK(check_readme("docs/no-placeholders", "Project Name\n============\n\nAccident severity.\n").message ==
        "README.md still holds 1 placeholder (title placeholder)");
  CHECK(check_readme("docs/no-placeholders", "# Template\n\nStart your README with:\n\n# Your Project Name\n")
            .status == Status::pass);
  // Asked to fork first, the reader puts in their own name.
  CHECK(check_readme(
            "docs/no-placeholders",
            "# App\n\nFork it, then:\n\n```bash\ngit clone https://github.com/yourusername/app.git\n```\n")
            .status == Status::pass);
}

TEST_CASE("docs/no-placeholders: every placeholder on its line, code and ordinary words left alone")
{
  Finding finding =
      check_readme("docs/no-placeholders",
                   "# A todo-list app\n\nTodo list app built with Flask. Run `make todo`.\n\n```bash\n"
                   "# TODO: nothing\ngit clone https://github.com/someone/app\n```\n");
  CHECK(finding.status == Status::pass);
  CHECK(finding.message == "no TODO markers or template placeholders in README.md");
  // Markers the text talks about: a reference to one in the code, the TODO app of a tutorial.
  CHECK(check_readme("docs/no-placeholders",
                     "# Telemetry\n\n## Future Work\n\nParallelize with `@ray.remote` (tracked by a TODO in "
                     "`cli.py`).\nThe TODO comments in the code name the next steps. A FastAPI TODO app.\n")
            .status == Status::pass);
  finding = check_readme("docs/no-placeholders", "# X\n\n## Results\n\nTODO add the `eval.py` table\n\nTBD\n");
  CHECK(finding.status == Status::fail);
  REQUIRE(finding.details.size() == 2);
  CHECK(finding.details[0].message == "TODO marker at README.md:5: \"TODO add the `eval.py` table\""); // as written

  finding = check_readme(
      "docs/no-placeholders",
      "# {{ cookiecutter.project_name }}\r\n\r\n<!-- TODO(author): Say what problem this model "
      "solves,\r\nfor whom. -->\r\n\r\nBy [Your Name].\r\nLorem ipsum dolor.\r\n\r\n| Deploy | TBD |\r\n"
      "|---|---|\r\n\r\n![CI](https://github.com/your-username/x/actions/badge.svg)\r\n");
  CHECK(finding.status == Status::fail);
  CHECK(finding.message ==
        "README.md still holds 6 placeholders (template variable, TODO marker, name placeholder, "
        "Lorem ipsum, repository placeholder)");
  REQUIRE(finding.details.size() == 6);
  CHECK(finding.details[0].message ==
        "template variable at README.md:1: \"# {{ cookiecutter.project_name }}\"");
  CHECK(finding.details[1].message ==
        "TODO marker at README.md:3: \"TODO(author): Say what problem this model solves,\"");
  CHECK(finding.details[1].locations == std::vector<Location>{{"README.md", 3}});
  CHECK(finding.details[2].message == "name placeholder at README.md:6: \"By [Your Name].\"");
  CHECK(finding.details[3].message == "Lorem ipsum at README.md:7: \"Lorem ipsum dolor.\"");
  CHECK(finding.details[4].message == "TODO marker at README.md:9: \"| Deploy | TBD |\"");
  CHECK(finding.details[5].message == "repository placeholder at README.md:12: "
                                      "\"![CI](https://github.com/your-username/x/actions/badge.svg)\"");

  finding = check_readme("docs/no-placeholders",
                         "Title\n=====\n\n.. todo:: write the intro\n\n"
                         "Contact: your.email@example.com\n",
                         "README.rst");
  CHECK(finding.message == "README.rst still holds 2 placeholders (TODO marker, example e-mail)");
}

TEST_CASE("count_words: letters and digits of any script, separators and emoji are no words, two CJK "
          "characters are one")
{
  CHECK(docs::count_words("Predicts churn for 7,043 customers") == 5);
  CHECK(docs::count_words("[Features] • [Install] → 🚀 —") == 2);
  CHECK(docs::count_words("Ограничения модели и données réelles") == 5);
  CHECK(docs::count_words("東京エリアの電力需要") == 5);         // 10 characters, no spaces
  CHECK(docs::count_words("翌日の需要を予測します (FastAPI)") == 6); // 11 characters, then a word
  CHECK(docs::count_words("") == 0);
}
