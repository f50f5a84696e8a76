// The messages of the mlops rule bodies, word for word.
#include "lint/analyze/notebook.h"
#include "lint/catalog.h"
#include "lint/rule_fixture.h"
#include "lint/runner.h"

#include <doctest/doctest.h>
#include <memory>

using namespace mlfolio;
using namespace mlfolio::lint;
using mlfolio::test::check_rule;

TEST_CASE("mlops/serving: prediction routes, apps, serving images, and routes that do not predict")
{
  MemoryView view;
  view.add("src/churn/train.py", "def train():\n    pass\n");
  Finding finding = check_rule("mlops/serving", view);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message ==
        "no serving code in 1 Python module: no web API (FastAPI, Flask, BentoML, ...), no app "
        "(Gradio, Streamlit) and no serving image");

  view.add("web/app.py", "from flask import Flask\napp = Flask(__name__)\n\n@app.route('/')\ndef index():\n"
                         "    return 'hi'\n\n@app.get('/about')\ndef about():\n    return 'about'\n");
  finding = check_rule("mlops/serving", view);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message ==
        "the HTTP API has no prediction route: it declares GET / (web/app.py:4), GET /about "
        "(web/app.py:8), none named predict, inference or score, and the project has no model to serve (no ML "
        "library, no model loaded or called)");
  CHECK(finding.locations == std::vector<Location>{{"web/app.py", 4}, {"web/app.py", 8}});
  // A POST route of a project without a model receives something else.
  view.add("web/alerts.py", "from fastapi import FastAPI\napp = FastAPI()\n\n@app.post('/alert')\n"
                            "def alert(payload: dict):\n    return {'received': len(payload)}\n");
  CHECK(check_rule("mlops/serving", view).status == Status::fail);
  view.add("src/churn/train.py", "from sklearn.linear_model import LogisticRegression\n");
  CHECK(check_rule("mlops/serving", view).message == "FastAPI route POST /alert in web/alerts.py:4");
  view.add("src/churn/train.py", "def train():\n    pass\n");
  // A model loaded from a file, in a module of its own or through a method, is a model to serve.
  view.add("src/churn/load.py", "import joblib\n\ndef load(path):\n    return joblib.load(path)\n");
  CHECK(check_rule("mlops/serving", view).message == "FastAPI route POST /alert in web/alerts.py:4");
  view.add("src/churn/load.py", "def load(tokenizer, name):\n    return tokenizer.from_pretrained(name)\n");
  CHECK(check_rule("mlops/serving", view).status == Status::pass);
  // So is a client of a model hosted elsewhere.
  view.add("src/churn/load.py", "from openai import OpenAI\n\nCLIENT = OpenAI()\n");
  CHECK(check_rule("mlops/serving", view).status == Status::pass);
  // Loading a configuration or a page is not.
  view.add("src/churn/load.py", "import json\n\ndef load(path):\n    return json.load(open(path))\n");
  CHECK(check_rule("mlops/serving", view).status == Status::fail);
  view.add("src/churn/load.py", "X = 1\n");
  view.add("web/alerts.py", "THRESHOLD = 1\n");
  finding = check_rule("mlops/serving", view);
  CHECK(finding.message ==
        "the HTTP API has no prediction route: it declares GET / (web/app.py:4), GET /about "
        "(web/app.py:8), none named predict, inference or score, and the project has no model to serve (no ML "
        "library, no model loaded or called)");
  view.add("src/churn/train.py", "from sklearn.linear_model import LogisticRegression\n");
  CHECK(check_rule("mlops/serving", view).message ==
        "the HTTP API has no prediction route: it declares GET / (web/app.py:4), GET /about "
        "(web/app.py:8), but no POST route, none named predict, inference or score, and no model "
        "call beside them");
  view.add("src/churn/train.py", "def train():\n    pass\n");

  view.add("Dockerfile", "FROM tensorflow/serving:2.15.0\n");
  CHECK(check_rule("mlops/serving", view).message == "TensorFlow Serving image in Dockerfile:1");
  view.add("ui/app.py", "import gradio as gr\n");
  CHECK(check_rule("mlops/serving", view).message == "Gradio app in ui/app.py:1");
  view.add("web/api.py", "from fastapi import FastAPI\napp = FastAPI()\n\n@app.get('/v1/score/{item}')\n"
                         "def score(item: str):\n    return {}\n");
  finding = check_rule("mlops/serving", view);
  CHECK(finding.message == "FastAPI route GET /v1/score/{item} in web/api.py:4");
  CHECK(finding.locations == std::vector<Location>{{"web/api.py", 4}});
}

TEST_CASE("mlops/serving: a framework imported without routes")
{
  MemoryView view;
  view.add("api/errors.py", "from fastapi import HTTPException\n");
  Finding finding = check_rule("mlops/serving", view);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message == "FastAPI is imported in api/errors.py:1 but no route is declared");
  view.add("site/views.py", "from django.http import JsonResponse\n");
  finding = check_rule("mlops/serving", view);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message == "Django app in site/views.py:1 (routes declared outside decorators)");
}

TEST_CASE("mlops/health-endpoint: a probe's handler served at another path, named for what it does")
{
  MemoryView view;
  const std::string header = "from fastapi import FastAPI\napp = FastAPI()\n\n";
  view.add("api.py", header + "@app.get('/')\ndef home():\n    return {}\n\n@app.post('/records')\n"
                              "def update_health():\n    return {}\n\n@app.get('/users/{user_id}')\n"
                              "def user_health(user_id: int):\n    return {}\n");
  CHECK(check_rule("mlops/health-endpoint", view).status == Status::fail); // POST, or a path parameter
  view.add("api.py", header + "@app.get('/')\ndef health_check():\n    return {'status': 'ok'}\n");
  const Finding finding = check_rule("mlops/health-endpoint", view);
  CHECK(finding.message == "health route / (health_check()) in api.py:4");
  CHECK(finding.locations == std::vector<Location>{{"api.py", 4}});
  view.add("api.py", header + "@app.get('/')\ndef ping():\n    return 'pong'\n");
  CHECK(check_rule("mlops/health-endpoint", view).message == "health route / (ping()) in api.py:4");
}

TEST_CASE("mlops/health-endpoint: a route below a router's prefix")
{
  MemoryView view;
  view.add("app/main.py", "from fastapi import FastAPI\nfrom app.routers import status\napp = FastAPI()\n"
                          "app.include_router(status.router)\n");
  view.add("app/routers/status.py", "from fastapi import APIRouter\n"
                                    "router = APIRouter(prefix='/models', tags=['models'])\n\n"
                                    "@router.get('/')\ndef list_models():\n    return []\n");
  Finding finding = check_rule("mlops/health-endpoint", view);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message.find("/models/") != std::string::npos);
  view.add("app/routers/status.py", "from fastapi import APIRouter\n"
                                    "router = APIRouter(prefix='/healthz', tags=['ops'])\n\n"
                                    "@router.get('')\ndef report():\n    return {'db': db.ping()}\n");
  finding = check_rule("mlops/health-endpoint", view);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message == "health route /healthz in app/routers/status.py:4");
}

