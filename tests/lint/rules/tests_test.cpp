// The tests/ rules: messages word for word and locations.
#include "lint/catalog.h"
#include "lint/rule_fixture.h"
#include "lint/runner.h"

#include <doctest/doctest.h>

using namespace mlfolio;
using namespace mlfolio::lint;
using mlfolio::test::check_rule;

TEST_CASE("tests/present and tests/ml-code: tests named as the project's pytest configuration says")
{
  MemoryView view;
  view.add("experiments/experiments/services/seeds.py", "def generate_seed():\n    return 4\n");
  view.add("experiments/tests/unit/test_seeds.py",
           "from experiments.services.seeds import generate_seed\n\nclass DescribeGenerateSeed:\n"
           "    def it_returns_an_integer(self):\n        assert isinstance(generate_seed(), int)\n"
           "    def it_is_stable(self):\n        assert generate_seed() == generate_seed()\n"
           "    def should_be_positive(self):\n        assert generate_seed() > 0\n");
  CHECK(check_rule("tests/present", view).status == Status::fail);
  CHECK(check_rule("tests/ml-code", view).status == Status::skip);
  view.add("experiments/pyproject.toml", "[tool.pytest.ini_options]\npython_classes = [\"Test*\", \"Describe*\"]\n"
                                         "python_functions = [\"test_*\", \"it_*\", \"should_*\"]\n");
  const Finding finding = check_rule("tests/present", view);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message == "3 test functions in 1 file: experiments/tests/unit/test_seeds.py");
  CHECK(check_rule("tests/ml-code", view).status == Status::pass);
  // A class the configuration does not name holds no tests, whatever its methods are called.
  view.add("experiments/pyproject.toml", "[tool.pytest.ini_options]\npython_functions = [\"it_*\", \"should_*\"]\n");
  CHECK(check_rule("tests/present", view).status == Status::fail);
}

TEST_CASE("tests/present: real tests counted, placeholders named")
{
  MemoryView view;
  CHECK(check_rule("tests/present", view).message == "no Python code to test");
  view.add("src/a/model.py", "def fit(x):\n    return x\n");
  CHECK(check_rule("tests/present", view).message == "no test files (test_*.py, *_test.py or a tests/ folder)");
  view.add("tests/conftest.py", "def test_not_collected(x):\n    assert x\n");
  view.add("tests/test_a.py",
           "def test_placeholder():\n    assert True\n\ndef test_fit(frame):\n    assert fit(frame)\n");
  Finding finding = check_rule("tests/present", view);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message ==
        "only 1 real test function; at least 3 are needed (1 test only passes or asserts a "
        "constant: tests/test_a.py:1)");
  CHECK(finding.locations == std::vector<Location>{{"tests/test_a.py", 0}, {"tests/test_a.py", 1}});
  view.add("app/tests.py", "from django.test import TestCase\n\nclass T(TestCase):\n"
                           "    def test_one(self):\n        self.assertTrue(fit(1))\n"
                           "    def test_two(self):\n        self.assertTrue(fit(2))\n");
  finding = check_rule("tests/present", view);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message == "3 test functions in 2 files: app/tests.py, tests/test_a.py");
  CHECK(finding.locations == std::vector<Location>{{"app/tests.py", 0}, {"tests/test_a.py", 0}});

  // A test file copied to a second place tests the same things once.
  MemoryView copied;
  const std::string tests = "def test_fit():\n    assert fit(1)\n\ndef test_fit_twice():\n    assert fit(2)\n";
  copied.add("src/a/model.py", "def fit(x):\n    return x\n");
  copied.add("tests/test_a.py", tests);
  copied.add("app/tests/test_a.py", tests);
  finding = check_rule("tests/present", copied);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message == "only 2 real test functions; at least 3 are needed (not counted again: "
                           "tests/test_a.py copies app/tests/test_a.py)");
  copied.add("app/tests/test_a.py", tests + "\ndef test_fit_three():\n    assert fit(3)\n");
  CHECK(check_rule("tests/present", copied).message == "5 test functions in 2 files: app/tests/test_a.py, "
                                                       "tests/test_a.py");
}

TEST_CASE("tests/ml-code: imports of the project's modules, script runs, ML calls")
{
  MemoryView view;
  view.add("src/churn/__init__.py", "");
  view.add("src/churn/model.py", "def train(x):\n    return x\n");
  CHECK(check_rule("tests/ml-code", view).message == "no tests (see tests/present)");
  view.add("src/test_db.py", "from churn.model import train\n\nprint(train(1))\n");
  Finding script = check_rule("tests/ml-code", view);
  CHECK(script.status == Status::skip);
  CHECK(script.message == "no test functions in 1 test file (see tests/present)");
  // From here on the script stays beside real tests and is no evidence.
  view.add("tests/test_misc.py", "import os\n\ndef test_join():\n    assert os.path.join('a', 'b')\n");
  Finding finding = check_rule("tests/ml-code", view);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message ==
        "no test imports the project's modules (churn, model, src) or calls training, feature or "
        "prediction code; looked in 1 test file: tests/test_misc.py");
  CHECK(finding.locations == std::vector<Location>{{"tests/test_misc.py", 0}});
  // A test that only checks the script is there runs nothing of it.
  view.add("tests/test_cli.py", "import pathlib\n\ndef test_files():\n"
                                "    assert pathlib.Path('src/churn/model.py').exists()\n");
  CHECK(check_rule("tests/ml-code", view).status == Status::fail);
  view.add("tests/test_cli.py", "import subprocess\n\ndef test_runs():\n"
                                "    subprocess.run('python src/churn/model.py --fast', shell=True)\n");
  finding = check_rule("tests/ml-code", view);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message == "tests exercise the project's code: src/churn/model.py at tests/test_cli.py:4");
  view.add("tests/test_model.py",
           "from churn.model import train\n\ndef test_train():\n    assert train(1)\n");
  finding = check_rule("tests/ml-code", view);
  CHECK(finding.message == "1 test file imports the project's own code: churn.model in tests/test_model.py");
  CHECK(finding.locations == std::vector<Location>{{"tests/test_model.py", 1}});
}

TEST_CASE("tests/api: test clients and requests against routes")
{
  MemoryView view;
  view.add("tests/test_a.py", "def test_a(x):\n    assert x\n");
  CHECK(check_rule("tests/api", view).message ==
        "no HTTP API in the code (no FastAPI, Flask or other web framework, no routes)");
  view.add("app/main.py",
           "from fastapi import FastAPI\n\napp = FastAPI()\n\n@app.post('/predict')\ndef predict():\n"
           "    return {}\n");
  view.add("tests/test_cache.py", "def test_cache(redis_client):\n    assert redis_client.get('key')\n");
  Finding finding = check_rule("tests/api", view);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message == "no test calls the HTTP API (FastAPI at app/main.py:1; routes POST /predict): no "
                           "TestClient, test_client(), httpx or requests call in 2 test files");
  CHECK(finding.locations == std::vector<Location>{{"tests/test_a.py", 0}, {"tests/test_cache.py", 0}});
  view.add("tests/test_api.py",
           "def test_predict(client):\n    assert client.post('/predict', json={}).ok\n");
  finding = check_rule("tests/api", view);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message == "tests call the HTTP API: client.post() in tests/test_api.py");
  CHECK(finding.locations == std::vector<Location>{{"tests/test_api.py", 2}});

  MemoryView untested;
  untested.add("app/main.py", "from flask import Flask\n");
  CHECK(check_rule("tests/api", untested).message == "the HTTP API (Flask at app/main.py:1) has no tests at all");
}
