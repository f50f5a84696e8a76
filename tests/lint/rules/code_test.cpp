// The code/ rules written in C++: messages word for word, locations and details.
#include "lint/catalog.h"
#include "lint/rule_fixture.h"
#include "lint/runner.h"

#include <doctest/doctest.h>

using namespace mlfolio;
using namespace mlfolio::lint;
using mlfolio::test::check_rule;

TEST_CASE("code/type-hints: the share of annotated functions, details per module")
{
  MemoryView view;
  view.add("src/a/model.py", "def fit(x, y):\n    pass\ndef predict(x: int) -> int:\n    return x\n"
                             "def main():\n    pass\n");
  Finding finding = check_rule("code/type-hints", view);
  CHECK(finding.status == Status::skip);
  CHECK(finding.message == "only 2 functions with parameters or a return type outside tests; 5 are needed to "
                           "judge type hints");
  view.add("src/a/features.py", "class Scaler:\n    def __init__(self, k):\n        self.k = k\n"
                                "    def apply(self, x):\n        return x\n"
                                "def clean(frame):\n    return frame\n");
  finding = check_rule("code/type-hints", view);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message == "1 of 5 functions (20%) carry type annotations; at least 60% should");
  REQUIRE(finding.details.size() == 2);
  CHECK(finding.details[0].message ==
        "src/a/features.py: 3 functions without annotations (Scaler.__init__, Scaler.apply, clean)");
  CHECK(finding.details[0].locations ==
        std::vector<Location>{{"src/a/features.py", 2}, {"src/a/features.py", 4}, {"src/a/features.py", 6}});
  CHECK(finding.details[1].message == "src/a/model.py: 1 function without annotations (fit)");
  CHECK(finding.locations == std::vector<Location>{{"src/a/features.py", 2}, {"src/a/model.py", 1}});
  config::Config lenient;
  lenient.thresholds[config::Threshold::type_hint_share] = 0.2;
  finding = check_rule("code/type-hints", view, lenient);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message == "1 of 5 functions (20%) in 2 modules carry type annotations");
}

TEST_CASE("code/logging: logging anywhere passes, prints count only in library code")
{
  MemoryView view;
  CHECK(check_rule("code/logging", view).message == "no Python modules outside tests and notebooks");
  view.add("train.py", "def main():\n    print('a')\n    print('b')\n    print('c')\n\n"
                       "if __name__ == '__main__':\n    main()\n");
  Finding finding = check_rule("code/logging", view);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message ==
        "no logging library, but print() appears only in scripts and entry points (3 calls), "
        "where writing to the terminal is normal");
  view.add("src/a/data.py", "def load(p):\n    print('loading', p)\n    return p\n");
  finding = check_rule("code/logging", view);
  CHECK(finding.message ==
        "no logging library, and only 1 print() call in library code: too few to call for logging");
  view.add("src/a/model.py", "def fit(x):\n    print('fit')\n    print('done')\n");
  finding = check_rule("code/logging", view);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message ==
        "3 print() calls in 2 library modules and no logging, loguru or structlog anywhere "
        "outside tests");
  REQUIRE(finding.details.size() == 2);
  CHECK(finding.details[0].message == "src/a/data.py: 1 print() call");
  CHECK(finding.details[1].locations == std::vector<Location>{{"src/a/model.py", 2}, {"src/a/model.py", 3}});
  CHECK(finding.locations == std::vector<Location>{{"src/a/data.py", 2}, {"src/a/model.py", 2}});
  view.add("src/a/log.py", "import logging\nfrom loguru import logger\n");
  finding = check_rule("code/logging", view);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message == "logs with logging, loguru in 1 module (src/a/log.py)");
  CHECK(finding.locations == std::vector<Location>{{"src/a/log.py", 1}});
}