TEST_CASE("mlops/health-endpoint: a root route that answers with its state, not a welcome")
{
  MemoryView view;
  const std::string header = "from fastapi import FastAPI\napp = FastAPI()\n\n";
  const std::string predict = "\n@app.post('/predict')\ndef predict(x: dict):\n    return {'status': 'ok'}\n";
  view.add("main.py", header + "@app.get('/')\ndef read_root():\n" +
                          "    return {'message': 'Welcome to the Credit Risk API!'}\n" + predict);
  CHECK(check_rule("mlops/health-endpoint", view).status == Status::fail); // a welcome; a POST's status
  // The docstring says what the route is for; the welcome is what it answers.
  view.add("main.py", header +
                          "@app.get('/')\ndef read_root():\n    \"\"\"Check the API is running.\"\"\"\n" +
                          "    return {'message': 'Welcome to the Credit Risk API!'}\n" + predict);
  CHECK(check_rule("mlops/health-endpoint", view).status == Status::fail);
  view.add("main.py", header + "TITLE = 'Credit Risk API'\n@app.get('/')\ndef read_root():\n" +
                          "    return {'message': f'{TITLE} is running!'}\n" + predict);
  CHECK(check_rule("mlops/health-endpoint", view).status == Status::pass);
  view.add("main.py", header + "@app.post('/')\ndef root():\n    return {'status': 'ok'}\n");
  CHECK(check_rule("mlops/health-endpoint", view).status == Status::fail); // a probe GETs
  view.add("main.py", header + "@app.get('/')\nasync def root():\n\n    return {\"status\": \"Healthy\", "
                               "\"service\": \"Weather API\"}\n" + predict);
  Finding finding = check_rule("mlops/health-endpoint", view);
  CHECK(finding.message == "health route / (root() answers \"status\": \"Healthy\") in main.py:4");
  CHECK(finding.locations == std::vector<Location>{{"main.py", 4}});
  view.add("main.py", header + "@app.get('/')\ndef index():\n    return {'details': 'ready'}\n");
  CHECK(check_rule("mlops/health-endpoint", view).message == "health route / (index() answers \"ready\") in main.py:4");
  view.add("main.py", header + "@app.get('/')\ndef index():\n    return {'details': 'ok'}\n"); // ok, of what?
  CHECK(check_rule("mlops/health-endpoint", view).status == Status::fail);
  // A docstring that calls the root the health check, when what it answers names no state.
  view.add("main.py", header +
                          "@app.get('/')\ndef root():\n    \"\"\"Health Check.\n\n    Answers 200.\"\"\"\n" +
                          "    return {'message': HTTPStatus.OK.phrase}\n");
  CHECK(check_rule("mlops/health-endpoint", view).message ==
        "health route / (root() is documented as \"Health Check.\") in main.py:4");
}

TEST_CASE("mlops/health-endpoint: the route the Dockerfile's HEALTHCHECK requests")
{
  MemoryView view;
  view.add("src/api/main.py",
           "from fastapi import FastAPI\napp = FastAPI()\n\n@app.post('/predict')\ndef predict():\n"
           "    return {}\n\n@app.get('/info')\ndef info():\n    return {'model_loaded': True}\n");
  view.add("Dockerfile",
           "FROM python:3.12-slim\nHEALTHCHECK --interval=30s CMD curl -f http://localhost:7860/info || "
           "exit 1\nCMD [\"uvicorn\", \"src.api.main:app\"]\n");
  Finding finding = check_rule("mlops/health-endpoint", view);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message == "route /info in src/api/main.py:8 is what the HEALTHCHECK of Dockerfile:2 probes");
  CHECK(finding.locations == std::vector<Location>{{"src/api/main.py", 8}, {"Dockerfile", 2}});
  // A HEALTHCHECK of a path the API does not serve proves nothing.
  view.add("Dockerfile",
           "FROM python:3.12-slim\nHEALTHCHECK CMD curl -f http://localhost:7860/status || exit 1\n");
  CHECK(check_rule("mlops/health-endpoint", view).status == Status::fail);
}

TEST_CASE("mlops/health-endpoint: skip, built-in routes, literal routes, failure")
{
  MemoryView view;
  view.add("app.py", "import streamlit as st\n");
  CHECK(check_rule("mlops/health-endpoint", view).message ==
        "no HTTP API: no web framework is imported and no route is declared");
  view.add("api.py", "from fastapi import FastAPI\napp = FastAPI()\n\n@app.post('/predict')\ndef p():\n"
                     "    return {}\n\n@app.get('/')\ndef root():\n    return {}\n");
  Finding finding = check_rule("mlops/health-endpoint", view);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message == "no health or readiness route (/health, /healthz, /ready, /ping) among the 2 "
                           "route paths of the API: /, "
                           "/predict (api.py:4)");
  CHECK(finding.locations == std::vector<Location>{{"api.py", 4}, {"api.py", 8}});
  view.add("serve.py", "import bentoml\n");
  CHECK(check_rule("mlops/health-endpoint", view).message ==
        "BentoML (serve.py:1) serves /healthz, /livez and /readyz itself");
  view.add("probe.py", "from fastapi import FastAPI\napp = FastAPI()\n\n@app.get('/healthz/')\ndef h():\n"
                       "    return {}\n");
  finding = check_rule("mlops/health-endpoint", view);
  CHECK(finding.message == "health route /healthz/ in probe.py:4");
  CHECK(finding.locations == std::vector<Location>{{"probe.py", 4}});

  MemoryView starlette;
  starlette.add("server.py",
                "from starlette.applications import Starlette\nfrom starlette.routing import Route\n"
                "app = Starlette(routes=[Route('/health', health)])\n");
  CHECK(check_rule("mlops/health-endpoint", starlette).message == "health route declared in server.py:3");
  MemoryView bare;
  bare.add("server.py", "from flask import Flask\napp = Flask(__name__)\n");
  const Finding unreadable = check_rule("mlops/health-endpoint", bare);
  CHECK(unreadable.status == Status::skip);
  CHECK(unreadable.message ==
        "Flask is imported (server.py:1) but no route is declared where mlfolio can read it");

  // Modal runs its web endpoints serverless; nothing probes them.
  MemoryView modal;
  modal.add("main.py", "import modal\n\n@modal.fastapi_endpoint(method='POST')\ndef inference(request):\n"
                       "    return {}\n");
  CHECK(check_rule("mlops/health-endpoint", modal).message ==
        "the API is Modal web endpoints (main.py:3), which Modal runs serverless: nothing of the project "
        "probes them");

  // Django's routes are in its URLconf.
  MemoryView django;
  django.add("site/urls.py", "from django.urls import path\nfrom predictor import views\n\nurlpatterns = [\n"
                             "    path('', views.home),\n    path('predict/', views.predict),\n]\n");
  finding = check_rule("mlops/health-endpoint", django);
  CHECK(finding.message == "no health or readiness route (/health, /healthz, /ready, /ping) among the 2 "
                           "route paths of the API: /, /predict/ (site/urls.py:5)");
  django.add("predictor/train.py", "from sklearn.linear_model import LogisticRegression\n");
  CHECK(check_rule("mlops/serving", django).message == "Django route /predict/ in site/urls.py:6");
}

TEST_CASE("mlops/dockerfile: a Dockerfile without FROM, empty, or several of them, builds no image")
{
  MemoryView view;
  view.add("docker/Dockerfile", "# Dockerfile for the API.\n# Written in phase 5.\n");
  Finding finding = check_rule("mlops/dockerfile", view);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message == "docker/Dockerfile holds no instructions: it builds no image");
  CHECK(finding.locations == std::vector<Location>{{"docker/Dockerfile", 1}});
  view.add("Dockerfile.api", "COPY . /app\n");
  finding = check_rule("mlops/dockerfile", view);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message == "none of the 2 Dockerfiles (Dockerfile.api, docker/Dockerfile) has a FROM "
                           "instruction: they build no image");
  view.add("Dockerfile", "FROM python:3.12-slim\n");
  finding = check_rule("mlops/dockerfile", view);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message == "found Dockerfile");
}

