// Runs every [[example]] of every rule in checks/ against the rule, through a MemoryView.
#include "lint/catalog.h"
#include "lint/runner.h"

#include <algorithm>
#include <doctest/doctest.h>

using namespace mlfolio;
using namespace mlfolio::lint;

namespace {

config::Config config_for(const Example& example)
{
  config::Config config;
  for (const auto& [name, value] : example.thresholds) {
    config.thresholds[*config::parse_threshold(name)] = value;
  }
  return config;
}

// The examples' clock: a fixed "now", so that days_ago means the same on every run.
constexpr int64_t k_examples_now = 1'800'000'000;

std::unique_ptr<History> history_of(const Example& example)
{
  std::vector<MemoryHistory::Commit> commits;
  for (const auto& commit : example.commits) {
    commits.push_back({commit.message, k_examples_now - static_cast<int64_t>(commit.days_ago * 86400),
                       commit.files, false});
  }
  return std::make_unique<MemoryHistory>(std::move(commits), k_examples_now);
}

} // namespace

TEST_CASE("examples: every rule gives each of its examples the expected status")
{
  const auto catalog = builtin_catalog();
  REQUIRE_MESSAGE(catalog.has_value(), catalog.error().message);
  for (const auto& rule : (*catalog)->rules()) {
    CAPTURE(rule.id);
    REQUIRE_MESSAGE(has_check(rule), rule.id << " has no check: write its body in src/lint/rules/");
    for (size_t i = 0; i < rule.examples.size(); ++i) {
      const Example& example = rule.examples[i];
      CAPTURE(i);
      CAPTURE(example.note);
      MemoryView view;
      view.set_folder_in_repository(example.folder);
      for (const auto& [path, content] : example.files) {
        view.add(path, content);
      }
      if (!example.commits.empty()) {
        view.set_history(history_of(example));
      }
      const config::Config config = config_for(example);
      const Analysis analysis(view, large_blob_bytes(config));
      const Finding finding = evaluate_rule(rule, analysis, config);
      CHECK_MESSAGE(finding.status == example.expect,
                    "got " << status_name(finding.status) << ": " << finding.message);
      CHECK_FALSE(finding.message.empty());
      CHECK(finding.fix.empty() == (finding.status != Status::fail));
    }
  }
}
