// mlops/monitoring: drift detection or service metrics, by library (Evidently, whylogs,
// Prometheus, ...), by the project's own drift statistics, by a Prometheus configuration, or by a
// metrics route of the API's own that reports the requests' latency.
#include "lint/rules/registry.h"
#include "lint/rules/serving.h"

#include "core/text.h"
#include "lint/analyze/modules.h"
#include "lint/rules/mlops_usage.h"
#include "lint/rules/rigor_code.h"
#include "lint/wording.h"

#include <algorithm>
#include <re2/re2.h>
#include <span>

namespace mlfolio::lint {

namespace {

constexpr Library k_monitoring[] = {
    {"evidently", "Evidently"},
    {"whylogs", "whylogs"},
    {"alibi_detect", "Alibi Detect"},
    {"nannyml", "NannyML"},
    {"deepchecks", "Deepchecks"},
    {"frouros", "Frouros"},
    {"river.drift", "river drift detectors"},
    {"arize", "Arize"},
    {"prometheus_client", "Prometheus metrics"},
    {"prometheus_fastapi_instrumentator", "Prometheus FastAPI Instrumentator"},
    {"prometheus_flask_exporter", "Prometheus Flask exporter"},
    {"starlette_exporter", "Prometheus Starlette exporter"},
    {"starlette_prometheus", "Prometheus Starlette middleware"},
    {"opentelemetry.metrics", "OpenTelemetry metrics"},
    // Managed endpoints' monitors: a schedule that compares the captured traffic with a baseline.
    {"sagemaker.model_monitor", "SageMaker Model Monitor"},
    {"google.cloud.aiplatform.model_monitoring", "Vertex AI Model Monitoring"},
    {"azureml.datadrift", "Azure ML data drift"},
};

// Monitoring of a running service (its errors, latency and traces): production monitoring when
// the project serves an API; in a batch of experiments it reports the experiments' crashes.
constexpr Library k_service_monitoring[] = {
    {"sentry_sdk", "Sentry error monitoring"},
    {"ddtrace", "Datadog APM"},
    {"newrelic", "New Relic APM"},
};

// Statistics that compare two distributions, called by the project.
constexpr std::string_view k_drift_calls[] = {
    "ks_2samp",       "wasserstein_distance", "jensenshannon",  "population_stability_index",
    "anderson_ksamp", "cramervonmises_2samp", "energy_distance"};

// Words of the project's own function names that compute drift.
constexpr std::string_view k_drift_words[] = {"drift", "psi", "wasserstein", "kolmogorov", "ks2samp"};

// Words of a module's names or path that put a two-sample statistic to drift's use: comparing the
// data the model sees now with a reference. The same test that compares the errors with the rest
// in an error analysis, or two groups in a study, is no monitoring.
// ("shift" is left out: an error analysis speaks of the errors' shift too.)
constexpr std::string_view k_drift_context_words[] = {"drift",     "monitor", "monitoring", "production",
                                                      "reference", "psi",     "stability"};

bool has_any_word(std::string_view name, std::span<const std::string_view> wanted)
{
  const auto words = name_words(name);
  return std::any_of(words.begin(), words.end(), [&](std::string_view word) {
    return std::find(wanted.begin(), wanted.end(), word) != wanted.end();
  });
}

bool drift_context(const FileEntry& file, const analyze::PythonModule& module)
{
  const auto parts = text::split(file.path, '/');
  return std::any_of(parts.begin(), parts.end(),
                     [](std::string_view part) { return has_any_word(part, k_drift_context_words); }) ||
         std::any_of(module.names.begin(), module.names.end(), [](const analyze::Name& name) {
           return has_any_word(name.text, k_drift_context_words);
         });
}

std::optional<LibraryUse> own_drift_statistics(const Analysis& analysis)
{
  for (const auto& [file, module] : analysis.code_modules()) {
    for (const auto& function : module->functions) {
      const bool drift = has_any_word(function.name, k_drift_words);
      const bool population_stability = function.name.find("population_stability") != std::string::npos;
      if (drift || population_stability) {
        return LibraryUse{"its own drift statistic " + function.name + "()",
                          code_location(analysis, file, function.line)};
      }
    }
    std::optional<bool> in_context; // worked out at the first statistic
    for (const auto& call : module->calls) {
      const std::string_view name = last_component(call.callee);
      if (std::find(std::begin(k_drift_calls), std::end(k_drift_calls), name) != std::end(k_drift_calls) &&
          (in_context ? *in_context : *(in_context = drift_context(*file, *module)))) {
        return LibraryUse{"a drift statistic " + std::string(name) + "()",
                          code_location(analysis, file, call.line)};
      }
    }
  }
  return std::nullopt;
}

// Whether a Prometheus configuration scrapes something besides Prometheus itself: its default file
// has one job, 'prometheus', at localhost:9090, and watches nothing of the project.
bool scrapes_more_than_itself(const Analysis& analysis, const std::string& path)
{
  const TextFile* file = analysis.text(path);
  if (file == nullptr || file->binary || file->content.find("_sd_configs") != std::string::npos) {
    return true; // targets found by service discovery: what they are cannot be told
  }
  thread_local const RE2 target(R"(([\w.-]+:\d+))");
  re2::StringPiece input(file->content);
  std::string found;
  bool any = false;
  while (RE2::FindAndConsume(&input, target, &found)) {
    if (!found.ends_with(":9090")) {
      return true;
    }
    any = true;
  }
  return !any;
}

// prometheus.yml scraping the service, or Grafana dashboards kept with the project.
std::optional<LibraryUse> monitoring_config(const Analysis& analysis)
{
  for (const FileEntry* file : analysis.project_files()) {
    const size_t slash = file->path.rfind('/');
    const std::string name = file->path.substr(slash == std::string::npos ? 0 : slash + 1);
    if ((name == "prometheus.yml" || name == "prometheus.yaml") &&
        scrapes_more_than_itself(analysis, file->path)) {
      return LibraryUse{"a Prometheus configuration", {file->path, 0}};
    }
    if (file->path.find("grafana/") != std::string::npos && name.ends_with(".json")) {
      return LibraryUse{"a Grafana dashboard", {file->path, 0}};
    }
  }
  return std::nullopt;
}

// The service's own metrics: a GET route at /metrics (or /stats, /monitoring) in a module that
// measures the requests' latency (metrics_data["total_latency"], request_latency_ms): the numbers a
// Prometheus client would export, kept by hand.
std::optional<LibraryUse> own_service_metrics(const Analysis& analysis)
{
  constexpr std::string_view k_metric_routes[] = {"metrics", "stats", "statistics", "monitoring",
                                                  "telemetry"};
  const auto measures_latency = [](const analyze::PythonModule& module) {
    // latency_ms, "average_latency_ms"; in a variable, the time of an inference or a request too
    // (TOTAL_INFERENCE_TIME, response_time), where a response's "processing_time_seconds" is only
    // what one answer says of itself.
    const auto latency = [](std::string_view text, bool variable) {
      const auto words = name_words(text);
      const auto has = [&](std::initializer_list<std::string_view> wanted) {
        return std::any_of(words.begin(), words.end(), [&](std::string_view word) {
          return std::find(wanted.begin(), wanted.end(), word) != wanted.end();
        });
      };
      return has({"latency", "latencies"}) || (variable && has({"inference", "response", "request"}) &&
                                               has({"time", "duration", "seconds", "ms"}));
    };
    return std::any_of(module.names.begin(), module.names.end(),
                       [&](const analyze::Name& name) { return latency(name.text, true); }) ||
           std::any_of(module.strings.begin(), module.strings.end(),
                       [&](const analyze::StringLiteral& literal) {
                         return literal.value.size() <= 40 && latency(literal.value, false);
                       });
  };
  for (const auto& route : http_routes(analysis)) {
    std::string_view path = route.route->path;
    while (!path.empty() && path.back() == '/') {
      path.remove_suffix(1);
    }
    const std::string_view last = path.substr(path.rfind('/') + 1); // npos + 1 is 0
    const auto& methods = route.route->methods;
    const bool get = methods.empty() || std::find(methods.begin(), methods.end(), "GET") != methods.end();
    if (!get || std::find(std::begin(k_metric_routes), std::end(k_metric_routes), last) ==
                    std::end(k_metric_routes)) {
      continue;
    }
    const analyze::PythonModule* module = analysis.python(route.where.path);
    if (module == nullptr) {
      continue;
    }
    // The numbers may be kept in a module of the project's that the route's module imports:
    // "from api.services.metrics import metrics_store".
    const auto imported_measures = [&] {
      return std::any_of(module->imports.begin(), module->imports.end(), [&](const analyze::Import& import) {
        return std::any_of(import.names.begin(), import.names.end(), [&](const std::string& name) {
          for (const auto& candidate : analyze::import_candidates(route.where.path, import, name)) {
            if (const analyze::PythonModule* local = analysis.python(candidate); local != nullptr) {
              return measures_latency(*local);
            }
          }
          return false;
        });
      });
    };
    if (measures_latency(*module) || imported_measures()) {
      return LibraryUse{"its own service metrics (GET " + std::string(path) +
                            " reports the requests' latency)",
                        route.where};
    }
  }
  return std::nullopt;
}

} // namespace

Finding check_mlops_monitoring(const RuleContext& context)
{
  const Analysis& analysis = context.analysis();
  std::vector<LibraryUse> found = library_uses(analysis, k_monitoring);
  if (has_http_api(analysis)) {
    for (auto& use : library_uses(analysis, k_service_monitoring)) {
      found.push_back(std::move(use));
    }
  }
  if (auto own = own_drift_statistics(analysis)) {
    found.push_back(std::move(*own));
  }
  if (auto config = monitoring_config(analysis)) {
    found.push_back(std::move(*config));
  }
  if (found.empty()) {
    if (auto own = own_service_metrics(analysis)) {
      found.push_back(std::move(*own));
    }
  }
  if (found.empty()) {
    return fail(
        "no monitoring or drift detection in " + code_scope(analysis) +
        ": no Evidently, whylogs, Alibi Detect, NannyML or Prometheus metrics, no drift statistic (PSI, KS "
        "test) and no prometheus.yml");
  }
  std::vector<Location> locations;
  for (const auto& use : found) {
    locations.push_back(use.where);
  }
  return pass("monitoring with " + describe(found), std::move(locations));
}

} // namespace mlfolio::lint