TEST_CASE("mlops/dockerfile-practices: each problem is one detail with its line")
{
  MemoryView view;
  CHECK(check_rule("mlops/dockerfile-practices", view).message == "no Dockerfile");
  view.add("Dockerfile", "FROM python:latest AS base\n"
                         "ARG WANDB_API_KEY=abc123\n"
                         "ENV TOKENIZERS_PARALLELISM=false \\\n    HF_TOKEN=${HF_TOKEN}\n"
                         "ADD requirements.txt /app/\n"
                         "RUN pip install -r /app/requirements.txt && pip install --upgrade pip\n"
                         "FROM base\n"
                         "CMD python -m churn.api\n");
  Finding finding = check_rule("mlops/dockerfile-practices", view);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message == "7 container practices not followed in Dockerfile");
  std::vector<std::string> messages;
  for (const auto& detail : finding.details) {
    messages.push_back(detail.message);
  }
  CHECK(messages ==
        std::vector<std::string>{
            "base image python:latest is not pinned to a version (Dockerfile:1)",
            "the image runs as root: the final stage (Dockerfile:7) never switches to a non-root USER",
            "pip install keeps its download cache in the image, without --no-cache-dir (Dockerfile:6)",
            "CMD python -m churn.api is in shell form, so the process does not receive stop signals "
            "(Dockerfile:8)",
            "no .dockerignore beside Dockerfile or at the root, so .git, data and virtualenvs go into the "
            "build "
            "context",
            "ARG WANDB_API_KEY is set to a literal value, stored in the image and the repository "
            "(Dockerfile:2)",
            "ADD requirements.txt /app/ copies local files; COPY does it without ADD's unpacking and "
            "downloading "
            "(Dockerfile:5)",
        });
  CHECK(finding.details[0].locations == std::vector<Location>{{"Dockerfile", 1}});
  CHECK(finding.details.size() == 7);
}

TEST_CASE("mlops/dockerfile-practices: a clean multi-stage build passes")
{
  MemoryView view;
  view.add("services/api/.dockerignore", ".git\n");
  view.add("services/api/Dockerfile", "FROM python:3.12-slim AS build\nRUN pip install -r requirements.txt\n"
                                      "FROM python:3.12-slim\nCOPY --from=build /usr/local /usr/local\n"
                                      "USER 1000:1000\nENTRYPOINT [\"python\", \"-m\", \"api\"]\n");
  const Finding finding = check_rule("mlops/dockerfile-practices", view);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message ==
        "services/api/Dockerfile: pinned base images, a non-root user, no pip cache, exec-form "
        "commands, a .dockerignore, no secrets in ENV or ARG, COPY for local files");
  CHECK(finding.locations == std::vector<Location>{{"services/api/Dockerfile", 0}});
}

TEST_CASE("mlops/serving and mlops/health-endpoint: Flask-RESTX resources and the namespaces they are mounted at")
{
  MemoryView view;
  view.add("app/models/model.py", "from transformers import AutoModelForSequenceClassification\n"
                                  "model = AutoModelForSequenceClassification.from_pretrained('x')\n");
  view.add("app/routes/__init__.py", "from flask_restx import Api\n\ndef register(api):\n"
                                     "    api.add_namespace(ping_api, path='/ping')\n"
                                     "    api.add_namespace(sentiment_api, path='/sentiment')\n");
  view.add("app/routes/sentiment_routes.py",
           "from flask_restx import Namespace, Resource\napi = Namespace('sentiment')\n\n"
           "@api.route('/analyze')\nclass SentimentAnalyze(Resource):\n    def post(self):\n"
           "        return service.analyze(request.json['text'])\n");
  CHECK(check_rule("mlops/serving", view).message == "route POST /analyze in app/routes/sentiment_routes.py:4");
  CHECK(check_rule("mlops/health-endpoint", view).message == "health route /ping in app/routes/__init__.py:4");
}

TEST_CASE("mlops/dockerfile-practices: an image built on the project's own image inherits its USER")
{
  MemoryView view;
  view.add(".dockerignore", ".git\n");
  view.add("Dockerfile", "FROM python:3.12-slim\nRUN useradd -u 10001 appuser\nUSER appuser\n"
                         "CMD [\"python\", \"-m\", \"pipeline\"]\n");
  const std::string mlflow = "# docker build -t ml-pipeline:local .   # base first\n"
                             "ARG BASE_IMAGE=ml-pipeline:local\nFROM ${BASE_IMAGE} AS runtime\n"
                             "CMD [\"mlflow\", \"server\"]\n";
  view.add("docker/mlflow/Dockerfile", mlflow);
  CHECK(check_rule("mlops/dockerfile-practices", view).status == Status::pass);

  // Without the build command, ml-pipeline could be any image: its user is unknown.
  view.add("docker/mlflow/Dockerfile", mlflow.substr(mlflow.find('\n') + 1));
  Finding finding = check_rule("mlops/dockerfile-practices", view);
  CHECK(finding.status == Status::fail);
  REQUIRE(finding.details.size() == 1);
  CHECK(finding.details[0].message == "the image runs as root: the final stage (docker/mlflow/Dockerfile:2) never "
                                      "switches to a non-root USER");
  // The command in a workflow, with -f: the image it builds runs as root.
  view.add(".github/workflows/ci.yml", "jobs:\n  build:\n    steps:\n      - run: docker build -f "
                                       "docker/base.Dockerfile -t ml-pipeline:ci .\n");
  view.add("docker/base.Dockerfile", "FROM python:3.12-slim\nCMD [\"python\"]\n");
  finding = check_rule("mlops/dockerfile-practices", view);
  CHECK(finding.status == Status::fail);
  CHECK(finding.details.size() == 2); // the base runs as root, and so does the image on it
  view.add("docker/base.Dockerfile", "FROM python:3.12-slim\nUSER 1000\nCMD [\"python\"]\n");
  CHECK(check_rule("mlops/dockerfile-practices", view).status == Status::pass);
}

TEST_CASE("mlops/experiment-tracking: libraries, report_to, DVC, TensorBoard, own run log")
{
  MemoryView view;
  view.add("train.py", "def train():\n    print(1)\n");
  view.add("eda.ipynb", "{\"cells\": []}");
  CHECK(check_rule("mlops/experiment-tracking", view).message ==
        "no ML library (scikit-learn, PyTorch, TensorFlow, XGBoost, ...) is imported in 1 Python module and 1 "
        "notebook"); // skipped: nothing is trained
  view.add("train.py", "from sklearn.svm import SVC\n\ndef train(x, y):\n    return SVC().fit(x, y)\n");
  CHECK(check_rule("mlops/experiment-tracking", view).message ==
        "no experiment tracking in 1 Python module and 1 notebook: no MLflow, Weights & Biases, Neptune, "
        "Comet, "
        "ClearML, Aim, DVCLive or TensorBoard, and no dvc.yaml metrics");
  view.add("src/tracking.py", "class LocalTracker:\n    def log_params(self, p):\n        pass\n\n"
                              "    def log_metrics(self, m):\n        pass\n");
  CHECK(check_rule("mlops/experiment-tracking", view).message ==
        "runs recorded by its own run log (log_params and log_metrics) (src/tracking.py:2)");
  view.add("src/board.py", "from torch.utils.tensorboard import SummaryWriter\n");
  CHECK(check_rule("mlops/experiment-tracking", view).message ==
        "training curves logged with TensorBoard (src/board.py:1); parameters are only kept when logged with "
        "add_hparams");
  view.add("dvc.yaml", "stages:\n  train:\n    cmd: python train.py\n    plots:\n      - plots/loss.csv\n");
  CHECK(check_rule("mlops/experiment-tracking", view).message ==
        "experiments tracked with DVC experiments (metrics in dvc.yaml) in dvc.yaml");
  view.add("src/hf.py", "import transformers\nargs = transformers.TrainingArguments(report_to='wandb')\n");
  CHECK(check_rule("mlops/experiment-tracking", view).message ==
        "experiments tracked with Weights & Biases through report_to=\"wandb\" (src/hf.py:2)");
  view.add("src/tracker.py", "def tracker():\n    import mlflow\n    return mlflow\n");
  view.add("src/lit.py", "from lightning.pytorch.loggers import WandbLogger\n");
  const Finding finding = check_rule("mlops/experiment-tracking", view);
  CHECK(finding.message ==
        "experiments tracked with Weights & Biases (src/lit.py:1), MLflow (src/tracker.py:2)");
  CHECK(finding.locations == std::vector<Location>{{"src/lit.py", 1}, {"src/tracker.py", 2}});
  // Where the runs are logged, not a script that only imports the tracker to open its UI.
  view.add("src/train.py", "import mlflow\n\ndef train(params):\n    with mlflow.start_run():\n"
                           "        mlflow.log_params(params)\n");
  CHECK(check_rule("mlops/experiment-tracking", view).message ==
        "experiments tracked with Weights & Biases (src/lit.py:1), MLflow (src/train.py:4)");
}

