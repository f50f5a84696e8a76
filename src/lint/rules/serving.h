#pragma once

// What several rules ask of the serving code: mlops/serving, mlops/health-endpoint and tests/api
// all need to know whether the project has an HTTP API and which routes it declares.

#include "lint/analysis.h"
#include "lint/finding.h"

#include <string>
#include <vector>

namespace mlfolio::lint {

enum class ServingKind { http_api, interactive_app };

// One serving framework imported by the project's Python modules (not tests, not notebooks).
struct ServingUse
{
  std::string framework; // "FastAPI", "Flask", "Gradio", ...
  ServingKind kind = ServingKind::http_api;
  Location where;        // the import
};

// An HTTP route declared in the project's Python modules.
struct RouteAt
{
  const analyze::Route* route = nullptr;
  Location where;
};

// Every framework once, at its first import, in path order.
std::vector<ServingUse> serving_uses(const Analysis& analysis);

// Routes from decorators (@app.get, @bp.route, ...) and add_url_rule / add_api_route calls.
std::vector<RouteAt> http_routes(const Analysis& analysis);

// An HTTP API: a web framework is imported, or routes are declared.
bool has_http_api(const Analysis& analysis);

} // namespace mlfolio::lint
