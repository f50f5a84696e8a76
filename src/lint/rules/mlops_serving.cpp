// mlops/serving: the model is served through an HTTP API with a prediction route, a serving
// framework, or an interactive app.
#include "lint/rules/registry.h"

#include "core/text.h"
#include "lint/analyze/modules.h"

#include "lint/rules/mlops_usage.h"
#include "lint/rules/python_code.h"
#include "lint/rules/rigor_code.h"
#include "lint/rules/serving.h"
#include "lint/wording.h"

#include <algorithm>
#include <span>

namespace mlfolio::lint {

namespace {

// Frameworks that expose the model by their own API (a service class, a handler, a predictor):
// importing them is serving.
constexpr std::string_view k_serving_frameworks[] = {"BentoML", "LitServe", "Ray Serve", "TorchServe",
                                                     "KServe",  "MLServer", "Cog"};

// Web frameworks whose routes are declared in tables or classes the analyzer does not read
// (urls.py, add_routes, Application([...])): the import is taken as the API.
constexpr std::string_view k_table_routed[] = {"Django", "aiohttp", "Tornado", "Falcon", "Starlette"};

// Words of a route path or function name that say it predicts.
constexpr std::string_view k_prediction_words[] = {
    "predict",  "prediction",     "predictions", "inference",       "infer",      "score",     "scoring",
    "classify", "classification", "recommend",   "recommendations", "forecast",   "detect",    "detection",
    "generate", "segment",        "estimate",    "invocations",     "transcribe", "translate", "summarize",
    "embed",    "embeddings",     "sentiment",   "analyze",         "analyse",    "chat",      "completions",
    "ask",      "query",          "answer"};

// The words of those that can only mean a model's output: a route named with one of them beats a
// route named with the others, which an API uses for other things too (/query of audit logs,
// /detect of drift).
constexpr std::string_view k_strong_prediction_words[] = {
    "predict",  "prediction",     "predictions", "inference",   "infer",     "score",          "scoring",
    "classify", "classification", "forecast",    "invocations", "recommend", "recommendations"};

// Calls that run a model; a module declaring routes and making one of these serves predictions.
constexpr std::string_view k_model_calls[] = {
    "predict",   "predict_proba", "predict_log_proba", "decision_function", "generate",
    "inference", "infer",         "forward",           "classify",          "run_inference"};

// Serving images: a Dockerfile built on them serves models without Python routes.
struct ServingImage
{
  std::string_view prefix;
  std::string_view name;
};
constexpr ServingImage k_serving_images[] = {
    {"tensorflow/serving", "TensorFlow Serving"},
    {"nvcr.io/nvidia/tritonserver", "Triton Inference Server"},
    {"pytorch/torchserve", "TorchServe"},
    {"ghcr.io/huggingface/text-generation-inference", "TGI"},
    {"vllm/vllm-openai", "vLLM"},
    {"seldonio/", "Seldon"},
    {"bentoml/", "BentoML"},
    {"openvino/model_server", "OpenVINO Model Server"},
};

bool words_predict(std::string_view text, std::span<const std::string_view> wanted = k_prediction_words)
{
  const auto words = name_words(text);
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view word) { return contains(wanted, word); });
}

std::string route_text(const analyze::Route& route)
{
  std::string methods;
  for (const auto& method : route.methods) {
    methods += (methods.empty() ? "" : "/") + method;
  }
  // A Django URLconf route takes any method; Flask's default is GET.
  if (methods.empty() && route.any_method) {
    return route.path;
  }
  return (methods.empty() ? "GET" : methods) + " " + (route.path.empty() ? "/" : route.path);
}

bool module_runs_model(const analyze::PythonModule& module)
{
  return std::any_of(module.calls.begin(), module.calls.end(), [](const analyze::Call& call) {
    return contains(k_model_calls, last_component(call.callee));
  });
}

// Calls that load a model to serve, and libraries that call one hosted elsewhere.
constexpr std::string_view k_model_loads[] = {
    "joblib.load",     "pickle.load",      "torch.load",   "load_model",
    "from_pretrained", "InferenceSession", "load_learner", "YOLO"};
