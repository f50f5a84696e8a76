// docs/run-instructions: commands that install and run the project, in code blocks.
#include "lint/rules/registry.h"
#include "lint/runner.h"

#include "core/text.h"
#include "lint/analyze/modules.h"
#include "lint/rules/docs_sections.h"
#include "lint/wording.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace mlfolio::lint {

namespace {

// Code blocks whose every line is a command.
constexpr std::string_view k_shell_languages[] = {
    "bash",       "sh",           "shell",   "console",    "zsh",   "fish",     "powershell",
    "ps1",        "pwsh",         "cmd",     "bat",        "batch", "terminal", "shell-session",
    "sh-session", "shellsession", "command", "commandline"};
// First words of the commands people run to install or start a Python project.
constexpr std::string_view k_commands[] = {"pip",
                                           "pip3",
                                           "python",
                                           "python3",
                                           "py",
                                           "conda",
                                           "mamba",
                                           "micromamba",
                                           "poetry",
                                           "uv",
                                           "uvx",
                                           "pipenv",
                                           "pipx",
                                           "make",
                                           "docker",
                                           "docker-compose",
                                           "podman",
                                           "git",
                                           "cd",
                                           "streamlit",
                                           "uvicorn",
                                           "gunicorn",
                                           "flask",
                                           "fastapi",
                                           "jupyter",
                                           "jupyter-lab",
                                           "npm",
                                           "yarn",
                                           "pnpm",
                                           "bash",
                                           "sh",
                                           "source",
                                           "export",
                                           "set",
                                           "mlflow",
                                           "dvc",
                                           "pytest",
                                           "tox",
                                           "nox",
                                           "kubectl",
                                           "helm",
                                           "gradio",
                                           "curl",
                                           "wget",
                                           "rscript",
                                           "virtualenv",
                                           "hatch",
                                           "pdm",
                                           "rye",
                                           "just",
                                           "task",
                                           "invoke",
                                           "bentoml",
                                           "kedro",
                                           "dagster",
                                           "airflow",
                                           "prefect",
                                           "zenml",
                                           "tensorboard",
                                           "accelerate",
                                           "torchrun",
                                           "deepspeed",
                                           "apt",
                                           "apt-get",
                                           "brew",
                                           "choco",
                                           "winget",
                                           "gcloud",
                                           "aws",
                                           "az",
                                           "heroku",
                                           "modal",
                                           "cog",
                                           "ollama",
                                           "huggingface-cli",
                                           "wandb",
                                           "kaggle",
                                           "unzip",
                                           "tar",
                                           "mkdir",
                                           "cp",
                                           "mv",
                                           "cat",
                                           "chmod",
                                           "node",
                                           "java",
                                           "mvn",
                                           "gradle",
                                           "cargo",
                                           "go",
                                           "dotnet"};
// Among those, the ones that set the project up rather than run it.
constexpr std::string_view k_install_commands[] = {
    "pip",   "pip3", "conda", "mamba", "micromamba", "poetry", "uv",  "pipenv",  "pipx", "virtualenv",
    "hatch", "pdm",  "rye",   "npm",   "yarn",       "pnpm",   "apt", "apt-get", "brew", "git"};

// A command spelled out in a sentence: "run `pip install -r requirements.txt`".
const RE2& inline_command_pattern()
{
  thread_local const RE2 pattern(
      R"((pip3? install|conda (env )?(create|install)|poetry install|uv (sync|pip install)|pipenv install|)"
      R"(python3? (-m [\w.]+|[\w./-]+\.py)\b|streamlit run|uvicorn [\w.]+:\w+|docker[- ]compose up|docker run|)"
      R"(make (install|run|train|setup|all|serve|app)\b))");
  return pattern;
}

// The command on a line of a code block without its prompt ("$ ", "> ", "PS C:\> ", "(venv) $ ").
std::string_view without_prompt(std::string_view line)
{
  line = text::trim(line);
  if (line.starts_with('(')) { // (venv) $ ...
    const size_t close = line.find(") ");
    if (close != std::string_view::npos && close < 30) {
      line = text::trim(line.substr(close + 1));
    }
  }
  if (line.starts_with("PS ") && line.find("> ") != std::string_view::npos) {
    line = line.substr(line.find("> ") + 2);
  }
  for (const std::string_view prompt : {"$ ", "> ", "% ", "❯ ", "λ "}) {
    if (line.starts_with(prompt)) {
      return text::trim(line.substr(prompt.size()));
    }
  }
  // A prompt that shows where the shell is: "~/sentiment-analysis-api$ ", "user@host:~/app$ ",
  // "root@4f2a:/app# ".
  const size_t space = line.find(' ');
  if (space != std::string_view::npos && space > 1) {
    const std::string_view first = line.substr(0, space);
    if ((first.ends_with('$') || first.ends_with('#')) && first.find_first_of("~/@:") != std::string_view::npos) {
      return text::trim(line.substr(space + 1));
    }
  }
  return line == "$" ? std::string_view() : line;
}

bool listed(std::span<const std::string_view> words, std::string_view word)
{
  return std::find(words.begin(), words.end(), word) != words.end();
}

std::string first_word(std::string_view command)
{
  const size_t end = command.find_first_of(" \t");
  std::string word = text::to_lower(command.substr(0, end));
  if (word.starts_with("./") || word.starts_with(".\\")) {
    return "./"; // a script of the project
  }
  // A tool called by its path, as in a virtual environment: ".venv/Scripts/python.exe" is python,
  // "venv/bin/pip" is pip.
  if (const size_t slash = word.find_last_of("/\\"); slash != std::string::npos && slash + 1 < word.size()) {
    std::string tool = word.substr(slash + 1);
    if (tool.ends_with(".exe")) {
      tool.resize(tool.size() - 4);
    }
    if (listed(k_commands, tool)) {
      return tool;
    }
  }
  return word;
}

struct Command
{
  std::string text;
  int line = 0;
  bool install = false;
};

std::vector<Command> commands_in(const analyze::CodeBlock& code)
{
  const std::string language = text::to_lower(code.language);
  const bool shell = listed(k_shell_languages, language);
  std::vector<Command> found;
  if (docs::is_diagram_language(language)) {
    return found;
  }
  int line = code.line + (code.fenced ? 1 : 0);
  for (const auto raw : text::split(code.content, '\n')) {
    const std::string_view command = without_prompt(raw);
    const std::string word = first_word(command);
    // Commands are written in lower case: "Python 3.8+" is a requirement, "FastAPI" a label.
    const bool lower_case =
        !command.empty() && std::islower(static_cast<unsigned char>(command.front())) != 0;
    const bool by_path = word != "./" && command.find_first_of("/\\") < command.find_first_of(" \t");
    const bool known = (listed(k_commands, word) && (lower_case || by_path)) || word == "./";
    if (!command.empty() && !command.starts_with('#') && !command.starts_with("//") &&
        (known || (shell && lower_case && word.find('=') == std::string::npos))) {
      found.push_back(
          Command{std::string(command), line,
                  listed(k_install_commands, word) || command.find("install") != std::string_view::npos});
    }
    ++line;
  }
  return found;
}

// The scripts of the project a command runs: "python src/train.py", "python3 -u app.py",
// "streamlit run app.py", "bash scripts/setup.sh", "./run.sh", each step of a chain ("cd api &&
// python main.py"). Modules (-m), code (-c), absolute paths, URLs and placeholders are not files
// of the project.
std::vector<std::string> scripts_run(std::string_view command)
{
  std::vector<std::string> scripts;
  std::string chain(command);
  for (const char separator : {';', '|'}) {
    std::replace(chain.begin(), chain.end(), separator, '&');
  }
  for (const auto step : text::split(chain, '&')) {
    std::vector<std::string_view> words;
    for (const auto word : text::split(text::trim(step), ' ')) {
      if (!word.empty()) {
        words.push_back(word);
      }
    }
    if (words.empty()) {
      continue;
    }
    const std::string tool = first_word(words[0]);
    std::string_view script;
    std::string served;
    if (tool == "python" || tool == "python3" || tool == "py") {
      for (size_t i = 1; i < words.size(); ++i) {
        if (words[i] == "-m" || words[i] == "-c") {
          break;
        }
        if (!words[i].starts_with('-')) {
          script = words[i];
          break;
        }
      }
    } else if (tool == "streamlit" && words.size() > 2 && words[1] == "run") {
      script = words[2];
    } else if ((tool == "bash" || tool == "sh") && words.size() > 1) {
      script = words[1];
    } else if (tool == "uvicorn" || tool == "gunicorn" || tool == "hypercorn") {
      // "uvicorn app.main:app --reload" serves app/main.py.
      thread_local const RE2 app_path(R"(^([A-Za-z_][\w.]*):[A-Za-z_]\w*(?:\(\))?$)");
      for (size_t i = 1; i < words.size(); ++i) {
        std::string module;
        if (RE2::FullMatch(words[i], app_path, &module)) {
          served = analyze::module_path(module) + ".py";
          script = served;
          break;
        }
      }
    } else if (tool == "./") {
      script = words[0];
    }
    std::string path(text::trim(script));
    std::erase_if(path, [](char c) { return c == '"' || c == '\'' || c == '`'; });
    std::replace(path.begin(), path.end(), '\\', '/');
    while (path.starts_with("./")) {
      path.erase(0, 2);
    }
    const bool script_file = text::iends_with(path, ".py") || text::iends_with(path, ".sh");
    if (script_file && path.find_first_of("<>{}$*%~:") == std::string::npos && !path.starts_with('/') &&
        !path.starts_with("../")) {
      scripts.push_back(std::move(path));
    }
  }
  return scripts;
}

// Whether the project has the file a README command names: by its path, or below a folder the
// README changes into first ("cd api" then "python main.py"), compared without case.
bool has_script(const Analysis& analysis, std::string_view script)
{
  const auto has = [&](std::string_view wanted) {
    return std::any_of(analysis.view().files().begin(), analysis.view().files().end(),
                       [&](const FileEntry& file) {
                         return text::iequals(file.path, wanted) ||
                                (file.path.size() > wanted.size() && text::iends_with(file.path, wanted) &&
                                 file.path[file.path.size() - wanted.size() - 1] == '/');
                       });
  };
  // "uvicorn app:app" serves the package app/ as well as the module app.py.
  return has(script) || (text::iends_with(script, ".py") &&
                         has(std::string(script.substr(0, script.size() - 3)) + "/__init__.py"));
}

} // namespace

