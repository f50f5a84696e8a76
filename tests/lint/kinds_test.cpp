#include "lint/rule_fixture.h"

#include <doctest/doctest.h>

using namespace mlfolio;
using namespace mlfolio::lint;
using mlfolio::test::evaluate;

TEST_CASE("kind file-exists: found files, or what it looked for and where")
{
  const std::string rule = "kind = \"file-exists\"\n[params]\nlooking_for = \"licence file\"\n"
                           "globs = [\"LICENSE*\", \"COPYING\"]\nexclude = [\"LICENSE.draft\"]\n";
  MemoryView view;
  view.add("docs/LICENSE", "");
  view.add("LICENSE.draft", "");
  Finding finding = evaluate("repo/lic", rule, view);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message == "no licence file at the project root (looked for LICENSE*, COPYING)");
  CHECK(finding.fix == "Fix repo/lic.");
  view.add("LICENSE.md", "");
  finding = evaluate("repo/lic", rule, view);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message == "found LICENSE.md");
  CHECK(finding.locations == std::vector<Location>{{"LICENSE.md", 0}});
  CHECK(finding.fix.empty());
}

TEST_CASE("kind file-exists: files commented out line by line are named, one or several")
{
  const std::string rule = "kind = \"file-exists\"\n[params]\nlooking_for = \"CI workflow\"\n"
                           "globs = [\".github/workflows/*.yml\"]\ncommented_out_missing = true\n";
  MemoryView view;
  view.add(".github/workflows/ci.yml", "# on: push\n\n#jobs:\n#  test:\n");
  Finding finding = evaluate("mlops/wf", rule, view);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message == ".github/workflows/ci.yml is commented out, every line of it: it runs nothing");
  CHECK(finding.locations == std::vector<Location>{{".github/workflows/ci.yml", 1}});
  view.add(".github/workflows/deploy.yml", "# on: push\n");
  finding = evaluate("mlops/wf", rule, view);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message ==
        ".github/workflows/ci.yml, .github/workflows/deploy.yml are commented out, every line "
        "of them: they run nothing");
  MemoryView empty;
  empty.add(".github/workflows/ci.yml", "\n");
  finding = evaluate("mlops/wf", rule, empty);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message == ".github/workflows/ci.yml is empty: it runs nothing");
  view.add(".github/workflows/lint.yml", "on: push\n");
  finding = evaluate("mlops/wf", rule, view);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message == "found .github/workflows/lint.yml");
}

TEST_CASE("kind no-paths-matching: each offender once, folders as folders")
{
  const std::string rule = "kind = \"no-paths-matching\"\n[params]\nlooking_for = \"junk\"\n"
                           "globs = [\"__pycache__/\", \".env\", \"venv/\", \"pyvenv.cfg\"]\n";
  MemoryView view;
  view.add("src/a/__pycache__/x.pyc", "");
  view.add("src/a/__pycache__/y.pyc", "");
  view.add("venv/pyvenv.cfg", "");
  view.add("venv/lib/site.py", "");
  view.add(".env", "");
  view.add(".env.example", "");
  const Finding finding = evaluate("repo/junk", rule, view);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message == "junk committed: .env, src/a/__pycache__/, venv/");
  CHECK(finding.locations == std::vector<Location>{{".env", 0}, {"src/a/__pycache__/", 0}, {"venv/", 0}});

  MemoryView clean;
  clean.add(".env.example", "");
  CHECK(evaluate("repo/junk", rule, clean).message == "no junk committed");
}

TEST_CASE("kind file-contains: the first line that matches, or files without it")
{
  const std::string rule = "kind = \"file-contains\"\n[params]\nlooking_for = \"package metadata\"\n"
                           "[params.files]\n\"pyproject.toml\" = ['(?m)^\\[project\\]']\n\"setup.py\" = []\n";
  MemoryView view;
  view.add("pyproject.toml", "[tool.ruff]\nline-length = 100\n");
  Finding finding = evaluate("code/pkg", rule, view);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message == "no package metadata in pyproject.toml");
  CHECK(finding.locations == std::vector<Location>{{"pyproject.toml", 0}});

  view.add("pyproject.toml", "[tool.ruff]\r\nline-length = 100\r\n\r\n[project]\r\nname = \"x\"\r\n");
  finding = evaluate("code/pkg", rule, view);
  CHECK(finding.status == Status::pass);
  CHECK(finding.message == "package metadata: pyproject.toml:4");

  // A pattern that starts with \s* takes in the blank lines above the match: the line shown is
  // the match's own.
  const std::string spaced = "kind = \"file-contains\"\n[params]\nlooking_for = \"package metadata\"\n"
                             "[params.files]\n\"pyproject.toml\" = ['(?m)^\\s*\\[project\\]']\n";
  view.add("pyproject.toml", "[tool.ruff]\nline-length = 100\n\n\n  [project]\nname = \"x\"\n");
  CHECK(evaluate("code/pkg", spaced, view).message == "package metadata: pyproject.toml:5");

  // The project's own file before one deeper that sorts first: docs/requirements.txt builds the docs.
  const std::string deps = "kind = \"file-contains\"\n[params]\nlooking_for = \"declared dependencies\"\n"
                           "[params.files]\n\"requirements*.txt\" = ['(?m)^[A-Za-z]']\n";
  MemoryView nested;
  nested.add("docs/requirements.txt", "sphinx\n");
  nested.add("requirements.txt", "# runtime\npandas==2.2.2\n");
  CHECK(evaluate("code/deps", deps, nested).message == "declared dependencies: requirements.txt:2");

  MemoryView empty;
  CHECK(evaluate("code/pkg", rule, empty).message ==
        "no package metadata at the project root (looked for pyproject.toml, setup.py)");
  MemoryView setup;
  setup.add("setup.py", "");
  CHECK(evaluate("code/pkg", rule, setup).message == "package metadata: setup.py");

  // UTF-16 with a byte order mark (PowerShell's "pip freeze > requirements.txt") is read as text.
  std::string utf16("\xFF\xFE", 2);
  for (const char c : std::string_view("# tools\r\n[project]\r\n")) {
    utf16 += c;
    utf16 += '\0';
  }
  MemoryView wide;
  wide.add("pyproject.toml", utf16);
  CHECK(evaluate("code/pkg", rule, wide).message == "package metadata: pyproject.toml:2");
}

