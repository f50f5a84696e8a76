// The rigor rules: messages word for word, locations, and the cases they must not accuse.
#include "lint/catalog.h"
#include "lint/rule_fixture.h"
#include "lint/rules/rigor_code.h"
#include "lint/runner.h"

#include <doctest/doctest.h>

using namespace mlfolio;
using namespace mlfolio::lint;
using mlfolio::test::check_rule;

namespace {

// A notebook whose code cells are `cells`, each one string of source.
std::string notebook(const std::vector<std::string>& cells)
{
  std::string json = "{\"cells\": [\n";
  for (size_t k = 0; k < cells.size(); ++k) {
    std::string escaped;
    for (const char c : cells[k]) {
      escaped += c == '\n' ? std::string("\\n") : c == '"' ? std::string("\\\"") : std::string(1, c);
    }
    json += std::string(k == 0 ? "" : ",\n") + "  {\"cell_type\": \"code\", \"source\": \"" + escaped + "\"}";
  }
  return json + "\n], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}\n";
}

const char* const k_accuracy_only = "from sklearn.ensemble import RandomForestClassifier\n"
                                    "from sklearn.metrics import accuracy_score\n"
                                    "\n"
                                    "model = RandomForestClassifier().fit(features, labels)\n"
                                    "print(accuracy_score(labels, model.predict(features)))\n";

} // namespace

TEST_CASE("rigor helpers: identifier words and notebook lines")
{
  const auto words = [](std::string_view identifier) {
    const IdentifierWords split(identifier);
    return std::vector<std::string>(split.begin(), split.end());
  };
  CHECK(words("X_test2") == std::vector<std::string>{"x", "test"});
  CHECK(words("valLoader") == std::vector<std::string>{"val", "loader"});
  CHECK(words("XTest") == std::vector<std::string>{"x", "test"});
  CHECK(words("__init__") == std::vector<std::string>{"init"});
  CHECK(words("f1_macro") == std::vector<std::string>{"f1", "macro"});
  CHECK(words("test2_3") == std::vector<std::string>{"test", "3"});
  CHECK(words("").empty());
  // More words than the object keeps inline: all of them, in order.
  CHECK(words("a_b_c_d_e_f_g_h_i_j_k_l_mNo_pQ") ==
        std::vector<std::string>{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "no", "p", "q"});
  const IdentifierWords long_one("one_two_three_four_five_six_seven_eight_nine_ten_eleven_twelve_thirteen");
  CHECK(long_one.size() == 13);
  CHECK(long_one[12] == "thirteen");
  CHECK(long_one[0] == "one");

  const auto names = [](std::string_view name) {
    const NameWords split(name);
    return std::vector<std::string>(split.begin(), split.end());
  };
  CHECK(names("modelRegistry") == std::vector<std::string>{"model", "registry"});
  CHECK(names("PSIValue") == std::vector<std::string>{"psi", "value"});
  CHECK(names("health-check_v2") == std::vector<std::string>{"health", "check", "v2"});
  CHECK(names("caf\xc3\xa9_2") == std::vector<std::string>{"caf", "2"}); // other bytes separate words
  CHECK(names("__").empty());
  CHECK(names("a.b.c.d.e.f.g.h.i.j.k.l.m.n").size() == 14);
  CHECK(names("a.b.c.d.e.f.g.h.i.j.k.l.m.n")[13] == "n");

  MemoryView view;
  view.add("a.ipynb", notebook({"import torch\nx = 1", "", "torch.manual_seed(0)\n"}));
  const Analysis analysis(view);
  const FileEntry* file = view.find("a.ipynb");
  REQUIRE(file != nullptr);
  // Cells: lines 1-2 (+ blank 3), an empty cell (4), line 5 (+ blank 6); cells open on lines 2, 3, 4.
  CHECK(code_location(analysis, file, 0) == Location{"a.ipynb", 0});
  CHECK(code_location(analysis, file, 1) == Location{"a.ipynb", 2});
  CHECK(code_location(analysis, file, 2) == Location{"a.ipynb", 2});
  CHECK(code_location(analysis, file, 3) == Location{"a.ipynb", 2});
  CHECK(code_location(analysis, file, 4) == Location{"a.ipynb", 3});
  CHECK(code_location(analysis, file, 5) == Location{"a.ipynb", 4});
  CHECK(code_location(analysis, file, 6) == Location{"a.ipynb", 4});
  CHECK(code_location(analysis, file, 7) == Location{"a.ipynb", 0});
  CHECK(code_location(analysis, file, 99) == Location{"a.ipynb", 0});
}

