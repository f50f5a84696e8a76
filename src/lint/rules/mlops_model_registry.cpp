// mlops/model-registry: trained models are versioned: a model registry or store (MLflow,
// W&B, BentoML, Hugging Face Hub, Neptune, ClearML), DVC-tracked model files, or the project's
// own registry that saves each model as a version beside its metadata.
#include "lint/rules/registry.h"

#include "core/text.h"
#include "lint/rules/docs_sections.h"
#include "lint/analyze/dvc.h"
#include "lint/rules/mlops_usage.h"
#include "lint/rules/python_code.h"
#include "lint/rules/rigor_code.h"
#include "lint/wording.h"

#include <algorithm>
#include <map>
#include <re2/re2.h>

namespace mlfolio::lint {

namespace {

struct CallPattern
{
  std::string_view prefix; // the callee starts with it ("" for any)
  std::string_view last;   // and ends with this component
  std::string_view what;
  // For a method called on anything ("client.register_model"): the library the module must import
  // for the call to be that library's; without it, the call is the project's own registry.
  std::string_view library = {};
  std::string_view other_library = {}; // or this one
};

// Calls that put a model into a versioned store.
constexpr CallPattern k_registry_calls[] = {
    {"", "register_model", "MLflow Model Registry", "mlflow"},
    {"", "create_registered_model", "MLflow Model Registry", "mlflow"},
    {"", "create_model_version", "MLflow Model Registry", "mlflow"},
    {"", "transition_model_version_stage", "MLflow Model Registry", "mlflow"},
    {"", "set_registered_model_alias", "MLflow Model Registry", "mlflow"},
    {"mlflow.", "log_model", "MLflow (a model logged per run)"},
    {"bentoml.", "save_model", "BentoML model store"},
    {"bentoml.models.", "create", "BentoML model store"},
    {"", "push_to_hub", "Hugging Face Hub"},
    {"", "upload_folder", "Hugging Face Hub", "huggingface_hub"},
    {"", "link_model", "W&B Model Registry", "wandb"},
    {"", "link_artifact", "W&B Model Registry", "wandb"},
    {"", "use_model", "W&B Model Registry", "wandb"},
    {"neptune.", "init_model_version", "Neptune model registry"},
    {"", "update_output_model", "ClearML model registry", "clearml"},
    {"", "OutputModel", "ClearML model registry", "clearml"},
    // SageMaker Pipelines' registration step, and the same through boto3's client.
    {"", "RegisterModel", "SageMaker Model Registry", "sagemaker"},
    {"", "create_model_package", "SageMaker Model Registry", "boto3", "sagemaker"},
    {"aiplatform.Model.", "upload", "Vertex AI Model Registry"},
};

// Calls that write a fitted model to a file (model.save also, unless called on arrays or figures).
constexpr std::string_view k_model_dumps[] = {"joblib.dump",      "pickle.dump", "dill.dump",
                                              "cloudpickle.dump", "torch.save",  "skops.io.dump"};
constexpr std::string_view k_model_save_methods[] = {"save_model", "save_pretrained", "save_weights",
                                                     "save_checkpoint"};
// model.save(...) counts when the receiver is named like a model: repo.save and image.save do not.
constexpr std::string_view k_model_words[] = {"model",     "net",       "network", "clf",     "classifier",
                                              "regressor", "estimator", "learner", "booster", "pipeline",
                                              "predictor", "automl",    "trainer", "keras"};
// Calls that write metadata next to it.
constexpr std::string_view k_metadata_writes[] = {"json.dump",  "yaml.dump", "yaml.safe_dump",
                                                  "write_json", "to_json",   "json.dumps"};
constexpr std::string_view k_model_extensions[] = {
    ".pkl",  ".pickle", ".joblib", ".pt",  ".pth",   ".h5",  ".keras", ".onnx",   ".safetensors",
    ".ckpt", ".bin",    ".cbm",    ".ubj", ".model", ".sav", ".pb",    ".tflite", ".gguf"};

bool has_keyword(const analyze::Call& call, std::string_view name, std::string_view value = {})
{
  return std::any_of(call.keywords.begin(), call.keywords.end(),
                     [&](const analyze::KeywordArgument& keyword) {
                       if (keyword.name != name) {
                         return false;
                       }
                       return value.empty() ? keyword.value != "None" && keyword.value != "False"
                                            : std::find(keyword.strings.begin(), keyword.strings.end(),
                                                        value) != keyword.strings.end();
                     });
}

std::optional<LibraryUse> registry_call(const Analysis& analysis)
{
  std::optional<LibraryUse> weaker; // a per-run MLflow model: versioned by run, not registered
  for (const auto& [file, module] : analysis.code_modules()) {
    for (const auto& call : module->calls) {
      const auto where = [&, file = file] { return code_location(analysis, file, call.line); }; // once found
      if (has_keyword(call, "registered_model_name")) {
        return LibraryUse{"MLflow Model Registry (registered_model_name)", where()};
      }
      if (std::any_of(call.keywords.begin(), call.keywords.end(),
                      [](const analyze::KeywordArgument& keyword) {
                        return keyword.name == "push_to_hub" && keyword.value == "True";
                      })) {
        return LibraryUse{"Hugging Face Hub (push_to_hub=True)", where()};
      }
      const std::string_view last = last_component(call.callee);
      // mlflow.autolog() logs the fitted model with the run, unless told not to (log_models=False).
      const bool models_off =
          std::any_of(call.keywords.begin(), call.keywords.end(), [](const auto& keyword) {
            return keyword.name == "log_models" && keyword.value == "False";
          });
      if (last == "autolog" && call.callee.starts_with("mlflow.") && !models_off) {
        weaker =
            weaker ? weaker : LibraryUse{"MLflow (" + call.callee + "() logs each run's model)", where()};
        continue;
      }
      if (last == "Artifact" && has_keyword(call, "type", "model")) {
        return LibraryUse{"W&B model artifacts", where()};
      }
      for (const auto& pattern : k_registry_calls) {
        // A bare name counts when imported from its library: "from huggingface_hub import
        // upload_folder", then upload_folder(folder_path="models/best", repo_id=...).
        const bool imported_name =
            call.callee.find('.') == std::string::npos && !pattern.library.empty() &&
            std::any_of(module->imports.begin(), module->imports.end(), [&](const analyze::Import& import) {
              return is_module(import.module, pattern.library) &&
                     std::find(import.names.begin(), import.names.end(), call.callee) != import.names.end();
            });
        if (last == pattern.last && call.callee.starts_with(pattern.prefix) &&
            (!pattern.prefix.empty() || call.callee.find('.') != std::string::npos || imported_name ||
             pattern.last == "OutputModel" || pattern.last == "RegisterModel")) {
          LibraryUse use{std::string(pattern.what), where()};
          const std::string_view libraries[] = {pattern.library, pattern.other_library};
          if (!pattern.library.empty() &&
              find_import(*module, std::span(libraries, pattern.other_library.empty() ? 1 : 2)) == nullptr) {
            use.name = "its own model registry (" + call.callee + "())";
          }
          if (pattern.last == "log_model") {
            weaker = weaker ? weaker : use;
            continue;
          }
          return use;
        }
      }
      if (call.first_string && call.first_string->starts_with("models:/")) {
        return LibraryUse{"MLflow Model Registry (loads " + *call.first_string + ")", where()};
      }
    }
  }
  return weaker;
}

bool is_model_path(std::string_view path)
{
  const std::string lower = text::to_lower(path);
  if (lower.starts_with("models/") || lower.find("/models/") != std::string::npos || lower == "models" ||
      lower.ends_with("/models")) {
    return true;
  }
  // Kedro's numbered data layer for models: data/06_models.
  thread_local const RE2 numbered_layer(R"((?:^|/)\d+_models(?:/|$))");
  if (RE2::PartialMatch(lower, numbered_layer)) {
    return true;
  }
  return std::any_of(std::begin(k_model_extensions), std::end(k_model_extensions),
                     [&](std::string_view extension) { return lower.ends_with(extension); });
}

// Kedro's data catalog saving a model with versioned: true: each run writes a new timestamped
// version of the file ("grid_model:\n  type: pickle.PickleDataset\n  filepath:
// data/06_models/grid.pkl\n  versioned: true").
std::optional<LibraryUse> kedro_versioned_models(const Analysis& analysis)
{
  thread_local const RE2 catalog(R"((^|/)conf/.*catalog[^/]*\.ya?ml$)");
  for (const FileEntry* file : analysis.project_files()) {
    if (!RE2::PartialMatch(file->path, catalog)) {
      continue;
    }
    const TextFile* text = analysis.text(file->path);
    if (text == nullptr || text->binary) {
      continue;
    }
    std::string entry;
    bool model = false;
    bool versioned = false;
    int line_number = 0;
    for (const auto line : text::split_lines(text->content)) {
      ++line_number;
      const std::string_view trimmed = text::trim(line);
      if (trimmed.empty() || trimmed.starts_with('#')) {
        continue;
      }
      if (line.front() != ' ' && line.front() != '\t') { // a new entry: "grid_model:"
        entry = std::string(trimmed.substr(0, trimmed.find(':')));
        const auto words = name_words(entry);
        model = std::find(words.begin(), words.end(), "model") != words.end() ||
                std::find(words.begin(), words.end(), "models") != words.end();
        versioned = false;
        continue;
      }
      model = model || (trimmed.starts_with("filepath:") && is_model_path(text::trim(trimmed.substr(9))));
      versioned = versioned || trimmed == "versioned: true" || trimmed == "versioned: True";
      if (model && versioned) {
        return LibraryUse{"Kedro's data catalog (" + entry + " saved with versioned: true)",
                          {file->path, static_cast<uint32_t>(line_number)}};
      }
    }
  }
  return std::nullopt;
}

std::optional<LibraryUse> dvc_models(const Analysis& analysis)
{
  for (const FileEntry* file : analysis.project_files()) {
    if (!file->path.ends_with(".dvc")) {
      continue;
    }
    const TextFile* text = analysis.text(file->path);
    if (text == nullptr || text->binary) {
      continue;
    }
    const std::string folder = file->path.substr(0, file->path.rfind('/') + 1);
    for (const auto& out : analyze::parse_dvc_file(text->content)) {
      if (is_model_path(folder + out.path)) {
        return LibraryUse{"DVC (" + folder + out.path + " tracked)", {file->path, static_cast<uint32_t>(out.line)}};
      }
    }
  }
  for (const auto& [file, pipeline] : analysis.dvc_pipelines()) {
    for (const auto& stage : pipeline.stages) {
      for (const auto& out : stage.outs) {
        if (is_model_path(out)) {
          return LibraryUse{"DVC (stage " + stage.name + " outputs " + out + ")",
                            {file->path, static_cast<uint32_t>(stage.line)}};
        }
      }
    }
  }
  return std::nullopt;
}

// Whether `callee` is one of `names` or ends with one after a dot: a plain name ("dump") is the
// callee's last component, a dotted one ("joblib.dump") its last components.
bool matches_any(std::string_view callee, std::span<const std::string_view> names)
{
  return std::any_of(names.begin(), names.end(), [&](std::string_view name) {
    return callee.ends_with(name) &&
           (callee.size() == name.size() || callee[callee.size() - name.size() - 1] == '.');
  });
}

bool is_model_save(std::string_view callee)
{
  if (matches_any(callee, k_model_dumps) || matches_any(callee, k_model_save_methods)) {
    return true;
  }
  const size_t dot = callee.rfind('.');
  const std::string_view method = last_component(callee);
  // Keras' and Lightning's checkpoint callback writes the model during fit().
  if (method == "ModelCheckpoint") {
    return true;
  }
  if (dot == std::string_view::npos || (method != "save" && method != "to_disk")) {
    return false;
  }
  // spaCy saves its pipeline with nlp.to_disk("model"); a DocBin's to_disk writes a corpus.
  const auto words = name_words(callee.substr(0, dot));
  return std::any_of(words.begin(), words.end(), [&](std::string_view word) {
    return std::find(std::begin(k_model_words), std::end(k_model_words), word) != std::end(k_model_words) ||
           (method == "to_disk" && word == "nlp");
  });
}

// dump(model, "model.pkl") after "from joblib import dump" (or pickle's, dill's, cloudpickle's).
bool dumps_imported(const analyze::PythonModule& module, std::string_view callee)
{
  if (callee != "dump") {
    return false;
  }
  return std::any_of(module.imports.begin(), module.imports.end(), [](const analyze::Import& import) {
    return (import.module == "joblib" || import.module == "pickle" || import.module == "dill" ||
            import.module == "cloudpickle") &&
           std::find(import.names.begin(), import.names.end(), "dump") != import.names.end();
  });
}

// The tracker a module uploads files to the current run with: W&B's wandb.save() and
// log_artifact(), Neptune's run["model"].upload(); "" when it does not.
std::string run_upload_tracker(const analyze::PythonModule& module)
{
  constexpr std::string_view k_wandb[] = {"wandb"};
  constexpr std::string_view k_neptune[] = {"neptune"};
  const bool wandb = find_import(module, k_wandb) != nullptr;
  const bool neptune = find_import(module, k_neptune) != nullptr;
  for (const auto& call : module.calls) {
    const std::string_view last = last_component(call.callee);
    if (wandb && (call.callee == "wandb.save" || last == "log_artifact")) {
      return "W&B";
    }
    if (neptune && (last == "upload" || last == "upload_files")) {
      return "Neptune";
    }
  }
  return "";
}

// Calls that give each save a name of its own: a random id or the time.
constexpr std::string_view k_unique_id_calls[] = {"uuid.uuid4",   "uuid4",    "uuid.uuid1",      "uuid1",
                                                  "datetime.now", "now",      "datetime.utcnow", "utcnow",
                                                  "time.time",    "strftime", "time_ns"};
// Calls that copy a saved file to a store: a bucket, a blob container, a server.
constexpr std::string_view k_upload_calls[] = {"upload_file",  "upload_fileobj", "upload_from_filename",
                                               "upload_blob",  "put_object",     "upload_to_gcs",
                                               "upload_to_s3", "upload_model",   "fput_object"};
// The words of a name for the model's version (model_version, version_name, new_model_version_path);
// a name with any other word is another thing's version (api_version, onehot_encoder_version).
constexpr std::string_view k_version_words[] = {
    "model", "models", "version", "versioned", "name", "id",      "tag",    "path", "file", "filename",
    "dir",   "number", "num",     "new",       "next", "current", "latest", "v",    "run"};

// A model saved under a version name made unique for each save and recorded: a variable named for
// the version (model_version = f"{name}_V{uuid.uuid4().hex[:8]}.pkl"), a random id or timestamp
// call, and the version written down (metadata file, a SQL statement naming a version column) or
// the file uploaded to a store. The version's name; nullopt when the module does not do all three.
std::optional<std::string> unique_model_version(const analyze::PythonModule& module, bool metadata,
                                                bool uploaded)
{
  std::optional<std::string> version;
  for (const auto& name : module.names) {
    const auto words = name_words(name.text);
    const bool names_version = std::any_of(words.begin(), words.end(), [](std::string_view word) {
      return word == "version" || word == "versioned";
    });
    const bool other = std::any_of(words.begin(), words.end(),
                                   [](std::string_view word) { return !contains(k_version_words, word); });
    // PIPELINE_VERSION = "1.0.0": a constant, the same for every save.
    const bool constant = std::none_of(name.text.begin(), name.text.end(), [](char c) {
      return std::islower(static_cast<unsigned char>(c)) != 0;
    });
    // sys.version, torch.__version__: another thing's version, written beside any model.
    const bool dunder = name.text.starts_with("__") && name.text.ends_with("__");
    if (names_version && !other && !constant && !dunder && !name.only_attribute) {
      version = name.text;
      break;
    }
  }
  // ... or a model file named afresh for each save: f"xgboost_tuned_{timestamp}.pkl" after
  // timestamp = datetime.now().strftime(...), f"{new_model}_{datetime.now().strftime('%Y%m%d')}".
  if (!version && metadata) {
    const bool stamped = std::any_of(module.calls.begin(), module.calls.end(), [](const analyze::Call& call) {
      return matches_any(call.callee, k_unique_id_calls);
    });
    // A name that says model first ("xgboost_tuned_{timestamp}.pkl" over the Optuna study's
    // "xgboost_study_{timestamp}.pkl"), then a model file's extension.
    for (const bool by_word : {true, false}) {
      for (const auto& literal : module.strings) {
        if (!literal.is_fstring || literal.value.find(' ') != std::string::npos) {
          continue; // a file's name, not a log line ("Model saved at {timestamp}")
        }
        const std::string lower = text::to_lower(literal.value);
        // Files kept beside the model are not it: the study, its parameters, metrics and logs.
        constexpr std::string_view k_beside[] = {"study",  "param",  "metric", "log",
                                                 "result", "report", "plot",   "history"};
        if (std::any_of(std::begin(k_beside), std::end(k_beside),
                        [&](std::string_view word) { return lower.find(word) != std::string::npos; })) {
          continue;
        }
        const bool names_model =
            by_word ? lower.find("model") != std::string::npos
                    : std::any_of(std::begin(k_model_extensions), std::end(k_model_extensions),
                                  [&](std::string_view extension) { return lower.ends_with(extension); });
        const bool stamp_field = lower.find("strftime(") != std::string::npos ||
                                 lower.find("now()") != std::string::npos ||
                                 lower.find("uuid") != std::string::npos ||
                                 (stamped && (lower.find("{timestamp") != std::string::npos ||
                                              lower.find("{ts}") != std::string::npos ||
                                              lower.find("{run_id") != std::string::npos));
        if (names_model && stamp_field) {
          return "model file, named f\"" + docs::clip(literal.value, 48) + "\"";
        }
      }
    }
  }
  if (!version) {
    return std::nullopt;
  }
  // The id may be made inside an f-string's field: f"{name}_V{uuid.uuid4().hex[:8]}.pkl".
  const bool unique =
      std::any_of(module.calls.begin(), module.calls.end(),
                  [](const analyze::Call& call) { return matches_any(call.callee, k_unique_id_calls); }) ||
      std::any_of(module.strings.begin(), module.strings.end(), [](const auto& literal) {
        // ... or counted from the models already kept: f"1.{existing_count}.0".
        return literal.is_fstring && (literal.value.find("uuid") != std::string::npos ||
                                      literal.value.find("now()") != std::string::npos ||
                                      literal.value.find("time()") != std::string::npos ||
                                      literal.value.find("strftime(") != std::string::npos ||
                                      literal.value.find("count}") != std::string::npos ||
                                      literal.value.find("{len(") != std::string::npos);
      });
  const bool recorded_in_sql =
      std::any_of(module.strings.begin(), module.strings.end(), [](const auto& literal) {
        const std::string lower = text::to_lower(literal.value);
        return lower.find("version") != std::string::npos &&
               (lower.find("insert ") != std::string::npos || lower.find("select ") != std::string::npos ||
                lower.find("update ") != std::string::npos);
      });
  // A row of metadata that keeps it: {"id": model_id, "version": run_version, "cv_rmse": ...}.
  const bool recorded_in_row =
      std::any_of(module.strings.begin(), module.strings.end(), [](const auto& literal) {
        return !literal.is_fstring && (literal.value == "version" || literal.value == "model_version" ||
                                       literal.value == "version_name");
      });
  if (!unique || !(metadata || uploaded || recorded_in_sql || recorded_in_row)) {
    return std::nullopt;
  }
  return version;
}

// The project's own registry: one module saves the model, writes metadata and names versions
// or a registry in its classes or functions (ModelRegistry.register, save_model_version).
std::optional<LibraryUse> own_registry(const Analysis& analysis, std::optional<Location>& plain_save)
{
  // Functions of the modules that upload files to a W&B or Neptune run, by name: a training
  // script that saves the model and then calls save_artifact(model_file, run) from such a module
  // keeps each model with the run that trained it.
  std::map<std::string, std::string, std::less<>> uploading_functions;
  for (const auto& [file, module] : analysis.code_modules()) {
    if (const std::string tracker = run_upload_tracker(*module); !tracker.empty()) {
      for (const auto& function : module->functions) {
        uploading_functions.try_emplace(function.name, tracker);
      }
    }
  }
  for (const auto& [file, module] : analysis.code_modules()) {
    const analyze::Call* save = nullptr;
    bool metadata = false;
    for (const auto& call : module->calls) {
      if (save == nullptr && (is_model_save(call.callee) || dumps_imported(*module, call.callee))) {
        save = &call;
      }
      metadata = metadata || matches_any(call.callee, k_metadata_writes);
    }
    const bool uploads =
        std::any_of(module->calls.begin(), module->calls.end(),
                    [](const analyze::Call& call) { return matches_any(call.callee, k_upload_calls); });
    // A registry class that copies each trained model into a folder of its own
    // (ModelRegistry.register_model: shutil.copytree(model_path, registry_dir / version)).
    // ... or a module named for one (models/core/artifact_registry.py: register_existing_version
    // copies the artifacts into versions/{version_id}/ and writes a manifest).
    const bool registry_class =
        std::any_of(module->classes.begin(), module->classes.end(),
                    [](const auto& type) {
                      const auto words = name_words(type.name);
                      return std::find(words.begin(), words.end(), "registry") != words.end();
                    }) ||
        [&] {
          const auto words = name_words(text::base_name(file->path));
          return std::find(words.begin(), words.end(), "registry") != words.end();
        }();
    for (const auto& call : module->calls) {
      if (save != nullptr || !registry_class) {
        break;
      }
      if (call.callee == "shutil.copytree" || call.callee == "shutil.copy2" || call.callee == "shutil.copy" ||
          call.callee == "shutil.copyfile") {
        save = &call;
      }
    }
    // A module that keeps a registry of its runs (_write_registry: each run's metrics appended to
    // registry.json) saves the model through its own wrapper: backend.save(run_dir / name).
    const bool registry_function = std::any_of(
        module->functions.begin(), module->functions.end(), [](const analyze::Function& function) {
          const auto words = name_words(function.name);
          return std::find(words.begin(), words.end(), "registry") != words.end();
        });
    for (const auto& call : module->calls) {
      if (save != nullptr || !registry_function || !metadata) {
        break;
      }
      const std::string_view method = last_component(call.callee);
      if (call.callee.find('.') != std::string::npos && (method == "save" || method == "save_model")) {
        save = &call;
      }
    }
    // The model pickled to bytes and uploaded to a store: pickle.dumps(pipeline), then
    // blob.upload_blob(model_bytes).
    for (const auto& call : module->calls) {
      if (save != nullptr || !uploads) {
        break;
      }
      if (call.callee == "pickle.dumps" || call.callee == "cloudpickle.dumps" ||
          call.callee == "joblib.dumps") {
        save = &call;
      }
    }
    // A trainer that saves its own weights (Ultralytics' model.train(save=True) writes
    // runs/train/<name>/weights/best.pt) and the weights file logged to the MLflow run that trained
    // it: mlflow.log_artifact(str(best_model_path), artifact_path="model").
    // The weights file is named after the training call and by the time it is logged: the
    // checkpoint training starts from (YOLO("yolov8n.pt")) is not what it made. A name with a
    // model file's extension, "best.pt" or "runs/detect/train/weights/best.pt".
    const auto trained = save == nullptr ? training_call(*module) : std::nullopt;
    const auto weights_file = [](std::string_view value) {
      const std::string lower = text::to_lower(value);
      return value.size() < 200 &&
             std::any_of(std::begin(k_model_extensions), std::end(k_model_extensions),
                         [&](std::string_view extension) { return lower.ends_with(extension); });
    };
    for (const auto& call : module->calls) {
      if (!trained || call.callee != "mlflow.log_artifact" || call.line <= trained->second) {
        continue;
      }
      const bool names_weights = std::any_of(
          module->strings.begin(), module->strings.end(), [&](const analyze::StringLiteral& literal) {
            return literal.line > trained->second && literal.line <= call.line && weights_file(literal.value);
          });
      if (names_weights) {
        return LibraryUse{"MLflow (the trainer's saved weights logged to its run)",
                          code_location(analysis, file, call.line)};
      }
    }
    if (save == nullptr) {
      continue;
    }
    if (!plain_save) {
      plain_save = code_location(analysis, file, save->line);
    }
    // The file it saves logged to the MLflow run that trained it: versioned by run, as log_model;
    // by the client too, client.log_artifact(run_id, model_path), in a module that imports MLflow.
    constexpr std::string_view k_mlflow[] = {"mlflow"};
    const bool mlflow = find_import(*module, k_mlflow) != nullptr;
    const bool logged =
        std::any_of(module->calls.begin(), module->calls.end(), [&](const analyze::Call& call) {
          const std::string_view last = last_component(call.callee);
          return call.callee == "mlflow.log_artifact" || call.callee == "mlflow.log_artifacts" ||
                 (mlflow && call.callee != last && (last == "log_artifact" || last == "log_artifacts"));
        });
    if (logged) {
      return LibraryUse{"MLflow (the saved model logged to its run)",
                        code_location(analysis, file, save->line)};
    }
    // ... or uploaded to its W&B or Neptune run, here or by a function of another module.
    std::string uploaded = run_upload_tracker(*module);
    for (const auto& call : module->calls) {
      if (!uploaded.empty()) {
        break;
      }
      if (const auto found = uploading_functions.find(last_component(call.callee));
          found != uploading_functions.end()) {
        uploaded = found->second;
      }
    }
    if (!uploaded.empty()) {
      return LibraryUse{uploaded + " (the saved model uploaded to its run)",
                        code_location(analysis, file, save->line)};
    }
    std::string versioned;
    const auto versions = [](std::string_view name) {
      const auto words = name_words(name);
      return std::any_of(words.begin(), words.end(), [](std::string_view word) {
        return word == "registry" || word == "register" || word == "version" || word == "versions" ||
               word == "versioned";
      });
    };
    for (const auto& type : module->classes) {
      versioned = versioned.empty() && versions(type.name) ? type.name : versioned;
    }
    for (const auto& function : module->functions) {
      versioned = versioned.empty() && versions(function.name) ? function.name + "()" : versioned;
    }
    // The registry may live in a module of its own that the saving module imports
    // (from .registry import make_run_dir): a registry by its module's or its names' wording.
    const auto names_registry = [](std::string_view name) {
      const auto words = name_words(name);
      return std::find(words.begin(), words.end(), "registry") != words.end();
    };
    for (const auto& import : module->imports) {
      if (!versioned.empty()) {
        break;
      }
      if (names_registry(last_component(import.module))) {
        versioned = "the " + import.module + " module";
      }
      for (const auto& name : import.names) {
        versioned = versioned.empty() && names_registry(name) ? name : versioned;
      }
    }
    if (metadata && !versioned.empty()) {
      return LibraryUse{"its own registry (" + versioned + ", with metadata)",
                        code_location(analysis, file, save->line)};
    }
    if (const auto version = unique_model_version(*module, metadata, uploads)) {
      return LibraryUse{"its own registry (each model saved as a new " + *version + ", which is recorded)",
                        code_location(analysis, file, save->line)};
    }
  }
  return std::nullopt;
}

} // namespace

Finding check_mlops_model_registry(const RuleContext& context)
{
  const Analysis& analysis = context.analysis();
  if (auto use = registry_call(analysis)) {
    return pass("models versioned in " + describe(*use), {use->where});
  }
  if (auto use = dvc_models(analysis)) {
    return pass("models versioned with " + describe(*use), {use->where});
  }
  if (auto use = kedro_versioned_models(analysis)) {
    return pass("models versioned by " + describe(*use), {use->where});
  }
  std::optional<Location> plain_save;
  if (auto use = own_registry(analysis, plain_save)) {
    return pass("models versioned by " + describe(*use), {use->where});
  }
  const std::string elsewhere = "no MLflow Model Registry, DVC-tracked model, BentoML store, Hugging Face "
                                "Hub upload or versioned save with "
                                "metadata";
  // A RAG app on hosted models has no model of its own to version. One that imports an ML library
  // and trains nothing saves no model it made either (a search index's chunks, a downloaded
  // model); a save with no ML library imported may be a model trained by hand, as in numpy.
  if (const auto reason = no_training_reason(analysis);
      reason && (!plain_save || ml_library_import(analysis))) {
    return skip(*reason);
  }
  if (plain_save) {
    return fail("models are saved (" + plain_save->to_string() +
                    ") without a version or a registry: " + elsewhere,
                {*plain_save});
  }
  return fail("no model is saved or registered in " + code_scope(analysis) + ": " + elsewhere);
}

} // namespace mlfolio::lint