TEST_CASE("mlops/ci-runs-tests: runners, task targets, installs that are not runs")
{
  MemoryView view;
  CHECK(check_rule("mlops/ci-runs-tests", view).message == "no CI workflow");
  view.add(".github/workflows/ci.yml", "on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n"
                                       "      - run: pip install pytest ruff\n      - run: ruff check .\n"
                                       "      - run: make ci\n");
  Finding finding = check_rule("mlops/ci-runs-tests", view);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message ==
        "no CI job runs the tests: .github/workflows/ci.yml runs pip install pytest ruff, ruff "
        "check ., make ci (looked for pytest, python -m unittest, tox, nox, make test and the "
        "like)");
  CHECK(finding.locations == std::vector<Location>{{".github/workflows/ci.yml", 0}});
  // The message quotes commands in their order, not a script's assignments, shell syntax or echoes.
  MemoryView script;
  script.add(".github/workflows/deploy.yml",
             "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n"
             "      - run: |\n          ATTEMPT=1\n          if [ \"$ATTEMPT\" -gt 0 ]; then\n"
             "            echo \"retrying\"\n          fi\n          aws ecs update-service --force\n");
  CHECK(check_rule("mlops/ci-runs-tests", script).message ==
        "no CI job runs the tests: .github/workflows/deploy.yml runs aws ecs update-service --force (looked "
        "for "
        "pytest, python -m unittest, tox, nox, make test and the like)");
  // A long command is cut at a word, and says so.
  MemoryView long_run;
  long_run.add(".github/workflows/run.yml", "on: push\njobs:\n  run:\n    runs-on: ubuntu-latest\n    steps:\n"
                                            "      - run: poetry run python pipeline/model_pipeline/run_pipeline.py "
                                            "--config configs/prod.yaml\n");
  CHECK(check_rule("mlops/ci-runs-tests", long_run).message ==
        "no CI job runs the tests: .github/workflows/run.yml runs poetry run python "
        "pipeline/model_pipeline/run_pipeline.py... (looked for pytest, python -m unittest, tox, nox, make test "
        "and the like)");
  view.add("Makefile", "ci: lint unit\n\nlint:\n\truff check .\n\nunit:\n\t$(PYTHON) -m pytest -q\n");
  finding = check_rule("mlops/ci-runs-tests", view);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message == "job lint runs make ci (.github/workflows/ci.yml:8)");
  CHECK(finding.locations == std::vector<Location>{{".github/workflows/ci.yml", 8}});

  MemoryView gitlab;
  gitlab.add(".gitlab-ci.yml", "test:\n  script:\n    - poetry run python -m unittest discover\n");
  CHECK(check_rule("mlops/ci-runs-tests", gitlab).message ==
        "job test runs poetry run python -m unittest discover (.gitlab-ci.yml:3)");

  // Listing, counting or collecting the tests runs none of them.
  MemoryView listing;
  listing.add(".github/workflows/ci.yml", "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n"
                                          "      - run: find tests -name \"test_*.py\" | wc -l\n"
                                          "      - run: python -m pytest --collect-only -v\n");
  CHECK(check_rule("mlops/ci-runs-tests", listing).status == Status::fail);

  // A workflow started only by hand is cited after one that runs on pushes, and says so.
  MemoryView manual;
  const std::string job = "jobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest -q\n";
  manual.add(".github/workflows/a-old.yml", "on: workflow_dispatch\n" + job);
  CHECK(check_rule("mlops/ci-runs-tests", manual).message ==
        "job test runs pytest -q (.github/workflows/a-old.yml:6, in a workflow started only by hand)");
  manual.add(".github/workflows/b-ci.yml", "on: [push, pull_request]\n" + job);
  CHECK(check_rule("mlops/ci-runs-tests", manual).message == "job test runs pytest -q (.github/workflows/b-ci.yml:6)");
}

TEST_CASE("mlops/monitoring: libraries, own statistics, configuration")
{
  MemoryView view;
  view.add("src/app.py", "EPSILON = 1\n\ndef epsilon_greedy():\n    pass\n");
  CHECK(
      check_rule("mlops/monitoring", view).message ==
      "no monitoring or drift detection in 1 Python module: no Evidently, whylogs, Alibi Detect, NannyML or "
      "Prometheus metrics, no drift statistic (PSI, KS test) and no prometheus.yml");
  view.add("monitoring/prometheus.yml", "scrape_configs: []\n");
  CHECK(check_rule("mlops/monitoring", view).message ==
        "monitoring with a Prometheus configuration (monitoring/prometheus.yml)");
  view.add("src/drift.py", "import numpy as np\n\ndef calculatePSI(a, b):\n    return 0.0\n");
  // Importing a two-sample test is not using it for drift.
  view.add("src/metrics.py", "from prometheus_client import Counter\nfrom scipy.stats import ks_2samp\n");
  const Finding finding = check_rule("mlops/monitoring", view);
  CHECK(finding.message ==
        "monitoring with Prometheus metrics (src/metrics.py:1), its own drift statistic calculatePSI() "
        "(src/drift.py:3), a Prometheus configuration (monitoring/prometheus.yml)");
  CHECK(finding.locations.size() == 3);
}

TEST_CASE("mlops/monitoring: error and performance monitoring of a served API")
{
  MemoryView view;
  view.add("experiments/config/sentry.py", "import sentry_sdk\n\ndef init(dsn):\n    sentry_sdk.init(dsn=dsn)\n");
  CHECK(check_rule("mlops/monitoring", view).status == Status::fail); // a batch of experiments' crashes
  view.add("app/main.py", "import sentry_sdk\nfrom fastapi import FastAPI\n\nsentry_sdk.init(dsn=DSN)\n"
                          "app = FastAPI()\n\n@app.post('/predict')\ndef predict(x: dict):\n    return x\n");
  const Finding finding = check_rule("mlops/monitoring", view);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message == "monitoring with Sentry error monitoring (app/main.py:1)");
}

TEST_CASE("mlops/monitoring: a two-sample test is drift detection only where the code compares with a reference")
{
  const auto with_error_analysis = [] {
    auto view = std::make_unique<MemoryView>();
    view->add("src/error_analysis.py", "from scipy.stats import ks_2samp\n\n\ndef feature_distribution_shift(wrong, "
                                       "right):\n    return ks_2samp(wrong, right)\n");
    return view;
  };
  CHECK(check_rule("mlops/monitoring", *with_error_analysis()).status == Status::fail);
  const auto drift = with_error_analysis();
  drift->add("src/checks.py", "from scipy.stats import ks_2samp\n\n\ndef compare(reference, current):\n"
                              "    return ks_2samp(reference, current)\n");
  const Finding finding = check_rule("mlops/monitoring", *drift);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message == "monitoring with a drift statistic ks_2samp() (src/checks.py:5)");
  const auto by_path = with_error_analysis();
  by_path->add("src/monitoring/compare.py", "from scipy.stats import ks_2samp\n\n\ndef compare(a, b):\n"
                                            "    return ks_2samp(a, b)\n");
  CHECK(check_rule("mlops/monitoring", *by_path).message ==
        "monitoring with a drift statistic ks_2samp() (src/monitoring/compare.py:5)");
}