TEST_CASE("code/error-handling: clean-up while an error is handled may ignore its own failure")
{
  MemoryView view;
  const std::string cleanup = "async def stream(ws):\n    try:\n        await run(ws)\n"
                              "    except WebSocketDisconnect:\n        logger.info('gone')\n"
                              "    except Exception:\n        logger.exception('WebSocket error')\n"
                              "        try:\n            await ws.close(code=1011)\n"
                              "        except Exception:\n            pass\n"
                              "    finally:\n        try:\n            ws.release()\n"
                              "        except Exception:\n            pass\n";
  view.add("src/api/server.py", cleanup);
  CHECK(check_rule("code/error-handling", view).status == Status::pass);
  // The same clause after the handler, not inside it, swallows the next error.
  view.add("src/api/server.py", cleanup + "    try:\n        await ws.close()\n    except Exception:\n        pass\n");
  const Finding finding = check_rule("code/error-handling", view);
  CHECK(finding.status == Status::fail);
  REQUIRE(finding.details.size() == 1);
  CHECK(finding.details[0].message == "except Exception: pass at src/api/server.py:19 silently swallows every error");
}

TEST_CASE("code/error-handling: each bare or swallowing except is a detail")
{
  MemoryView view;
  view.add("src/a/io.py",
           "def read(p):\n    try:\n        return open(p).read()\n    except OSError:\n        pass\n");
  Finding finding = check_rule("code/error-handling", view);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message == "explicit error handling: 1 except clause naming what it catches in 1 module");
  view.add("src/a/api.py", "try:\n    import x\nexcept:\n    x = None\n"
                           "try:\n    go()\nexcept (ValueError, Exception):\n    pass\n"
                           "try:\n    go()\nexcept: pass\n");
  finding = check_rule("code/error-handling", view);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message == "3 except clauses hide errors (bare except: or except Exception: pass)");
  REQUIRE(finding.details.size() == 3);
  CHECK(finding.details[0].message ==
        "bare except: at src/a/api.py:3 catches everything, KeyboardInterrupt and "
        "SystemExit included");
  CHECK(finding.details[1].message ==
        "except ValueError: pass at src/a/api.py:7 silently swallows every error");
  CHECK(finding.details[2].message ==
        "bare except: pass at src/a/api.py:11 swallows every error, even Ctrl-C");
  CHECK(finding.locations ==
        std::vector<Location>{{"src/a/api.py", 3}, {"src/a/api.py", 7}, {"src/a/api.py", 11}});

  MemoryView reraise;
  reraise.add("setup.py", "if __name__ == \"__main__\":\n    try:\n        setup()\n    except:  # noqa\n"
                          "        print(\"upgrade setuptools\")\n        raise\n");
  reraise.add("src/a/io.py", "def save(p):\n    try:\n        write(p)\n    except:\n        cleanup(p)\n"
                             "        if p:\n            raise\n    x = 1\n    try:\n        go()\n"
                             "    except: raise\n");
  finding = check_rule("code/error-handling", reraise);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message ==
        "explicit error handling: 3 bare except: clauses that re-raise or exit and 3 raise "
        "statements in 2 modules");

  // except Exception is counted as such, and only the modules that handle errors are counted.
  MemoryView broad;
  broad.add("app/main.py", "def predict(x):\n    try:\n        return model(x)\n    except Exception as e:\n"
                           "        log(e)\n        return None\n");
  broad.add("app/io.py", "def read(p):\n    try:\n        return open(p).read()\n"
                         "    except FileNotFoundError:\n        return ''\n");
  broad.add("app/util.py", "def add(a, b):\n    return a + b\n");
  finding = check_rule("code/error-handling", broad);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message == "explicit error handling: 1 except clause naming what it catches and 1 except "
                           "Exception clause handling the error in 2 of 3 modules");

  MemoryView plain;
  std::string body;
  for (int i = 0; i < 310; ++i) {
    body += "x" + std::to_string(i) + " = " + std::to_string(i) + "\n";
  }
  plain.add("src/a/steps.py", body);
  finding = check_rule("code/error-handling", plain);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message == "no try/except, raise or input validation anywhere in 1 module (310 lines outside "
                           "tests): every failure surfaces as a raw traceback");
}

TEST_CASE("code/no-notebook-exports: cell markers, shell escapes, get_ipython without an import")
{
  MemoryView view;
  view.add("src/a/env.py",
           "from IPython import get_ipython\n\ndef inside():\n    return get_ipython() is not None\n");
  view.add("src/a/cells.py", "# %%\nimport pandas\n");
  Finding finding = check_rule("code/no-notebook-exports", view);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message == "no cell markers, get_ipython() calls or shell escapes in 2 Python files");
  view.add("eda.py", "# In[1]:\n\n\nimport pandas\n\n# In[2]:\n\nget_ipython().run_line_magic('matplotlib', "
                     "'inline')\n!pip install shap\n");
  finding = check_rule("code/no-notebook-exports", view);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message == "1 Python file is a raw notebook export: eda.py");
  REQUIRE(finding.details.size() == 1);
  CHECK(finding.details[0].message ==
        "eda.py is a notebook export: 2 cell markers like # In[1]:, get_ipython() "
        "(line 8), !pip install shap (line 9)");
  CHECK(finding.locations == std::vector<Location>{{"eda.py", 1}});
}

