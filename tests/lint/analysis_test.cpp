#include "lint/analysis.h"

#include <doctest/doctest.h>

using namespace mlfolio::lint;

namespace {

std::vector<std::string> paths(const std::vector<const FileEntry*>& files)
{
  std::vector<std::string> result;
  for (const FileEntry* file : files) {
    result.push_back(file->path);
  }
  return result;
}

// A view whose reads fail, like a file that vanished or a broken object.
class FailingView : public MemoryView
{
public:
  mlfolio::Result<std::string> read(std::string_view path, uint64_t) const override
  {
    return mlfolio::runtime_error("cannot read " + std::string(path) + ": permission denied");
  }
};

} // namespace

TEST_CASE("analysis: README at the root, any case, Markdown preferred")
{
  MemoryView view;
  view.add("docs/README.md", "nested");
  view.add("readme.rst", "rst");
  view.add("README.MD", "md");
  const Analysis analysis(view);
  REQUIRE(analysis.readme() != nullptr);
  CHECK(analysis.readme()->path == "README.MD");

  MemoryView nested;
  nested.add("docs/README.md", "nested");
  CHECK(Analysis(nested).readme() == nullptr);
}

TEST_CASE("analysis: Python code, tests and notebooks, without vendored folders")
{
  MemoryView view;
  view.add("src/churn/__init__.py", "");
  view.add("src/churn/train.py", "");
  view.add("tests/test_train.py", "");
  view.add("tests/conftest.py", "");
  view.add("src/churn/features_test.py", "");
  view.add(".venv/lib/python3.11/site-packages/six.py", "");
  view.add("node_modules/x/y.py", "");
  view.add("notebooks/eda.ipynb", "{}");
  view.add("notebooks/.ipynb_checkpoints/eda-checkpoint.ipynb", "{}");
  view.add("scripts/Run.PY", "");
  const Analysis analysis(view);
  CHECK(paths(analysis.python_files()) ==
        std::vector<std::string>{"scripts/Run.PY", "src/churn/__init__.py", "src/churn/train.py"});
  CHECK(paths(analysis.test_files()) ==
        std::vector<std::string>{"src/churn/features_test.py", "tests/conftest.py", "tests/test_train.py"});
  CHECK(paths(analysis.notebooks()) == std::vector<std::string>{"notebooks/eda.ipynb"});
  CHECK(Analysis::is_vendored("a/venv/b.py"));
  CHECK_FALSE(Analysis::is_vendored("src/env/b.py"));
}

TEST_CASE("analysis: text is read once, capped, with binary detection")
{
  MemoryView view;
  view.add("a.txt", "hello\r\nworld\n");
  view.add("b.bin", std::string("PK\0\x03", 4));
  view.add_symlink("link", "a.txt");
  const Analysis analysis(view);
  const TextFile* text = analysis.text("a.txt");
  REQUIRE(text != nullptr);
  CHECK(text->content == "hello\r\nworld\n");
  CHECK_FALSE(text->binary);
  CHECK_FALSE(text->truncated);
  CHECK(analysis.text("a.txt") == text);
  REQUIRE(analysis.text("b.bin") != nullptr);
  CHECK(analysis.text("b.bin")->binary);
  CHECK(analysis.text("link") == nullptr);
  CHECK(analysis.notes().empty());

  const std::string big(Analysis::k_text_cap + 10, 'x');
  view.add("big.txt", big);
  const Analysis fresh(view);
  REQUIRE(fresh.text("big.txt") != nullptr);
  CHECK(fresh.text("big.txt")->truncated);
  CHECK(fresh.text("big.txt")->content.size() == Analysis::k_text_cap);
}

TEST_CASE("analysis: a file that cannot be read becomes one note")
{
  FailingView view;
  view.add("a.txt", "x");
  const Analysis analysis(view);
  CHECK(analysis.text("a.txt") == nullptr);
  CHECK(analysis.text("a.txt") == nullptr);
  CHECK(analysis.notes() == std::vector<std::string>{"cannot read a.txt: permission denied"});
}