Finding check_docs_run_instructions(const RuleContext& context)
{
  const auto readme = docs::readme_of(context);
  if (!readme) {
    return docs::skip_without_readme();
  }
  const analyze::Document& document = *readme->document;
  const std::string& path = readme->path;
  std::vector<Command> commands;
  for (const auto& code : document.code_blocks) {
    for (auto& command : commands_in(code)) {
      commands.push_back(std::move(command));
    }
  }
  if (!commands.empty()) {
    // Commands that run the project's scripts, none of which the project has: they cannot be
    // followed as written (a README copied from a template, or code moved since).
    std::vector<std::string> missing;
    std::vector<Location> missing_at;
    bool some_found = false;
    for (const auto& command : commands) {
      for (const auto& script : scripts_run(command.text)) {
        if (has_script(context.analysis(), script)) {
          some_found = true;
        } else if (std::find(missing.begin(), missing.end(), script) == missing.end()) {
          missing.push_back(script);
          missing_at.push_back({path, static_cast<uint32_t>(command.line)});
        }
      }
    }
    if (!missing.empty() && !some_found) {
      std::vector<std::string> shown;
      for (size_t i = 0; i < missing.size(); ++i) {
        shown.push_back(missing[i] + " (" + docs::at(path, static_cast<int>(missing_at[i].line)) + ")");
      }
      Finding finding = fail("the README's commands run " + join_some(shown, 3) +
                                 (missing.size() == 1 ? ", which the repository does not have"
                                                      : ", none of which the repository has"),
                             std::move(missing_at));
      finding.fix =
          fix_of(context.rule(), "Make the commands in the README run the scripts the project has, with "
                                 "their paths from the project root (python src/train.py), or add the "
                                 "scripts they name.");
      return finding;
    }
    const auto install =
        std::find_if(commands.begin(), commands.end(), [](const Command& c) { return c.install; });
    const auto run =
        std::find_if(commands.begin(), commands.end(), [](const Command& c) { return !c.install; });
    std::vector<std::string> shown;
    std::vector<Location> locations;
    const bool install_first =
        install != commands.end() && (run == commands.end() || install->line <= run->line);
    for (const auto it : install_first ? std::array{install, run} : std::array{run, install}) {
      if (it != commands.end()) {
        shown.push_back("`" + docs::shown_command(it->text) + "` (" + docs::at(path, it->line) + ")");
        locations.push_back({path, static_cast<uint32_t>(it->line)});
      }
    }
    return pass(count_of(commands.size(), "command") + " in code blocks, such as " + join_some(shown, 2),
                std::move(locations));
  }
  // A README that hands running to another document ("For detailed instructions on how to run
  // the experiments, see the [Experiments README](experimentos/README.md)"): the README of a part
  // of the project, or a guide named for installing or running it, with the commands.
  // A guide to running it, or to developing it: either gives the commands that set it up.
  const auto about_running = [](std::string_view guide, std::string_view text) {
    constexpr std::string_view k_development[] = {"development", "develop", "contributing"};
    return docs::about_running(guide, text) || docs::has_any_word(text::to_lower(text), k_development) ||
           docs::has_any_word(text::to_lower(text::base_name(guide)), k_development);
  };
  for (const auto& [guide, reference, doc] :
       docs::referenced_documents(context.analysis(), path, document, about_running)) {
    std::vector<Command> handed;
    for (const auto& code : doc.code_blocks) {
      for (auto& command : commands_in(code)) {
        handed.push_back(std::move(command));
      }
    }
    if (!handed.empty()) {
      return pass("no commands in " + path + ", but " + (reference.linked ? "the linked " : "the named ") + guide +
                      " gives " + count_of(handed.size(), "command") + " in code blocks, such as `" +
                      docs::shown_command(handed.front().text) + "` (" + docs::at(path, reference.line) + ")",
                  {{path, static_cast<uint32_t>(reference.line)}, {guide, static_cast<uint32_t>(handed.front().line)}});
    }
  }
  // Commands written inside sentences, or a notebook one click away: not what the rule asks
  // for, but a reader can still get it running.
  for (const auto& block : document.blocks) {
    if (block.kind != analyze::BlockKind::paragraph && block.kind != analyze::BlockKind::list_item) {
      continue;
    }
    re2::StringPiece match;
    if (RE2::PartialMatch(re2::StringPiece(block.text.data(), block.text.size()), inline_command_pattern(),
                          &match)) {
      return pass("commands only inside sentences, such as `" + std::string(match.data(), match.size()) +
                      "` (" + docs::at(path, block.line) + "); code blocks would make them easier to copy",
                  {{path, static_cast<uint32_t>(block.line)}});
    }
  }
  for (const auto& link : document.links) {
    if (text::icontains(link.url, "colab.research.google.com") || text::icontains(link.url, "mybinder.org")) {
      return pass("no commands, but a link runs the notebook online (" + docs::at(path, link.line) + ")",
                  {{path, static_cast<uint32_t>(link.line)}});
    }
  }
  return fail(path + " has no commands in code blocks to install and run the project", {{path, 0}});
}

} // namespace mlfolio::lint
