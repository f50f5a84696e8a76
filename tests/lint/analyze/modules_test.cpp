#include "lint/analyze/modules.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace mlfolio::lint::analyze;

namespace {

bool has(const std::vector<std::string>& paths, const std::string& path)
{
  return std::find(paths.begin(), paths.end(), path) != paths.end();
}

} // namespace

TEST_CASE("modules: a dotted module's path, and the files an import may read")
{
  CHECK(module_path("app.routes.health") == "app/routes/health");
  CHECK(module_path("train") == "train");

  // "from attrition.steps.test import test_step" in src/attrition/pipeline.py: the root, the
  // importing folder and src/.
  const Import absolute{"attrition.steps.test", {"test_step"}, 0, 1};
  const auto paths = import_candidates("src/attrition/pipeline.py", absolute, "test_step");
  CHECK(has(paths, "attrition/steps/test.py"));
  CHECK(has(paths, "src/attrition/attrition/steps/test.py"));
  CHECK(has(paths, "src/attrition/steps/test.py"));
  CHECK(has(paths, "src/attrition/steps/test/__init__.py"));
  CHECK(has(paths, "src/attrition/steps/test/test_step.py")); // a submodule of that name

  // "from ..metrics import store" in api/routes/metrics_route.py reads api/metrics.py.
  const Import relative{"metrics", {"store"}, 2, 1};
  const auto up = import_candidates("api/routes/metrics_route.py", relative, "store");
  CHECK(has(up, "api/metrics.py"));
  CHECK_FALSE(has(up, "metrics.py"));
  CHECK_FALSE(has(up, "api/routes/metrics.py"));

  // "from . import store": the name is the module.
  const Import sibling{"", {"store"}, 1, 1};
  CHECK(import_candidates("api/app.py", sibling, "store") == std::vector<std::string>{"api/store.py"});

  // "import a.b" names no member: only the module and its package.
  const Import plain{"a.b", {}, 0, 1};
  const auto own = import_candidates("main.py", plain, "");
  CHECK(has(own, "a/b.py"));
  CHECK(has(own, "src/a/b/__init__.py"));
  CHECK(std::none_of(own.begin(), own.end(), [](const std::string& path) { return path.ends_with("/.py"); }));
}