constexpr std::string_view k_model_clients[] = {
    "openai", "anthropic",    "langchain",           "langchain_core", "langchain_openai", "llama_index",
    "ollama", "transformers", "google.generativeai", "groq",           "mistralai",        "cohere"};

// Whether the project has a model to serve anywhere: an ML library, a model loaded or called, or
// a client of a hosted model. Without one, a POST route receives something else (an alert
// webhook, a login).
bool project_has_model(const Analysis& analysis)
{
  if (ml_library_import(analysis)) {
    return true;
  }
  for (const auto& [file, module] : analysis.code_modules()) {
    if (module_runs_model(*module) ||
        std::any_of(module->calls.begin(), module->calls.end(),
                    [](const analyze::Call& call) {
                      return contains(k_model_loads, call.callee) ||
                             contains(k_model_loads, last_component(call.callee));
                    }) ||
        find_import(*module, k_model_clients) != nullptr) {
      return true;
    }
  }
  return false;
}

// Whether a module loads or runs a model itself, or imports an ML library.
bool module_has_model(const analyze::PythonModule& module)
{
  return module_runs_model(module) || find_import(module, k_model_clients) != nullptr ||
         std::any_of(module.calls.begin(), module.calls.end(),
                     [](const analyze::Call& call) {
                       return contains(k_model_loads, call.callee) ||
                              contains(k_model_loads, last_component(call.callee));
                     }) ||
         std::any_of(module.imports.begin(), module.imports.end(),
                     [](const analyze::Import& import) { return !ml_library_of(import).empty(); });
}

// How strongly a route looks like it serves predictions, by tier: a path named for a model's
// output only (/predict), a function so named (GET /models of list_inference_models does less),
// named to predict among other uses (/query), a POST, only declared in a module that calls a
// model. The best tier is reported, the first route of it in path order.
enum class Evidence { path_named_strongly, named_strongly, named, post, beside_model_call, none };

Evidence prediction_evidence(const RouteAt& route, const Analysis& analysis, bool has_model)
{
  // A router's prefix names its routes together: GET /prediction/ may be the page of the form.
  const std::string_view own_path = std::string_view(route.route->path).substr(route.route->prefix_size);
  if (words_predict(own_path, k_strong_prediction_words)) {
    return Evidence::path_named_strongly;
  }
  if (words_predict(route.route->function, k_strong_prediction_words)) {
    return Evidence::named_strongly;
  }
  if (words_predict(route.route->path) || words_predict(route.route->function)) {
    return Evidence::named;
  }
  const auto& methods = route.route->methods;
  if (std::find(methods.begin(), methods.end(), "POST") != methods.end() && has_model) {
    return Evidence::post;
  }
  const analyze::PythonModule* module = analysis.python(route.where.path);
  if (module != nullptr && module_runs_model(*module)) {
    return Evidence::beside_model_call;
  }
  return Evidence::none;
}

std::optional<Finding> serving_image(const Analysis& analysis)
{
  for (const auto& [file, dockerfile] : analysis.dockerfiles()) {
    for (const auto& stage : dockerfile.stages) {
      for (const auto& image : k_serving_images) {
        if (stage.base.name.starts_with(image.prefix)) {
          return pass(std::string(image.name) + " image in " + file->path + ":" + std::to_string(stage.line),
                      {{file->path, static_cast<uint32_t>(stage.line)}});
        }
      }
    }
  }
  return std::nullopt;
}

