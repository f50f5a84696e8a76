// mlops/pipeline: the stages of the project (data, training, evaluation, serving) have entry
// points: task-runner targets, a DVC pipeline, an MLflow project, an orchestrator, console
// scripts or CLI subcommands.
#include "lint/rules/registry.h"

#include "core/text.h"
#include "lint/analyze/compose.h"
#include "lint/analyze/dvc.h"
#include "lint/analyze/makefile.h"
#include "lint/analyze/modules.h"
#include "lint/rules/mlops_usage.h"
#include "lint/rules/python_code.h"
#include "lint/rules/rigor_code.h"
#include "lint/wording.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <set>

namespace mlfolio::lint {

namespace {

enum class StageKind { data, train, evaluate, predict, serve, monitor, pipeline };

struct StageWord
{
  std::string_view word;
  StageKind kind;
};

// Words of a target, script or command name, and the stage they stand for. "test" and "clean"
// are left out: unit tests and clean-up are not pipeline stages.
constexpr StageWord k_stage_words[] = {
    {"data", StageKind::data},           {"dataset", StageKind::data},
    {"download", StageKind::data},       {"fetch", StageKind::data},
    {"ingest", StageKind::data},         {"ingestion", StageKind::data},
    {"prepare", StageKind::data},        {"prep", StageKind::data},
    {"preprocess", StageKind::data},     {"preprocessing", StageKind::data},
    {"process", StageKind::data},        {"etl", StageKind::data},
    {"features", StageKind::data},       {"featurize", StageKind::data},
    {"feature", StageKind::data},        {"split", StageKind::data},
    {"train", StageKind::train},         {"training", StageKind::train},
    {"trainer", StageKind::train},       {"transformation", StageKind::data},
    {"fit", StageKind::train},           {"tune", StageKind::train},
    {"tuning", StageKind::train},        {"retrain", StageKind::train},
    {"finetune", StageKind::train},      {"hpo", StageKind::train},
    {"evaluate", StageKind::evaluate},   {"eval", StageKind::evaluate},
    {"evaluation", StageKind::evaluate}, {"benchmark", StageKind::evaluate},
    {"validate", StageKind::evaluate},   {"predict", StageKind::predict},
    {"inference", StageKind::predict},   {"infer", StageKind::predict},
    {"batch", StageKind::predict},       {"serve", StageKind::serve},
    {"serving", StageKind::serve},       {"deploy", StageKind::serve},
    {"promote", StageKind::serve},       {"api", StageKind::serve},
    {"server", StageKind::serve},        {"monitor", StageKind::monitor},
    {"monitoring", StageKind::monitor},  {"drift", StageKind::monitor},
    {"pipeline", StageKind::pipeline},   {"repro", StageKind::pipeline},
    {"reproduce", StageKind::pipeline},
};

constexpr Library k_orchestrators[] = {
    {"airflow", "Airflow"},
    {"prefect", "Prefect"},
    {"dagster", "Dagster"},
    {"kedro", "Kedro"},
    {"zenml", "ZenML"},
    {"metaflow", "Metaflow"},
    {"luigi", "Luigi"},
    {"flytekit", "Flyte"},
    {"kfp", "Kubeflow Pipelines"},
    {"sagemaker.workflow", "SageMaker Pipelines"},
    {"azure.ai.ml.dsl", "Azure ML pipelines"},
    {"clearml.automation", "ClearML pipelines"},
};

std::optional<StageKind> stage_of(std::string_view name)
{
  const auto words = name_words(name);
  for (const auto& word : words) {
    for (const auto& entry : k_stage_words) {
      if (entry.word == word) {
        return entry.kind;
      }
    }
  }
  // "build-model", "make_model", "create-models": making the model is training it.
  const auto has = [&](std::string_view wanted) {
    return std::find(words.begin(), words.end(), wanted) != words.end();
  };
  if ((has("model") || has("models")) && (has("build") || has("make") || has("create"))) {
    return StageKind::train;
  }
  return std::nullopt;
}

// Names that cover the pipeline: one pipeline-wide entry point, or two different stages.
struct StageNames
{
  std::vector<std::string> names;
  std::set<StageKind> kinds;