TEST_CASE("code/pinned-dependencies: lock files, includes, constraints, the best install source")
{
  MemoryView view;
  CHECK(check_rule("code/pinned-dependencies", view).message == "no runtime dependencies declared");
  view.add("requirements.txt", "-r base.txt\npandas\nfastapi==0.111.0\n-e .\n");
  view.add("base.txt", "numpy>=1.26\n");
  view.add("requirements-dev.txt", "pytest\n");
  Finding finding = check_rule("code/pinned-dependencies", view);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message ==
        "no lock file, and no install source pins 80% of its runtime requirements exactly (==): "
        "requirements.txt pins 1 of 3");
  REQUIRE(finding.details.size() == 1);
  CHECK(finding.details[0].message == "requirements.txt pins 1 of 3; not pinned: numpy>=1.26, pandas");
  CHECK(finding.details[0].locations == std::vector<Location>{{"base.txt", 1}, {"requirements.txt", 2}});
  view.add("environment.yml", "dependencies:\n  - python=3.11\n  - numpy=1.26.4\n  - pandas==2.2.2\n");
  finding = check_rule("code/pinned-dependencies", view);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message == "environment.yml pins 2 of 2 runtime requirements exactly");
  view.add("sub/poetry.lock", "");
  finding = check_rule("code/pinned-dependencies", view);
  CHECK(finding.message == "lock file sub/poetry.lock fixes every version");
  CHECK(finding.locations == std::vector<Location>{{"sub/poetry.lock", 0}});
}

TEST_CASE("code/config-management: the strongest signal is reported")
{
  MemoryView view;
  CHECK(check_rule("code/config-management", view).message == "no Python code or notebooks");
  view.add("src/a/train.py", "RATE = 0.1\n");
  Finding finding = check_rule("code/config-management", view);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message ==
        "no config file (configs/*.yaml, params.yaml, settings.toml, .env.example), no settings "
        "library (Hydra, OmegaConf, pydantic-settings, python-dotenv), no environment-variable "
        "reads and no command-line options in 1 Python module or notebook: the settings are "
        "hard-coded");
  view.add("src/a/config.py", "RATE = 0.1\n");
  CHECK(check_rule("code/config-management", view).message ==
        "settings are gathered in src/a/config.py; a YAML or TOML file, or environment variables, would take "
        "them "
        "out of the code");
  view.add("src/a/cli.py", "import argparse\n");
  // An import and nothing more declares no option.
  CHECK(check_rule("code/config-management", view)
            .message.starts_with("settings are gathered in src/a/config.py"));
  view.add("src/a/cli.py",
           "import argparse\n\nparser = argparse.ArgumentParser()\nparser.add_argument('--rate')\n");
  CHECK(
      check_rule("code/config-management", view).message ==
      "settings come from command-line options (argparse at src/a/cli.py:1); a config file would also record "
      "them next to the results");
  view.add("src/a/env.py", "import os\n\nURL = os.environ.get('URL')\n");
  CHECK(check_rule("code/config-management", view).message ==
        "settings come from environment variables (os.environ.get() at src/a/env.py:3)");
  view.add(".streamlit/config.toml", "[theme]\n");
  view.add("conf/base/parameters.yml", "seed: 1\n");
  finding = check_rule("code/config-management", view);
  CHECK(finding.message == "settings live in 1 config file: conf/base/parameters.yml");
  CHECK(finding.locations == std::vector<Location>{{"conf/base/parameters.yml", 0}});
  view.add("src/a/settings.py",
           "from pydantic_settings import BaseSettings\n\nclass S(BaseSettings):\n    pass\n");
  CHECK(check_rule("code/config-management", view).message ==
        "settings are read with pydantic-settings (src/a/settings.py:1)");
}