// An AWS Lambda container image whose handler is the project's own function: FROM
// public.ecr.aws/lambda/python, CMD ["app.handler"], and app.py defines handler(event, context).
// The function answers each request (through a function URL or an API gateway) with the model's
// prediction, where the project has a model.
std::optional<Finding> lambda_image(const Analysis& analysis)
{
  for (const auto& [file, dockerfile] : analysis.dockerfiles()) {
    const bool lambda_base =
        std::any_of(dockerfile.stages.begin(), dockerfile.stages.end(), [](const auto& stage) {
          return stage.base.name.starts_with("public.ecr.aws/lambda/python") ||
                 stage.base.name.starts_with("amazon/aws-lambda-python");
        });
    if (!lambda_base) {
      continue;
    }
    for (const auto& instruction : dockerfile.instructions) {
      const std::string handler = instruction.keyword != "CMD" ? ""
                                  : instruction.exec_form
                                      ? (instruction.exec_args.empty() ? "" : instruction.exec_args.front())
                                      : std::string(text::trim(instruction.arguments));
      const size_t dot = handler.rfind('.');
      if (dot == std::string::npos || dot == 0) {
        continue;
      }
      std::string module_path = handler.substr(0, dot);
      std::replace(module_path.begin(), module_path.end(), '.', '/');
      const std::string function = handler.substr(dot + 1);
      std::vector<std::string> candidates{folder_of(file->path) + module_path + ".py", module_path + ".py"};
      // "COPY scripts/lambda_function.py ." puts the handler's module where the CMD names it.
      for (const auto& copy : dockerfile.instructions) {
        if ((copy.keyword != "COPY" && copy.keyword != "ADD") || !copy.heredocs.empty() ||
            std::any_of(copy.flags.begin(), copy.flags.end(),
                        [](const std::string& flag) { return flag.starts_with("--from"); })) {
          continue;
        }
        std::vector<std::string_view> words(copy.exec_args.begin(), copy.exec_args.end());
        if (!copy.exec_form) {
          for (const std::string_view word : text::split(copy.arguments, ' ')) {
            if (!text::trim(word).empty()) {
              words.push_back(text::trim(word));
            }
          }
        }
        for (size_t w = 0; w + 1 < words.size(); ++w) {
          const std::string_view source = words[w];
          if (source.ends_with("/" + module_path + ".py")) {
            const std::string relative(source.starts_with("./") ? source.substr(2) : source);
            candidates.push_back(folder_of(file->path) + relative);
            candidates.push_back(relative);
          }
        }
      }
      for (const std::string& candidate : candidates) {
        const analyze::PythonModule* module = analysis.python(candidate);
        if (module == nullptr ||
            std::none_of(module->functions.begin(), module->functions.end(), [&](const analyze::Function& f) {
              return f.name == function && f.class_name.empty() && f.parameter_count == 2;
            })) {
          continue;
        }
        // The handler's own module, or a project module it imports by its path, has the model.
        bool model = module_has_model(*module);
        for (const auto& import : module->imports) {
          for (const std::string_view name :
               import.names.empty() ? std::vector<std::string>{""} : import.names) {
            for (const auto& path : analyze::import_candidates(candidate, import, name)) {
              const analyze::PythonModule* imported = analysis.python(path);
              model = model || (imported != nullptr && module_has_model(*imported));
            }
          }
        }
        if (model) {
          return pass("AWS Lambda container image in " + file->path + ":" + std::to_string(instruction.line) +
                          ", whose handler " + handler + " is defined in " + candidate,
                      {{file->path, static_cast<uint32_t>(instruction.line)}, {candidate, 0}});
        }
      }
    }
  }
  return std::nullopt;
}

// A model deployed to a cloud's managed endpoint, which serves it over HTTPS: SageMaker's
// model.deploy(initial_instance_count=1, instance_type="ml.m5.large", endpoint_name=...) or
// boto3's create_endpoint(EndpointName=...), Vertex AI's model.deploy(machine_type=...), an Azure
// ML ManagedOnlineDeployment (or KubernetesOnlineDeployment) of the model.
std::optional<Finding> managed_endpoint(const Analysis& analysis)
{
  const auto imports = [](const analyze::PythonModule& module, std::string_view wanted) {
    return find_import(module, std::span<const std::string_view>(&wanted, 1)) != nullptr;
  };
  const auto has_keyword = [](const analyze::Call& call, std::initializer_list<std::string_view> names) {
    return std::any_of(call.keywords.begin(), call.keywords.end(),
                       [&](const analyze::KeywordArgument& keyword) {
                         return std::find(names.begin(), names.end(), keyword.name) != names.end();
                       });
  };
  for (const auto& [file, module] : analysis.code_modules()) {
    const bool sagemaker = imports(*module, "sagemaker");
    const bool boto3 = imports(*module, "boto3");
    const bool vertex = imports(*module, "google.cloud.aiplatform");
    const bool azure = imports(*module, "azure.ai.ml");
    for (const auto& call : module->calls) {
      const std::string_view name = last_component(call.callee);
      std::string_view endpoint;
      if (sagemaker && name == "deploy" &&
          has_keyword(call, {"instance_type", "initial_instance_count", "endpoint_name",
                             "serverless_inference_config"})) {
        endpoint = "a SageMaker endpoint";
      } else if ((sagemaker || boto3) && name == "create_endpoint" && has_keyword(call, {"EndpointName"})) {
        endpoint = "a SageMaker endpoint";
      } else if (vertex && name == "deploy" &&
                 has_keyword(call, {"machine_type", "endpoint", "deployed_model_display_name"})) {
        endpoint = "a Vertex AI endpoint";
      } else if (azure && (name == "ManagedOnlineDeployment" || name == "KubernetesOnlineDeployment")) {
        endpoint = "an Azure ML online endpoint";
      }
      if (!endpoint.empty()) {
        const Location where = code_location(analysis, file, call.line);
        return pass("the model is deployed to " + std::string(endpoint) + " (" + call.callee + " at " +
                        where.to_string() + ")",
                    {where});
      }
    }
  }
  return std::nullopt;
}

} // namespace