TEST_CASE("rigor/evaluation: splits, validation sets and held-out names")
{
  MemoryView view;
  CHECK(check_rule("rigor/evaluation", view).message == "no Python code or notebooks");
  view.add("src/churn/train.py", k_accuracy_only);
  Finding finding = check_rule("rigor/evaluation", view);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message ==
        "the model is trained (fit at src/churn/train.py:4) but nothing is held out in 1 Python "
        "module: no train_test_split, cross-validation, validation set or test set");
  CHECK(finding.locations == std::vector<Location>{{"src/churn/train.py", 4}});

  view.add("notebooks/cv.ipynb", notebook({"from sklearn.model_selection import cross_val_score",
                                           "scores = cross_val_score(model, X, y, cv=5)"}));
  finding = check_rule("rigor/evaluation", view);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message == "held-out evaluation: cross_val_score at notebooks/cv.ipynb:3");

  MemoryView names;
  names.add("fit.py", "import torch\nfor batch in val_loader:\n    loss.backward()\n");
  CHECK(check_rule("rigor/evaluation", names).message == "held-out evaluation: val_loader at fit.py:2");

  MemoryView near_misses; // test_size, a variable named val, model.eval() hold nothing out
  near_misses.add(
      "fit.py", "import torch\ntest_size = 0.2\nval = 3\nmodel.eval()\nloss.backward()\noptimizer.step()\n");
  CHECK(check_rule("rigor/evaluation", near_misses).status == Status::fail);
}

TEST_CASE("rigor/metrics: beyond accuracy, accuracy only, the README as a fallback")
{
  MemoryView view;
  view.add("src/churn/train.py", k_accuracy_only);
  Finding finding = check_rule("rigor/metrics", view);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message ==
        "only accuracy is measured (accuracy_score at src/churn/train.py:5): no precision, "
        "recall, F1, ROC AUC or error metric in 1 Python module");
  CHECK(finding.locations == std::vector<Location>{{"src/churn/train.py", 5}});

  view.add("src/churn/search.py", "from sklearn.model_selection import GridSearchCV\n"
                                  "search = GridSearchCV(model, grid, scoring=\"f1_macro\")\n");
  finding = check_rule("rigor/metrics", view);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message == "metrics beyond accuracy: scoring=\"f1_macro\" at src/churn/search.py:2");

  MemoryView reported;
  reported.add("train.py", "import torch\nloss.backward()\n");
  reported.add("README.md", "# Tickets\n\n## Results\n\n- Macro F1: 0.81 on the held-out month\n");
  finding = check_rule("rigor/metrics", reported);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message ==
        "README.md reports F1 (line 5); the code computes no metric mlfolio recognises beyond "
        "accuracy");

  MemoryView keys; // a metrics= keyword whose strings name no metric
  keys.add("app.py", "import sklearn\nmodel.fit(x, y)\nInfo(metrics=metadata[\"metrics\"])\n");
  CHECK(check_rule("rigor/metrics", keys).message ==
        "the model is trained (fit at app.py:2) but no evaluation metric is computed in 1 Python module: no "
        "sklearn.metrics, torchmetrics, evaluate or Keras metrics=");
}