TEST_CASE("mlops/pipeline: a Makefile under another name, run with make -f")
{
  MemoryView view;
  view.add("src/train.py", "from sklearn.pipeline import Pipeline\n");
  view.add("Makefile.mak", "train:\n\t$(PYTHON) -m src.train --model $(model)\n\npredict-prod:\n\t$(PYTHON) -m "
                           "src.predict\n");
  CHECK(check_rule("mlops/pipeline", view).message == "Makefile.mak targets train, predict-prod");
  MemoryView mk;
  mk.add("src/train.py", "from sklearn.pipeline import Pipeline\n");
  mk.add("build/pipeline.mk", "data:\n\tpython -m src.data\ntrain: data\n\tpython -m src.train\n");
  CHECK(check_rule("mlops/pipeline", mk).message == "build/pipeline.mk targets data, train");
  // Building the model is training it; testing the API serves nothing, an evaluation test evaluates.
  MemoryView build;
  build.add("app/cnn/cnn_model.py", "import tensorflow as tf\n");
  build.add("makefile", "build-model:\n\t@python3 -m app.cnn.cnn_model\ntest-api:\n\t@pytest tests/test_02_api\n"
                        "dev:\n\t@uvicorn app.main:app --reload\n");
  CHECK(check_rule("mlops/pipeline", build).message == "makefile targets build-model, dev (which starts the service)");
  MemoryView checks;
  checks.add("app/cnn/cnn_model.py", "import tensorflow as tf\n");
  checks.add("Makefile", "test-api:\n\t@pytest tests/api\nup:\n\tdocker compose up -d\n");
  CHECK(check_rule("mlops/pipeline", checks).status == Status::fail);
  checks.add("Makefile", "test-eval:\n\tpytest -m deepeval\nup:\n\tdocker compose up -d\n");
  CHECK(check_rule("mlops/pipeline", checks).message == "Makefile targets test-eval, up (which starts the service)");

  MemoryView notes;
  notes.add("src/train.py", "from sklearn.pipeline import Pipeline\n");
  notes.add("docs/Makefile.md", "train:\n\tpython -m src.train\npredict:\n\tpython -m src.predict\n");
  CHECK(check_rule("mlops/pipeline", notes).status == Status::fail);
}

TEST_CASE("mlops/pipeline: task files, DVC, scripts, CLI commands, near misses")
{
  MemoryView view;
  view.add("train.py", "from sklearn.pipeline import Pipeline\n");
  CHECK(
      check_rule("mlops/pipeline", view).message ==
      "no entry points for the pipeline stages: no Makefile or justfile targets, dvc.yaml stages, MLproject, "
      "orchestrator (Airflow, Prefect, Dagster, Kedro, ZenML, Metaflow) or training console script");
  view.add("Makefile", "install:\n\tpip install -r requirements.txt\ntrain-model:\n\tpython train.py\n");
  Finding finding = check_rule("mlops/pipeline", view);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message ==
        "no entry points for the pipeline stages: Makefile has train-model but no other stage "
        "among its targets (data, train, evaluate, predict or serve), and no dvc.yaml, MLproject "
        "or orchestrator");
  CHECK(finding.locations == std::vector<Location>{{"Makefile", 0}});
  view.add("cli.py", "import argparse\nparser = argparse.ArgumentParser()\nsub = parser.add_subparsers()\n"
                     "sub.add_parser('train')\nsub.add_parser('evaluate')\n");
  CHECK(check_rule("mlops/pipeline", view).message == "command-line stages train, evaluate in cli.py");
  view.add("pyproject.toml", "[project]\nname = \"x\"\n[project.scripts]\nx = \"x.pipeline:main\"\n");
  CHECK(check_rule("mlops/pipeline", view).message == "console script x = \"x.pipeline:main\" (pyproject.toml:4)");
  view.add("justfile", "fetch-data:\n    python -m x.data\n\nserve port='8000':\n    uvicorn x:app\n");
  CHECK(check_rule("mlops/pipeline", view).message == "justfile targets fetch-data, serve");
  view.add("dvc.yaml", "stages:\n  featurize:\n    cmd: python f.py\n");
  CHECK(check_rule("mlops/pipeline", view).message == "DVC pipeline dvc.yaml with 1 stage: featurize");
  view.add("dags/retrain.py", "from airflow import DAG\n");
  CHECK(check_rule("mlops/pipeline", view).message == "pipeline orchestrated with Airflow (dags/retrain.py:1)");
}

TEST_CASE("mlops/pipeline: a CLI whose subcommands register in modules of their own")
{
  MemoryView view;
  view.add("src/ts/cli/main.py", "import argparse\nfrom ts.cli import data, train, serve\n"
                                 "parser = argparse.ArgumentParser()\nsub = parser.add_subparsers(dest='command')\n"
                                 "data.register(sub)\ntrain.register(sub)\nserve.register(sub)\n");
  view.add("src/ts/cli/data.py", "def register(sub):\n    parser = sub.add_parser(\n        'data', help='Fetch')\n");
  CHECK(check_rule("mlops/pipeline", view).status == Status::fail); // one stage so far
  view.add("src/ts/cli/train.py", "def register(sub):\n    parser = sub.add_parser('train-mv')\n");
  const Finding finding = check_rule("mlops/pipeline", view);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message == "command-line stages data, train-mv in the modules of src/ts/cli/");
  CHECK(finding.locations == std::vector<Location>{{"src/ts/cli/data.py", 0}});

  // Scripts that are each a click command of their own are scripts, not one CLI.
  MemoryView scripts;
  scripts.add("homework/prep.py", "import click\n@click.command()\ndef run_data_prep(path):\n    pass\n");
  scripts.add("homework/train.py", "import click\n@click.command()\ndef run_train(path):\n    pass\n");
  CHECK(check_rule("mlops/pipeline", scripts).status == Status::fail);
}

TEST_CASE("mlops/pipeline: a driver nothing documents, a shell script's driver and Compose stages")
{
  MemoryView view;
  view.add("crop/components/data_ingestion.py", "class DataIngestion:\n    pass\n");
  view.add("crop/components/model_trainer.py", "class ModelTrainer:\n    pass\n");
  view.add("crop/entity/config_entity.py", "class DataIngestionConfig:\n    pass\n");
  view.add("main.py", "from crop.components.data_ingestion import DataIngestion\n"
                      "from crop.components.model_trainer import ModelTrainer\n"
                      "from crop.entity.config_entity import DataIngestionConfig\n"
                      "if __name__ == '__main__':\n"
                      "    ingested = DataIngestion(DataIngestionConfig()).initiate_data_ingestion()\n"
                      "    ModelTrainer(ingested).initiate_model_trainer()\n");
  Finding finding = check_rule("mlops/pipeline", view);
  CHECK(finding.status == Status::pass);
  // The configuration it builds is no stage, and what it calls is named as written.
  CHECK(finding.message == "pipeline script main.py runs the stages DataIngestion(), ModelTrainer() "
                           "(the README does not give its command)");
  CHECK(finding.locations == std::vector<Location>{{"main.py", 4}});

  // Deeper than one folder, a main.py is some part's entry point, not the project's.
  MemoryView nested;
  nested.add("crop/components/data_ingestion.py", "class DataIngestion:\n    pass\n");
  nested.add("crop/components/model_trainer.py", "class ModelTrainer:\n    pass\n");
  nested.add("tools/crop/main.py", "from crop.components.data_ingestion import DataIngestion\n"
                                   "from crop.components.model_trainer import ModelTrainer\n"
                                   "if __name__ == '__main__':\n"
                                   "    ModelTrainer(DataIngestion().initiate_data_ingestion())\n");
  CHECK(check_rule("mlops/pipeline", nested).status == Status::fail);

  MemoryView compose;
  compose.add("docker-compose.yml", "services:\n  prepare-data:\n    build: .\n  train:\n    build: .\n"
                                    "    depends_on: [prepare-data]\n");
  finding = check_rule("mlops/pipeline", compose);
  CHECK(finding.message == "Compose file docker-compose.yml runs the stages as services that wait for each "
                           "other: prepare-data, train");
  CHECK(finding.locations == std::vector<Location>{{"docker-compose.yml", 2}});
}

