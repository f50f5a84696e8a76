// mlops/ci-runs-tests: a CI job runs the test suite (a test runner, a task-runner target that
// runs one, or an action known to run tests).
#include "lint/rules/registry.h"
#include "lint/rules/docs_sections.h"

#include "core/text.h"
#include "lint/analyze/makefile.h"
#include "lint/rules/mlops_usage.h"
#include "lint/rules/python_code.h"
#include "lint/wording.h"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace mlfolio::lint {

namespace {

// Programs that run tests whatever their arguments.
constexpr std::string_view k_runners[] = {"pytest", "py.test", "nosetests", "nose2", "tox",
                                          "nox",    "ward",    "behave",    "ctest"};
// python -m <module>
constexpr std::string_view k_runner_modules[] = {"pytest", "unittest", "nose",   "nose2",
                                                 "tox",    "nox",      "doctest"};
// <tool> <subcommand>: "hatch test", "go test", "npm test", "manage.py test".
constexpr std::string_view k_test_subcommand_tools[] = {"hatch", "go",     "cargo",     "npm",
                                                        "yarn",  "pnpm",   "manage.py", "dotnet",
                                                        "mvn",   "gradle", "./gradlew", "bazel"};
// Task runners whose target names are looked up.
constexpr std::string_view k_task_runners[] = {"make", "just", "task", "invoke", "inv", "poe", "doit"};
// Actions that run a test suite.
constexpr std::string_view k_test_actions[] = {"pavelzw/pytest-action", "dariocurr/pytest-summary",
                                               "nose2/nose2-action",
                                               "fizyk/actions-reuse/.github/workflows/tests"};

std::vector<std::string> words_of(std::string_view text)
{
  std::vector<std::string> words;
  std::istringstream stream{std::string(text)};
  for (std::string word; stream >> word;) {
    while (!word.empty() && (word.back() == ')' || word.back() == '"' || word.back() == '\'')) {
      word.pop_back();
    }
    while (!word.empty() && (word.front() == '(' || word.front() == '"' || word.front() == '\'')) {
      word.erase(0, 1);
    }
    if (!word.empty()) {
      words.push_back(word);
    }
  }
  return words;
}

std::string basename(std::string_view path)
{
  const size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

bool contains(std::span<const std::string_view> list, std::string_view word)
{
  return std::find(list.begin(), list.end(), word) != list.end();
}

bool is_test_script(std::string_view word)
{
  const std::string name = text::to_lower(basename(word));
  const bool script = name.ends_with(".py") || name.ends_with(".sh");
  return script && name.find("test") != std::string::npos; // tests/fixtures/make_data.py is not a test run
}

class TestCommandFinder
{
public:
  explicit TestCommandFinder(const Analysis& analysis) : m_analysis(analysis) {}

  // Whether one CI command (possibly several shell commands) runs tests.
  bool runs_tests(std::string_view command, int depth = 0) const
  {
    std::string normalised(command);
    for (const std::string_view separator : {"&&", "||", ";", "|", "\n"}) {
      normalised = text::replace_all(normalised, separator, "\n");
    }
    for (const auto part : text::split_lines(normalised)) {
      if (segment_runs_tests(words_of(part), depth)) {
        return true;
      }
    }
    return false;
  }

private:
  bool segment_runs_tests(const std::vector<std::string>& words, int depth) const
  {
    // Commands that print, count or search test files run none: find tests -name "test_*.py".
    constexpr std::string_view k_not_runs[] = {"echo", "printf", "find", "ls",  "cat",
                                               "grep", "wc",     "head", "tail"};
    if (words.empty() || contains(k_not_runs, words.front())) {
      return false;
    }
    for (const auto& word : words) {
      if (word == "install" || word == "add" || word == "--version" || word == "--collect-only" ||
          word == "--co") {
        return false; // pip install pytest, poetry add pytest, pytest --version, pytest --collect-only
      }
    }
    for (size_t k = 0; k < words.size(); ++k) {
      const std::string name = basename(words[k]);
      const std::string next = k + 1 < words.size() ? words[k + 1] : "";
      if (contains(k_runners, name) || is_test_script(words[k])) {
        return true;
      }
      if (name == "-m" && contains(k_runner_modules, next)) {
        return true;
      }
      if (contains(k_test_subcommand_tools, name) && (next == "test" || next == "tests")) {
        return true;
      }
      if ((name == "hatch" || name == "pdm" || name == "npm" || name == "yarn" || name == "pnpm") &&
          next == "run" && k + 2 < words.size() && text::icontains(words[k + 2], "test")) {
        return true;
      }
      if (contains(k_task_runners, name) && task_runs_tests(name, words, k + 1, depth)) {
        return true;
      }
    }
    return false;
  }

  // make test, make -C src check, just ci: a target named for tests, or whose recipe runs them.
  bool task_runs_tests(std::string_view runner, const std::vector<std::string>& words, size_t from,
                       int depth) const
  {
    for (size_t k = from; k < words.size(); ++k) {
      const std::string& word = words[k];
      if (word.starts_with('-')) {
        if (word == "-C" || word == "-f" || word == "--file" || word == "--directory") {
          ++k;
        }
        continue;
      }
      if (word.find('=') != std::string::npos) {
        continue; // make VAR=value
      }
      if (text::icontains(word, "test")) {
        return true;
      }
      if (depth < 3 && recipe_runs_tests(runner, word, depth + 1)) {
        return true;
      }
    }
    return false;
  }

  bool recipe_runs_tests(std::string_view runner, std::string_view target, int depth) const
  {
    const bool just = runner == "just";
    const char* names[] = {"Makefile", "makefile", "GNUmakefile"};
    const char* just_names[] = {"justfile", "Justfile", ".justfile"};
    if (runner != "make" && !just) {
      return false;
    }
    for (const char* path : just ? std::span<const char*>(just_names) : std::span<const char*>(names)) {
      const TextFile* text = m_analysis.text(path);
      if (text == nullptr || text->binary) {
        continue;
      }
      const auto file = analyze::parse_task_file(text->content, just ? analyze::TaskFileKind::just
                                                                     : analyze::TaskFileKind::make);
      for (const auto& candidate : file.targets) {
        if (candidate.name != target) {
          continue;
        }
        for (const auto& line : candidate.recipe) {
          if (runs_tests(line, depth)) {
            return true;
          }
        }
        for (const auto& prerequisite : candidate.prerequisites) {
          if (text::icontains(prerequisite, "test") ||
              (depth < 3 && recipe_runs_tests(runner, prerequisite, depth + 1))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  const Analysis& m_analysis;
};

// "pytest || echo 'no tests yet'", "pytest || true": the command succeeds whatever the tests say,
// so no failing test ever fails the job. "|| (echo ... && exit 1)" reports and still fails.
bool ignores_failure(std::string_view command)
{
  for (size_t at = command.find("||"); at != std::string_view::npos; at = command.find("||", at + 2)) {
    std::string_view rest = text::trim(command.substr(at + 2));
    while (rest.starts_with('(') || rest.starts_with('{')) {
      rest = text::trim(rest.substr(1));
    }
    const auto word = rest.substr(0, rest.find_first_of(" \t;)}&|"));
    const bool exits_with_error = rest.find("exit 1") != std::string_view::npos ||
                                  rest.find("exit $") != std::string_view::npos ||
                                  rest.find("false") != std::string_view::npos;
    if (word == "true" || word == ":" || rest.starts_with("exit 0") ||
        ((word == "echo" || word == "printf") && !exits_with_error)) {
      return true;
    }
  }
  return false;
}

// Python code without a single test function, or with placeholders only ("def test_smoke():
// assert True"): a test runner in CI has nothing to run. What the project has instead, or nullopt
// when it has real tests. (A project without Python code is left alone: its tests are in some
// other language.)
std::optional<std::string> untested_python(const Analysis& analysis)
{
  if (analysis.code_modules().empty()) {
    return std::nullopt;
  }
  bool placeholders = false;
  for (const auto& [file, module] : test_code(analysis)) {
    const CollectedTests tests = collected_tests(analysis, *module);
    if (!tests.real.empty()) {
      return std::nullopt;
    }
    placeholders = placeholders || !tests.placeholders.empty();
  }
  return placeholders ? "only placeholder tests (a body such as assert True) for it to run"
                      : "no test functions for it to run";
}

} // namespace

Finding check_mlops_ci_runs_tests(const RuleContext& context)
{
  const Analysis& analysis = context.analysis();
  const auto& workflows = analysis.workflows();
  if (workflows.empty()) {
    return skip("no CI workflow");
  }
  const TestCommandFinder finder(analysis);
  std::vector<std::string> seen;
  size_t commands_seen = 0;
  std::vector<Location> looked;
  std::optional<Finding> ignored; // a run whose failures the job ignores, if no other
  const auto untested = untested_python(analysis);
  // Workflows that run on pushes and pull requests first: one started only by hand
  // (on: workflow_dispatch), often kept after a newer one took over, is cited last.
  const auto by_hand = [](const analyze::Workflow& workflow) {
    return !workflow.triggers.empty() &&
           std::all_of(workflow.triggers.begin(), workflow.triggers.end(),
                       [](const std::string& trigger) { return trigger == "workflow_dispatch"; });
  };
  std::vector<const Parsed<analyze::Workflow>*> ordered;
  for (const auto& parsed : workflows) {
    ordered.push_back(&parsed);
  }
  std::stable_partition(ordered.begin(), ordered.end(),
                        [&](const Parsed<analyze::Workflow>* parsed) { return !by_hand(parsed->value); });
  for (const Parsed<analyze::Workflow>* parsed : ordered) {
    const FileEntry* file = parsed->file;
    const analyze::Workflow& workflow = parsed->value;
    const std::string manual = by_hand(workflow) ? ", in a workflow started only by hand" : "";
    looked.push_back({file->path, 0});
    for (const auto& job : workflow.jobs) {
      for (const auto& command : job.commands) {
        if (finder.runs_tests(command.text)) {
          const std::string shown = docs::clip(command.text, 80);
          const Location at{file->path, static_cast<uint32_t>(command.line)};
          if (untested) {
            return skip("job " + job.name + " runs " + shown + " (" + at.to_string() +
                        "), but the project has " + *untested + " (see tests/present)");
          }
          if (ignores_failure(command.text)) {
            if (!ignored) {
              ignored = fail("job " + job.name + " runs " + shown + " (" + at.to_string() +
                                 ") but ignores its failures: a failing test never fails CI",
                             {at});
              ignored->fix = "Let the test command's exit status fail the job: remove the \"|| echo\" or "
                             "\"|| true\" after it (or end that branch with exit 1).";
            }
            continue;
          }
          return pass("job " + job.name + " runs " + shown + " (" + at.to_string() + manual + ")", {at});
        }
        // What the message quotes: commands, not the pieces of a script split at its quotes or
        // its variable assignments (ATTEMPT=1).
        ++commands_seen;
        const std::string shown_seen = docs::clip(docs::shown_command(command.text), 60); // cut at a word
        const unsigned char first = shown_seen.empty() ? 0 : static_cast<unsigned char>(shown_seen.front());
        const size_t equals = shown_seen.find('=');
        const bool assignment = equals != std::string::npos && shown_seen.find(' ') > equals;
        // Shell syntax and chatter (if ...; then, fi, echo "...") say nothing of what the job runs.
        constexpr std::string_view k_shell_words[] = {"if",     "then", "else",   "elif", "fi",   "for",
                                                      "do",     "done", "while",  "case", "esac", "echo",
                                                      "printf", "set",  "export", "cd",   "{",    "}"};
        const std::string_view first_word =
            std::string_view(shown_seen).substr(0, shown_seen.find_first_of(" ;"));
        const bool syntax = std::find(std::begin(k_shell_words), std::end(k_shell_words), first_word) !=
                            std::end(k_shell_words);
        // A line of a quoted script that goes on below (python -c ") is no whole command either.
        const std::string_view whole = text::trim(command.text);
        const bool open_quote = std::count(whole.begin(), whole.end(), '"') % 2 != 0 ||
                                std::count(whole.begin(), whole.end(), '\'') % 2 != 0;
        if ((std::isalnum(first) != 0 || first == '.' || first == '/' || first == '$') && !assignment &&
            !syntax && !open_quote && std::find(seen.begin(), seen.end(), shown_seen) == seen.end()) {
          seen.push_back(shown_seen);
        }
      }
      for (const auto& action : job.actions) {
        const std::string name = action.name.substr(0, action.name.find('@'));
        if (contains(k_test_actions, name)) {
          return pass("job " + job.name + " runs the tests with " + action.name + " (" + file->path + ":" +
                          std::to_string(action.line) + manual + ")",
                      {{file->path, static_cast<uint32_t>(action.line)}});
        }
      }
    }
  }
  std::vector<std::string> paths;
  for (const auto& location : looked) {
    paths.push_back(location.path);
  }
  if (ignored) {
    return std::move(*ignored);
  }
  const std::string what = !seen.empty()       ? "runs " + join_some(seen, 4)
                           : commands_seen > 0 ? "runs shell commands, none of them a test command"
                                               : "has no shell commands";
  return fail("no CI job runs the tests: " + join_some(paths, 3) + " " + what +
                  " (looked for pytest, python -m unittest, tox, nox, make test and the like)",
              std::move(looked));
}

} // namespace mlfolio::lint
