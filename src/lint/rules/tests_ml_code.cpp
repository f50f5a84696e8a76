// tests/ml-code: the tests exercise the project's own data, feature, training or prediction code.
//
// Passes when the test code (conftest.py included) imports the project's modules, by a relative
// import or by a name that is one of the project's folders or module stems (so "from src.model
// import train" and a sys.path insert followed by "import preprocess" both count), when it runs a
// project script by name (subprocess "python train.py"), or when it calls ML code by its usual
// names (fit, predict, train, preprocess, load_data, ...). Fails when tests exist but touch
// none of it; skipped when the test files hold no test function at all.
#include "lint/rules/registry.h"

#include "core/text.h"
#include "lint/rules/python_code.h"
#include "lint/wording.h"

#include <algorithm>

namespace mlfolio::lint {

namespace {

// Parts of a called name that mark ML code: "model.predict", "build_features", "train_model".
constexpr std::string_view k_ml_words[] = {"train",      "predict",  "preprocess", "feature",
                                           "fit",        "evaluate", "infer",      "load_data",
                                           "load_model", "pipeline", "transform"};

struct Evidence
{
  std::string what;
  Location where;
};

std::optional<Evidence> project_import(const ModuleAt& test, const std::set<std::string, std::less<>>& names)
{
  for (const auto& import : test.value->imports) {
    const std::string first = import.module.substr(0, import.module.find('.'));
    if (import.level > 0 || names.contains(first)) {
      const std::string module = std::string(static_cast<size_t>(import.level), '.') + import.module;
      return Evidence{module.empty() ? "." : module, location_of(test.file, import.line)};
    }
  }
  return std::nullopt;
}

std::optional<Evidence> script_run(const ModuleAt& test, const std::set<std::string, std::less<>>& scripts)
{
  // The script is run (subprocess.run(["python", "src/train.py"]), runpy.run_path), not only named:
  // Path("src/train.py").exists() checks that a file is there.
  constexpr std::string_view k_runs[] = {"run",    "call",     "check_call", "check_output", "Popen",
                                         "system", "run_path", "run_module", "run_script",   "spawn"};
  const bool runs =
      std::any_of(test.value->calls.begin(), test.value->calls.end(), [&](const analyze::Call& call) {
        const std::string_view last = std::string_view(call.callee).substr(call.callee.rfind('.') + 1);
        return std::find(std::begin(k_runs), std::end(k_runs), last) != std::end(k_runs);
      });
  if (!runs) {
    return std::nullopt;
  }
  for (const auto& literal : test.value->strings) {
    for (const auto word : text::split(literal.value, ' ')) {
      if (word.ends_with(".py") && scripts.contains(text::base_name(word))) {
        return Evidence{std::string(word), location_of(test.file, literal.line)};
      }
    }
  }
  return std::nullopt;
}

std::optional<Evidence> ml_call(const ModuleAt& test)
{
  for (const auto& call : test.value->calls) {
    const std::string last = text::to_lower(std::string_view(call.callee).substr(call.callee.rfind('.') + 1));
    for (const auto word : k_ml_words) {
      if (last.find(word) != std::string::npos) {
        return Evidence{call.callee + "()", location_of(test.file, call.line)};
      }
    }
  }
  return std::nullopt;
}

} // namespace

Finding check_tests_ml_code(const RuleContext& context)
{
  const Analysis& analysis = context.analysis();
  const auto all_tests = test_code(analysis);
  if (all_tests.empty()) {
    return skip("no tests (see tests/present)");
  }
  // A test_*.py script without a single test function (a connection check that prints) tests
  // nothing; only files with test functions, and the conftest.py fixtures beside them, count.
  std::vector<ModuleAt> tests;
  bool any_test_function = false;
  for (const auto& test : all_tests) {
    const bool has_tests = has_test_function(analysis, *test.value);
    any_test_function = any_test_function || has_tests;
    if (has_tests || text::iequals(text::base_name(test.file->path), "conftest.py")) {
      tests.push_back(test);
    }
  }
  if (!any_test_function) {
    return skip("no test functions in " + count_of(all_tests.size(), "test file") + " (see tests/present)");
  }
  if (!any_checks_results(all_tests)) {
    return skip("no test checks a result: the test code has no assert, no assert* call and no "
                "pytest.raises (see tests/present)");
  }
  const auto names = project_import_names(analysis);
  std::set<std::string, std::less<>> scripts;
  for (const FileEntry* file : analysis.python_files()) {
    scripts.emplace(text::base_name(file->path));
  }
  std::vector<std::string> importing;
  std::vector<Location> import_at;
  std::optional<Evidence> other;
  for (const auto& test : tests) {
    if (auto evidence = project_import(test, names)) {
      importing.push_back(evidence->what + " in " + test.file->path);
      import_at.push_back(evidence->where);
    } else if (!other) {
      other = script_run(test, scripts);
      if (!other) {
        other = ml_call(test);
      }
    }
  }
  if (!importing.empty()) {
    if (import_at.size() > 10) {
      import_at.resize(10);
    }
    return pass(count_of(importing.size(), "test file") + (importing.size() == 1 ? " imports" : " import") +
                    " the project's own code: " + join_some(importing, 3),
                std::move(import_at));
  }
  if (other) {
    return pass("tests exercise the project's code: " + other->what + " at " + other->where.to_string(),
                {other->where});
  }
  std::vector<std::string> paths;
  std::vector<Location> locations;
  for (const auto& test : tests) {
    paths.push_back(test.file->path);
    if (locations.size() < 10) {
      locations.push_back({test.file->path, 0});
    }
  }
  const std::string own = names.empty()
                              ? std::string("the project's code")
                              : "the project's modules (" + join_some({names.begin(), names.end()}, 4) + ")";
  return fail("no test imports " + own + " or calls training, feature or prediction code; looked in " +
                  count_of(paths.size(), "test file") + ": " + join_some(paths, 3),
              std::move(locations));
}

} // namespace mlfolio::lint