TEST_CASE("mlops/pipeline: a pipeline script the README runs, when it runs two stages")
{
  MemoryView view;
  view.add("src/preprocessing.py", "print('prep')\n");
  view.add("src/models/train_model.py", "print('train')\n");
  const std::string driver = "import subprocess, sys\n\n"
                             "def run_step(name, cmd):\n    subprocess.run(cmd, check=True)\n\n"
                             "run_step('PREPROCESSING', [sys.executable, 'src/preprocessing.py'])\n"
                             "run_step('TRAIN', [sys.executable, 'src/models/train_model.py'])\n";
  view.add("run_pipeline.py", driver);
  // Not run by the README: no entry point anyone is told of.
  view.add("README.md", "# Demand\n\nForecasts bakery demand.\n");
  CHECK(check_rule("mlops/pipeline", view).status == Status::fail);
  // Inline code in a list item, as a README often gives it.
  view.add("README.md", "# Demand\n\nForecasts bakery demand.\n\n- Full pipeline: `python run_pipeline.py`\n");
  Finding finding = check_rule("mlops/pipeline", view);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message == "pipeline script run_pipeline.py, run by README.md:5, runs the stages "
                           "src/preprocessing.py, src/models/train_model.py");
  CHECK(finding.locations == std::vector<Location>{{"run_pipeline.py", 0}, {"README.md", 5}});
  // In a code block; stages by the functions it imports and calls.
  view.add("run_pipeline.py", "from src.data import load_data\nfrom src.train import fit_model\n\n"
                              "def main():\n    frame = load_data()\n    fit_model(frame)\n");
  view.add("README.md", "# Demand\n\n```bash\npip install -r requirements.txt\npython run_pipeline.py\n```\n");
  CHECK(check_rule("mlops/pipeline", view).message ==
        "pipeline script run_pipeline.py, run by README.md:5, runs the stages src.data, src.train, load_data(), "
        "fit_model()");
  // One stage is not a pipeline, and a script not named for the pipeline is not its driver.
  view.add("run_pipeline.py", "import subprocess\nsubprocess.run(['python', 'src/models/train_model.py'])\n");
  CHECK(check_rule("mlops/pipeline", view).status == Status::fail);
  view.add("main.py", driver);
  view.add("README.md", "# Demand\n\n```bash\npython main.py\n```\n");
  CHECK(check_rule("mlops/pipeline", view).status == Status::fail);
  // A script the README names that is not in the repository is no entry point.
  view.add("README.md", "# Demand\n\n```bash\npython full_pipeline.py\n```\n");
  CHECK(check_rule("mlops/pipeline", view).status == Status::fail);
}

TEST_CASE("mlops/pipeline: a training pipeline script that hands the stages' modules to a shell")
{
  MemoryView view;
  view.add("src/data/run_preprocessing.py", "print('prep')\n");
  view.add("src/features/run_features.py", "print('features')\n");
  view.add("src/models/train_mlflow.py", "print('train')\n");
  view.add("src/pipelines/train_pipeline.py",
           "import subprocess\n\ndef run_step(name, command):\n    subprocess.run(command, shell=True)\n\n"
           "def main():\n    run_step('Data', 'Python -m src.data.run_preprocessing')\n"
           "    run_step('Features', 'python -m src.features.run_features')\n"
           "    run_step('Training', 'python -m src.models.train_mlflow')\n");
  view.add("README.md",
           "# Demand\n\nForecasts weekly demand.\n\n```bash\npython -m src.pipelines.train_pipeline\n```\n");
  Finding finding = check_rule("mlops/pipeline", view);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message ==
        "pipeline script src/pipelines/train_pipeline.py, run by README.md:6, runs the stages "
        "src/data/run_preprocessing.py, src/features/run_features.py, src/models/train_mlflow.py");
  // The modules it names must be the project's.
  view.add("src/pipelines/train_pipeline.py",
           "import subprocess\nsubprocess.run('python -m src.data.prepare', shell=True)\n"
           "subprocess.run('python -m src.models.fit', shell=True)\n");
  CHECK(check_rule("mlops/pipeline", view).status == Status::fail);
}

TEST_CASE("mlops/model-registry: a module that keeps a registry of runs saves through its own wrapper")
{
  MemoryView view;
  view.add("src/modeling.py",
           "import joblib\nfrom sklearn.linear_model import LogisticRegression\n\nclass Backend:\n"
           "    def fit(self, x, y):\n        self.model = LogisticRegression().fit(x, y)\n\n"
           "    def save(self, path):\n        joblib.dump(self.model, path)\n");
  const std::string pipeline =
      "import json\nfrom modeling import Backend\n\ndef _write_registry(root, run_name, metrics):\n"
      "    path = root / 'registry.json'\n    path.write_text(json.dumps({'run': run_name, **metrics}))\n\n"
      "def train(root, x, y):\n    run_dir = root / stamp()\n    backend = Backend()\n    backend.fit(x, y)\n"
      "    backend.save(run_dir / 'model.joblib')\n    _write_registry(root, run_dir.name, {'f1': 0.9})\n";
  view.add("src/pipeline.py", pipeline);
  Finding finding = check_rule("mlops/model-registry", view);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message ==
        "models versioned by its own registry (_write_registry(), with metadata) (src/pipeline.py:12)");
  // Without the registry of runs, the wrapper's save is a plain save.
  view.add("src/pipeline.py",
           "from modeling import Backend\n\ndef train(root, x, y):\n    backend = Backend()\n"
           "    backend.fit(x, y)\n    backend.save(root / 'model.joblib')\n");
  CHECK(check_rule("mlops/model-registry", view).status == Status::fail);
}

TEST_CASE("mlops/model-registry: registries, DVC, own registry, plain saves")
{
  MemoryView view;
  view.add("eda.py", "import pandas as pd\n");
  CHECK(check_rule("mlops/model-registry", view).status == Status::skip); // nothing trained
  view.add("eda.py", "from sklearn.linear_model import Ridge\nRidge().fit([[1]], [1])\n");
  CHECK(check_rule("mlops/model-registry", view).message ==
        "no model is saved or registered in 1 Python module: no MLflow Model Registry, DVC-tracked model, "
        "BentoML "
        "store, Hugging Face Hub upload or versioned save with metadata");
  view.add("train.py", "import joblib\nimport json\n\ndef save(model):\n    joblib.dump(model, 'model.pkl')\n"
                       "    json.dump({}, open('m.json', 'w'))\n");
  Finding finding = check_rule("mlops/model-registry", view);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message ==
        "models are saved (train.py:5) without a version or a registry: no MLflow Model "
        "Registry, DVC-tracked model, BentoML store, Hugging Face Hub upload or versioned save "
        "with metadata");
  CHECK(finding.locations == std::vector<Location>{{"train.py", 5}});
  view.add("src/store.py", "import json\nimport torch\n\nclass ModelRegistry:\n    def add(self, model):\n"
                           "        torch.save(model, 'x')\n        json.dump({}, open('m', 'w'))\n");
  CHECK(check_rule("mlops/model-registry", view).message ==
        "models versioned by its own registry (ModelRegistry, with metadata) (src/store.py:6)");
  view.add("dvc.yaml",
           "stages:\n  train:\n    cmd: python train.py\n    outs:\n      - artifacts/clf.joblib\n");
  CHECK(check_rule("mlops/model-registry", view).message ==
        "models versioned with DVC (stage train outputs artifacts/clf.joblib) (dvc.yaml:2)");
  view.add("log.py", "import mlflow\nmlflow.sklearn.log_model(m, 'model')\n");
  CHECK(check_rule("mlops/model-registry", view).message ==
        "models versioned in MLflow (a model logged per run) (log.py:2)");
  view.add("reg.py", "import mlflow\nmlflow.sklearn.log_model(m, 'model', registered_model_name='churn')\n");
  finding = check_rule("mlops/model-registry", view);
  CHECK(finding.message == "models versioned in MLflow Model Registry (registered_model_name) (reg.py:2)");
  CHECK(finding.locations == std::vector<Location>{{"reg.py", 2}});
}