TEST_CASE("rigor/baseline: where nothing is trained, \"baseline\" in the code is another thing's")
{
  MemoryView view;
  view.add("app/utils/visualization.py", "import cv2\n\ndef draw(image, label):\n"
                                         "    (w, h), baseline = cv2.getTextSize(label, cv2.FONT_HERSHEY_SIMPLEX, 0.5, 1)\n"
                                         "    return image\n");
  view.add("app/detect.py", "from ultralytics import YOLO\nmodel = YOLO('yolov8n.pt')\n\n"
                            "def detect(image):\n    return model.predict(image)\n");
  const Finding finding = check_rule("rigor/baseline", view);
  CHECK(finding.status == Status::skip);
  CHECK(finding.message.starts_with("no model is trained"));
}

TEST_CASE("rigor/baseline: a test that holds the model to a dummy baseline")
{
  MemoryView view;
  view.add("src/heart/train.py", "from sklearn.neural_network import MLPClassifier\n"
                                 "def train(x, y):\n    return MLPClassifier().fit(x, y)\n");
  view.add("tests/test_performance.py", "import pytest\n\ndef test_speed(benchmark):\n    baseline_ms = 20\n"
                                        "    assert benchmark() < baseline_ms\n");
  CHECK(check_rule("rigor/baseline", view).status == Status::fail); // a timing's "baseline"
  view.add("tests/test_model.py", "from sklearn.dummy import DummyClassifier\n\n"
                                  "def test_beats_chance(data, model):\n"
                                  "    baseline = DummyClassifier(strategy='stratified').fit(data.x, data.y)\n"
                                  "    assert model.score(data.x_test, data.y_test) > baseline.score(data.x_test, "
                                  "data.y_test)\n");
  const Finding finding = check_rule("rigor/baseline", view);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message == "baseline in the code: DummyClassifier in a test at tests/test_model.py:4");
}

TEST_CASE("rigor/baseline: dummy models, names, labels, README and model comparisons")
{
  MemoryView view;
  view.add("src/churn/train.py", k_accuracy_only);
  view.add("README.md", "# Churn\n\nPredicts churn from contract data.\n");
  Finding finding = check_rule("rigor/baseline", view);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message ==
        "no baseline: nothing named baseline and no DummyClassifier or DummyRegressor in 1 "
        "Python module (the model is trained at src/churn/train.py:4), and README.md does not "
        "mention one");
  CHECK(finding.locations == std::vector<Location>{{"src/churn/train.py", 4}, {"README.md", 0}});

  MemoryView prose; // prose that uses the word is not a baseline; a label is
  prose.add("train.py", std::string(k_accuracy_only) +
                            "ADVICE = \"Offer the customer the baseline plan with a discount next month\"\n");
  CHECK(check_rule("rigor/baseline", prose).status == Status::fail);
  prose.add("plot.py", "import sklearn\nprint(\"REBASELINED\", \"baselines_v2\")\n"); // not whole words
  CHECK(check_rule("rigor/baseline", prose).status == Status::fail);
  prose.add("report.py", "import sklearn\nprint(\"Baseline F1:\", score)\n");
  CHECK(check_rule("rigor/baseline", prose).message == "baseline in the code: \"Baseline F1:\" at report.py:2");

  MemoryView readme;
  readme.add("train.py", k_accuracy_only);
  readme.add("README.rst",
             "Churn\n=====\n\nResults\n-------\n\nThe forest beats the majority-class predictor.\n");
  CHECK(check_rule("rigor/baseline", readme).message == "the README compares with a baseline at README.rst:7");

  // A service's normal state in the README is not a model's baseline; a healthy patient is no
  // service.
  MemoryView operations;
  operations.add("train.py", k_accuracy_only);
  operations.add("README.md", "# Churn\n\n![Grafana](docs/grafana.png)\n\nCaptured dashboards: healthy baseline "
                              "and failure alerts.\n");
  finding = check_rule("rigor/baseline", operations);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message.ends_with("and README.md speaks of a baseline only as a running service's normal state "
                                  "(README.md:5)"));
  operations.add("README.md", "# Heart\n\nA baseline that calls every patient healthy scores 0.62; the forest "
                              "0.81.\n");
  CHECK(check_rule("rigor/baseline", operations).message == "the README compares with a baseline at README.md:3");

  MemoryView compared;
  compared.add("models.py", "from sklearn.linear_model import LogisticRegression\n"
                            "from sklearn.ensemble import RandomForestClassifier\n"
                            "models = [LogisticRegression(), RandomForestClassifier()]\n");
  CHECK(check_rule("rigor/baseline", compared).message ==
        "several models are compared, the simplest as a reference: LogisticRegression at models.py:3, "
        "RandomForestClassifier at models.py:3");
}