TEST_CASE("code/config-management: a notebook's evidence is the line of the .ipynb file")
{
  MemoryView view;
  view.add("notebooks/explore.ipynb", "{\n \"cells\": [\n  {\n   \"cell_type\": \"code\",\n   \"source\": [\n"
                                      "    \"import pandas as pd\\n\",\n    \"from omegaconf import OmegaConf\\n\",\n"
                                      "    \"config = OmegaConf.load('config.yaml')\"\n   ]\n  }\n ],\n \"nbformat\": 4\n}\n");
  const Finding finding = check_rule("code/config-management", view);
  CHECK(finding.message == "settings are read with OmegaConf (notebooks/explore.ipynb:7)");
}

TEST_CASE("code/config-management: which files are config files")
{
  // A config extension and a name, or a folder, that says settings; data and tool files are not.
  MemoryView view;
  view.add("src/train.py", "RATE = 0.1\n");
  for (const char* path : {"data/shard/item_001.yaml", "data/labels.json", "pyproject.toml", "mkdocs.yml",
                           ".github/workflows/config.yml", ".vscode/settings.json", "docker-compose.yml",
                           "notes/config.txt", ".config.yaml", "model_weights.json"}) {
    view.add(path, "a: 1\n");
  }
  CHECK(check_rule("code/config-management", view).status == Status::fail);
  for (const char* path : {"train_config.yaml", "models/model-params.JSON", "Hyperparameters.toml",
                           "cfg/run.ini", "x/settings/base.conf", ".env.example"}) {
    view.add(path, "a: 1\n");
  }
  CHECK(check_rule("code/config-management", view).message ==
        "settings live in 6 config files: .env.example, Hyperparameters.toml, cfg/run.ini and 3 more");
}

TEST_CASE("code/package: the project's own package is cited when there are several")
{
  MemoryView view;
  view.add("loadtest/__init__.py", "");
  view.add("loadtest/locustfile.py", "from locust import HttpUser\n");
  view.add("app/__init__.py", "");
  view.add("app/a.py", "A = 1\n");
  view.add("app/b.py", "B = 1\n");
  CHECK(check_rule("code/package", view).message == "importable package app/");
  view.add("src/sepsis/__init__.py", "");
  CHECK(check_rule("code/package", view).message == "importable package src/sepsis/");
}

namespace {

// A module of `count` small functions without error handling, for code/error-handling's tests.
std::string many_steps(int count)
{
  std::string body;
  for (int i = 0; i < count; ++i) {
    body += "def step_" + std::to_string(i) + "(x):\n    return x + " + std::to_string(i) + "\n\n";
  }
  return body;
}

} // namespace

TEST_CASE("code/error-handling: a pydantic model another module uses counts, Django's migrations do not")
{
  MemoryView view;
  view.add("src/pipeline.py", many_steps(200));
  view.add("src/schemas.py", "from pydantic import BaseModel\n\nclass Features(BaseModel):\n    tenure: int\n");
  view.add("web/migrations/0001_initial.py",
           "from django.db import migrations\n\ntry:\n    import x\nexcept ImportError:\n    raise\n");
  CHECK(check_rule("code/error-handling", view).status == Status::fail);
  view.add("src/api.py", "from src.schemas import Features\n\ndef predict(features: Features):\n    return 1\n");
  CHECK(check_rule("code/error-handling", view).status == Status::pass);
}

TEST_CASE("code/error-handling: Django's generated wsgi.py and asgi.py are left out, a Flask wsgi.py is not")
{
  MemoryView view;
  view.add("src/pipeline.py", many_steps(200));
  const auto generated = [](std::string_view kind) {
    return "import os\n\nfrom django.core." + std::string(kind) + " import get_" + std::string(kind) +
           "_application\n\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site.settings')\n"
           "try:\n    application = get_" +
           std::string(kind) + "_application()\nexcept ImportError:\n    raise\n";
  };
  view.add("site/wsgi.py", generated("wsgi"));
  view.add("site/asgi.py", generated("asgi"));
  CHECK(check_rule("code/error-handling", view).status == Status::fail);
  view.add("web/wsgi.py", "from flask import Flask\n\ntry:\n    app = Flask(__name__)\nexcept ImportError:\n"
                          "    raise\n");
  CHECK(check_rule("code/error-handling", view).status == Status::pass);
}
