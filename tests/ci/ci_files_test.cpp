// action.yml and .pre-commit-hooks.yaml: valid YAML, the inputs and steps they use exist, and
// every mlfolio option they pass is one the CLI accepts.
#include "cli/command.h"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <set>
#include <yaml-cpp/yaml.h>

using namespace mlfolio;

namespace {

std::filesystem::path source_file(const std::string& name)
{
  return std::filesystem::path(MLFOLIO_SOURCE_DIR) / name;
}

// Every scalar below `node`, for scanning expressions and scripts.
void collect_scalars(const YAML::Node& node, std::vector<std::string>& out)
{
  if (node.IsScalar()) {
    out.push_back(node.as<std::string>());
  } else if (node.IsSequence()) {
    for (const auto& child : node) {
      collect_scalars(child, out);
    }
  } else if (node.IsMap()) {
    for (const auto& child : node) {
      collect_scalars(child.second, out);
    }
  }
}

// The "--name" options in `text` that `mlfolio check` does not have.
std::vector<std::string> unknown_check_options(const std::string& text)
{
  const cli::Command* check = cli::find_command("check");
  REQUIRE(check != nullptr);
  std::set<std::string> known;
  for (const auto& option : check->options) {
    known.emplace(option.name);
  }
  std::vector<std::string> unknown;
  static const std::regex k_option(R"((^|[\s"'(])--([a-z][a-z-]*))");
  for (std::sregex_iterator it(text.begin(), text.end(), k_option), end; it != end; ++it) {
    const std::string name = (*it)[2].str();
    if (known.contains(name)) {
      continue;
    }
    unknown.push_back(name);
  }
  return unknown;
}

} // namespace

TEST_CASE("ci: action.yml is a composite action whose steps use declared inputs and real options")
{
  const YAML::Node action = YAML::LoadFile(source_file("action.yml").string());
  CHECK(action["name"].as<std::string>() == "mlfolio check");
  REQUIRE(action["runs"]["using"].as<std::string>() == "composite");
  std::set<std::string> inputs;
  for (const auto& input : action["inputs"]) {
    inputs.insert(input.first.as<std::string>());
    CHECK_MESSAGE(input.second["description"].IsScalar(), input.first.as<std::string>());
  }
  for (const std::string expected : {"path", "min-score", "config", "args"}) {
    CHECK_MESSAGE(inputs.contains(expected), expected);
  }

  std::set<std::string> step_ids;
  bool uploads_sarif = false;
  bool writes_summary = false;
  std::string mlfolio_run;
  for (const auto& step : action["runs"]["steps"]) {
    CHECK_MESSAGE(step["name"].IsScalar(), "every step has a name");
    if (step["id"]) {
      step_ids.insert(step["id"].as<std::string>());
    }
    if (step["run"]) {
      CHECK_MESSAGE(step["shell"].as<std::string>() == "bash", step["name"].as<std::string>());
      const std::string script = step["run"].as<std::string>();
      writes_summary = writes_summary || script.find("$GITHUB_STEP_SUMMARY") != std::string::npos;
      if (script.find("\"$MLFOLIO_BIN\"") != std::string::npos) {
        mlfolio_run = script;
      }
    }
    if (step["uses"]) {
      uploads_sarif =
          uploads_sarif || step["uses"].as<std::string>().starts_with("github/codeql-action/upload-sarif@");
    }
  }
  CHECK(uploads_sarif);
  CHECK(writes_summary);
  REQUIRE_FALSE(mlfolio_run.empty());
  CHECK(unknown_check_options(mlfolio_run).empty());
  CHECK(mlfolio_run.find("sarif=") != std::string::npos);
  CHECK(mlfolio_run.find("markdown=") != std::string::npos);

  // ${{ inputs.X }} and ${{ steps.Y.outputs.Z }} name declared inputs and steps.
  std::vector<std::string> scalars;
  collect_scalars(action, scalars);
  static const std::regex k_input(R"(inputs\.([a-z][a-z-]*))");
  static const std::regex k_step(R"(steps\.([a-z][a-z-]*)\.outputs)");
  size_t references = 0;
  for (const auto& text : scalars) {
    for (std::sregex_iterator it(text.begin(), text.end(), k_input), end; it != end; ++it, ++references) {
      CHECK_MESSAGE(inputs.contains((*it)[1].str()), (*it)[1].str());
    }
    for (std::sregex_iterator it(text.begin(), text.end(), k_step), end; it != end; ++it, ++references) {
      CHECK_MESSAGE(step_ids.contains((*it)[1].str()), (*it)[1].str());
    }
  }
  CHECK(references >= 8);
  // The packages it installs come from the list `make deps` reads.
  CHECK(std::filesystem::exists(source_file("tools/debian-packages.txt")));
}

TEST_CASE("ci: .pre-commit-hooks.yaml declares mlfolio-check with options the CLI accepts")
{
  const YAML::Node hooks = YAML::LoadFile(source_file(".pre-commit-hooks.yaml").string());
  REQUIRE(hooks.IsSequence());
  REQUIRE(hooks.size() == 1);
  const YAML::Node hook = hooks[0];
  CHECK(hook["id"].as<std::string>() == "mlfolio-check");
  CHECK(hook["language"].as<std::string>() == "system");
  CHECK(hook["pass_filenames"].as<bool>() == false);
  const std::string entry = hook["entry"].as<std::string>();
  CHECK(entry.starts_with("mlfolio check"));
  CHECK(unknown_check_options(entry).empty());
}

TEST_CASE(
    "ci: the README's workflow, pre-commit and GitLab examples use inputs, hooks and options that exist")
{
  const std::string readme = [] {
    std::ifstream in(source_file("README.md"));
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }();
  // Every ```yaml block of the README, parsed.
  std::vector<YAML::Node> blocks;
  for (size_t at = readme.find("```yaml\n"); at != std::string::npos; at = readme.find("```yaml\n", at + 1)) {
    const size_t start = at + 8;
    blocks.push_back(YAML::Load(readme.substr(start, readme.find("```", start) - start)));
  }
  REQUIRE(blocks.size() >= 3);

  const YAML::Node action = YAML::LoadFile(source_file("action.yml").string());
  const YAML::Node hooks = YAML::LoadFile(source_file(".pre-commit-hooks.yaml").string());
  bool saw_workflow = false;
  bool saw_pre_commit = false;
  bool saw_gitlab = false;
  for (const auto& block : blocks) {
    if (block["jobs"]) { // a GitHub workflow using the action
      for (const auto& step : block["jobs"]["portfolio"]["steps"]) {
        if (step["uses"] && step["uses"].as<std::string>().find("/mlfolio@") != std::string::npos) {
          saw_workflow = true;
          for (const auto& input : step["with"]) {
            CHECK_MESSAGE(action["inputs"][input.first.as<std::string>()], input.first.as<std::string>());
          }
        }
      }
    } else if (block["repos"]) { // a .pre-commit-config.yaml
      saw_pre_commit = true;
      CHECK(block["repos"][0]["hooks"][0]["id"].as<std::string>() == hooks[0]["id"].as<std::string>());
    } else if (block["stages"]) { // .gitlab-ci.yml
      saw_gitlab = true;
      CHECK(block["audit"]["parallel"].as<int>() > 1);
      std::vector<std::string> lines;
      collect_scalars(block["audit"]["script"], lines);
      collect_scalars(block["report"]["script"], lines);
      size_t checks = 0;
      size_t merges = 0;
      for (const auto& line : lines) {
        if (line.starts_with("mlfolio check ")) {
          ++checks;
          CHECK(line.find("--shard \"$CI_NODE_INDEX/$CI_NODE_TOTAL\"") != std::string::npos);
          CHECK(unknown_check_options(line).empty());
        }
        merges += line.starts_with("mlfolio report merge shard-*.jsonl --format ") ? 1 : 0;
      }
      CHECK(checks == 1);
      CHECK(merges == 2);
    }
  }
  CHECK(saw_workflow);
  CHECK(saw_pre_commit);
  CHECK(saw_gitlab);
}
