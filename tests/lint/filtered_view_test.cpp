// FilteredView: the audited view without the paths the configuration's `ignore` globs match.
#include "lint/filtered_view.h"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace mlfolio;
using namespace mlfolio::lint;

namespace {

MemoryView project()
{
  MemoryView view;
  view.add("README.md", "# Churn\n");
  view.add("data/raw.csv", "a,b\n1,2\n");
  view.add("src/train.py", "print('train')\n");
  return view;
}

// What read_many hands back for each path: its content or its error.
std::vector<std::string> read_all(const RepoView& view, const std::vector<std::string_view>& paths)
{
  std::vector<std::string> got(paths.size());
  view.read_many(paths, 1024, [&](size_t i, Result<std::string_view> content) {
    got[i] = content ? std::string(*content) : "error: " + content.error().message;
  });
  return got;
}

} // namespace

TEST_CASE("filtered view: ignored paths are left out of the files and refused when read")
{
  const MemoryView inner = project();
  const auto ignore = GlobSet::compile({"data/"}, Anchor::gitignore);
  REQUIRE(ignore.has_value());
  const FilteredView view(inner, *ignore);
  REQUIRE(view.files().size() == 2);
  CHECK(view.files()[0].path == "README.md");
  CHECK(view.files()[1].path == "src/train.py");
  const auto refused = view.read("data/raw.csv", 1024);
  REQUIRE_FALSE(refused.has_value());
  CHECK(refused.error().message == "cannot read data/raw.csv: it is ignored by the configuration");
  const auto got = read_all(view, {"src/train.py", "data/raw.csv"});
  CHECK(got[0] == "print('train')\n");
  CHECK(got[1] == "error: cannot read data/raw.csv: it is ignored by the configuration");
}

TEST_CASE("filtered view: without ignore globs it is the inner view, its file list not copied")
{
  const MemoryView inner = project();
  const FilteredView view(inner, GlobSet());
  CHECK(&view.files() == &inner.files());
  CHECK(view.read("data/raw.csv", 1024).value() == "a,b\n1,2\n");
  const auto got = read_all(view, {"data/raw.csv", "README.md", "missing.txt"});
  CHECK(got[0] == "a,b\n1,2\n");
  CHECK(got[1] == "# Churn\n");
  CHECK(got[2] == "error: cannot read missing.txt (in memory): no such file");
}
