// mlops/experiment-tracking: training runs are logged to an experiment tracker (in code or
// notebooks, including imports inside functions), DVC experiments, or the project's own run log.
#include "lint/rules/registry.h"

#include "lint/analyze/dvc.h"
#include "lint/rules/mlops_usage.h"
#include "lint/rules/rigor_code.h"
#include "lint/wording.h"

#include <algorithm>

namespace mlfolio::lint {

namespace {

constexpr Library k_trackers[] = {
    {"mlflow", "MLflow"},
    {"wandb", "Weights & Biases"},
    {"neptune", "Neptune"},
    {"neptune_client", "Neptune"},
    {"comet_ml", "Comet"},
    {"clearml", "ClearML"},
    {"trains", "ClearML"},
    {"aim", "Aim"},
    {"dvclive", "DVCLive"},
    {"sacred", "Sacred"},
    {"pytorch_lightning.loggers.WandbLogger", "Weights & Biases"},
    {"pytorch_lightning.loggers.MLFlowLogger", "MLflow"},
    {"pytorch_lightning.loggers.NeptuneLogger", "Neptune"},
    {"pytorch_lightning.loggers.CometLogger", "Comet"},
    {"lightning.pytorch.loggers.WandbLogger", "Weights & Biases"},
    {"lightning.pytorch.loggers.MLFlowLogger", "MLflow"},
    {"lightning.pytorch.loggers.NeptuneLogger", "Neptune"},
    {"lightning.pytorch.loggers.CometLogger", "Comet"},
};

// TensorBoard logs curves per run but rarely the parameters: it counts, and the message says so.
constexpr Library k_tensorboard[] = {
    {"torch.utils.tensorboard", "TensorBoard"},
    {"tensorboardX", "TensorBoard"},
    {"tensorboard", "TensorBoard"},
    {"pytorch_lightning.loggers.TensorBoardLogger", "TensorBoard"},
    {"lightning.pytorch.loggers.TensorBoardLogger", "TensorBoard"},
    {"tensorflow.keras.callbacks.TensorBoard", "TensorBoard"},
    {"keras.callbacks.TensorBoard", "TensorBoard"},
};

// Values of report_to= (Hugging Face Trainer, Ultralytics and others) that name a tracker.
struct ReportTarget
{
  std::string_view value;
  std::string_view name;
};
constexpr ReportTarget k_report_targets[] = {
    {"wandb", "Weights & Biases"}, {"mlflow", "MLflow"},           {"comet_ml", "Comet"},
    {"neptune", "Neptune"},        {"clearml", "ClearML"},         {"aim", "Aim"},
    {"dvclive", "DVCLive"},        {"tensorboard", "TensorBoard"}, {"all", "every installed tracker"},
};

// Calls that create a tracker logger without importing it by name: pl.loggers.WandbLogger(...),
// tf.keras.callbacks.TensorBoard(...).
constexpr ReportTarget k_logger_calls[] = {
    {"WandbLogger", "Weights & Biases"},  {"MLFlowLogger", "MLflow"},
    {"NeptuneLogger", "Neptune"},         {"CometLogger", "Comet"},
    {"TensorBoardLogger", "TensorBoard"}, {"SummaryWriter", "TensorBoard"},
    {"TensorBoard", "TensorBoard"},
};

std::optional<LibraryUse> call_use(const Analysis& analysis)
{
  if (const auto vertex = vertex_experiment_run(analysis)) {
    return LibraryUse{"Vertex AI Experiments through " + vertex->second, vertex->first};
  }
  for (const auto& [file, module] : analysis.code_modules()) {
    for (const auto& call : module->calls) {
      const auto where = [&, file = file] { return code_location(analysis, file, call.line); }; // when found
      for (const auto& keyword : call.keywords) {
        if (keyword.name != "report_to") {
          continue;
        }
        for (const auto& value : keyword.strings) {
          for (const auto& target : k_report_targets) {
            if (value == target.value) {
              return LibraryUse{std::string(target.name) + " through report_to=\"" + value + "\"", where()};
            }
          }
        }
      }
      for (const auto& logger : k_logger_calls) {
        if (last_component(call.callee) == logger.value && call.callee.find('.') != std::string::npos) {
          return LibraryUse{std::string(logger.name) + " through " + call.callee, where()};
        }
      }
    }
  }
  return std::nullopt;
}

std::optional<LibraryUse> dvc_experiments(const Analysis& analysis)
{
  for (const auto& [file, pipeline] : analysis.dvc_pipelines()) {
    bool tracked = !pipeline.metrics.empty() || !pipeline.plots.empty();
    for (const auto& stage : pipeline.stages) {
      tracked = tracked || !stage.metrics.empty() || !stage.plots.empty();
    }
    if (tracked) {
      return LibraryUse{"DVC experiments (metrics in dvc.yaml)", {file->path, 0}};
    }
  }
  return std::nullopt;
}

// A module that defines both log_params and log_metrics keeps its own record of runs.
std::optional<LibraryUse> own_run_log(const Analysis& analysis)
{
  for (const auto& [file, module] : analysis.code_modules()) {
    const analyze::Function* params = nullptr;
    const analyze::Function* metrics = nullptr;
    for (const auto& function : module->functions) {
      params = params == nullptr && (function.name == "log_params" || function.name == "log_param")
                   ? &function
                   : params;
      metrics = metrics == nullptr && (function.name == "log_metrics" || function.name == "log_metric")
                    ? &function
                    : metrics;
    }
    if (params != nullptr && metrics != nullptr) {
      return LibraryUse{"its own run log (" + params->name + " and " + metrics->name + ")",
                        {file->path, static_cast<uint32_t>(params->line)}};
    }
  }
  return std::nullopt;
}

} // namespace

// Where the runs are logged: the first call such as mlflow.log_params or wandb.init, rather than
// the first import (which may be a script that only opens the tracker's UI).
std::optional<Location> logging_call(const Analysis& analysis, std::string_view tracker)
{
  for (const auto& [file, module] : analysis.code_modules()) {
    for (const auto& call : module->calls) {
      if (!call.callee.starts_with(tracker) || call.callee.size() <= tracker.size() ||
          call.callee[tracker.size()] != '.') {
        continue;
      }
      const std::string_view name = last_component(call.callee);
      if (name.starts_with("log") || name == "start_run" || name == "init" || name == "autolog") {
        return code_location(analysis, file, call.line);
      }
    }
  }
  return std::nullopt;
}

Finding check_mlops_experiment_tracking(const RuleContext& context)
{
  const Analysis& analysis = context.analysis();
  auto uses = library_uses(analysis, k_trackers);
  for (auto& use : uses) {
    const auto tracker = std::find_if(std::begin(k_trackers), std::end(k_trackers),
                                      [&](const Library& library) { return library.name == use.name; });
    if (tracker->module.find('.') == std::string_view::npos) {
      if (auto where = logging_call(analysis, tracker->module)) {
        use.where = *where;
      }
    }
  }
  if (!uses.empty()) {
    std::vector<Location> locations;
    for (const auto& use : uses) {
      locations.push_back(use.where);
    }
    return pass("experiments tracked with " + describe(uses), std::move(locations));
  }
  if (auto call = call_use(analysis)) {
    return pass("experiments tracked with " + describe(*call), {call->where});
  }
  if (auto dvc = dvc_experiments(analysis)) {
    return pass("experiments tracked with " + dvc->name + " in " + dvc->where.path, {dvc->where});
  }
  const auto tensorboard = library_uses(analysis, k_tensorboard);
  if (!tensorboard.empty()) {
    return pass("training curves logged with " + describe(tensorboard.front()) +
                    "; parameters are only kept when logged with add_hparams",
                {tensorboard.front().where});
  }
  if (auto own = own_run_log(analysis)) {
    return pass("runs recorded by " + describe(*own), {own->where});
  }
  // Nothing is trained: a service on hosted models, an app with no model, has no experiments to
  // track (as mlops/model-registry has no model to version).
  if (const auto reason = no_training_reason(analysis)) {
    return skip(*reason);
  }
  return fail(
      "no experiment tracking in " + code_scope(analysis) +
      ": no MLflow, Weights & Biases, Neptune, Comet, ClearML, Aim, DVCLive or TensorBoard, and no dvc.yaml "
      "metrics");
}

} // namespace mlfolio::lint