  void add(std::string_view name)
  {
    if (const auto kind = stage_of(name)) {
      add(name, *kind);
    }
  }
  void add(std::string_view name, StageKind kind)
  {
    names.emplace_back(name);
    kinds.insert(kind);
  }
  // Monitoring is a stage of a pipeline that retrains; beside serving alone, "monitoring_up"
  // starts dashboards.
  size_t distinct() const
  {
    return kinds.size() - (kinds.contains(StageKind::monitor) && !kinds.contains(StageKind::train) ? 1 : 0);
  }
  bool enough() const { return distinct() >= 2 || kinds.contains(StageKind::pipeline); }
};

std::string basename(std::string_view path)
{
  const size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

// The stage a Python script's name stands for: "src/train.py" trains, "run_pipeline.py" runs the
// pipeline; a package's __main__.py by its whole path ("churn/train/__main__.py").
std::optional<StageKind> script_stage(std::string_view path)
{
  const std::string name = basename(path) == "__main__.py" ? std::string(path) : basename(path);
  return stage_of(std::string_view(name).substr(0, name.size() - 3));
}

// The project's script or module a command line runs with Python: "python -m src.main_news" is
// src/main_news.py (or its __main__.py), "uv run python scripts/train.py" is scripts/train.py,
// and "$(PYTHON) -m ..." counts as python.
std::optional<std::string> project_code_run(const RepoView& view, std::string_view command)
{
  thread_local const RE2 python(
      R"((?:^|[\s;&|(])(?:(?i:python)3?(?:\.\d+)?|\$[({]\w*(?i:py)\w*[)}])((?:\s+-[A-Za-ln-z]\w*)*)\s+(-m\s+)?([\w./-]+))");
  std::string flags;
  std::string module;
  std::string target;
  if (!RE2::PartialMatch(re2::StringPiece(command.data(), command.size()), python, &flags, &module,
                         &target)) {
    return std::nullopt;
  }
  if (module.empty()) {
    const std::string path = target.starts_with("./") ? target.substr(2) : target;
    return target.ends_with(".py") && view.exists(path) ? std::optional(path) : std::nullopt;
  }
  // "python -m predict_nba.pipeline.bootstrap_model" in a src layout runs src/predict_nba/...
  const std::string path = analyze::module_path(target);
  for (const std::string& candidate :
       {path + ".py", path + "/__main__.py", "src/" + path + ".py", "src/" + path + "/__main__.py"}) {
    if (view.exists(candidate)) {
      return candidate;
    }
  }
  return std::nullopt;
}

bool runs_project_code(const RepoView& view, std::string_view command)
{
  return project_code_run(view, command).has_value();
}

// "run-all: $(MAKE) run-candles ... $(MAKE) run-indicators": a target that runs, through its
// prerequisites or make calls, three or more targets of the same file that each run the
// project's own code, whatever they are named, is the pipeline's entry point.
std::optional<std::pair<std::string, std::vector<std::string>>>
chained_stages(const RepoView& view, const analyze::TaskFile& parsed)
{
  thread_local const RE2 make_call(R"(^(?:\$\(MAKE\)|\$\{MAKE\}|make|just)\s+(?:-\S+\s+)*([\w.-]+))");
  const auto find = [&](std::string_view name) -> const analyze::TaskTarget* {
    for (const auto& target : parsed.targets) {
      if (target.name == name) {
        return &target;
      }
    }
    return nullptr;
  };
  const auto runs_code = [&](const analyze::TaskTarget& target) {
    return std::any_of(target.recipe.begin(), target.recipe.end(),
                       [&](const std::string& line) { return runs_project_code(view, line); });
  };
  for (const auto& target : parsed.targets) {
    std::vector<std::string> called = target.prerequisites;
    for (const auto& line : target.recipe) {
      std::string name;
      if (RE2::PartialMatch(line, make_call, &name)) {
        called.push_back(name);
      }
    }
    std::vector<std::string> stages;
    for (const auto& name : called) {
      const analyze::TaskTarget* stage = find(name);
      if (stage != nullptr && stage != &target && runs_code(*stage) &&
          std::find(stages.begin(), stages.end(), name) == stages.end()) {
        stages.push_back(name);
      }
    }
    if (stages.size() >= 3) {
      return std::pair(target.name, std::move(stages));
    }
  }
  return std::nullopt;
}

struct TaskFileResult
{
  std::optional<Finding> found;
  std::string near_miss; // what a task file has when it is not enough, for the failure
  Location where;
};

// A recipe line that starts the served model: the containers, or the API or app itself.
bool starts_service(const std::string& command)
{
  thread_local const RE2 pattern(
      R"((?:^|[\s;&|@])(?:docker[- ]compose\b.*\bup\b|uvicorn\s|gunicorn\s|streamlit\s+run\b|flask\s+run\b|)"
      R"(bentoml\s+serve\b|mlflow\s+models\s+serve\b|fastapi\s+(?:run|dev)\b))");
  return !analyze::only_prints(command) && RE2::PartialMatch(command, pattern);
}

// A target that checks the project (test-e2e starts the containers to test them).
bool is_check_task(std::string_view name)
{
  for (const auto& word : name_words(name)) {
    if (word == "test" || word == "tests" || word == "lint" || word == "check" || word == "e2e" ||
        word == "ci") {
      return true;
    }
  }
  return false;
}

TaskFileResult task_files(const Analysis& analysis)
{
  TaskFileResult result;
  for (const FileEntry* file : analysis.project_files()) {
    const std::string name = basename(file->path);
    // Also a Makefile kept under another name (Makefile.mak, pipeline.mk), which make runs with -f:
    // its targets are the stages' entry points all the same. Notes, templates and backups about
    // one (Makefile.md, Makefile.template, Makefile.bak) are not.
    const bool renamed_make = name.starts_with("Makefile.") && name.find('.', 9) == std::string::npos &&
                              !text::iends_with(name, ".md") && !text::iends_with(name, ".txt") &&
                              !text::iends_with(name, ".rst") && !text::iends_with(name, ".template") &&
                              !text::iends_with(name, ".example") && !text::iends_with(name, ".sample") &&
                              !text::iends_with(name, ".bak") && !text::iends_with(name, ".orig");
    const bool make = name == "Makefile" || name == "makefile" || name == "GNUmakefile" || renamed_make ||
                      text::iends_with(name, ".mk") || text::iends_with(name, ".mak");
    const bool just = name == "justfile" || name == "Justfile" || name == ".justfile";
    if (!make && !just) {
      continue;
    }
    const TextFile* text = analysis.text(file->path);
    if (text == nullptr || text->binary) {
      continue;
    }
    const auto parsed = analyze::parse_task_file(text->content, make ? analyze::TaskFileKind::make
                                                                     : analyze::TaskFileKind::just);
    StageNames stages;
    std::vector<std::string> all;
    for (const auto& target : parsed.targets) {
      // test-api tests the API, it serves nothing; test-eval runs the model's evaluation.
      if (is_check_task(target.name) && stage_of(target.name) != StageKind::evaluate) {
        all.push_back(target.name);
        continue;
      }
      // A monitoring target is a stage when it runs the project's own check (python
      // src/monitor.py); "monitoring_up" starts dashboards and "monitoring_down" stops them.
      const auto kind = stage_of(target.name);
      const bool monitor_script =
          kind == StageKind::monitor &&
          std::any_of(target.recipe.begin(), target.recipe.end(), [&](const std::string& line) {
            return project_code_run(analysis.view(), line).has_value();
          });
      if (kind && (kind != StageKind::monitor || monitor_script)) {
        stages.add(target.name);
      } else if (!is_check_task(target.name) &&
                 std::any_of(target.recipe.begin(), target.recipe.end(), starts_service)) {
        stages.add(target.name + " (which starts the service)", StageKind::serve); // "up", "run", "start"
      }
      all.push_back(target.name);
    }
    if (stages.enough()) {
      result.found = pass(file->path + " targets " + join_some(stages.names, 5), {{file->path, 0}});
      return result;
    }
    if (const auto chain = chained_stages(analysis.view(), parsed)) {
      result.found = pass(file->path + " target " + chain->first + " runs " + join_some(chain->second, 5) +
                              ", each a script of the project",
                          {{file->path, 0}});
      return result;
    }
    if (result.near_miss.empty()) {
      result.where = {file->path, 0};
      result.near_miss =
          all.empty() ? file->path + " has no targets"
          : stages.names.empty()
              ? file->path + " has targets " + join_some(all, 5) + " but none for a pipeline stage"
              : file->path + " has " + join_some(stages.names, 3) + " but no other stage among its targets";
    }
  }
  return result;
}

std::optional<Finding> dvc_pipeline(const Analysis& analysis)
{
  for (const auto& [file, pipeline] : analysis.dvc_pipelines()) {
    if (!pipeline.stages.empty()) {
      std::vector<std::string> names;
      for (const auto& stage : pipeline.stages) {
        names.push_back(stage.name);
      }
      return pass("DVC pipeline " + file->path + " with " + count_of(names.size(), "stage") + ": " +
                      join_some(names, 5),
                  {{file->path, static_cast<uint32_t>(pipeline.stages.front().line)}});
    }
  }
  return std::nullopt;
}

std::optional<Finding> project_files(const Analysis& analysis)
{
  for (const FileEntry* file : analysis.project_files()) {
    const std::string name = basename(file->path);
    if (name == "MLproject") {
      return pass("MLflow project " + file->path, {{file->path, 0}});
    }
    if (name == "Snakefile") {
      return pass("Snakemake workflow " + file->path, {{file->path, 0}});
    }
    // A Databricks Asset Bundle whose jobs chain tasks (task_key, depends_on): ingest, transform,
    // train, evaluate run as one scheduled job.
    if (name == "databricks.yml" || name == "databricks.yaml") {
      const TextFile* text = analysis.text(file->path);
      size_t tasks = 0;
      for (size_t at = text == nullptr ? std::string::npos : text->content.find("task_key:");
           at != std::string::npos; at = text->content.find("task_key:", at + 9)) {
        ++tasks;
      }
      if (tasks >= 2) {
        return pass("Databricks jobs in " + file->path + " (" + std::to_string(tasks) + " tasks)",
                    {{file->path, 0}});
      }
    }
  }
  for (const auto& [file, dependencies] : analysis.dependency_files()) {
    const auto& tools = dependencies.tool_tables;
    if (std::find(tools.begin(), tools.end(), "kedro") != tools.end()) {
      return pass("Kedro project (" + file->path + " [tool.kedro])", {{file->path, 0}});
    }
    StageNames scripts;
    for (const auto& script : dependencies.scripts) {
      const auto kind = stage_of(script.name + " " + script.target);
      if (kind == StageKind::train || kind == StageKind::pipeline) {
        return pass("console script " + script.name + " = \"" + script.target + "\" (" + file->path + ":" +
                        std::to_string(script.line) + ")",
                    {{file->path, static_cast<uint32_t>(script.line)}});
      }
      scripts.add(script.name);
    }
    if (scripts.enough()) {
      return pass("console scripts " + join_some(scripts.names, 4) + " in " + file->path, {{file->path, 0}});
    }
  }
  return std::nullopt;
}

// A CI workflow that runs the project's scripts for two stages or more (a retraining workflow
// runs train_on_data_update.py, then promote_to_staging.py): the pipeline runs there.
std::optional<Finding> workflow_stages(const Analysis& analysis)
{
  for (const auto& [file, workflow] : analysis.workflows()) {
    StageNames stages;
    int first_line = 0;
    for (const auto& job : workflow.jobs) {
      for (const auto& command : job.commands) {
        const auto script = project_code_run(analysis.view(), command.text);
        if (!script) {
          continue;
        }
        const auto kind = script_stage(*script);
        if (kind && std::find(stages.names.begin(), stages.names.end(), *script) == stages.names.end()) {
          stages.add(*script, *kind);
          first_line = first_line == 0 ? command.line : first_line;
        }
      }
    }
    if (stages.enough()) {
      return pass("CI workflow " + file->path + " runs the stages " + join_some(stages.names, 5),
                  {{file->path, static_cast<uint32_t>(first_line)}});
    }
  }
  return std::nullopt;
}

// A command-line option that picks the stage to run: parser.add_argument("--mode",
// choices=["train", "evaluate"]), or click.option("--mode", type=click.Choice(["train",
// "add_data"])). Its choices that name stages; none when no such option.
StageNames mode_choices(const analyze::PythonModule& module)
{
  constexpr std::string_view k_selectors[] = {"mode",   "stage",   "step", "task",
                                              "action", "command", "cmd",  "phase"};
  const auto selects = [&](const std::optional<std::string>& option) {
    if (!option) {
      return false;
    }
    std::string_view name = *option;
    while (name.starts_with('-')) {
      name.remove_prefix(1);
    }
    return std::find(std::begin(k_selectors), std::end(k_selectors), name) != std::end(k_selectors);
  };
  // The choices' strings, in the value of choices= (argparse) or type= (click.Choice): read from
  // the value's source text, as the strings of a call inside it (click.Choice([...])) are its own.
  StageNames stages;
  const auto add_choices = [&](const std::vector<analyze::KeywordArgument>& keywords) {
    for (const auto& keyword : keywords) {
      if (keyword.name != "choices" &&
          (keyword.name != "type" || keyword.value.find("Choice(") == std::string::npos)) {
        continue;
      }
      const std::string_view value = keyword.value;
      for (size_t i = 0; i < value.size(); ++i) {
        if (value[i] != '"' && value[i] != '\'') {
          continue;
        }
        const size_t end = value.find(value[i], i + 1);
        if (end == std::string_view::npos) {
          break;
        }
        stages.add(value.substr(i + 1, end - i - 1));
        i = end;
      }
    }
  };
  for (const auto& call : module.calls) {
    const std::string_view name = last_component(call.callee);
    if ((name == "add_argument" || name == "option") && selects(call.first_string)) {
      add_choices(call.keywords);
    }
  }
  for (const auto& function : module.functions) {
    for (const auto& decorator : function.decorators) {
      if (last_component(decorator.name) == "option" && selects(decorator.first_string)) {
        add_choices(decorator.keywords);
      }
    }
  }
  return stages;
}

// argparse subcommands (add_parser("train")) and click/typer commands (@cli.command() def train).
std::optional<Finding> cli_commands(const Analysis& analysis)
{
  for (const auto& [file, module] : analysis.code_modules()) {
    if (const StageNames modes = mode_choices(*module); modes.enough()) {
      return pass("command-line stages " + join_some(modes.names, 5) + " (choices of one option) in " +
                      file->path,
                  {{file->path, 0}});
    }
  }
  // A CLI whose subcommands each register in a module of their own (cli/train.py, cli/serve.py:
  // subparsers.add_parser("train")) is one CLI: its modules' commands count together by folder.
  // A standalone @click.command() script is a command of its own, not a subcommand: only
  // subparsers and commands of a group (@cli.command(), @app.command()) count together.
  std::map<std::string, std::pair<StageNames, std::string>, std::less<>> by_folder; // and its first module
  for (const auto& [file, module] : analysis.code_modules()) {
    StageNames commands;
    StageNames subcommands;
    std::optional<std::string> runs_pipeline; // add_parser("run", help="Execute the full pipeline.")
    for (const auto& call : module->calls) {
      if (last_component(call.callee) == "add_parser" && call.first_string) {
        commands.add(*call.first_string);
        subcommands.add(*call.first_string);
        for (const auto& keyword : call.keywords) {
          if (!runs_pipeline && keyword.name == "help" && keyword.strings.size() == 1 &&
              !stage_of(*call.first_string) &&
              std::ranges::any_of(name_words(keyword.strings.front()),
                                  [](std::string_view word) { return word == "pipeline"; })) {
            runs_pipeline = *call.first_string;
          }
        }
      }
    }
    // A subcommand that runs a pipeline, by its help, beside one for a stage of it.
    if (runs_pipeline && !commands.kinds.empty()) {
      commands.add(*runs_pipeline + " (which runs a pipeline)", StageKind::pipeline);
    }
    // Invoke's tasks (tasks.py: @task def preprocess(c)), run as "invoke preprocess".
    const bool invoke = std::any_of(module->imports.begin(), module->imports.end(),
                                    [](const analyze::Import& import) { return import.module == "invoke"; });
    for (const auto& function : module->functions) {
      for (const auto& decorator : function.decorators) {
        if (invoke && (decorator.name == "task" || decorator.name == "invoke.task")) {
          commands.add(function.name);
        }
        if (last_component(decorator.name) == "command" && decorator.name.find('.') != std::string::npos) {
          const std::string name = decorator.first_string.value_or(function.name);
          commands.add(name);
          if (!decorator.name.starts_with("click.") && !decorator.name.starts_with("typer.")) {
            subcommands.add(name);
          }
        }
      }
    }
    if (commands.enough()) {
      return pass("command-line stages " + join_some(commands.names, 5) + " in " + file->path,
                  {{file->path, 0}});
    }
    if (subcommands.names.empty()) {
      continue;
    }
    const size_t slash = file->path.rfind('/');
    auto& [folder, first] = by_folder[slash == std::string::npos ? "" : file->path.substr(0, slash)];
    first = first.empty() ? file->path : first;
    for (const auto& name : subcommands.names) {
      folder.add(name);
    }
  }
  for (const auto& [folder, commands] : by_folder) {
    if (commands.first.enough()) {
      return pass("command-line stages " + join_some(commands.first.names, 5) + " in the modules of " +
                      (folder.empty() ? std::string("the project's top folder") : folder + "/"),
                  {{commands.second, 0}});
    }
  }
  return std::nullopt;
}

// The stages a pipeline driver runs: a script named for the pipeline that runs two stages or more
// of the project itself, by the scripts it names ("src/preprocessing.py", "src/train.py" handed to
// subprocess), the modules it imports or the functions it calls (preprocess(), train_model()). A
// generic entry point (main.py, run.py), or a script whose name names no stage
// (bootstrap_model.py), is a driver when it calls the stages' functions itself, training among
// them: ingest_data(), prepare_data(), TrainAndEvaluation(...).
//
// A `strict` driver (one that nothing documents, or whose name names no stage) counts only what it
// imports from the project's own modules and calls: DataIngestion from components/data_ingestion.py,
// train_model from src/train.py. A script that does everything itself is one stage, and a server
// (a module with HTTP routes) is no driver.
std::optional<StageNames> driver_stages(const Analysis& analysis, const std::string& script, bool strict)
{
  const std::string name = basename(script);
  const bool generic_name =
      name == "main.py" || name == "run.py" || name == "run_all.py" || name == "__main__.py";
  strict = strict || (!generic_name && !script_stage(script));
  const bool generic = strict || generic_name;
  // "train_pipeline.py" is named for training first, but for a pipeline too.
  const auto words = name_words(name.substr(0, name.size() - 3));
  const bool named_pipeline = std::find(words.begin(), words.end(), "pipeline") != words.end();
  if (script_stage(script) != StageKind::pipeline && !named_pipeline && !generic) {
    return std::nullopt;
  }
  const analyze::PythonModule* module = analysis.python(script);
  if (module == nullptr || (strict && !module->routes.empty())) {
    return std::nullopt;
  }
  StageNames stages;
  const auto add = [&](std::optional<StageKind> kind, std::string_view shown) {
    if (kind && *kind != StageKind::pipeline &&
        std::find(stages.names.begin(), stages.names.end(), shown) == stages.names.end()) {
      stages.add(shown, *kind);
    }
  };
  if (!generic) {
    for (const auto& literal : module->strings) {
      if (literal.value.ends_with(".py") && analysis.view().exists(literal.value)) {
        add(script_stage(literal.value), literal.value);
      } else if (const auto run = project_code_run(analysis.view(), literal.value)) {
        add(script_stage(*run), *run); // "python -m src.features.run_features", handed to a shell
      }
    }
    for (const auto& import : module->imports) {
      if (const auto kind = stage_of(last_component(import.module))) {
        add(kind, import.module);
        continue;
      }
      // A module of the project's that trains a model (churn_model.py fits one) is the
      // training stage, whatever its name.
      for (const auto& path : analyze::import_candidates(script, import, "")) {
        const analyze::PythonModule* imported = analysis.python(path);
        if (imported != nullptr && imported->routes.empty() && training_call(*imported)) {
          add(StageKind::train, import.module);
          break;
        }
      }
    }
  }
  // The names it imports from the project's own modules, with the stage of each name or module.
  std::map<std::string, std::optional<StageKind>, std::less<>> project_names;
  for (const auto& import : module->imports) {
    if (!strict) {
      break;
    }
    for (const auto& imported : import.names) {
      const auto candidates = analyze::import_candidates(script, import, imported);
      if (std::any_of(candidates.begin(), candidates.end(),
                      [&](const std::string& path) { return analysis.view().exists(path); })) {
        const auto kind = stage_of(imported);
        project_names.emplace(imported, kind ? kind : stage_of(last_component(import.module)));
      }
    }
  }
  for (const auto& call : module->calls) {
    // DataIngestionConfig() describes a stage, ingestion.initiate_data_ingestion() runs it.
    const auto call_words = name_words(last_component(call.callee));
    if (std::find(call_words.begin(), call_words.end(), "config") != call_words.end()) {
      continue;
    }
    if (!strict) {
      add(stage_of(last_component(call.callee)), call.callee + "()");
    } else if (const auto found = project_names.find(call.callee.substr(0, call.callee.find('.')));
               found != project_names.end()) {
      add(found->second, call.callee + "()");
    }
  }
  if (stages.distinct() >= 2 && (!generic || stages.kinds.contains(StageKind::train))) {
    return stages;
  }
  return std::nullopt;
}

// A command line of the project's and where it is written.
struct CommandAt
{
  std::string_view command;
  const std::string* path;
  int line;
};

// A pipeline driver that something of the project's runs: the README (each line of a code block,
// and each paragraph or list item, where inline code keeps its text), a Compose service's
// command, or a shell script ("python -m predict_nba.pipeline.bootstrap_model" in start.sh).
std::optional<Finding> run_driver(const Analysis& analysis)
{
  std::vector<CommandAt> lines;
  const analyze::Document* document = analysis.readme_document();
  const FileEntry* readme = analysis.readme();
  if (document != nullptr && readme != nullptr) {
    for (const auto& code : document->code_blocks) {
      int line = code.line + (code.fenced ? 1 : 0);
      for (const auto text : text::split(code.content, '\n')) {
        lines.push_back({text, &readme->path, line++});
      }
    }
    for (const auto& block : document->blocks) {
      if (block.kind == analyze::BlockKind::paragraph || block.kind == analyze::BlockKind::list_item) {
        lines.push_back({block.text, &readme->path, block.line});
      }
    }
  }
  for (const FileEntry* file : analysis.project_files()) {
    if (!text::iends_with(file->path, ".sh")) {
      continue;
    }
    if (const TextFile* script = analysis.text(file->path); script != nullptr && !script->binary) {
      int line = 1;
      for (const auto command : text::split(script->content, '\n')) {
        lines.push_back({command, &file->path, line++});
      }
    }
  }
  for (const auto& [file, compose] : analysis.compose_files()) {
    for (const auto& service : compose.services) {
      if (!service.command.empty()) {
        lines.push_back({service.command, &file->path, service.command_line});
      }
    }
  }
  for (const auto& [command, path, line] : lines) {
    const auto script = project_code_run(analysis.view(), command);
    if (!script) {
      continue;
    }
    if (const auto stages = driver_stages(analysis, *script, false)) {
      return pass("pipeline script " + *script + ", run by " + *path + ":" + std::to_string(line) +
                      ", runs the stages " + join_some(stages->names, 4),
                  {{*script, 0}, {*path, static_cast<uint32_t>(line)}});
    }
  }
  return std::nullopt;
}

// A driver at the top of the project that runs as a script ("if __name__ == '__main__':") though
// nothing names its command: main.py or run_pipeline.py at the root or in one folder (src/main.py).
std::optional<Finding> entry_driver(const Analysis& analysis)
{
  for (const FileEntry* file : analysis.python_files()) {
    if (std::count(file->path.begin(), file->path.end(), '/') > 1) {
      continue;
    }
    const std::string name = basename(file->path);
    const auto words = name_words(name.substr(0, name.size() - 3));
    // main.py, run.py and run_all.py are scripts by their names, guarded or not (the course
    // template's main.py runs each stage at its top level); a module named for a pipeline may be
    // a library's, and is a script only with a main guard.
    const bool script_name = name == "main.py" || name == "run.py" || name == "run_all.py";
    const bool driver_name = script_name || std::find(words.begin(), words.end(), "pipeline") != words.end();
    const analyze::PythonModule* module = driver_name ? analysis.python(file->path) : nullptr;
    // Unguarded, an app's main.py (streamlit run main.py) may call the stages behind a button.
    constexpr std::string_view k_apps[] = {"streamlit", "gradio"};
    if (module == nullptr ||
        (!module->main_guard_line && (!script_name || find_import(*module, k_apps) != nullptr))) {
      continue;
    }
    if (const auto stages = driver_stages(analysis, file->path, true)) {
      return pass("pipeline script " + file->path + " runs the stages " + join_some(stages->names, 4) +
                      " (the README does not give its command)",
                  {{file->path, static_cast<uint32_t>(module->main_guard_line.value_or(1))}});
    }
  }
  return std::nullopt;
}

// Compose services named for the stages, one waiting for another (depends_on): "docker compose
// up" runs data_ingestion, then feature_engineering, then model_training.
std::optional<Finding> compose_pipeline(const Analysis& analysis)
{
  for (const auto& [file, compose] : analysis.compose_files()) {
    std::map<std::string, StageKind, std::less<>> kinds;
    for (const auto& service : compose.services) {
      auto kind = stage_of(service.name);
      if (const auto script = project_code_run(analysis.view(), service.command); !kind && script) {
        kind = script_stage(*script);
      }
      if (kind && *kind != StageKind::pipeline) {
        kinds.emplace(service.name, *kind);
      }
    }
    StageNames stages;
    bool chained = false;
    int first_line = 0;
    for (const auto& service : compose.services) {
      const auto kind = kinds.find(service.name);
      if (kind == kinds.end()) {
        continue;
      }
      stages.add(service.name, kind->second);
      first_line = first_line == 0 ? service.line : first_line;
      chained = chained || std::any_of(service.depends_on.begin(), service.depends_on.end(),
                                       [&](const std::string& other) { return kinds.contains(other); });
    }
    if (chained && stages.distinct() >= 2 && stages.kinds.contains(StageKind::train)) {
      return pass("Compose file " + file->path +
                      " runs the stages as services that wait for each other: " + join_some(stages.names, 5),
                  {{file->path, static_cast<uint32_t>(first_line)}});
    }
  }
  return std::nullopt;
}

} // namespace

Finding check_mlops_pipeline(const RuleContext& context)
{
  const Analysis& analysis = context.analysis();
  const auto orchestrators = library_uses(analysis, k_orchestrators);
  if (!orchestrators.empty()) {
    return pass("pipeline orchestrated with " + describe(orchestrators), {orchestrators.front().where});
  }
  if (auto dvc = dvc_pipeline(analysis)) {
    return *dvc;
  }
  TaskFileResult tasks = task_files(analysis);
  if (tasks.found) {
    return *tasks.found;
  }
  if (auto found = project_files(analysis)) {
    return *found;
  }
  if (auto found = cli_commands(analysis)) {
    return *found;
  }
  if (auto found = workflow_stages(analysis)) {
    return *found;
  }
  if (auto found = compose_pipeline(analysis)) {
    return *found;
  }
  if (auto found = run_driver(analysis)) {
    return *found;
  }
  if (auto found = entry_driver(analysis)) {
    return *found;
  }
  if (!tasks.near_miss.empty()) {
    return fail("no entry points for the pipeline stages: " + tasks.near_miss +
                    " (data, train, evaluate, predict or serve), and no dvc.yaml, MLproject or orchestrator",
                {tasks.where});
  }
  return fail(
      "no entry points for the pipeline stages: no Makefile or justfile targets, dvc.yaml stages, "
      "MLproject, orchestrator (Airflow, Prefect, Dagster, Kedro, ZenML, Metaflow) or training console "
      "script");
}

} // namespace mlfolio::lint
