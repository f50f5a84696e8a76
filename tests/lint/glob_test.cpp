#include "lint/glob.h"

#include <doctest/doctest.h>

using namespace mlfolio::lint;

namespace {

Glob glob(std::string_view pattern, Anchor anchor, bool case_sensitive = false)
{
  auto compiled = Glob::compile(pattern, anchor, case_sensitive);
  REQUIRE_MESSAGE(compiled.has_value(), compiled.error().message);
  return *compiled;
}

} // namespace

TEST_CASE("glob: anchors decide where a pattern may start")
{
  SUBCASE("root")
  {
    const Glob license = glob("LICENSE*", Anchor::root);
    CHECK(license.matches_file("LICENSE"));
    CHECK(license.matches_file("license.md"));
    CHECK_FALSE(license.matches_file("docs/LICENSE"));
  }
  SUBCASE("anywhere")
  {
    const Glob dockerfile = glob("Dockerfile", Anchor::anywhere);
    CHECK(dockerfile.matches_file("Dockerfile"));
    CHECK(dockerfile.matches_file("api/Dockerfile"));
    CHECK(glob("requirements/*.txt", Anchor::anywhere).matches_file("svc/requirements/base.txt"));
  }
  SUBCASE("gitignore: a slash roots the pattern, none lets it float")
  {
    CHECK(glob("*.pyc", Anchor::gitignore).matches_file("a/b/c.pyc"));
    CHECK(glob("docs/*.md", Anchor::gitignore).matches_file("docs/a.md"));
    CHECK_FALSE(glob("docs/*.md", Anchor::gitignore).matches_file("x/docs/a.md"));
    CHECK(glob("/build", Anchor::gitignore).matching_prefix("build/x.o") == "build/");
    CHECK_FALSE(glob("/build", Anchor::gitignore).matching_prefix("src/build/x.o"));
  }
}

TEST_CASE("glob: wildcards, classes and **")
{
  CHECK(glob("*.py[cod]", Anchor::anywhere).matches_file("x/mod.pyc"));
  CHECK_FALSE(glob("*.py[cod]", Anchor::anywhere).matches_file("x/mod.pyx"));
  CHECK(glob("[!a]*", Anchor::root).matches_file("b"));
  CHECK_FALSE(glob("[!a]*", Anchor::root).matches_file("a"));
  CHECK(glob("file?.txt", Anchor::root).matches_file("file1.txt"));
  CHECK_FALSE(glob("*", Anchor::root).matches_file("a/b"));
  CHECK(glob("a/**/b", Anchor::root).matches_file("a/b"));
  CHECK(glob("a/**/b", Anchor::root).matches_file("a/x/y/b"));
  CHECK(glob("a/**", Anchor::root).matches_file("a/x/y"));
  CHECK(glob("\\*.md", Anchor::root).matches_file("*.md"));
  CHECK_FALSE(glob("\\*.md", Anchor::root).matches_file("a.md"));
}

TEST_CASE("glob: case, folders and the prefix that matched")
{
  CHECK(glob("readme.md", Anchor::root).matches_file("README.md"));
  CHECK_FALSE(glob("readme.md", Anchor::root, true).matches_file("README.md"));
  const Glob venv = glob("venv/", Anchor::gitignore);
  CHECK_FALSE(venv.matches_file("venv"));
  CHECK(venv.matching_prefix("venv/lib/x.py") == "venv/");
  CHECK(venv.matching_prefix("svc/venv/lib/x.py") == "svc/venv/");
  CHECK_FALSE(venv.matching_prefix("venv"));
  const Glob pycache = glob("__pycache__", Anchor::gitignore);
  CHECK(pycache.matching_prefix("a/__pycache__/m.pyc") == "a/__pycache__/");
  CHECK(glob(".env", Anchor::gitignore).matching_prefix(".env") == ".env");
  CHECK_FALSE(glob(".env", Anchor::gitignore).matching_prefix(".env.example"));
}

TEST_CASE("glob: syntax errors are reported")
{
  const auto unclosed = Glob::compile("data[", Anchor::root);
  REQUIRE_FALSE(unclosed.has_value());
  CHECK(unclosed.error().message == "glob 'data[' has a '[' without a matching ']'.");
  CHECK_FALSE(Glob::compile("", Anchor::root).has_value());
}

