#include "lint/analyze/python.h"
#include "lint/analyze/python_tokens.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>

using namespace mlfolio::lint::analyze;

namespace {

std::vector<std::string> texts_of(const TokenizedSource& source, TokenKind kind)
{
  std::vector<std::string> texts;
  for (const auto& token : source.tokens) {
    if (token.kind == kind) {
      texts.emplace_back(token.text);
    }
  }
  return texts;
}

const Function* function_named(const PythonModule& module, std::string_view name)
{
  for (const auto& function : module.functions) {
    if (function.name == name) {
      return &function;
    }
  }
  return nullptr;
}

const Call* call_named(const PythonModule& module, std::string_view callee)
{
  for (const auto& call : module.calls) {
    if (call.callee == callee) {
      return &call;
    }
  }
  return nullptr;
}

constexpr std::string_view k_service = R"PY("""Serving API for the churn model."""
from __future__ import annotations

import logging
import os.path as osp, sys
from pathlib import Path
from .features import (build_features,
                       FEATURE_NAMES as NAMES)
from .. import settings
from ...core.io import *

import mlflow
from fastapi import FastAPI, HTTPException

logger = logging.getLogger(__name__)
app = FastAPI(title="churn")
MODEL_URI = os.environ.get("MODEL_URI", "models:/churn/Production")


class PredictRequest(BaseModel, metaclass=ModelMeta):
    tenure: int
    monthly_charges: float


class Predictor(object):
    def __init__(self, uri: str) -> None:
        self.model = mlflow.pyfunc.load_model(uri)

    @staticmethod
    def clean(frame):
        return frame.dropna()

    async def predict(self, request: PredictRequest, *, threshold: float = 0.5) -> dict:
        """Scores one customer."""
        try:
            score = self.model.predict(build_features(request))[0]
        except (ValueError, KeyError) as error:
            logger.exception("bad input: %s", error)
            raise HTTPException(status_code=422, detail=str(error))
        except Exception:
            pass
        return {"churn": score > threshold}


@app.get("/health")
def health():
    return {"status": "ok"}


@app.post("/predict", response_model=dict, status_code=200)
async def predict(request: PredictRequest) -> dict:
    return await Predictor(MODEL_URI).predict(request)


@app.route("/legacy", methods=["GET", "post"])
def legacy(*args, **kwargs):
    try:
        import ujson as json
    except:
        ...
    print(f"legacy call {args!r:>10} {kwargs['x']}", file=sys.stderr)


if __name__ == "__main__":
    import uvicorn
    uvicorn.run(app, host="0.0.0.0", port=int(os.getenv("PORT", "8000")))
)PY";

} // namespace

TEST_CASE("Python tokenizer")
{
  SUBCASE("strings with prefixes, triple quotes and f-strings are single tokens")
  {
    const auto source = tokenize_python("a = rb'\\x00' + Br\"raw\" + u'x' + '''multi\nline''' + f\"{b['k']}\"\n"
                                        "c = f'{x:{width}.{precision}}' + f\"{'nested' + f'{y}'}\" + t'{z}'\n");
    CHECK(texts_of(source, TokenKind::string) ==
          std::vector<std::string>{"rb'\\x00'", "Br\"raw\"", "u'x'", "'''multi\nline'''", "f\"{b['k']}\"",
                                   "f'{x:{width}.{precision}}'", "f\"{'nested' + f'{y}'}\"", "t'{z}'"});
    CHECK(source.problems.empty());
    CHECK(source.line_count == 3);
    // The second statement starts on line 3 because of the two-line string.
    const auto c = std::find_if(source.tokens.begin(), source.tokens.end(), [](const Token& t) { return t.text == "c"; });
    REQUIRE(c != source.tokens.end());
    CHECK(c->line == 3);
    CHECK(c->column == 0);
  }

  SUBCASE("python 3.12 f-strings reuse the outer quote inside fields")
  {
    const auto source = tokenize_python("s = f\"{data[\"key\"]} and {\", \".join(items)}\"\nnext_line = 1\n");
    CHECK(texts_of(source, TokenKind::string) ==
          std::vector<std::string>{"f\"{data[\"key\"]} and {\", \".join(items)}\""});
    CHECK(texts_of(source, TokenKind::newline).size() == 2);
  }

  SUBCASE("comments, continuations and brackets")
  {
    const auto source = tokenize_python("total = (1 +  # first\n"
                                        "         2) + \\\n"
                                        "        3\n"
                                        "items = [\n"
                                        "    {'a': (1, 2)},\n"
                                        "]\n");
    CHECK(texts_of(source, TokenKind::comment) == std::vector<std::string>{"# first"});
    CHECK(texts_of(source, TokenKind::newline).size() == 2);
    const auto two = std::find_if(source.tokens.begin(), source.tokens.end(), [](const Token& t) { return t.text == "2"; });
    REQUIRE(two != source.tokens.end());
    CHECK(two->depth == 1);
    CHECK(two->line == 2);
    const auto inner = std::find_if(source.tokens.begin(), source.tokens.end(), [](const Token& t) { return t.text == "'a'"; });
    REQUIRE(inner != source.tokens.end());
    CHECK(inner->depth == 2);
    CHECK(inner->indent == 0);

    // Comments apart: the same tokens without the comment, which has a list of its own.
    const auto apart = tokenize_python("total = (1 +  # first\n         2)\n# last\n", Comments::apart);
    CHECK(texts_of(apart, TokenKind::comment).empty());
    REQUIRE(apart.comments.size() == 2);
    CHECK(apart.comments[0].text == "# first");
    CHECK(apart.comments[1].line == 3);
    CHECK(texts_of(apart, TokenKind::op) == std::vector<std::string>{"=", "(", "+", ")"});
  }

  SUBCASE("indentation of logical lines, tabs count to multiples of 8")
  {
    const auto source = tokenize_python("if x:\n\ty = 1\n    \n        # only a comment\n  \tz = 2\n");
    const auto y = std::find_if(source.tokens.begin(), source.tokens.end(), [](const Token& t) { return t.text == "y"; });
    const auto z = std::find_if(source.tokens.begin(), source.tokens.end(), [](const Token& t) { return t.text == "z"; });
    REQUIRE(y != source.tokens.end());
    REQUIRE(z != source.tokens.end());
    CHECK(y->indent == 8);
    CHECK(z->indent == 8);
    CHECK(z->line == 5);
  }

  SUBCASE("numbers and operators")
  {
    const auto source = tokenize_python("x = 1_000.5e-3 + 0xFF + .5j ** 2 // 3 != 4 -> y := z ...\n");
    CHECK(texts_of(source, TokenKind::number) == std::vector<std::string>{"1_000.5e-3", "0xFF", ".5j", "2", "3", "4"});
    CHECK(texts_of(source, TokenKind::op) ==
          std::vector<std::string>{"=", "+", "+", "**", "//", "!=", "->", ":=", "..."});
  }

  SUBCASE("IPython lines are magic tokens, only at the start of a logical line")
  {
    const auto source = tokenize_python("!pip install -q lightgbm\n%matplotlib inline\nx = a != b\n  %%time\n");
    CHECK(texts_of(source, TokenKind::magic) ==
          std::vector<std::string>{"!pip install -q lightgbm", "%matplotlib inline", "%%time"});
  }

  SUBCASE("damaged source: unterminated strings and brackets, stray bytes")
  {
    const auto source = tokenize_python("a = 'open\nb = \"\"\"never closed\nc = 1\n");
    CHECK(source.problems.size() == 2);
    CHECK(source.problems[0].line == 1);
    CHECK(source.problems[0].message == "unterminated string");
    const auto brackets = tokenize_python("x = (1, [2\ny = ]) )\n$ ? `\n");
    CHECK_FALSE(brackets.problems.empty());
    CHECK(texts_of(brackets, TokenKind::error) == std::vector<std::string>{"$", "?", "`"});
  }
}

TEST_CASE("Python keywords: every one, and names that are not")
{
  for (const std::string_view keyword :
       {"False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
        "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
        "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield"}) {
    CHECK_MESSAGE(is_python_keyword(keyword), keyword);
  }
  for (const std::string_view name : {"", "a", "self", "false", "Import", "passes", "fo", "nonlocals", "_if",
                                      "yield_", "awaits", "Trueish", "match", "case", "\xff\xfe"}) {
    CHECK_FALSE_MESSAGE(is_python_keyword(name), name);
  }
  // The tokenizer marks the names that are keywords.
  const auto source = tokenize_python("for item in items: yield item if item else None\n");
  std::vector<std::string> keywords;
  for (const Token& token : source.tokens) {
    if (token.keyword) {
      keywords.emplace_back(token.text);
    }
  }
  CHECK(keywords == std::vector<std::string>{"for", "in", "yield", "if", "else", "None"});
}

TEST_CASE("string_value and string_prefix")
{
  CHECK(string_value("'a\\nb'") == "a\nb");
  CHECK(string_value("r'a\\nb'") == "a\\nb");
  CHECK(string_value("\"\"\"doc \\\"x\\\"\"\"\"") == "doc \"x\"");
  CHECK(string_value("b'\\x00'") == "\\x00");
  CHECK(string_value("f'{x}'") == "{x}");
  CHECK(string_value("'unterminated") == "unterminated");
  CHECK(string_prefix("Rb'x'") == "rb");
  CHECK(string_prefix("'x'").empty());
}

TEST_CASE("Python module structure")
{
  const PythonModule module = analyze_python(k_service);
  CHECK(module.problems.empty());
  CHECK(module.line_count == 66);

  SUBCASE("imports, absolute and relative")
  {
    REQUIRE(module.imports.size() == 12);
    CHECK(module.imports[0].module == "__future__");
    CHECK(module.imports[1].module == "logging");
    CHECK(module.imports[2].module == "os.path");
    CHECK(module.imports[3].module == "sys");
    CHECK(module.imports[3].line == 5);
    CHECK(module.imports[4].module == "pathlib");
    CHECK(module.imports[4].names == std::vector<std::string>{"Path"});
    CHECK(module.imports[5].module == "features");
    CHECK(module.imports[5].level == 1);
    CHECK(module.imports[5].names == std::vector<std::string>{"build_features", "FEATURE_NAMES"});
    CHECK(module.imports[6].module.empty());
    CHECK(module.imports[6].level == 2);
    CHECK(module.imports[6].names == std::vector<std::string>{"settings"});
    CHECK(module.imports[7].module == "core.io");
    CHECK(module.imports[7].level == 3);
    CHECK(module.imports[7].names == std::vector<std::string>{"*"});
    CHECK(module.imports[10].module == "ujson");
    CHECK(module.imports[11].module == "uvicorn");
    CHECK(module.imports[11].line == 65);
  }

  SUBCASE("functions: annotations, methods, async, decorators")
  {
    REQUIRE(module.functions.size() == 6);
    const Function* init = function_named(module, "__init__");
    REQUIRE(init != nullptr);
    CHECK(init->class_name == "Predictor");
    CHECK(init->parameter_count == 1);
    CHECK(init->all_parameters_annotated);
    CHECK(init->has_return_annotation);
    const Function* clean = function_named(module, "clean");
    REQUIRE(clean != nullptr);
    CHECK(clean->parameter_count == 1);
    CHECK_FALSE(clean->all_parameters_annotated);
    CHECK_FALSE(clean->has_return_annotation);
    CHECK(clean->decorators.size() == 1);
    CHECK(clean->decorators[0].name == "staticmethod");
    const Function& method = module.functions[2];
    CHECK(method.name == "predict");
    CHECK(method.is_async);
    CHECK(method.class_name == "Predictor");
    CHECK(method.line == 33);
    CHECK(method.parameter_count == 2);
    CHECK(method.annotated_parameters == 2);
    CHECK(method.has_docstring);
    const Function* health = function_named(module, "health");
    REQUIRE(health != nullptr);
    CHECK(health->class_name.empty());
    CHECK(health->parameter_count == 0);
    CHECK(health->all_parameters_annotated);
    CHECK_FALSE(health->has_docstring);
    REQUIRE(health->decorators.size() == 1);
    CHECK(health->decorators[0].name == "app.get");
    CHECK(health->decorators[0].first_string == "/health");
    CHECK(health->decorators[0].line == 45);
    const Function& endpoint = module.functions[4];
    CHECK(endpoint.name == "predict");
    CHECK(endpoint.class_name.empty());
    CHECK(endpoint.is_async);
    CHECK(endpoint.decorators[0].keywords.size() == 2);
    CHECK(endpoint.decorators[0].keywords[1].name == "status_code");
    CHECK(endpoint.decorators[0].keywords[1].value == "200");
    const Function* legacy = function_named(module, "legacy");
    REQUIRE(legacy != nullptr);
    CHECK(legacy->parameter_count == 2);
    CHECK(legacy->annotated_parameters == 0);
  }

  SUBCASE("classes and bases")
  {
    REQUIRE(module.classes.size() == 2);
    CHECK(module.classes[0].name == "PredictRequest");
    CHECK(module.classes[0].bases == std::vector<std::string>{"BaseModel"});
    CHECK(module.classes[0].line == 20);
    CHECK(module.classes[1].bases == std::vector<std::string>{"object"});
  }

  SUBCASE("routes from decorators")
  {
    REQUIRE(module.routes.size() == 3);
    CHECK(module.routes[0].path == "/health");
    CHECK(module.routes[0].methods == std::vector<std::string>{"GET"});
    CHECK(module.routes[0].function == "health");
    CHECK(module.routes[0].line == 45);
    CHECK(module.routes[1].path == "/predict");
    CHECK(module.routes[1].methods == std::vector<std::string>{"POST"});
    CHECK(module.routes[2].path == "/legacy");
    CHECK(module.routes[2].decorator == "app.route");
    CHECK(module.routes[2].methods == std::vector<std::string>{"GET", "POST"});
  }

  SUBCASE("calls with dotted names, first strings and keywords")
  {
    const Call* get_logger = call_named(module, "logging.getLogger");
    REQUIRE(get_logger != nullptr);
    CHECK(get_logger->line == 15);
    CHECK_FALSE(get_logger->first_string.has_value());
    const Call* environ_get = call_named(module, "os.environ.get");
    REQUIRE(environ_get != nullptr);
    CHECK(environ_get->first_string == "MODEL_URI");
    const Call* load = call_named(module, "mlflow.pyfunc.load_model");
    REQUIRE(load != nullptr);
    CHECK(load->line == 27);
    const Call* dropna = call_named(module, "dropna");
    CHECK(dropna == nullptr);
    const Call* frame_dropna = call_named(module, "frame.dropna");
    REQUIRE(frame_dropna != nullptr);
    CHECK_FALSE(frame_dropna->chained);
    const Call* chained = call_named(module, "predict");
    REQUIRE(chained != nullptr);
    CHECK(chained->chained);
    CHECK(chained->line == 52);
    const Call* print = call_named(module, "print");
    REQUIRE(print != nullptr);
    CHECK(print->line == 61);
    REQUIRE(print->keywords.size() == 1);
    CHECK(print->keywords[0].name == "file");
    CHECK(print->keywords[0].value == "sys.stderr");
    const Call* run = call_named(module, "uvicorn.run");
    REQUIRE(run != nullptr);
    REQUIRE(run->keywords.size() == 2);
    CHECK(run->keywords[0].value == "\"0.0.0.0\"");
    CHECK(run->keywords[0].strings == std::vector<std::string>{"0.0.0.0"});
    CHECK(run->keywords[1].value == "int(os.getenv(\"PORT\", \"8000\"))");
    CHECK(call_named(module, "os.getenv")->first_string == "PORT");
    CHECK(call_named(module, "HTTPException")->keywords[1].value == "str(error)");
    CHECK(call_named(module, "if") == nullptr);
  }

  SUBCASE("exception handlers")
  {
    REQUIRE(module.handlers.size() == 3);
    CHECK(module.handlers[0].line == 37);
    CHECK(module.handlers[0].exceptions == std::vector<std::string>{"ValueError", "KeyError"});
    CHECK_FALSE(module.handlers[0].bare);
    CHECK_FALSE(module.handlers[0].body_is_pass);
    CHECK(module.handlers[1].exceptions == std::vector<std::string>{"Exception"});
    CHECK(module.handlers[1].body_is_pass);
    CHECK(module.handlers[2].bare);
    CHECK(module.handlers[2].body_is_pass);
    CHECK(module.handlers[2].line == 59);
    CHECK_FALSE(module.handlers[0].in_cleanup);
    CHECK_FALSE(module.handlers[2].in_cleanup);
  }

  SUBCASE("strings and the main guard")
  {
    CHECK(module.main_guard_line == 64);
    REQUIRE(!module.strings.empty());
    CHECK(module.strings[0].value == "Serving API for the churn model.");
    CHECK(module.strings[0].line == 1);
    const auto fstring = std::find_if(module.strings.begin(), module.strings.end(),
                                      [](const StringLiteral& s) { return s.is_fstring; });
    REQUIRE(fstring != module.strings.end());
    CHECK(fstring->line == 61);
    CHECK(module.notebook_markers.empty());
  }
}

TEST_CASE("Python: the same module with CRLF, a BOM or as UTF-16 reads the same")
{
  std::string crlf;
  for (const char c : k_service) {
    if (c == '\n') {
      crlf += '\r';
    }
    crlf += c;
  }
  std::string utf16 = "\xFE\xFF"; // big-endian
  for (const char c : crlf) {
    utf16 += '\0';
    utf16 += c;
  }
  const PythonModule reference = analyze_python(k_service);
  for (const std::string& input : {crlf, "\xEF\xBB\xBF" + std::string(k_service), utf16}) {
    const PythonModule other = analyze_python(input);
    REQUIRE(other.functions.size() == reference.functions.size());
    for (size_t i = 0; i < other.functions.size(); ++i) {
      CHECK(other.functions[i].name == reference.functions[i].name);
      CHECK(other.functions[i].line == reference.functions[i].line);
    }
    CHECK(other.calls.size() == reference.calls.size());
    CHECK(other.routes.size() == reference.routes.size());
    CHECK(other.main_guard_line == reference.main_guard_line);
  }
}

TEST_CASE("Python: notebook exports and tests")
{
  constexpr std::string_view exported = "#!/usr/bin/env python\n"
                                        "# coding: utf-8\n"
                                        "\n"
                                        "# In[1]:\n"
                                        "\n"
                                        "\n"
                                        "get_ipython().system('pip install shap')\n"
                                        "!pip install -q lightgbm\n"
                                        "%matplotlib inline\n"
                                        "\n"
                                        "\n"
                                        "# In[ ]:\n"
                                        "\n"
                                        "\n"
                                        "def test_split_sizes():\n"
                                        "    assert len(train) > len(test)\n"
                                        "\n"
                                        "def testScoring(self): pass\n"
                                        "def testing_helper(): pass\n"
                                        "def test(): ...\n";
  const PythonModule module = analyze_python(exported);
  REQUIRE(module.notebook_markers.size() == 5);
  CHECK(module.notebook_markers[0].kind == NotebookMarkerKind::cell_marker);
  CHECK(module.notebook_markers[0].line == 4);
  CHECK(module.notebook_markers[1].kind == NotebookMarkerKind::get_ipython);
  CHECK(module.notebook_markers[1].line == 7);
  CHECK(module.notebook_markers[2].kind == NotebookMarkerKind::shell_escape);
  CHECK(module.notebook_markers[2].text == "!pip install -q lightgbm");
  CHECK(module.notebook_markers[3].kind == NotebookMarkerKind::magic);
  CHECK(module.notebook_markers[3].line == 9);
  CHECK(module.notebook_markers[4].line == 12);
  REQUIRE(module.functions.size() == 4);
  CHECK(module.functions[0].is_test);
  CHECK(module.functions[1].is_test);
  CHECK(module.functions[1].parameter_count == 0);
  CHECK_FALSE(module.functions[2].is_test);
  CHECK(module.functions[3].is_test);
  const Call* system = call_named(module, "system");
  REQUIRE(system != nullptr);
  CHECK(system->chained);
  CHECK(system->first_string == "pip install shap");
}

TEST_CASE("Python: handlers in several shapes")
{
  constexpr std::string_view source = "try:\n"
                                      "    risky()\n"
                                      "except OSError: pass\n"
                                      "except requests.exceptions.HTTPError as e: log(e)\n"
                                      "except* (TimeoutError, asyncio.CancelledError):\n"
                                      "    pass\n"
                                      "    # a comment is not a statement\n"
                                      "    ...\n"
                                      "except:\n"
                                      "    continue_work()\n"
                                      "    pass\n"
                                      "finally:\n"
                                      "    try:\n"
                                      "        close()\n"
                                      "    except Exception:\n"
                                      "        pass\n";
  const PythonModule module = analyze_python(source);
  REQUIRE(module.handlers.size() == 5);
  CHECK(module.handlers[0].body_is_pass);
  CHECK(module.handlers[0].exceptions == std::vector<std::string>{"OSError"});
  CHECK_FALSE(module.handlers[1].body_is_pass);
  CHECK(module.handlers[1].exceptions == std::vector<std::string>{"requests.exceptions.HTTPError"});
  CHECK(module.handlers[2].body_is_pass);
  CHECK(module.handlers[2].exceptions == std::vector<std::string>{"TimeoutError", "asyncio.CancelledError"});
  CHECK(module.handlers[3].bare);
  CHECK_FALSE(module.handlers[3].body_is_pass);
  CHECK(module.handlers[4].line == 15);
  CHECK(module.handlers[4].body_is_pass);
  CHECK_FALSE(module.handlers[3].exits);
}

TEST_CASE("Python: handlers that end the program")
{
  constexpr std::string_view source = "try:\n"
                                      "    run()\n"
                                      "except:\n"
                                      "    print('failed')\n"
                                      "    sys.exit(1)\n"
                                      "except ValueError: exit(2)\n"
                                      "except KeyError:\n"
                                      "    os._exit(3)\n"
                                      "except OSError:\n"
                                      "    log.exit_code = 1\n"
                                      "    sys.exitcode(1)\n";
  const PythonModule module = analyze_python(source);
  REQUIRE(module.handlers.size() == 4);
  CHECK(module.handlers[0].exits);
  CHECK_FALSE(module.handlers[0].raises);
  CHECK(module.handlers[1].exits);
  CHECK(module.handlers[2].exits);
  CHECK_FALSE(module.handlers[3].exits);
}

TEST_CASE("Python: routes from Flask, routers and add_url_rule")
{
  constexpr std::string_view source = "@bp.route('/predict', methods=('POST',))\n"
                                      "def predict(): ...\n"
                                      "@router.get('')\n"
                                      "def root(): ...\n"
                                      "@cache.get('key')\n"
                                      "def cached(): ...\n"
                                      "@route('/hello')\n"
                                      "def hello(): ...\n"
                                      "@get('')\n"
                                      "def not_a_route(): ...\n"
                                      "app.add_url_rule('/ping', view_func=ping, methods=['GET'])\n"
                                      "@app.websocket('/ws')\n"
                                      "async def stream(ws): ...\n";
  const PythonModule module = analyze_python(source);
  REQUIRE(module.routes.size() == 5);
  CHECK(module.routes[0].path == "/predict");
  CHECK(module.routes[0].methods == std::vector<std::string>{"POST"});
  CHECK(module.routes[1].path.empty());
  CHECK(module.routes[1].decorator == "router.get");
  CHECK(module.routes[2].path == "/hello");
  CHECK(module.routes[2].methods.empty());
  CHECK(module.routes[3].path == "/ws");
  CHECK(module.routes[3].methods == std::vector<std::string>{"WEBSOCKET"});
  CHECK(module.routes[4].path == "/ping");
  CHECK(module.routes[4].function.empty());
  CHECK(module.routes[4].line == 11);

  // Modal names each web endpoint's address for its function.
  const PythonModule modal = analyze_python("import modal\n@modal.fastapi_endpoint(method='POST')\n"
                                            "def inference(request): ...\n@modal.web_endpoint()\n"
                                            "def health(): ...\n@other.fastapi_endpoint()\ndef f(): ...\n");
  REQUIRE(modal.routes.size() == 2);
  CHECK(modal.routes[0].path == "/inference");
  CHECK(modal.routes[0].methods == std::vector<std::string>{"POST"});
  CHECK(modal.routes[1].path == "/health");
  CHECK(modal.routes[1].methods == std::vector<std::string>{"GET"});
}

TEST_CASE("Python: routes from Flask-RESTX resources and namespaces")
{
  constexpr std::string_view source = "from flask_restx import Namespace, Resource\n"
                                      "api = Namespace('sentiment')\n"
                                      "def register_routes(api):\n"
                                      "    @api.route('/analyze')\n"
                                      "    class SentimentAnalyze(Resource):\n"
                                      "        @api.doc(description='Analyze')\n"
                                      "        def post(self):\n"
                                      "            return service.analyze(request.json['text'])\n"
                                      "        def helper(self): ...\n"
                                      "@api.route('/models/<name>')\n"
                                      "class Model(Resource):\n"
                                      "    def get(self, name): ...\n"
                                      "    def delete(self, name): ...\n"
                                      "@dataclass('/x')\n"
                                      "class NotARoute: ...\n"
                                      "root.add_namespace(ping_api, path='/ping')\n";
  const PythonModule module = analyze_python(source);
  REQUIRE(module.routes.size() == 4);
  CHECK(module.routes[0].path == "/analyze");
  CHECK(module.routes[0].methods == std::vector<std::string>{"POST"});
  CHECK(module.routes[0].function == "post");
  CHECK(module.routes[0].line == 4);
  CHECK(module.routes[1].path == "/models/<name>");
  CHECK(module.routes[1].methods == std::vector<std::string>{"GET"});
  CHECK(module.routes[2].methods == std::vector<std::string>{"DELETE"});
  CHECK(module.routes[3].path == "/ping");
  CHECK(module.routes[3].mount);
  CHECK_FALSE(module.routes[0].mount);
}

TEST_CASE("Python: routes below the prefix of their router")
{
  constexpr std::string_view source = "from fastapi import APIRouter\n"
                                      "from flask import Blueprint\n"
                                      "router = APIRouter(prefix=\"/history\", tags=[\"History\"])\n"
                                      "bp = Blueprint('api', __name__, url_prefix='/api/')\n"
                                      "other = APIRouter(prefix=settings.PREFIX + '/v1')\n"
                                      "def make():\n"
                                      "    inner = APIRouter(prefix='/inner')\n"
                                      "@router.get('/')\n"
                                      "def history(): ...\n"
                                      "@router.get('')\n"
                                      "def latest(): ...\n"
                                      "@router.get('/plot')\n"
                                      "def plot(): ...\n"
                                      "@bp.route('/predict', methods=['POST'])\n"
                                      "def predict(): ...\n"
                                      "@other.get('/x')\n"
                                      "def x(): ...\n"
                                      "@app.get('/health')\n"
                                      "def health(): ...\n";
  const PythonModule module = analyze_python(source);
  REQUIRE(module.routes.size() == 6);
  CHECK(module.routes[0].path == "/history/");
  CHECK(module.routes[1].path == "/history");
  CHECK(module.routes[2].path == "/history/plot");
  CHECK(module.routes[3].path == "/api/predict");
  CHECK(module.routes[4].path == "/x"); // a prefix only known when the program runs
  CHECK(module.routes[5].path == "/health");
}

TEST_CASE("Python: routes from a Django URLconf")
{
  constexpr std::string_view source = "from django.urls import include, path, re_path\n"
                                      "from django.conf.urls import url\n"
                                      "urlpatterns = [\n"
                                      "    path('', views.home),\n"
                                      "    path('api/',\n"
                                      "         include('predictor.urls')),\n"
                                      "    re_path(r'^predict/$', views.predict),\n"
                                      "    url(r'^about/', views.about),\n"
                                      "    path('static'),\n"
                                      "]\n";
  const PythonModule module = analyze_python(source);
  REQUIRE(module.routes.size() == 3);
  CHECK(module.routes[0].path == "/");
  CHECK(module.routes[0].methods.empty());
  CHECK(module.routes[0].line == 4);
  CHECK(module.routes[1].path == "/predict/");
  CHECK(module.routes[1].decorator == "re_path");
  CHECK(module.routes[2].path == "/about/");
  CHECK(std::all_of(module.routes.begin(), module.routes.end(), [](const Route& route) { return route.any_method; }));
  CHECK_FALSE(analyze_python("from flask import Flask\napp = Flask(__name__)\n\n@app.route('/p')\ndef p():\n"
                             "    return 'x'\n")
                  .routes.at(0)
                  .any_method);
  // path() is Django's only where the module imports it from django.urls.
  CHECK(analyze_python("from pathlib import Path as path\nx = path('data/', 'raw')\n").routes.empty());
}

TEST_CASE("Python: names assigned a slice")
{
  constexpr std::string_view source = "train, test = series[:cut], series[cut:]\n"
                                      "valid = frame.iloc[cut:end]\n"
                                      "config = {'a': 1}\n"
                                      "pick = lambda x: x\n"
                                      "self.test = rows[1:]\n"
                                      "first = rows[0]\n"
                                      "inner = f(rows[2:])\n";
  const PythonModule module = analyze_python(source);
  std::vector<std::string> names;
  for (const auto& name : module.slice_targets) {
    names.push_back(name.text + ":" + std::to_string(name.line));
  }
  CHECK(names == std::vector<std::string>{"train:1", "test:1", "valid:2", "inner:7"});
}

TEST_CASE("Python: hostile input")
{
  SUBCASE("deep brackets and a huge unterminated f-string")
  {
    std::string source(200000, '(');
    source += "\nf'{" + std::string(100000, '{') + "\n" + std::string(100000, ')');
    const PythonModule module = analyze_python(source);
    CHECK_FALSE(module.problems.empty());
  }
  SUBCASE("invalid UTF-8 and NUL bytes")
  {
    const char raw[] = "def f\xff(x):\n    return '\0'\n";
    const PythonModule module = analyze_python(std::string_view(raw, sizeof(raw) - 1));
    REQUIRE(module.functions.size() == 1);
    CHECK(module.functions[0].name == "f\xEF\xBF\xBD");
    REQUIRE(module.strings.size() == 1);
    CHECK(module.strings[0].value == "\xEF\xBF\xBD");
  }
  SUBCASE("empty")
  {
    const PythonModule module = analyze_python("");
    CHECK(module.line_count == 0);
    CHECK(module.functions.empty());
  }
}

TEST_CASE("Python: decorators, nested definitions and parameter shapes")
{
  constexpr std::string_view source = "import pytest\n"
                                      "\n"
                                      "@dataclass(frozen=True)\n"
                                      "class Config:\n"
                                      "    seed: int = 42\n"
                                      "\n"
                                      "    @classmethod\n"
                                      "    def load(cls, path: str = default_path()) -> 'Config':\n"
                                      "        def inner(x, /, y=lambda z: z, *, key):\n"
                                      "            return x\n"
                                      "        return cls()\n"
                                      "\n"
                                      "    @property\n"
                                      "    def name(self):\n"
                                      "        '''Name.'''\n"
                                      "        return 'config'\n"
                                      "\n"
                                      "\n"
                                      "@pytest.mark.parametrize('value', [1, 2, 3])\n"
                                      "def test_values(value: int) -> None:\n"
                                      "    assert value\n";
  const PythonModule module = analyze_python(source);
  REQUIRE(module.classes.size() == 1);
  REQUIRE(module.classes[0].decorators.size() == 1);
  CHECK(module.classes[0].decorators[0].name == "dataclass");
  CHECK(module.classes[0].decorators[0].keywords[0].name == "frozen");
  CHECK(module.classes[0].decorators[0].keywords[0].value == "True");
  REQUIRE(module.functions.size() == 4);
  const Function& load = module.functions[0];
  CHECK(load.class_name == "Config");
  CHECK(load.parameter_count == 1);
  CHECK(load.all_parameters_annotated);
  CHECK(load.has_return_annotation);
  CHECK(load.decorators[0].name == "classmethod");
  const Function& inner = module.functions[1];
  CHECK(inner.name == "inner");
  CHECK(inner.class_name.empty());
  CHECK(inner.parameter_count == 3);
  CHECK(inner.annotated_parameters == 0);
  const Function& name = module.functions[2];
  CHECK(name.class_name == "Config");
  CHECK(name.parameter_count == 0);
  CHECK(name.all_parameters_annotated);
  CHECK(name.has_docstring);
  const Function& test = module.functions[3];
  CHECK(test.is_test);
  CHECK(test.all_parameters_annotated);
  REQUIRE(test.decorators.size() == 1);
  CHECK(test.decorators[0].name == "pytest.mark.parametrize");
  CHECK(test.decorators[0].first_string == "value");
  CHECK(module.routes.empty());
  CHECK(call_named(module, "default_path") != nullptr);
}

TEST_CASE("Python: names once at their first line, positional arguments counted")
{
  const PythonModule module = analyze_python("import numpy as np\n"
                                             "rng = np.random.default_rng(42)\n"
                                             "if rng is not None:\n"
                                             "    baseline_score = rng.random()\n"
                                             "split(x_train, *rest, test_size=0.2, **options,)\n"
                                             "f('a', 'b' + c, d=[1, 2])\n");
  std::vector<std::string> names;
  for (const auto& name : module.names) {
    names.push_back(name.text);
  }
  CHECK(names == std::vector<std::string>{"numpy", "np", "rng", "random", "default_rng", "baseline_score",
                                          "split", "x_train", "rest", "test_size", "options", "f", "c", "d"});
  CHECK(module.names[5].line == 4);
  REQUIRE(module.calls.size() == 4);
  CHECK(module.calls[0].callee == "np.random.default_rng");
  CHECK(module.calls[0].positional_arguments == 1);
  CHECK(module.calls[1].positional_arguments == 0);
  CHECK(module.calls[2].positional_arguments == 3);
  CHECK(module.calls[3].positional_arguments == 2);
}

TEST_CASE("Python: function bodies that check nothing, where bodies end, raise and assert statements")
{
  constexpr std::string_view source = "def test_placeholder(): assert True\n"
                                      "def test_math():\n"
                                      "    \"\"\"Arithmetic.\"\"\"\n"
                                      "    assert 1 + 1 == 2\n"
                                      "    assert [1, 2][0] == 1\n"
                                      "\n"
                                      "def test_fixture(sample):\n"
                                      "    assert sample.shape == (3, 2)\n"
                                      "class TestModel:\n"
                                      "    def test_todo(self):\n"
                                      "        pass\n"
                                      "    def test_fit(self):\n"
                                      "        def helper():\n"
                                      "            return None\n"
                                      "        if fit(\n"
                                      "            1) is None:\n"
                                      "            raise ValueError('no model')\n"
                                      "def one_line(x): return x\n";
  const PythonModule module = analyze_python(source);
  REQUIRE(module.functions.size() == 7);
  CHECK(module.functions[0].trivial_body);
  CHECK(module.functions[0].end_line == 1);
  CHECK(module.functions[1].trivial_body);
  CHECK(module.functions[1].end_line == 5);
  CHECK_FALSE(module.functions[2].trivial_body);
  CHECK(module.functions[2].end_line == 8);
  CHECK(module.functions[3].trivial_body);
  CHECK(module.functions[3].end_line == 11);
  CHECK_FALSE(module.functions[4].trivial_body);
  CHECK(module.functions[4].end_line == 17);
  CHECK(module.functions[5].name == "helper");
  CHECK(module.functions[5].trivial_body);
  CHECK(module.functions[5].end_line == 14);
  CHECK_FALSE(module.functions[6].trivial_body);
  CHECK(module.raise_lines == std::vector<int>{17});
  CHECK(module.assert_lines == std::vector<int>{1, 4, 5, 8});
}

TEST_CASE("is_python_keyword: the 35 keywords, with case, and nothing else")
{
  for (const std::string_view keyword :
       {"False", "None",   "True",  "and",    "as",     "assert", "async",  "await",    "break",
        "class", "continue", "def", "del",    "elif",   "else",   "except", "finally",  "for",
        "from",  "global", "if",    "import", "in",     "is",     "lambda", "nonlocal", "not",
        "or",    "pass",   "raise", "return", "try",    "while",  "with",   "yield"}) {
    CAPTURE(keyword);
    CHECK(is_python_keyword(keyword));
  }
  for (const std::string_view name : {"", "i", "none", "TRUE", "match", "case", "type", "print", "classes",
                                      "iff", "defs", "finally_", "continues", "self", "ass", "fo", "whil",
                                      "elsee", "nonloca", "nonlocals", "Falsey", "yields"}) {
    CAPTURE(name);
    CHECK_FALSE(is_python_keyword(name));
  }
}