TEST_CASE("mlops/model-registry: what a retrieval app that trains nothing saves is no model to version")
{
  MemoryView view;
  view.add("src/store.py", "import pickle\nimport faiss\nfrom sentence_transformers import "
                           "SentenceTransformer\n\nclass Store:\n    def add(self, vectors):\n"
                           "        self.index.train(vectors)\n        self.index.add(vectors)\n\n"
                           "    def save(self, path):\n        with open(path, 'wb') as f:\n"
                           "            pickle.dump(self.chunks, f)\n");
  CHECK(check_rule("mlops/model-registry", view).status == Status::skip);
  // With no ML library imported, a pickled model may have been trained by hand.
  view.add("src/store.py",
           "import pickle\n\nwith open('model.pkl', 'wb') as f:\n    pickle.dump(model, f)\n");
  CHECK(check_rule("mlops/model-registry", view).status == Status::fail);
}

TEST_CASE("mlops/model-registry: a saved model uploaded to its W&B or Neptune run is versioned by run")
{
  MemoryView view;
  view.add("train.py", "import torch\nimport wandb\n\nrun = wandb.init(project='recs')\nmodel = train()\n"
                       "path = f'model/rec_{run.id}.pt'\ntorch.save(model.state_dict(), path)\n"
                       "wandb.log({'ndcg': 1})\n");
  Finding finding = check_rule("mlops/model-registry", view);
  CHECK(finding.status == Status::fail); // logged metrics, but the model file stays on disk
  view.add("train.py", "import torch\nimport wandb\n\nrun = wandb.init(project='recs')\nmodel = train()\n"
                       "path = f'model/rec_{run.id}.pt'\ntorch.save(model.state_dict(), path)\nwandb.save(path)\n");
  finding = check_rule("mlops/model-registry", view);
  CHECK(finding.message == "models versioned by W&B (the saved model uploaded to its run) (train.py:7)");

  // Neptune: the upload lives in a helper module that the saving script calls.
  MemoryView neptune;
  neptune.add("src/pkg/monitor.py", "import neptune.new as neptune\n\ndef save_artifact(model_file, run):\n"
                                    "    run['model'].upload(model_file)\n");
  neptune.add("scripts/train.py", "import joblib\nfrom pkg.monitor import save_artifact\n\n"
                                  "def main(run):\n    joblib.dump(model, 'm.joblib')\n");
  CHECK(check_rule("mlops/model-registry", neptune).status == Status::fail); // never calls the helper
  neptune.add("scripts/train.py", "import joblib\nfrom pkg.monitor import save_artifact\n\n"
                                  "def main(run):\n    joblib.dump(model, 'm.joblib')\n"
                                  "    save_artifact('m.joblib', run)\n");
  CHECK(check_rule("mlops/model-registry", neptune).message ==
        "models versioned by Neptune (the saved model uploaded to its run) (scripts/train.py:5)");
  // An upload() that is not Neptune's (a module without neptune) does not count.
  MemoryView s3;
  s3.add("src/pkg/store.py", "import boto3\n\ndef push(path):\n    bucket.upload(path)\n");
  s3.add("scripts/train.py",
         "import joblib\nfrom pkg.store import push\n\njoblib.dump(model, 'm.joblib')\npush('m')\n");
  CHECK(check_rule("mlops/model-registry", s3).status == Status::fail);
}

TEST_CASE("mlops/model-registry: a save under a version name made new each time and recorded")
{
  const std::string save = "import uuid\nimport joblib\n\ndef save_model_file(name, model):\n"
                           "    model_version = f\"{name}_V{str(uuid.uuid4())[:8]}.pkl\"\n"
                           "    joblib.dump(model, join(PATHS['versioned'], model_version))\n";
  MemoryView view;
  view.add("dags/scripts/model_trainer.py", save);
  CHECK(check_rule("mlops/model-registry", view).status == Status::fail); // recorded nowhere
  view.add("dags/scripts/model_trainer.py",
           save + "    upload_to_gcs('models', join(PATHS['versioned'], model_version), model_version)\n");
  Finding finding = check_rule("mlops/model-registry", view);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message == "models versioned by its own registry (each model saved as a new model_version, "
                           "which is recorded) (dags/scripts/model_trainer.py:6)");
  view.add("dags/scripts/model_trainer.py",
           save + "    run(\"INSERT INTO model_info (version_name) VALUES (:v)\", v=model_version)\n");
  CHECK(check_rule("mlops/model-registry", view).status == Status::pass);

  // A row of metadata with a run's timestamp as the version, the file named by a uuid.
  MemoryView row;
  row.add("train.py", "import uuid\nimport joblib\nfrom datetime import datetime\n"
                      "run_version = datetime.now().strftime('%Y%m%d_%H%M%S')\nmodel_id = str(uuid.uuid4())\n"
                      "joblib.dump(model, f'models/{model_id}.joblib')\n"
                      "rows = pd.DataFrame([{'id': model_id, 'version': run_version, 'cv_rmse': rmse}])\n"
                      "_append_csv(rows, 'models.csv')\n");
  CHECK(check_rule("mlops/model-registry", row).message ==
        "models versioned by its own registry (each model saved as a new run_version, which is recorded) "
        "(train.py:6)");
  // Pickled to bytes and uploaded, the version counted from the models already registered.
  MemoryView counted;
  counted.add("worker.py", "import json\nimport pickle\nmodel_bytes = pickle.dumps(pipeline)\n"
                           "blob.upload_blob(model_bytes, overwrite=True)\nblob.upload_blob(json.dumps(manifest))\n"
                           "existing_count = db.query(MLModel).count()\nmodel_version = f'1.{existing_count}.0'\n");
  CHECK(check_rule("mlops/model-registry", counted).message ==
        "models versioned by its own registry (each model saved as a new model_version, which is recorded) "
        "(worker.py:3)");

  // A constant version is the same for every save; an API's version is not the model's.
  MemoryView constant;
  constant.add("predict.py", "import json\nimport joblib\nfrom datetime import datetime\nPIPELINE_VERSION = "
                             "'1.0.0'\nstamp = datetime.now()\njoblib.dump(model, 'model.pkl')\n"
                             "json.dump({'v': PIPELINE_VERSION}, f)\n");
  CHECK(check_rule("mlops/model-registry", constant).status == Status::fail);
  MemoryView api;
  api.add("train.py", "import json\nimport time\nimport joblib\napi_version = 'v1'\nstarted = time.time()\n"
                      "joblib.dump(model, 'model.pkl')\njson.dump({'api': api_version}, f)\n");
  CHECK(check_rule("mlops/model-registry", api).status == Status::fail);
  // The library's version in the metadata beside one file that every run overwrites.
  MemoryView library;
  library.add(
      "scripts/dl_models.py",
      "import json\nimport torch\nfrom datetime import datetime\n"
      "info = {'pytorch_version': torch.__version__, 'python': sys.version.split()[0],\n"
      "        'saved': datetime.now().isoformat()}\n"
      "loss.backward()\noptimizer.step()\ntorch.save(model.state_dict(), 'deploy/best_dl_model.pth')\n"
      "json.dump(info, f)\n");
  CHECK(check_rule("mlops/model-registry", library).status == Status::fail);
}

