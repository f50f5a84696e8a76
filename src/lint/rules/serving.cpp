#include "lint/rules/serving.h"

#include "core/text.h"
#include "lint/rules/python_code.h"

#include <algorithm>

namespace mlfolio::lint {

namespace {

struct Framework
{
  std::string_view module; // top-level or dotted module name
  std::string_view name;
  ServingKind kind;
};

// Matched against an import's module and, for "from X import Y", against "X.Y".
constexpr Framework k_frameworks[] = {
    {"fastapi", "FastAPI", ServingKind::http_api},
    {"flask", "Flask", ServingKind::http_api},
    {"starlette", "Starlette", ServingKind::http_api},
    {"bentoml", "BentoML", ServingKind::http_api},
    {"litserve", "LitServe", ServingKind::http_api},
    {"ray.serve", "Ray Serve", ServingKind::http_api},
    {"ts.torch_handler", "TorchServe", ServingKind::http_api},
    {"kserve", "KServe", ServingKind::http_api},
    {"mlserver", "MLServer", ServingKind::http_api},
    {"django", "Django", ServingKind::http_api},
    {"aiohttp.web", "aiohttp", ServingKind::http_api},
    {"tornado.web", "Tornado", ServingKind::http_api},
    {"sanic", "Sanic", ServingKind::http_api},
    {"falcon", "Falcon", ServingKind::http_api},
    {"quart", "Quart", ServingKind::http_api},
    {"cog", "Cog", ServingKind::http_api},
    {"gradio", "Gradio", ServingKind::interactive_app},
    {"streamlit", "Streamlit", ServingKind::interactive_app},
    {"dash", "Dash", ServingKind::interactive_app},
    {"panel", "Panel", ServingKind::interactive_app},
    {"chainlit", "Chainlit", ServingKind::interactive_app},
};

} // namespace

std::vector<ServingUse> serving_uses(const Analysis& analysis)
{
  std::vector<ServingUse> uses;
  for (const auto& [file, module] : analysis.code_modules()) {
    if (Analysis::is_notebook_path(file->path)) {
      continue;
    }
    for (const auto& import : module->imports) {
      if (import.level > 0) {
        continue;
      }
      for (const auto& framework : k_frameworks) {
        bool matches = is_module(import.module, framework.module);
        for (const auto& name : import.names) {
          matches = matches || is_module(import.module + "." + name, framework.module);
        }
        const bool seen = std::any_of(uses.begin(), uses.end(),
                                      [&](const ServingUse& use) { return use.framework == framework.name; });
        if (matches && !seen) {
          uses.push_back({std::string(framework.name), framework.kind, {file->path, static_cast<uint32_t>(import.line)}});
        }
      }
    }
  }
  return uses;
}

std::vector<RouteAt> http_routes(const Analysis& analysis)
{
  std::vector<RouteAt> routes;
  for (const auto& [file, module] : analysis.code_modules()) {
    if (Analysis::is_notebook_path(file->path)) {
      continue;
    }
    for (const auto& route : module->routes) {
      routes.push_back({&route, {file->path, static_cast<uint32_t>(route.line)}});
    }
  }
  return routes;
}

bool has_http_api(const Analysis& analysis)
{
  const auto uses = serving_uses(analysis);
  return !http_routes(analysis).empty() || std::any_of(uses.begin(), uses.end(), [](const ServingUse& use) {
           return use.kind == ServingKind::http_api;
         });
}

} // namespace mlfolio::lint