Finding check_mlops_serving(const RuleContext& context)
{
  const Analysis& analysis = context.analysis();
  const auto uses = serving_uses(analysis);
  const auto routes = http_routes(analysis);
  // A prediction route first: it is the strongest evidence, and its message the most precise.
  const RouteAt* best = nullptr;
  Evidence best_evidence = Evidence::none;
  const bool has_model = project_has_model(analysis);
  for (const auto& route : routes) {
    if (route.route->mount) {
      continue; // a namespace's prefix: the routes below it say what is served
    }
    const Evidence evidence = prediction_evidence(route, analysis, has_model);
    if (evidence < best_evidence) {
      best = &route;
      best_evidence = evidence;
    }
  }
  if (best != nullptr) {
    const auto framework = std::find_if(uses.begin(), uses.end(), [&](const ServingUse& use) {
      return use.kind == ServingKind::http_api && use.where.path == best->where.path;
    });
    const bool modal = best->route->decorator.starts_with("modal.");
    return pass((framework != uses.end() ? framework->framework + " " : modal ? "Modal " : "") + "route " +
                    route_text(*best->route) +
                    (best_evidence == Evidence::beside_model_call ? ", beside a model call," : "") + " in " +
                    best->where.to_string(),
                {best->where});
  }
  for (const auto& use : uses) {
    if (use.kind == ServingKind::interactive_app) {
      return pass(use.framework + " app in " + use.where.to_string(), {use.where});
    }
    if (contains(k_serving_frameworks, use.framework)) {
      return pass(use.framework + " service in " + use.where.to_string(), {use.where});
    }
  }
  if (auto image = serving_image(analysis)) {
    return *image;
  }
  if (auto endpoint = managed_endpoint(analysis)) {
    return *endpoint;
  }
  if (auto lambda = lambda_image(analysis); lambda && has_model) {
    return *lambda;
  }
  for (const auto& use : uses) {
    if (contains(k_table_routed, use.framework)) {
      return pass(use.framework + " app in " + use.where.to_string() +
                      " (routes declared outside decorators)",
                  {use.where});
    }
  }
  if (!routes.empty()) {
    std::vector<std::string> declared;
    std::vector<Location> locations;
    for (const auto& route : routes) {
      declared.push_back(route_text(*route.route) + " (" + route.where.to_string() + ")");
      locations.push_back(route.where);
    }
    return fail("the HTTP API has no prediction route: it declares " + join_some(declared, 3) +
                    (has_model
                         ? ", but no POST route, none named predict, inference or score, and no model call "
                           "beside them"
                         : ", none named predict, inference or score, and the project has no model to serve "
                           "(no ML library, no model loaded or called)"),
                locations);
  }
  for (const auto& use : uses) {
    return fail(use.framework + " is imported in " + use.where.to_string() + " but no route is declared",
                {use.where});
  }
  return fail("no serving code in " + count_of(analysis.python_files().size(), "Python module") +
              ": no web API (FastAPI, Flask, BentoML, ...), no app (Gradio, Streamlit) and no serving image");
}

} // namespace mlfolio::lint