TEST_CASE("mlops/model-registry: a registry class that copies each model into a version folder")
{
  MemoryView view;
  view.add("src/models/trainer.py", "import joblib\n\ndef save(model, path):\n    joblib.dump(model, path)\n");
  view.add("src/models/registry.py",
           "import json\nimport shutil\nfrom dataclasses import dataclass\n\n@dataclass\nclass ModelVersion:\n"
           "    version: str\n\nclass ModelRegistry:\n    def register_model(self, model_path, model_type):\n"
           "        version = f'{model_type}_v{len(self.versions) + 1}'\n"
           "        shutil.copytree(model_path, self.registry_dir / version)\n"
           "        with open(self.registry_file, 'w') as f:\n            json.dump(self.index(), f)\n");
  const Finding finding = check_rule("mlops/model-registry", view);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message == "models versioned by its own registry (ModelVersion, with metadata) (src/models/registry.py:12)");
  // Copying files is no registry without one.
  MemoryView copies;
  copies.add("src/export.py", "import json\nimport shutil\n\ndef export(path):\n    shutil.copytree(path, 'dist')\n"
                              "    json.dump({}, open('dist/info.json', 'w'))\n");
  copies.add("src/train.py", "import joblib\njoblib.dump(model, 'model.pkl')\n");
  CHECK(check_rule("mlops/model-registry", copies).status == Status::fail);
  // A module named for the registry, whose functions copy each version in and write its manifest.
  MemoryView module;
  module.add("models/core/artifact_registry.py",
             "import json\nimport shutil\n\ndef register_existing_version(source_dir, version_id):\n"
             "    shutil.copytree(source_dir, VERSIONS / version_id)\n"
             "    with open(VERSIONS / version_id / 'manifest.json', 'w') as f:\n"
             "        json.dump({'version_id': version_id}, f)\n");
  const Finding by_module = check_rule("mlops/model-registry", module);
  CHECK(by_module.status == Status::pass);
  CHECK(by_module.message ==
        "models versioned by its own registry (register_existing_version(), with metadata) "
        "(models/core/artifact_registry.py:5)");
}

TEST_CASE("mlops/model-registry: a register_model method is MLflow's only where the module imports mlflow")
{
  MemoryView own;
  own.add("src/service.py", "class Service:\n    def retrain(self, model):\n        self.register_model(model)\n");
  CHECK(check_rule("mlops/model-registry", own).message ==
        "models versioned in its own model registry (self.register_model()) (src/service.py:3)");
  MemoryView mlflow;
  mlflow.add("src/service.py", "from mlflow.tracking import MlflowClient\n\nclient = MlflowClient()\n"
                               "client.register_model('runs:/1/model', 'churn')\n");
  CHECK(check_rule("mlops/model-registry", mlflow).message ==
        "models versioned in MLflow Model Registry (src/service.py:4)");
}

TEST_CASE("mlops/serving: a route named for a model's output beats one named query or detect in an earlier file")
{
  MemoryView view;
  view.add("api/audit.py", "from fastapi import APIRouter\nrouter = APIRouter()\n\n"
                           "@router.post('/logs')\nasync def query_audit_logs():\n    return {}\n");
  view.add("api/drift.py", "from fastapi import APIRouter\nrouter = APIRouter()\n\n"
                           "@router.post('/comprehensive-detect')\nasync def detect():\n    return {}\n");
  CHECK(check_rule("mlops/serving", view).message == "FastAPI route POST /logs in api/audit.py:4");
  view.add("api/predict.py", "from fastapi import APIRouter\nrouter = APIRouter()\n\n"
                             "@router.post('/predict')\nasync def predict():\n    return {}\n");
  CHECK(check_rule("mlops/serving", view).message == "route POST /predict in api/predict.py:4");
  // A function named for inference on GET /models (in a file before it) does less than a /predict path.
  view.add("api/a_models.py", "from fastapi import APIRouter\nrouter = APIRouter()\n\n"
                              "@router.get('/models')\nasync def list_inference_models():\n    return []\n");
  CHECK(check_rule("mlops/serving", view).message == "route POST /predict in api/predict.py:4");
}

TEST_CASE("mlops/serving and mlops/model-registry: the best evidence wins, near misses do not count")
{
  MemoryView view;
  view.add("api/app.py",
           "from fastapi import FastAPI\nfrom starlette.requests import Request\napp = FastAPI()\n\n"
           "@app.post('/admin/reload')\ndef reload():\n    return {}\n\n"
           "@app.post('/predict')\ndef predict():\n    return {}\n");
  CHECK(check_rule("mlops/serving", view).message == "FastAPI route POST /predict in api/app.py:9");
  view.add("api/store.py", "from sklearn.tree import DecisionTreeClassifier\n\n"
                           "def keep(repo, image, x, y):\n    DecisionTreeClassifier().fit(x, y)\n"
                           "    repo.save('x')\n    image.save('y.png')\n");
  CHECK(check_rule("mlops/model-registry", view).message ==
        "no model is saved or registered in 2 Python modules: no MLflow Model Registry, DVC-tracked model, "
        "BentoML "
        "store, Hugging Face Hub upload or versioned save with metadata");
  view.add("train.py", "def keep(self):\n    self.model.save('model.keras')\n");
  CHECK(
      check_rule("mlops/model-registry", view).message ==
      "models are saved (train.py:2) without a version or a registry: no MLflow Model Registry, DVC-tracked "
      "model, BentoML store, Hugging Face Hub upload or versioned save with metadata");
}

TEST_CASE("mlops rules point into a notebook at the cell that holds the evidence, not the line of the joined code")
{
  // The joined code of the cells is 8 lines long; the notebook file is longer, and the saving
  // cell starts further down.
  const std::string notebook = R"nb({
 "cells": [
  {
   "cell_type": "code",
   "source": [
    "import joblib\n",
    "import mlflow\n",
    "from scipy.stats import ks_2samp\n"
   ]
  },
  {
   "cell_type": "markdown",
   "source": ["## Train and log"]
  },
  {
   "cell_type": "code",
   "source": [
    "def drift(reference, current):\n",
    "    return ks_2samp(reference, current)\n",
    "joblib.dump(model, 'model.pkl')\n",
    "mlflow.log_artifact('model.pkl')\n"
   ]
  }
 ],
 "nbformat": 4
})nb";
  const analyze::Notebook parsed = analyze::parse_notebook(notebook, notebook.size());
  REQUIRE(parsed.cells.size() == 3);
  const auto cell_line = static_cast<uint32_t>(parsed.cells[2].line);
  REQUIRE(cell_line > 8);
  MemoryView view;
  view.add("notebooks/train.ipynb", notebook);
  const Finding registry = check_rule("mlops/model-registry", view);
  CHECK(registry.status == Status::pass);
  // Each location is the line of the cell's source where the call is written in the .ipynb file:
  // the cell's "{", "cell_type", "source": [, then one line per source line.
  CHECK(registry.locations == std::vector<Location>{{"notebooks/train.ipynb", cell_line + 5}}); // joblib.dump
  const Finding monitoring = check_rule("mlops/monitoring", view);
  CHECK(monitoring.status == Status::pass);
  REQUIRE_FALSE(monitoring.locations.empty());
  CHECK(monitoring.locations.front() == Location{"notebooks/train.ipynb", cell_line + 3}); // def drift
  const Finding tracking = check_rule("mlops/experiment-tracking", view);
  REQUIRE_FALSE(tracking.locations.empty());
  const auto first_cell = static_cast<uint32_t>(parsed.cells[0].line);
  CHECK(tracking.locations.front() == Location{"notebooks/train.ipynb", cell_line + 6}); // the logging call
  view.add("README.md", "# Fraud\n\nDetects fraud.\n");
  const Finding dashboard = check_rule("docs/experiment-dashboard", view);
  CHECK(dashboard.status == Status::fail);
  CHECK(dashboard.locations == std::vector<Location>{{"README.md", 0}, {"notebooks/train.ipynb", cell_line + 6}});
  CHECK(first_cell < cell_line); // the import's cell: the logging call is cited instead
}