TEST_CASE("rigor/reproducibility: global seeds, per-call seeds, and what is left unseeded")
{
  MemoryView view;
  view.add("src/churn/train.py", k_accuracy_only);
  Finding finding = check_rule("rigor/reproducibility", view);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message == "randomness is not seeded: no random_state or seed in RandomForestClassifier at "
                           "src/churn/train.py:4, and no random.seed, np.random.seed, torch.manual_seed or "
                           "set_seed call in 1 Python module");
  CHECK(finding.locations == std::vector<Location>{{"src/churn/train.py", 4}});

  view.add("src/churn/split.py", "from sklearn.model_selection import train_test_split\n"
                                 "parts = train_test_split(frame, test_size=0.2, random_state=SEED)\n");
  finding = check_rule("rigor/reproducibility", view);
  // The seeded split does not seed the forest that train.py fits.
  CHECK(finding.status == Status::fail);
  CHECK(
      finding.message ==
      "the training in src/churn/train.py is not repeatable: RandomForestClassifier at src/churn/train.py:4 "
      "has no seed, and no random.seed, np.random.seed or torch.manual_seed call fixes it; seeded only: "
      "train_test_split(random_state=SEED) at src/churn/split.py:2");
  CHECK(finding.locations == std::vector<Location>{{"src/churn/train.py", 4}, {"src/churn/split.py", 2}});

  // Outside the module that trains (a report's sample of rows), what is left unseeded is only
  // noted; a booster seeds itself.
  MemoryView elsewhere;
  elsewhere.add("src/churn/train.py", "from sklearn.model_selection import train_test_split\n"
                                      "from xgboost import XGBClassifier\n"
                                      "parts = train_test_split(frame, test_size=0.2, random_state=7)\n"
                                      "model = XGBClassifier().fit(features, labels)\n");
  elsewhere.add("src/churn/report.py", "rows = frame.sample(frac=0.1)\n");
  finding = check_rule("rigor/reproducibility", elsewhere);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message.starts_with(
      "randomness is seeded: train_test_split(random_state=7) at src/churn/train.py:3; "
      "still without a seed: "));
  // Settings unpacked from a configuration may carry the seed in YAML: only noted.
  MemoryView configured;
  configured.add("src/churn/train.py",
                 "from sklearn.ensemble import RandomForestClassifier\n"
                 "from sklearn.model_selection import train_test_split\n"
                 "parts = train_test_split(frame, random_state=7)\n"
                 "model = RandomForestClassifier(**cfg.model.params).fit(features, labels)\n");
  CHECK(check_rule("rigor/reproducibility", configured).status == Status::pass);

  // An experiment script in notebooks/ is exploration, not the project's training.
  elsewhere.add("notebooks/exp2_forest.py", "from sklearn.ensemble import RandomForestClassifier\n"
                                            "RandomForestClassifier().fit(features, labels)\n");
  CHECK(check_rule("rigor/reproducibility", elsewhere).status == Status::pass);
  elsewhere.add("src/churn/forest.py", "from sklearn.ensemble import RandomForestClassifier\n"
                                       "RandomForestClassifier().fit(features, labels)\n");
  CHECK(check_rule("rigor/reproducibility", elsewhere).status == Status::fail);

  MemoryView unseeded_calls; // random.seed() seeds from the clock; random_state=None is no seed
  unseeded_calls.add("a.py", "import random\nimport sklearn\nrandom.seed()\nsplit(x, random_state=None)\n"
                             "train_test_split(x, random_state=None)\n");
  CHECK(check_rule("rigor/reproducibility", unseeded_calls).status == Status::fail);

  MemoryView generator;
  generator.add("a.py", "import numpy as np\nimport sklearn\nrng = np.random.default_rng(7)\n"
                        "KFold(n_splits=5, shuffle=True)\n");
  CHECK(check_rule("rigor/reproducibility", generator).message ==
        "randomness is seeded: np.random.default_rng at a.py:3");

  // A seeded split leaves a network's training unseeded; a network kept in a backup folder is
  // not what the project trains.
  MemoryView network;
  network.add("src/split.py", "from sklearn.model_selection import train_test_split\n"
                              "parts = train_test_split(frame, random_state=42)\n");
  network.add("old_backup/net.py", "from torch import nn\n\nclass Net(nn.Module):\n    pass\n");
  CHECK(check_rule("rigor/reproducibility", network).message ==
        "randomness is seeded: train_test_split(random_state=42) at src/split.py:2; still without a seed: "
        "class Net(nn.Module) at old_backup/net.py:3");
  network.add("src/net.py", "from torch import nn\n\nclass Net(nn.Module):\n    pass\n");
  finding = check_rule("rigor/reproducibility", network);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message == "the network's training is not seeded: class Net(nn.Module) at src/net.py:3 starts "
                           "from random weights, and no torch.manual_seed, tf.random.set_seed or seed_everything "
                           "call in 3 Python modules fixes them; seeded only: train_test_split(random_state=42) at "
                           "src/split.py:2");
  CHECK(finding.locations == std::vector<Location>{{"src/net.py", 3}, {"src/split.py", 2}});
  network.add("src/seed.py", "import torch\ntorch.manual_seed(0)\n");
  CHECK(check_rule("rigor/reproducibility", network).status == Status::pass);

  // Settings unpacked into the estimator, with the seed set in the project's config module.
  MemoryView settings;
  settings.add("src/pkg/models.py", "from catboost import CatBoostClassifier\nfrom sklearn.model_selection import "
                                    "train_test_split\nparts = train_test_split(frame, random_state=42)\n"
                                    "params = {**config.CB_PARAMS}\nmodel = CatBoostClassifier(**params)\n");
  CHECK(check_rule("rigor/reproducibility", settings).message ==
        "randomness is seeded: train_test_split(random_state=42) at src/pkg/models.py:3; still without a seed: "
        "CatBoostClassifier at src/pkg/models.py:5");
  settings.add("src/pkg/config.py", "RANDOM_STATE = 42\nCB_PARAMS = {\"iterations\": 500, \"random_seed\": "
                                    "RANDOM_STATE}\n");
  CHECK(check_rule("rigor/reproducibility", settings).message ==
        "randomness is seeded: train_test_split(random_state=42) at src/pkg/models.py:3, CatBoostClassifier(\""
        "random_seed\" in its **settings, src/pkg/config.py:2) at src/pkg/models.py:5");

  MemoryView deterministic;
  deterministic.add("a.py", "from sklearn.model_selection import KFold\nKFold(n_splits=5)\n");
  CHECK(check_rule("rigor/reproducibility", deterministic).message ==
        "no random split, shuffling, sampling or randomised model in 1 Python module");
}

