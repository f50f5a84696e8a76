// mlops/health-endpoint: the HTTP API has a health or readiness route.
#include "lint/rules/registry.h"

#include "core/text.h"

#include "lint/rules/code_names.h"
#include "lint/rules/docs_sections.h"
#include "lint/rules/mlops_usage.h"
#include "lint/rules/serving.h"
#include "lint/wording.h"

#include <algorithm>
#include <re2/re2.h>
#include <span>

namespace mlfolio::lint {

namespace {

// The last segment of a route path that probes use.
constexpr std::string_view k_health_segments[] = {
    "health", "healthz", "healthcheck", "health-check", "health_check", "ready",     "readyz", "readiness",
    "live",   "livez",   "liveness",    "ping",         "status",       "heartbeat", "alive"};

// Serving frameworks whose server has health routes built in.
struct BuiltIn
{
  std::string_view framework;
  std::string_view routes;
};
constexpr BuiltIn k_built_in[] = {
    {"BentoML", "/healthz, /livez and /readyz"},
    {"TorchServe", "/ping"},
    {"LitServe", "/health"},
    {"KServe", "/v2/health/live and /v2/health/ready"},
    {"MLServer", "/v2/health/live and /v2/health/ready"},
    {"Ray Serve", "/-/healthz"},
    {"Cog", "/health-check"},
};

// "/health", "/api/v1/healthz/", "^health/$" (Django), "/ping": the last segment decides.
bool is_health_path(std::string_view path)
{
  while (!path.empty() && (path.back() == '/' || path.back() == '$')) {
    path.remove_suffix(1);
  }
  if (!path.empty() && path.front() == '^') {
    path.remove_prefix(1);
  }
  const size_t slash = path.rfind('/');
  const std::string_view last = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (std::find(std::begin(k_health_segments), std::end(k_health_segments), last) ==
      std::end(k_health_segments)) {
    return false;
  }
  if (last != "status" || slash == std::string_view::npos) {
    return true;
  }
  // "/status", "/api/v1/status" and "/inference/status" report the service's state; "/jobs/status",
  // "/training/status" and "/runs/{run_id}/status" report a resource's.
  const std::string_view before = path.substr(0, slash);
  const std::string lowered = text::to_lower(before.substr(before.rfind('/') + 1)); // npos + 1 is 0
  constexpr std::string_view k_resources[] = {
      "job",      "jobs",    "task",       "tasks",    "training",  "train",     "run",
      "runs",     "batch",   "batches",    "upload",   "uploads",   "order",     "orders",
      "queue",    "export",  "exports",    "import",   "imports",   "request",   "requests",
      "video",    "videos",  "file",       "files",    "document",  "documents", "payment",
      "payments", "process", "processing", "pipeline", "pipelines", "retrain",   "retraining"};
  return lowered.find_first_of("{<:") == std::string::npos &&
         std::find(std::begin(k_resources), std::end(k_resources), lowered) == std::end(k_resources);
}

// A handler named for a probe: health_check, healthcheck, get_health, readiness_probe, liveness.
bool names_probe(std::string_view function)
{
  const auto words = name_words(function);
  return std::any_of(words.begin(), words.end(), [](std::string_view word) {
    return word == "health" || word == "healthcheck" || word == "healthz" || word == "readiness" ||
           word == "liveness" || word == "heartbeat";
  });
}

// Routes the analyzer does not see as decorators: Django path("health/", ...), Starlette
// Route("/health", ...), aiohttp web.get("/health", ...), Tornado (r"/health", Handler). A string
// literal shaped like a health path in a module that imports a web framework counts.
std::optional<Location> health_literal(const Analysis& analysis, const std::vector<ServingUse>& uses)
{
  for (const auto& use : uses) {
    if (use.kind != ServingKind::http_api) {
      continue;
    }
    const analyze::PythonModule* module = analysis.python(use.where.path);
    if (module == nullptr) {
      continue;
    }
    for (const auto& literal : module->strings) {
      const bool path_like = literal.value.starts_with('/') || literal.value.starts_with('^') ||
                             (literal.value.ends_with('/') && literal.value.size() > 1);
      if (path_like && literal.value.size() <= 64 && literal.value.find_first_of("{<") == std::string::npos &&
          is_health_path(literal.value)) {
        return Location{use.where.path, static_cast<uint32_t>(literal.line)};
      }
    }
  }
  return std::nullopt;
}

// A root route whose handler answers with a state, as a probe reads it: @app.get("/") def root():
// return {"status": "ok"} ("healthy", "alive", "up", "running", "ready", "online", or a short
// sentence with one of them: "Model is Live"), a ready word alone ({"details": "ready"}), or a
// sentence under any key that says the service is in that state ({"message": "Credit Risk Model
// is running!"}). The handler's string literals tell it; a welcome message ("Welcome to the
// Credit Risk API") does not. What the handler answers ("answers \"status\": \"ok\""), or what its
// docstring calls it, for the message.
std::optional<std::string> root_status(const Analysis& analysis, const RouteAt& at)
{
  const analyze::Route& route = *at.route;
  if ((!route.path.empty() && route.path != "/") || route.function.empty()) {
    return std::nullopt;
  }
  const analyze::PythonModule* module = analysis.python(at.where.path);
  if (module == nullptr) {
    return std::nullopt;
  }
  const auto handler = std::find_if(module->functions.begin(), module->functions.end(),
                                    [&](const analyze::Function& function) {
                                      return function.name == route.function && function.line >= route.line;
                                    });
  if (handler == module->functions.end()) {
    return std::nullopt;
  }
  constexpr std::string_view k_state_keys[] = {"status", "health", "state"};
  constexpr std::string_view k_healthy[] = {"ok", "healthy", "alive", "up", "running", "ready", "online"};
  constexpr std::string_view k_alone[] = {"healthy", "alive", "ready"};
  const auto is_one_of = [](std::string_view value, std::span<const std::string_view> words) {
    return std::any_of(words.begin(), words.end(),
                       [&](std::string_view word) { return text::iequals(value, word); });
  };
  // Under a state key, a sentence with a ready word says the same: {"status": "Model is Live"}.
  const auto says_healthy = [](std::string_view value) {
    if (value.size() > 60) {
      return false;
    }
    const auto words = name_words(value);
    const bool negated = std::any_of(words.begin(), words.end(), [](std::string_view word) {
      return word == "not" || word == "no" || word == "down" || word == "error" || word == "failed";
    });
    return !negated && std::any_of(words.begin(), words.end(), [](std::string_view word) {
      return word == "live" || word == "healthy" || word == "alive" || word == "running" || word == "ready" ||
             word == "online" || word == "up" || word == "ok";
    });
  };
  // "<the service> is running", "Titanic API running!", "API Live", "Ready to serve you ...": a
  // state claimed, as a probe reads it, whatever its key.
  thread_local const RE2 claims_state(
      R"((?i)\b(is|are)\s+(now\s+)?(up and running|running|up|live|healthy|alive|ready|online)\b|)"
      R"(\b(running|online|live)[\s!.]*$|^\s*ready to (serve|predict|accept)\b)");
  std::optional<std::string> key;
  std::optional<std::string> state;
  std::optional<std::string> sentence;
  bool docstring = handler->has_docstring; // its first string, which says what the route is for
  std::optional<std::string> documented;   // that docstring, when it calls the route a health check
  for (const auto& literal : module->strings) {
    if (literal.line < handler->line || literal.line > handler->end_line) {
      continue;
    }
    if (docstring && literal.line > handler->line) {
      docstring = false;
      // The handler says it is the health check: def root(): """Health Check.""" answering
      // HTTPStatus.OK.
      thread_local const RE2 names_probe(R"((?i)^\s*(health[\s_-]?check|liveness|readiness)\b)");
      if (RE2::PartialMatch(literal.value, names_probe)) {
        const std::string_view first_line = text::trim(literal.value);
        documented =
            "is documented as \"" + docs::clip(first_line.substr(0, first_line.find('\n')), 60) + "\"";
      }
      continue;
    }
    if (!key && is_one_of(literal.value, k_state_keys)) {
      key = literal.value;
    } else if (!state && is_one_of(literal.value, k_healthy)) {
      state = literal.value;
    } else if (!sentence && says_healthy(literal.value) &&
               (!literal.is_fstring || RE2::PartialMatch(literal.value, claims_state))) {
      sentence = literal.value; // f"{API_TITLE} is running!" claims a state whatever the title
    }
  }
  if (key && (state || sentence)) {
    return "answers \"" + *key + "\": \"" + (state ? *state : *sentence) + "\"";
  }
  if (state && is_one_of(*state, k_alone)) {
    return "answers \"" + *state + "\"";
  }
  if (sentence && RE2::PartialMatch(*sentence, claims_state)) {
    return "answers \"" + *sentence + "\"";
  }
  return documented;
}

} // namespace

Finding check_mlops_health_endpoint(const RuleContext& context)
{
  const Analysis& analysis = context.analysis();
  if (!has_http_api(analysis)) {
    return skip("no HTTP API: no web framework is imported and no route is declared");
  }
  const auto routes = http_routes(analysis);
  // Modal starts and stops a web endpoint's containers itself: no load balancer or orchestrator
  // of the project's probes it.
  const auto serverless = [](const RouteAt& route) { return route.route->decorator.starts_with("modal."); };
  if (!routes.empty() && std::all_of(routes.begin(), routes.end(), serverless)) {
    return skip("the API is Modal web endpoints (" + routes.front().where.to_string() +
                "), which Modal runs serverless: nothing of the project probes them");
  }
  // A probe GETs a fixed path: PATCH /users/{user_id}/status changes a user, it answers no probe.
  const auto probe_method = [](const analyze::Route& route) {
    const auto& methods = route.methods;
    return methods.empty() || std::find(methods.begin(), methods.end(), "GET") != methods.end() ||
           std::find(methods.begin(), methods.end(), "HEAD") != methods.end();
  };
  const auto probe = [&](const analyze::Route& route) {
    return probe_method(route) && route.path.find_first_of("{<") == std::string::npos &&
           is_health_path(route.path);
  };
  for (const auto& route : routes) {
    if (probe(*route.route)) {
      return pass("health route " + route.route->path + " in " + route.where.to_string(), {route.where});
    }
  }
  // A probe's handler served at another path, "/" most often: @app.get("/") def health_check().
  for (const auto& route : routes) {
    analyze::Route renamed = *route.route; // judged as if its path were its handler's name
    renamed.path = "/" + (names_probe(renamed.function) ? std::string("health") : renamed.function);
    if (!route.route->function.empty() && route.route->path.find_first_of("{<") == std::string::npos &&
        probe(renamed)) {
      return pass("health route " + (route.route->path.empty() ? "/" : route.route->path) + " (" +
                      route.route->function + "()) in " + route.where.to_string(),
                  {route.where});
    }
  }
  // A root route that answers with its state: a probe can GET it.
  for (const auto& route : routes) {
    if (!probe_method(*route.route)) {
      continue;
    }
    if (const auto status = root_status(analysis, route)) {
      return pass("health route / (" + route.route->function + "() " + *status + ") in " +
                      route.where.to_string(),
                  {route.where});
    }
  }
  // A route the image's HEALTHCHECK requests (curl -f http://localhost:7860/info): a probe under
  // another name.
  thread_local const RE2 probed_url(R"(https?://(?:localhost|127\.0\.0\.1|0\.0\.0\.0)(?::\d+)?(/[\w./-]*))");
  for (const auto& dockerfile : analysis.dockerfiles()) {
    for (const auto& check : dockerfile.value.healthchecks) {
      std::string path;
      if (check.none || !RE2::PartialMatch(check.command, probed_url, &path) || path == "/") {
        continue; // the root is judged above, by what it answers
      }
      for (const auto& route : routes) {
        if (probe_method(*route.route) && route.route->path == path) {
          const Location at{dockerfile.file->path, static_cast<uint32_t>(check.line)};
          return pass("route " + path + " in " + route.where.to_string() + " is what the HEALTHCHECK of " +
                          at.to_string() + " probes",
                      {route.where, at});
        }
      }
    }
  }
  const auto uses = serving_uses(analysis);
  for (const auto& use : uses) {
    for (const auto& built_in : k_built_in) {
      if (use.framework == built_in.framework) {
        return pass(use.framework + " (" + use.where.to_string() + ") serves " +
                        std::string(built_in.routes) + " itself",
                    {use.where});
      }
    }
  }
  if (const auto literal = health_literal(analysis, uses)) {
    return pass("health route declared in " + literal->to_string(), {*literal});
  }
  std::vector<std::string> declared;
  std::vector<Location> locations;
  for (const auto& route : routes) {
    declared.push_back(route.route->path.empty() ? "/" : route.route->path);
    locations.push_back(route.where);
  }
  if (declared.empty()) {
    // An import without readable routes (middleware, an MCP server, routes built in a loop): which
    // routes it serves cannot be told, and a wrong accusation costs more than a miss.
    const auto api = std::find_if(uses.begin(), uses.end(),
                                  [](const ServingUse& use) { return use.kind == ServingKind::http_api; });
    return skip(api->framework + " is imported (" + api->where.to_string() +
                ") but no route is declared where mlfolio can read it");
  }
  std::sort(declared.begin(), declared.end());
  declared.erase(std::unique(declared.begin(), declared.end()), declared.end());
  return fail("no health or readiness route (/health, /healthz, /ready, /ping) among the " +
                  count_of(declared.size(), "route path") + " of the API: " + join_some(declared, 5) + " (" +
                  locations.front().to_string() + ")",
              locations);
}

} // namespace mlfolio::lint
