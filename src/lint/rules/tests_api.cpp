// tests/api: the tests exercise the HTTP API (skipped without one).
//
// Passes when the test code (conftest.py fixtures included) builds a test client (FastAPI and
// Starlette TestClient, Flask's app.test_client(), Django's and DRF's clients, httpx AsyncClient,
// aiohttp's test client) or sends requests to a route: client.post("/predict"), requests.get(url),
// httpx.post(...).
#include "lint/rules/registry.h"

#include "core/text.h"
#include "lint/rules/python_code.h"
#include "lint/rules/serving.h"
#include "lint/wording.h"

#include <algorithm>

namespace mlfolio::lint {

namespace {

// The last part of a called name that makes a test client.
constexpr std::string_view k_client_makers[] = {"TestClient", "test_client",    "AsyncClient",  "APIClient",
                                                "TestServer", "aiohttp_client", "ASGITransport"};
// Modules whose clients only talk HTTP.
constexpr std::string_view k_http_modules[] = {"requests", "httpx", "aiohttp", "urllib3"};
constexpr std::string_view k_http_methods[] = {"get",    "post",    "put",  "patch",
                                               "delete", "request", "head", "options"};

std::string_view last_part(std::string_view callee)
{
  return callee.substr(callee.rfind('.') + 1); // npos + 1 is 0
}

template <size_t N> bool contains(const std::string_view (&list)[N], std::string_view value)
{
  return std::find(std::begin(list), std::end(list), value) != std::end(list);
}

// "client.post('/predict')", "self.client.get(...)", "requests.post(url)", "httpx.get(...)".
bool is_request(const analyze::Call& call)
{
  const std::string_view callee = call.callee;
  const size_t dot = callee.rfind('.');
  if (dot == std::string_view::npos || !contains(k_http_methods, callee.substr(dot + 1))) {
    return false;
  }
  const std::string owner = text::to_lower(callee.substr(0, dot));
  const std::string_view root = std::string_view(owner).substr(0, owner.find('.'));
  const bool to_route = call.first_string &&
                        (call.first_string->starts_with('/') || call.first_string->starts_with("http://") ||
                         call.first_string->starts_with("https://"));
  const std::string_view owner_last = last_part(owner);
  // redis_client.get("key") is no request: a client's call needs a route or no string at all.
  const bool client = owner_last.find("client") != std::string_view::npos && (!call.first_string || to_route);
  return client || contains(k_http_modules, root) || (to_route && !call.chained);
}

std::string describe_api(const Analysis& analysis)
{
  std::string api;
  for (const auto& use : serving_uses(analysis)) {
    if (use.kind == ServingKind::http_api) {
      api = use.framework + " at " + use.where.to_string();
      break;
    }
  }
  std::vector<std::string> routes;
  for (const auto& route : http_routes(analysis)) {
    std::string methods;
    for (const auto& method : route.route->methods) {
      methods += (methods.empty() ? "" : ",") + method;
    }
    routes.push_back((methods.empty() ? "" : methods + " ") + route.route->path);
  }
  if (!routes.empty()) {
    api += (api.empty() ? "routes " : "; routes ") + join_some(routes, 3);
  }
  return api;
}

} // namespace

Finding check_tests_api(const RuleContext& context)
{
  const Analysis& analysis = context.analysis();
  if (!has_http_api(analysis)) {
    return skip("no HTTP API in the code (no FastAPI, Flask or other web framework, no routes)");
  }
  // Test modules with a test function: a script named test.py that posts to the API by hand runs
  // only when someone starts it, and no test runner collects it.
  auto tests = test_code(analysis);
  const bool checked = any_checks_results(tests);
  std::erase_if(tests, [&](const ModuleAt& module) { return !has_test_function(analysis, *module.value); });
  const std::string api = describe_api(analysis);
  if (tests.empty()) {
    return fail("the HTTP API (" + api + ") has no tests at all");
  }
  if (!checked) {
    return fail("the HTTP API (" + api +
                ") has no test that checks a result: the test code has no assert, "
                "no assert* call and no pytest.raises (see tests/present)");
  }
  // A module whose tests call the API but check nothing (a smoke script that prints what the
  // running server answers and returns True) tests nothing a runner could report.
  std::vector<std::string> callers;
  std::vector<Location> caller_at;
  std::vector<std::string> unchecked;
  std::vector<Location> unchecked_at;
  for (const auto& [file, module] : tests) {
    for (const auto& call : module->calls) {
      if (contains(k_client_makers, last_part(call.callee)) || is_request(call)) {
        const bool checks = checks_results(*module);
        (checks ? callers : unchecked).push_back(call.callee + "() in " + file->path);
        (checks ? caller_at : unchecked_at).push_back(location_of(file, call.line));
        break;
      }
    }
  }
  if (!callers.empty()) {
    return pass("tests call the HTTP API: " + join_some(callers, 3), std::move(caller_at));
  }
  if (!unchecked.empty()) {
    return fail("the tests that call the HTTP API check no result: " + join_some(unchecked, 3) +
                    ", in modules with no assert, no assert* call and no pytest.raises",
                std::move(unchecked_at));
  }
  std::vector<Location> locations;
  for (const auto& [file, module] : tests) {
    if (locations.size() < 10) {
      locations.push_back({file->path, 0});
    }
  }
  return fail("no test calls the HTTP API (" + api +
                  "): no TestClient, test_client(), httpx or requests call in " +
                  count_of(tests.size(), "test file"),
              std::move(locations));
}

} // namespace mlfolio::lint
