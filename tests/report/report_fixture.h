#pragma once

// A small audited repository and a handful of rules covering every way a finding can look:
// a pass, failures with locations and with details, an alert, a disabled rule, a rule without a
// check.

#include "lint/rule_fixture.h"
#include "report/report.h"

namespace mlfolio::test {

inline lint::Catalog report_catalog()
{
  return catalog_of({
      {"docs/readme", "error",
       "kind = \"file-exists\"\n[params]\nlooking_for = \"README\"\nglobs = [\"README.md\"]\n"},
      {"docs/results", "warning",
       "kind = \"file-contains\"\n[params]\nlooking_for = \"results table\"\n[params.files]\n"
       "\"README.md\" = ['(?m)^\\|.*F1']\n"},
      {"repo/no-junk", "warning",
       "kind = \"no-paths-matching\"\n[params]\nlooking_for = \"generated files\"\n"
       "globs = [\"__pycache__/\", \".DS_Store\"]\n"},
      {"repo/secrets", "error",
       "alert = true\nkind = \"content-absent\"\n[params]\nlooking_for = \"credentials\"\nglobs = [\"*\"]\n"
       "[params.patterns]\n\"demo token\" = ['tok_[0-9]{4}']\n"},
      {"repo/license", "warning",
       "kind = \"file-exists\"\n[params]\nlooking_for = \"licence\"\nglobs = [\"LICENSE\"]\n"},
      {"tests/unwritten", "error", "kind = \"cpp\"\n"}, // an id no body will ever have
      {"mlops/ci", "warning",
       "kind = \"file-exists\"\n[params]\nlooking_for = \"CI workflow\"\nglobs = "
       "[\".github/workflows/*.yml\"]\n"},
  });
}

inline lint::MemoryView report_view()
{
  lint::MemoryView view;
  view.add("README.md", "# Demo\n\nA demo project.\n");
  view.add("src/demo/__pycache__/a.cpython-311.pyc", "");
  view.add(".DS_Store", "");
  view.add("src/demo/settings.py", "import os\n\nTOKEN = 'tok_1234'\n");
  view.add(".github/workflows/ci.yml", "on: push\n");
  return view;
}

inline report::Report fixture_report()
{
  const lint::Catalog catalog = report_catalog();
  const lint::MemoryView view = report_view();
  config::Config config;
  config.disable.push_back({"repo/license", ".mlfolio.toml"});
  report::Report report =
      report::make_report(view.describe(), view.commit(), lint::run_rules(view, catalog, config), catalog);
  report.tool_version = "0.0.0-test";
  report.notes.push_back("cannot read data/big.bin: permission denied");
  return report;
}

} // namespace mlfolio::test
