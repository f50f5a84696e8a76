// The messages of the C++ rule bodies, word for word.
#include "lint/catalog.h"
#include "lint/rule_fixture.h"
#include "lint/runner.h"

#include <doctest/doctest.h>

using namespace mlfolio;
using namespace mlfolio::lint;
using mlfolio::test::check_rule;

TEST_CASE("docs/readme: counts words outside headings, badges and title underlines")
{
  MemoryView view;
  CHECK(check_rule("docs/readme", view).message == "no README.md, README.rst or README.txt at the project root");
  view.add("docs/README.md", "# Docs\n");
  CHECK(check_rule("docs/readme", view).message ==
        "no README at the project root; docs/README.md is not where a reviewer looks first (README.md, README.rst "
        "or README.txt)");
  view.add("README.rst", "Title\n=====\n\n.. image:: badge.svg\n\nOne two three.\r\n");
  Finding finding = check_rule("docs/readme", view);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message ==
        "README.rst has 3 words besides its headings; a README needs at least 25 to say what the project is");
  CHECK(finding.locations == std::vector<Location>{{"README.rst", 1}});
  config::Config lenient;
  lenient.thresholds[config::Threshold::readme_min_words] = 3;
  finding = check_rule("docs/readme", view, lenient);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message == "README.rst has 3 words besides its headings");
}

TEST_CASE("code/package and code/not-notebook-only")
{
  MemoryView view;
  view.add("analysis.ipynb", "{}");
  CHECK(check_rule("code/package", view).message == "no Python files outside tests");
  CHECK(check_rule("code/not-notebook-only", view).message ==
        "the code lives only in notebooks (1 notebook); there is no Python module outside tests");
  view.add("setup.py", "");
  CHECK(check_rule("code/not-notebook-only", view).status == Status::fail);
  view.add("train.py", "");
  CHECK(check_rule("code/package", view).message ==
        "no folder with an __init__.py; the code is loose scripts: setup.py, train.py");
  CHECK(check_rule("code/not-notebook-only", view).message == "1 Python module beside 1 notebook");
  view.add("src/churn/__init__.py", "");
  CHECK(check_rule("code/package", view).message == "importable package src/churn/");
}

TEST_CASE("repo/large-files: each file above its threshold with its size, artifacts from a smaller size")
{
  MemoryView view;
  view.add("small.txt", "x");
  CHECK(check_rule("repo/large-files", view).message == "no file above 10.0 MB (model and data files: 5.0 MB) outside Git LFS");
  view.add("models/model.pt", std::string(3 * 1024 * 1024, 'w'));
  view.add("models/big.onnx", std::string(1024 * 1024 + 1, 'w'));
  view.add("data/raw.csv", std::string(2 * 1024 * 1024 + 1, 'd'));
  view.add("notes.txt", std::string(1024 * 1024 + 1, 'n'));
  view.add_symlink("link.pt", "models/model.pt");
  config::Config config;
  config.thresholds[config::Threshold::large_file_mb] = 2;
  config.thresholds[config::Threshold::artifact_mb] = 1;
  Finding finding = check_rule("repo/large-files", view, config);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message == "3 files above 2.0 MB (model and data files: 1.0 MB)");
  REQUIRE(finding.details.size() == 3);
  CHECK(finding.details[0].message == "data/raw.csv (2.0 MB)");
  CHECK(finding.details[1].message == "models/big.onnx (1.0 MB, a model or data artifact)");
  CHECK(finding.details[2].message == "models/model.pt (3.0 MB, a model or data artifact)");
  CHECK(finding.severity == Severity::warning);

  // Files that Git LFS filters are the real content in a working tree, and fine.
  view.add(".gitattributes", "# large files\nmodels/*.pt filter=lfs diff=lfs merge=lfs -text\n*.onnx filter=lfs -text\n");
  finding = check_rule("repo/large-files", view, config);
  CHECK(finding.message == "1 file above 2.0 MB (model and data files: 1.0 MB)");
}