TEST_CASE("glob: a file's last part is matched first, with the same rules as the rest")
{
  // What the shortcut in Glob::matches_file must keep: case folding, classes, escapes, empty
  // parts, and patterns that end in ** (no shortcut).
  CHECK(glob("*.pt", Anchor::anywhere).matches_file("models/Best.PT"));
  CHECK_FALSE(glob("*.pt", Anchor::anywhere, true).matches_file("models/Best.PT"));
  CHECK(glob("model_[0-9].bin", Anchor::anywhere).matches_file("a//model_7.bin"));
  CHECK_FALSE(glob("model_[0-9].bin", Anchor::anywhere).matches_file("a/model_x.bin"));
  CHECK(glob("a\\*b", Anchor::anywhere).matches_file("x/a*b"));
  CHECK_FALSE(glob("a\\*b", Anchor::anywhere).matches_file("x/aXb"));
  CHECK(glob("data/**", Anchor::root).matches_file("data/raw/x.csv"));
  CHECK(glob("**/raw/*", Anchor::root).matches_file("data/raw/x.csv"));
  CHECK_FALSE(glob("**/raw/*", Anchor::root).matches_file("data/raw"));
  CHECK(glob("x.csv", Anchor::anywhere).matches_file("data/raw/x.csv/"));
  // Last parts compared as a whole name or as a suffix after "*": the same answers.
  CHECK(glob("Dockerfile", Anchor::anywhere).matches_file("api/DOCKERFILE"));
  CHECK_FALSE(glob("Dockerfile", Anchor::anywhere, true).matches_file("api/DOCKERFILE"));
  CHECK_FALSE(glob("Dockerfile", Anchor::anywhere).matches_file("api/Dockerfile.dev"));
  CHECK(glob("*.ipynb", Anchor::anywhere).matches_file("nb/.IPYNB"));
  CHECK_FALSE(glob("*.ipynb", Anchor::anywhere).matches_file("nb/ipynb"));
  CHECK_FALSE(glob("*.ipynb", Anchor::anywhere, true).matches_file("nb/a.IPYNB"));
  CHECK(glob("*", Anchor::anywhere).matches_file("a/b"));
  CHECK(glob("*.tar.gz", Anchor::gitignore).matching_prefix("dist/x.tar.gz") == "dist/x.tar.gz");
  const auto set = GlobSet::compile({"requirements*.txt", "*.lock", "Pipfile"}, Anchor::anywhere);
  REQUIRE(set.has_value());
  CHECK(set->matches_file("svc/requirements-dev.txt"));
  CHECK(set->matches_file("poetry.LOCK"));
  CHECK(set->matches_file("a/pipfile"));
  CHECK_FALSE(set->matches_file("a/Pipfile.lock.bak"));
  // A rooted pattern whose first part is a plain name: a path is compared with it first.
  CHECK(glob(".github/workflows/*.yml", Anchor::root).matches_file(".GitHub/workflows/ci.yml"));
  CHECK_FALSE(glob(".github/workflows/*.yml", Anchor::root, true).matches_file(".GitHub/workflows/ci.yml"));
  CHECK_FALSE(glob(".github/workflows/*.yml", Anchor::root).matches_file("data/workflows/ci.yml"));
  CHECK_FALSE(glob(".github/workflows/*.yml", Anchor::root).matches_file(".github"));
  CHECK(glob("LICENSES/*", Anchor::root).matches_file("/LICENSES//MIT.txt"));
  CHECK_FALSE(glob("LICENSES/*", Anchor::root).matches_file("docs/LICENSES/MIT.txt"));
  CHECK(glob("a/**", Anchor::root).matches_file("a"));
  // The plain names among its folders: looked for anywhere above the file.
  CHECK(glob("requirements/*.txt", Anchor::anywhere).matches_file("svc/Requirements/dev.txt"));
  CHECK_FALSE(glob("requirements/*.txt", Anchor::anywhere).matches_file("svc/requirements.txt"));
  CHECK_FALSE(glob("requirements/*.txt", Anchor::anywhere).matches_file("requirements/x/dev.txt"));
  CHECK(glob("**/a/**/b/*.py", Anchor::root).matches_file("x/a/y/b/m.py"));
  CHECK_FALSE(glob("**/a/**/b/*.py", Anchor::root).matches_file("x/b/y/c/m.py"));
  CHECK(glob("**/cache/**", Anchor::root).matches_file("x/cache"));
}