TEST_CASE("rigor/real-world-data: a URL's query, which may hold a token, is left out of the evidence")
{
  MemoryView view;
  view.add("train.py", "import pandas as pd\n"
                       "stations = pd.read_csv(\"https://raw.example.org/acme/bikes/main/stations.csv"
                       "?token=GHSAT0AAAAAAB3XYZ\")\n"
                       "model.fit(stations, target)\n");
  const Finding finding = check_rule("rigor/real-world-data", view);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message ==
        "data: pd.read_csv(\"https://raw.example.org/acme/bikes/main/stations.csv?…\") at train.py:2");
  CHECK(finding.message.find("GHSAT") == std::string::npos);
}

TEST_CASE("rigor/real-world-data: where a toy dataset appears decides")
{
  MemoryView view;
  CHECK(check_rule("rigor/real-world-data", view).message ==
        "no code, notebooks or README to tell which data the project uses");

  view.add("train.py", "from sklearn.datasets import load_iris\nX, y = load_iris(return_X_y=True)\n");
  Finding finding = check_rule("rigor/real-world-data", view);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message == "the project rests on Iris, an overdone toy dataset: load_iris() at train.py:2");
  CHECK(finding.locations == std::vector<Location>{{"train.py", 2}});

  // What the project wrote (a confusion matrix, a load test's results) is not data it learned from.
  view.add("reports/confusion_matrix.csv", "a,b\n");
  view.add("loadtest/results/n1000_exceptions.csv", "a,b\n");
  CHECK(check_rule("rigor/real-world-data", view).status == Status::fail);
  view.add("data/field_readings.parquet", "PAR1");
  finding = check_rule("rigor/real-world-data", view);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message ==
        "data: data/field_readings.parquet; Iris only in passing (load_iris() at train.py:2)");

  view.add("README.md", "# Sensor drift\n\nClassifies drifting sensors. We started from the Iris dataset.\n");
  finding = check_rule("rigor/real-world-data", view);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message ==
        "the project rests on Iris, an overdone toy dataset: load_iris() at train.py:2, the "
        "README introduction at README.md:3");

  MemoryView fashion; // Fashion-MNIST is not counted twice as MNIST
  fashion.add("README.md", "# Fashion-MNIST classifier\r\n\r\nA CNN.\r\n");
  CHECK(check_rule("rigor/real-world-data", fashion).message ==
        "the project rests on Fashion-MNIST, an overdone toy dataset: the README title at README.md:1");

  MemoryView real;
  real.add("src/scans/data.py",
           "import pandas as pd\nframe = pd.read_csv(\"data/ward_admissions_2022.csv\")\n");
  real.add("README.md", "# Admissions\n\nForecasts hospital admissions.\n\n## Related work\n\nUnlike MNIST "
                        "tutorials, the data here is messy.\n");
  CHECK(
      check_rule("rigor/real-world-data", real).message ==
      "data: pd.read_csv(\"data/ward_admissions_2022.csv\") at src/scans/data.py:2; MNIST only in passing (a "
      "mention in the README at README.md:7)");
}