TEST_CASE("kind content-absent: every place with its line, allowed lines and binaries left out")
{
  const std::string rule = "kind = \"content-absent\"\n[params]\nlooking_for = \"tokens\"\nglobs = [\"*\"]\n"
                           "allow = ['(?i)example']\nexclude = [\"*.csv\"]\n"
                           "[params.patterns]\n\"demo token\" = ['tok_[0-9]{4}']\n";
  MemoryView view;
  view.add("a.py", "x = 1\ny = 'tok_1234'\nz = 'tok_5678' # example\n");
  view.add("notebooks/n.ipynb", "{\"source\": [\"t = 'tok_0000'\"]}");
  view.add("img.png", std::string("\0tok_9999", 9));
  view.add(".venv/lib/x.py", "tok_1111");
  view.add("data/rows.csv", "tok_2222");
  const Finding finding = evaluate("repo/tokens", rule, view);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message == "tokens found in 2 places");
  CHECK(finding.locations == std::vector<Location>{{"a.py", 2}, {"notebooks/n.ipynb", 1}});
  REQUIRE(finding.details.size() == 2);
  CHECK(finding.details[0].message == "demo token at a.py:2");
}

TEST_CASE("kind gitignore-covers: each uncovered group is a detail")
{
  const std::string rule =
      "kind = \"gitignore-covers\"\n[params.covers]\n\"caches\" = [\"a/__pycache__/m.pyc\"]\n"
      "\"secrets\" = [\".env\"]\n";
  MemoryView view;
  CHECK(evaluate("repo/gi", rule, view).message == "no .gitignore at the project root");
  MemoryView misnamed; // the patterns kept under a name git does not read
  misnamed.add("gitignore.txt", "__pycache__/\n.env\n");
  const Finding renamed = evaluate("repo/gi", rule, misnamed);
  CHECK(renamed.status == Status::fail);
  CHECK(renamed.message == "no .gitignore at the project root; gitignore.txt is there, but git reads the "
                           "patterns of a file named .gitignore only");
  CHECK(renamed.locations == std::vector<Location>{{"gitignore.txt", 0}});
  // A last line appended in UTF-16 makes the file binary to a text reader; git still applies the
  // lines before it.
  MemoryView mixed;
  std::string bytes = "__pycache__/\n.env\n";
  for (const char c : std::string_view("!.env.local\r\n")) {
    bytes += c;
    bytes += '\0';
  }
  mixed.add(".gitignore", bytes);
  const Finding read = evaluate("repo/gi", rule, mixed);
  CHECK(read.status == Status::pass);
  CHECK(read.message == ".gitignore covers caches, secrets");
  // The same in the .gitignore files of the folders that hold the code, without one at the root.
  MemoryView nested;
  nested.add("backend/.gitignore", bytes);
  nested.add("backend/app.py", "x = 1\n");
  nested.add("frontend/.gitignore", "__pycache__/\n");
  nested.add("frontend/notebook.ipynb", "{}");
  const Finding each = evaluate("repo/gi", rule, nested);
  CHECK(each.status == Status::fail);
  CHECK(each.message == "backend/.gitignore, frontend/.gitignore do not cover secrets");
  CHECK(renamed.fix.starts_with("Rename gitignore.txt to .gitignore (git mv gitignore.txt .gitignore)"));
  view.add(".gitignore", "# caches\n__pycache__/\n!.env\n");
  const Finding finding = evaluate("repo/gi", rule, view);
  CHECK(finding.status == Status::fail);
  CHECK(finding.message == ".gitignore does not cover secrets");
  REQUIRE(finding.details.size() == 1);
  CHECK(finding.details[0].message == "secrets: nothing ignores .env");
  view.add(".gitignore", "*.py[cod]\n.env\n");
  CHECK(evaluate("repo/gi", rule, view).message == ".gitignore covers caches, secrets");
}