TEST_CASE("glob: the shortest matching prefix, whatever the pattern's last part")
{
  // Glob::matching_prefix tries a prefix only when its last component matches the pattern's
  // last part; what that shortcut must keep: "**" at the end or in the middle, folder-only
  // patterns, case, and the shortest prefix over a set of globs.
  CHECK(glob("logs/**", Anchor::gitignore).matching_prefix("logs/a/b.txt") == "logs/");
  CHECK(glob("a/**/b", Anchor::gitignore).matching_prefix("a/x/y/b/c.txt") == "a/x/y/b/");
  CHECK(glob("a/**/b", Anchor::gitignore).matching_prefix("a/b") == "a/b");
  CHECK_FALSE(glob("a/**/b", Anchor::gitignore).matching_prefix("x/a/b/c"));
  CHECK(glob("*.egg-info/", Anchor::gitignore).matching_prefix("src/Pkg.EGG-INFO/PKG-INFO") ==
        "src/Pkg.EGG-INFO/");
  CHECK_FALSE(glob("*.egg-info/", Anchor::gitignore).matching_prefix("src/pkg.egg-info"));
  CHECK_FALSE(glob("Build", Anchor::gitignore, true).matching_prefix("src/build/x.o"));
  const auto set = GlobSet::compile({"*.pyc", "cache/", "deep/**"}, Anchor::gitignore);
  REQUIRE(set.has_value());
  CHECK(set->matching_prefix("deep/cache/x.pyc") == "deep/");
  CHECK(set->matching_prefix("src/cache/x.pyc") == "src/cache/");
  CHECK(set->matching_prefix("src/x.pyc") == "src/x.pyc");
  CHECK_FALSE(set->matching_prefix("src/x.py"));
}

TEST_CASE("glob: the name key says what a matching file's name must be")
{
  using Kind = Glob::NameKey::Kind;
  const auto key = [](std::string_view pattern) { return glob(pattern, Anchor::anywhere).name_key(); };
  CHECK(key("Dockerfile").kind == Kind::name);
  CHECK(key("Dockerfile").text == "dockerfile");
  CHECK(key(".github/workflows/CI.yml").text == "ci.yml");
  CHECK(key("LICENSE.*").kind == Kind::prefix);
  CHECK(key("LICENSE.*").text == "license.");
  CHECK(key("requirements*.txt").kind == Kind::prefix);
  CHECK(key("requirements*.txt").text == "requirements");
  CHECK(key("*.TXT").kind == Kind::extension);
  CHECK(key("*.TXT").text == ".txt");
  CHECK(key("*.tar.gz").text == ".gz");
  CHECK(key("data_[0-9].csv").kind == Kind::prefix);
  CHECK(key("[Mm]akefile").kind == Kind::none); // neither a literal start nor an extension
  CHECK(key("*[.]json").kind == Kind::none);    // the dot is in a class
  CHECK(key("*[0-9].json").text == ".json");
  CHECK(key("environment.y*ml").kind == Kind::prefix);
  CHECK(key("*").kind == Kind::none);
  CHECK(key("src/**").kind == Kind::none);
  CHECK(key("*_test.*").kind == Kind::none);
  CHECK(key("*.").kind == Kind::none);
  CHECK(key("__pycache__/").kind == Kind::no_file);
}

TEST_CASE("glob: a prefix matcher over a sorted listing answers as matching_prefix does")
{
  const std::vector<std::string> paths = {".env",
                                          ".venv/pyvenv.cfg",
                                          "a/b/__pycache__/x.pyc",
                                          "a/b/c.pyc",
                                          "a/b/c.py",
                                          "a/b/d.py",
                                          "a/b2/c.py",
                                          "a/c.py",
                                          "cache",
                                          "cache/x",
                                          "deep/cache/x",
                                          "deep/y",
                                          "src//x.pyc",
                                          "src/Cache/y",
                                          "src/cache/x.pyc",
                                          "src/x.pyc",
                                          "x.PYC",
                                          "x.py",
                                          "x.tar.gz",
                                          "b.GZ",
                                          "README.md",
                                          "notes/readme.txt",
                                          ".DS_Store",
                                          "a/.ds_store",
                                          "docs/Thumbs.db",
                                          "q1.log",
                                          "q12.log"};
  for (const bool case_sensitive : {false, true}) {
    for (const std::vector<std::string>& patterns :
         {std::vector<std::string>{"*.pyc", "cache/", "deep/**", "__pycache__/", ".env", ".venv/"},
          std::vector<std::string>{"a/b/", "*.py"}, std::vector<std::string>{"a/**/c.py"},
          std::vector<std::string>{"*.tar.gz", "*.gz", "README*", ".DS_Store", "Thumbs.db", "q?.log"},
          std::vector<std::string>{}}) {
      const auto set = GlobSet::compile(patterns, Anchor::gitignore, case_sensitive);
      REQUIRE(set.has_value());
      GlobSet::PrefixMatcher matcher(*set);
      for (const auto& path : paths) {
        CAPTURE(path);
        CAPTURE(case_sensitive);
        CHECK(matcher.matching_prefix(path) == set->matching_prefix(path));
      }
    }
  }
  const auto set = GlobSet::compile({"*.pyc", "cache/"}, Anchor::gitignore);
  GlobSet::PrefixMatcher matcher(*set);
  CHECK(matcher.matching_prefix("src/cache/x.pyc") == "src/cache/");
  CHECK(matcher.matching_prefix("src/x.pyc") == "src/x.pyc");
  CHECK_FALSE(matcher.matching_prefix("src/x.py"));
}
