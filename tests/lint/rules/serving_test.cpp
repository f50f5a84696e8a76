#include "lint/rules/serving.h"

#include <doctest/doctest.h>

using namespace mlfolio::lint;

TEST_CASE("serving: frameworks by import, routes by decorator, tests and notebooks left out")
{
  MemoryView view;
  view.add("tests/test_api.py", "from fastapi.testclient import TestClient\n");
  view.add("notebooks/demo.ipynb", R"({"cells": [{"cell_type": "code", "source": "import gradio as gr"}]})");
  {
    const Analysis analysis(view);
    CHECK(serving_uses(analysis).empty());
    CHECK_FALSE(has_http_api(analysis));
  }
  view.add("app/ui.py", "import streamlit as st\n");
  view.add("app/server.py", "from ray import serve\nfrom flask import Flask\napp = Flask(__name__)\n\n"
                            "@app.route('/predict', methods=['POST'])\ndef predict():\n    return {}\n");
  const Analysis analysis(view);
  const auto uses = serving_uses(analysis);
  REQUIRE(uses.size() == 3);
  CHECK(uses[0].framework == "Ray Serve");
  CHECK(uses[0].where == Location{"app/server.py", 1});
  CHECK(uses[1].framework == "Flask");
  CHECK(uses[2].framework == "Streamlit");
  CHECK(uses[2].kind == ServingKind::interactive_app);
  const auto routes = http_routes(analysis);
  REQUIRE(routes.size() == 1);
  CHECK(routes[0].route->path == "/predict");
  CHECK(routes[0].where == Location{"app/server.py", 5});
  CHECK(has_http_api(analysis));
}
