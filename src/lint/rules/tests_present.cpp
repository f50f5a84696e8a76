// tests/present: several real test functions exist.
//
// Counts pytest test functions (module level or in a Test* class) and unittest TestCase methods
// in the test code (tests/ folders, test_*.py, *_test.py, Django's tests.py), conftest.py left
// out. A test whose body only passes or asserts a literal ("assert True", "assert 1 + 1 == 2")
// checks nothing and is not counted as real. Test code that asserts nothing anywhere (no assert,
// no assert* call, no pytest.raises, no raise) checks no result, however many tests it has.
#include "lint/rules/registry.h"

#include "core/text.h"
#include "lint/rules/code_names.h"
#include "lint/rules/python_code.h"
#include "lint/wording.h"

#include <algorithm>
#include <unordered_map>

namespace mlfolio::lint {

namespace {

constexpr size_t k_max_locations = 10;

std::string copies_counted_once(const std::vector<std::string>& copies)
{
  if (copies.empty()) {
    return "";
  }
  std::string listed;
  for (size_t i = 0; i < copies.size() && i < 2; ++i) {
    listed += (i == 0 ? "" : "; ") + copies[i];
  }
  if (copies.size() > 2) {
    listed += "; " + std::to_string(copies.size() - 2) + " more";
  }
  return " (not counted again: " + listed + ")";
}

} // namespace

Finding check_tests_present(const RuleContext& context)
{
  const Analysis& analysis = context.analysis();
  const auto tests = test_code(analysis);
  if (tests.empty() && analysis.code_modules().empty()) {
    return skip("no Python code to test");
  }
  size_t real = 0;
  std::vector<std::string> files;
  std::vector<Location> file_at;
  std::vector<Location> placeholders;
  size_t searched = 0;
  bool any_check = false; // conftest.py and helper modules count: a test may assert through them
  // A test file copied to a second place (app/tests/ and tests/) tests the same things once.
  std::unordered_map<std::string_view, std::string_view> first_of_content;
  std::vector<std::string> copies;
  for (const auto& [file, module] : tests) {
    any_check = any_check || checks_results(*module);
    if (text::iequals(text::base_name(file->path), "conftest.py")) {
      continue;
    }
    if (const TextFile* content = analysis.text(file->path);
        content != nullptr && !content->content.empty()) {
      const auto [first, added] = first_of_content.emplace(content->content, file->path);
      if (!added) {
        copies.push_back(file->path + " copies " + std::string(first->second));
        continue;
      }
    }
    ++searched;
    const CollectedTests collected = collected_tests(analysis, *module);
    const size_t here = collected.real.size();
    for (const analyze::Function* placeholder : collected.placeholders) {
      placeholders.push_back(location_of(file, placeholder->line));
    }
    if (here > 0) {
      real += here;
      files.push_back(file->path);
      file_at.push_back({file->path, 0});
    }
  }
  const auto needed = static_cast<size_t>(context.threshold(config::Threshold::min_test_functions));
  if (real > 0 && !any_check) {
    // Scripts named test_* that print, call a running server or load a file, and never compare
    // a result with what it should be: nothing fails when the code is wrong.
    Finding finding = fail(count_of(real, "test function") + " in " + count_of(files.size(), "file") + " (" +
                               join_some(files, 3) +
                               "), but none of them checks a result: no assert statement, no assert* call, "
                               "no pytest.raises and no raise anywhere in the test code",
                           std::move(file_at));
    finding.fix = "Make each test compare what the code returns with what it should return (assert "
                  "predict(x) == expected, pytest.approx for floats, pytest.raises for bad input), so the "
                  "test fails when the code is wrong.";
    if (finding.locations.size() > k_max_locations) {
      finding.locations.resize(k_max_locations);
    }
    return finding;
  }
  if (real >= needed) {
    if (file_at.size() > k_max_locations) {
      file_at.resize(k_max_locations);
    }
    return pass(count_of(real, "test function") + " in " + count_of(files.size(), "file") + ": " +
                    join_some(files, 3) + copies_counted_once(copies),
                std::move(file_at));
  }
  if (searched == 0) {
    return fail("no test files (test_*.py, *_test.py or a tests/ folder)");
  }
  std::string message;
  if (real == 0 && placeholders.empty()) {
    message =
        "no test functions (test_* functions or TestCase methods) in " + count_of(searched, "test file");
  } else {
    message =
        real == 0 ? std::string("no real test function") : "only " + count_of(real, "real test function");
    message += "; at least " + std::to_string(needed) + " are needed";
  }
  message += copies_counted_once(copies);
  std::vector<Location> locations = file_at;
  if (!placeholders.empty()) {
    std::vector<std::string> where;
    for (const auto& at : placeholders) {
      where.push_back(at.to_string());
    }
    message += " (" + count_of(placeholders.size(), "test") + " only " +
               (placeholders.size() == 1 ? "passes" : "pass") + " or " +
               (placeholders.size() == 1 ? "asserts" : "assert") + " a constant: " + join_some(where, 3) +
               ")";
    locations.insert(locations.end(), placeholders.begin(), placeholders.end());
  }
  if (locations.size() > k_max_locations) {
    locations.resize(k_max_locations);
  }
  return fail(message, std::move(locations));
}

} // namespace mlfolio::lint