TEST_CASE("rigor/real-world-data: toy datasets are found by any part of a path, a dotted loader, and a "
          "phrase after another word")
{
  // The rule looks up each file, call and README block in a few steps that rule most out early:
  // what must still be found.
  MemoryView folder; // a folder named after the dataset, in upper case, read by the code
  folder.add("Data/Titanic/Train_Set.CSV", "PassengerId,Survived\n1,0\n");
  folder.add("src/model.py", "import pandas as pd\nframe = pd.read_csv('Data/Titanic/Train_Set.CSV')\n");
  Finding finding = check_rule("rigor/real-world-data", folder);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message.find("Titanic only in passing (Data/Titanic/Train_Set.CSV") != std::string::npos);

  MemoryView dotted;
  dotted.add("train.py", "import tensorflow as tf\n(x, y), _ = tf.keras.datasets.mnist.load_data()\n");
  finding = check_rule("rigor/real-world-data", dotted);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message ==
        "the project rests on MNIST, an overdone toy dataset: tf.keras.datasets.mnist.load_data() at train.py:2");

  MemoryView phrase; // "fashion mnist" is Fashion-MNIST; a later "mnist" alone is MNIST
  phrase.add("README.md", "# Digits\n\nWe compare Fashion MNIST with plain MNIST.\n\n## Data\n\nThe "
                          "Fashion-MNIST set.\n");
  finding = check_rule("rigor/real-world-data", phrase);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message ==
        "the project rests on Fashion-MNIST, an overdone toy dataset: the README introduction at "
        "README.md:3, the README's data section at README.md:7");

  MemoryView both; // both named in passing, beside real data
  both.add("data/ward_admissions.parquet", "PAR1");
  both.add("README.md", "# Admissions\n\nForecasts admissions.\n\n## Related work\n\nUnlike fashion mnist "
                        "or MNIST tutorials.\n");
  CHECK(check_rule("rigor/real-world-data", both).message ==
        "data: data/ward_admissions.parquet; Fashion-MNIST only in passing (a mention in the README at "
        "README.md:7), MNIST only in passing (a mention in the README at README.md:7)");

  MemoryView none; // words that start no dataset's phrase
  none.add("README.md", "# Churn\n\nPredicts churn from telecom billing records.\n");
  none.add("src/churn/fashionable_irises.py", "def f(x: int) -> int:\n    return x\n");
  CHECK(check_rule("rigor/real-world-data", none).status == Status::pass);
}

