#pragma once

// A small, realistic ML project audited with the built-in rules: passes, failures with line
// numbers, skips (no history in memory), and names and messages with characters every format
// must escape: < & > " | % and non-ASCII.

#include "lint/repo_view.h"
#include "report/report.h"

#include <doctest/doctest.h>

namespace mlfolio::test {

inline lint::MemoryView project_view()
{
  lint::MemoryView view;
  view.add("README.md",
           "# Churn <&> \"predictor\" | 100% für Kunden\n\n"
           "Predicts which customers of a telecom operator cancel next month, so that the retention "
           "team calls them first. Trained on two years of contracts.\n\n"
           "## Results\n\n| model | F1 |\n|---|---|\n| baseline | 0.41 |\n| model | 0.62 |\n\n"
           "## Quick start\n\n```bash\npip install -e .\npython -m churn.train\n```\n\nTODO: write this\n");
  view.add("pyproject.toml", "[project]\nname = \"churn\"\ndependencies = [\"pandas\", \"scikit-learn\"]\n");
  view.add("src/churn/__init__.py", "");
  view.add("src/churn/train.py",
           "import pandas as pd\n\n\ndef train(path):\n    frame = pd.read_csv(path)\n    return frame\n");
  view.add("src/churn/settings.py",
           "API_KEY = 'AKIAZ7Q3W4E5R6T7Y8U9'\nAWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYz7Q3W4E5R6'\n");
  view.add("notebooks/Exploration <v2> & \"100%\" | größe.ipynb",
           "{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}\n");
  view.add("tests/test_train.py", "from churn.train import train\n\n\ndef test_train():\n    assert train\n");
  view.add("notebooks/Exploration <v2> & \"100%\" | größe/.DS_Store", "");
  return view;
}

inline report::Report project_report()
{
  const auto catalog = lint::builtin_catalog();
  REQUIRE_MESSAGE(catalog.has_value(), catalog.error().message);
  const lint::MemoryView view = project_view();
  report::Report report = report::make_report("churn-<demo> & \"co\"", std::string("0123456789abcdef"),
                                              lint::run_rules(view, **catalog, config::Config{}), **catalog);
  report.tool_version = "0.0.0-test";
  return report;
}

} // namespace mlfolio::test