TEST_CASE("rigor: spaCy's training loop trains, and a hand-computed precision, recall and F-score are metrics")
{
  MemoryView view;
  view.add("train.py", "import spacy\n\nnlp = spacy.blank('en')\nmixed_precision = True\n"
                       "settings = {}\nsettings.update(config)\n");
  CHECK(check_rule("rigor/metrics", view).status == Status::skip); // a dict's update() trains nothing
  CHECK(check_rule("mlops/model-registry", view).status == Status::skip);
  view.add("train.py", "import spacy\n\nnlp = spacy.blank('en')\nmixed_precision = True\n"
                       "optimizer = nlp.begin_training()\nfor batch in batches:\n"
                       "    nlp.update(texts, annotations, sgd=optimizer, drop=0.2, losses=losses)\n"
                       "nlp.to_disk('model')\n");
  Finding finding = check_rule("rigor/metrics", view);
  CHECK(finding.message == "the model is trained (begin_training at train.py:5) but no evaluation metric is "
                           "computed in 1 Python module: no sklearn.metrics, torchmetrics, evaluate or Keras "
                           "metrics=");
  CHECK(check_rule("mlops/model-registry", view).message.starts_with("models are saved (train.py:8)"));
  view.add("evaluate.py", "def evaluate(tp, fp, fn):\n    precision = tp / (tp + fp)\n    recall = tp / (tp + fn)\n"
                          "    f_score = 2 * precision * recall / (precision + recall)\n"
                          "    return precision, recall, f_score\n");
  finding = check_rule("rigor/metrics", view);
  CHECK(finding.message == "metrics beyond accuracy: precision at evaluate.py:2, recall at evaluate.py:3, "
                           "f_score at evaluate.py:4");
}

TEST_CASE("rigor/evaluation and mlops/model-registry: an import line is no evidence, an imported dump() is a save")
{
  MemoryView view;
  view.add("train.py", "import pandas as pd\nfrom joblib import dump\n"
                       "from sklearn.model_selection import train_test_split\n"
                       "from sklearn.linear_model import LogisticRegression\n\nframe = pd.read_csv('data/spam.csv')\n"
                       "x_train, x_rest, y_train, y_rest = train_test_split(frame.text, frame.label)\n"
                       "model = LogisticRegression().fit(x_train, y_train)\ndump(model, 'model/spam.joblib')\n");
  const std::string evaluation = check_rule("rigor/evaluation", view).message;
  CHECK(evaluation.starts_with("held-out evaluation: train_test_split at train.py:7"));
  CHECK(evaluation.find("train.py:3") == std::string::npos);
  CHECK(check_rule("mlops/model-registry", view).message.starts_with("models are saved (train.py:9)"));
}
