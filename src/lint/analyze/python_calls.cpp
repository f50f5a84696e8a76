#include "lint/analyze/python_calls.h"

#include <algorithm>
#include <cctype>
#include <limits>

namespace mlfolio::lint::analyze::detail {

namespace {

constexpr size_t k_max_value_length = 200;

std::string_view trim(std::string_view s)
{
  const size_t first = s.find_first_not_of(" \t\n\\");
  if (first == std::string_view::npos) {
    return {};
  }
  return s.substr(first, s.find_last_not_of(" \t\n\\") - first + 1);
}

std::string upper(std::string_view s)
{
  std::string out(s);
  for (char& c : out) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string_view last_component(std::string_view name)
{
  const size_t dot = name.rfind('.');
  return dot == std::string_view::npos ? name : name.substr(dot + 1);
}

// Methods a route answers, named as decorators (@app.get) and as a resource's methods (def post).
constexpr std::string_view k_http_verbs[] = {"get", "post", "put", "delete", "patch", "head", "options"};

void add_route(PythonModule& module, const std::string& name, const std::optional<std::string>& path,
               const std::vector<KeywordArgument>& keywords, const std::string& function, int line)
{
  // Modal gives each web endpoint an address of its own, named for the function:
  // @modal.fastapi_endpoint(method="POST") def inference() is POST /inference here.
  const std::string_view decorator = last_component(name);
  if ((decorator == "fastapi_endpoint" || decorator == "web_endpoint") && !function.empty() &&
      (name.starts_with("modal.") || name == decorator)) {
    Route route;
    route.path = "/" + function;
    route.decorator = name;
    route.function = function;
    route.line = line;
    route.methods.push_back("GET");
    for (const auto& keyword : keywords) {
      if (keyword.name == "method" && keyword.strings.size() == 1) {
        route.methods.front() = upper(keyword.strings.front());
      }
    }
    module.routes.push_back(std::move(route));
    return;
  }
  if (!path || (!path->empty() && path->front() != '/')) {
    return;
  }
  const bool dotted = name.find('.') != std::string::npos;
  if (path->empty() && !dotted) {
    return;
  }
  const std::string_view method = last_component(name);

  Route route;
  route.path = *path;
  route.decorator = name;
  route.function = function;
  route.line = line;
  if (std::find(std::begin(k_http_verbs), std::end(k_http_verbs), method) != std::end(k_http_verbs) ||
      method == "websocket") {
    route.methods.push_back(upper(method));
  } else if (method == "route" || method == "api_route" || method == "add_url_rule" ||
             method == "add_api_route" || method == "add_route") {
    for (const auto& keyword : keywords) {
      if (keyword.name == "methods") {
        for (const auto& verb : keyword.strings) {
          route.methods.push_back(upper(verb));
        }
      }
    }
  } else {
    return;
  }
  module.routes.push_back(std::move(route));
}

bool imports_from(const PythonModule& module, std::string_view from, std::string_view name)
{
  return std::any_of(module.imports.begin(), module.imports.end(), [&](const Import& import) {
    return import.module == from &&
           std::find(import.names.begin(), import.names.end(), name) != import.names.end();
  });
}

// Django's URLconf: path("predict/", views.predict), re_path(r"^predict/$", ...), and url() of
// django.conf.urls. Django matches without the leading slash, and any method reaches the view.
// path("api/", include("app.urls")) is the prefix of another URLconf's routes, not a route.
void collect_django_routes(PythonModule& module)
{
  const bool path = imports_from(module, "django.urls", "path");
  const bool re_path =
      imports_from(module, "django.urls", "re_path") || imports_from(module, "django.conf.urls", "url");
  if (!path && !re_path) {
    return;
  }
  std::vector<const Call*> routes;
  std::vector<int> includes;
  for (const auto& call : module.calls) {
    if (call.callee == "include") {
      includes.push_back(call.line);
    } else if (((path && call.callee == "path") ||
                (re_path && (call.callee == "re_path" || call.callee == "url"))) &&
               call.first_string && call.positional_arguments >= 2) {
      routes.push_back(&call);
    }
  }
  for (size_t i = 0; i < routes.size(); ++i) {
    const Call& call = *routes[i];
    const int next = i + 1 < routes.size() ? routes[i + 1]->line : std::numeric_limits<int>::max();
    if (std::any_of(includes.begin(), includes.end(),
                    [&](int line) { return line >= call.line && line < next; })) {
      continue;
    }
    std::string_view pattern = *call.first_string;
    if (call.callee != "path") {
      pattern.remove_prefix(pattern.starts_with('^') ? 1 : 0);
      pattern.remove_suffix(pattern.ends_with('$') ? 1 : 0);
    }
    Route route;
    route.path = "/" + std::string(pattern);
    route.decorator = call.callee;
    route.line = call.line;
    route.any_method = true;
    module.routes.push_back(std::move(route));
  }
}

// FastAPI's APIRouter(prefix="/history") and Flask's Blueprint(url_prefix="/api"): the routes
// declared on the router of this module answer below the prefix ("/history" + "/plot").
void add_router_prefixes(PythonModule& module)
{
  std::vector<std::pair<std::string_view, std::string_view>> prefixes; // router name, prefix
  for (const auto& [name, index] : module.routers) {
    const Call& call = module.calls[index];
    const std::string_view wanted = last_component(call.callee) == "Blueprint" ? "url_prefix" : "prefix";
    for (const auto& keyword : call.keywords) {
      // One plain string: prefix=settings.API_PREFIX + "/v1" is not known here.
      if (keyword.name == wanted && keyword.strings.size() == 1 &&
          keyword.value.size() == keyword.strings.front().size() + 2 &&
          keyword.strings.front().starts_with('/')) {
        prefixes.emplace_back(name, keyword.strings.front());
      }
    }
  }
  if (prefixes.empty()) {
    return;
  }
  for (auto& route : module.routes) {
    const size_t dot = route.decorator.find('.');
    if (dot == std::string::npos || route.decorator.find('.', dot + 1) != std::string::npos) {
      continue; // "router.get" only: "api.v1.get" is not a router of this module
    }
    const std::string_view owner = std::string_view(route.decorator).substr(0, dot);
    for (const auto& [name, prefix] : prefixes) {
      if (name == owner) {
        std::string_view at = prefix;
        while (at.size() > 1 && at.back() == '/') {
          at.remove_suffix(1);
        }
        const std::string_view added = route.path.empty() ? prefix : at;
        route.path = std::string(added) + route.path;
        route.prefix_size = static_cast<uint32_t>(added.size());
        break;
      }
    }
  }
}

} // namespace

void CallTracker::feed(size_t k)
{
  const Token& token = m_t[k];
  if (!m_frames.empty()) {
    track_argument(k);
  }
  if (is_op(token, "(")) {
    maybe_call(k);
  } else if (token.kind == TokenKind::op && (token.text == ")" || token.text == "]" || token.text == "}")) {
    close_frames(token);
  }
}

void CallTracker::finish()
{
  while (!m_frames.empty()) {
    finish_frame(m_source.size());
  }
}

void CallTracker::maybe_call(size_t k)
{
  if (k == 0 || m_t[k - 1].kind != TokenKind::name || m_t[k - 1].keyword) {
    return;
  }
  size_t start = k - 1;
  while (start >= 2 && is_op(m_t[start - 1], ".") && m_t[start - 2].kind == TokenKind::name) {
    start -= 2;
  }
  if (start >= 1 && (is_name(m_t[start - 1], "def") || is_name(m_t[start - 1], "class"))) {
    return;
  }
  Call call;
  for (size_t j = start; j < k; ++j) {
    call.callee += m_t[j].text;
  }
  call.line = static_cast<int>(m_t[k - 1].line);
  call.chained = start >= 1 && is_op(m_t[start - 1], ".");
  const std::string_view called = last_component(call.callee);
  if ((called == "APIRouter" || called == "Blueprint") && start >= 2 && is_op(m_t[start - 1], "=") &&
      m_t[start - 2].kind == TokenKind::name && m_t[start - 2].depth == 0 &&
      (start == 2 || m_t[start - 3].kind == TokenKind::newline)) {
    m_module.routers.emplace_back(std::string(m_t[start - 2].text), m_module.calls.size());
  }
  if (call.callee == "get_ipython") {
    m_module.notebook_markers.push_back(
        NotebookMarker{NotebookMarkerKind::get_ipython, call.line, "get_ipython()"});
  }
  Frame frame;
  frame.call = m_module.calls.size();
  frame.depth = m_t[k].depth;
  m_frames.push_back(std::move(frame));
  m_module.calls.push_back(std::move(call));
}

void CallTracker::track_argument(size_t k)
{
  const Token& token = m_t[k];
  Frame& frame = m_frames.back();
  if (token.depth <= frame.depth) {
    return; // the closing bracket: close_frames handles it
  }
  Call& call = m_module.calls[frame.call];
  if (token.kind == TokenKind::string && frame.keyword) {
    call.keywords[*frame.keyword].strings.push_back(string_value(token.text));
  }
  if (token.depth > frame.depth + 1) {
    if (frame.argument == 0 && !frame.keyword) {
      frame.first_only_strings = false;
    }
    return;
  }
  if (is_op(token, ",")) {
    finish_argument(frame, offset_of(token));
    ++frame.argument;
    frame.argument_start = true;
    return;
  }
  if (frame.expect_equals) {
    frame.expect_equals = false;
    frame.value_start = offset_of(token) + token.text.size();
    return;
  }
  if (frame.argument_start) {
    frame.argument_start = false;
    const Token* next = k + 1 < m_t.size() ? &m_t[k + 1] : nullptr;
    if (token.kind == TokenKind::name && next != nullptr && is_op(*next, "=")) {
      frame.keyword = call.keywords.size();
      call.keywords.push_back(KeywordArgument{std::string(token.text), "", {}});
      frame.expect_equals = true;
      return;
    }
    ++call.positional_arguments;
    call.unpacks_keywords = call.unpacks_keywords || is_op(token, "**");
  }
  if (frame.argument == 0 && !frame.keyword) {
    if (token.kind == TokenKind::string) {
      frame.first += string_value(token.text);
      frame.first_has_string = true;
    } else {
      frame.first_only_strings = false;
    }
  }
}

void CallTracker::finish_argument(Frame& frame, size_t end_offset)
{
  if (!frame.keyword) {
    return;
  }
  Call& call = m_module.calls[frame.call];
  if (end_offset > frame.value_start) {
    const std::string_view value = trim(m_source.substr(frame.value_start, end_offset - frame.value_start));
    call.keywords[*frame.keyword].value = std::string(value.substr(0, k_max_value_length));
  }
  frame.keyword.reset();
}

void CallTracker::finish_frame(size_t end_offset)
{
  Frame& frame = m_frames.back();
  finish_argument(frame, end_offset);
  if (frame.first_has_string && frame.first_only_strings) {
    m_module.calls[frame.call].first_string = std::move(frame.first);
  }
  m_frames.pop_back();
}

void CallTracker::close_frames(const Token& token)
{
  while (!m_frames.empty() && m_frames.back().depth >= token.depth) {
    finish_frame(offset_of(token));
  }
}

void collect_routes(PythonModule& module)
{
  for (const auto& function : module.functions) {
    for (const auto& decorator : function.decorators) {
      // The path may be given by name: @router.post(path="/predict"), @app.route(rule="/").
      std::optional<std::string> path = decorator.first_string;
      for (const auto& keyword : decorator.keywords) {
        if (!path && (keyword.name == "path" || keyword.name == "rule") && keyword.strings.size() == 1 &&
            keyword.value.size() == keyword.strings.front().size() + 2) {
          path = keyword.strings.front();
        }
      }
      add_route(module, decorator.name, path, decorator.keywords, function.name, decorator.line);
    }
  }
  // Flask-RESTX and Flask-RESTful: @api.route("/analyze") on a Resource class, whose get, post,
  // ... methods answer the HTTP methods of their names.
  for (const auto& type : module.classes) {
    for (const auto& decorator : type.decorators) {
      if (last_component(decorator.name) != "route" || decorator.name.find('.') == std::string::npos ||
          !decorator.first_string || !decorator.first_string->starts_with('/')) {
        continue;
      }
      const size_t before = module.routes.size();
      for (const auto& function : module.functions) {
        if (function.class_name == type.name && function.line > type.line &&
            std::find(std::begin(k_http_verbs), std::end(k_http_verbs), function.name) !=
                std::end(k_http_verbs)) {
          Route route;
          route.path = *decorator.first_string;
          route.methods.push_back(upper(function.name));
          route.decorator = decorator.name;
          route.function = function.name;
          route.line = decorator.line;
          module.routes.push_back(std::move(route));
        }
      }
      if (module.routes.size() == before) {
        Route route;
        route.path = *decorator.first_string;
        route.decorator = decorator.name;
        route.line = decorator.line;
        module.routes.push_back(std::move(route));
      }
    }
  }
  for (const auto& call : module.calls) {
    const std::string_view method = last_component(call.callee);
    if (method == "add_url_rule" || method == "add_api_route" || method == "add_route") {
      add_route(module, call.callee, call.first_string, call.keywords, "", call.line);
    } else if (method == "add_namespace" && call.callee.find('.') != std::string::npos) {
      // Flask-RESTX mounts a namespace's routes below a path: api.add_namespace(ping, path="/ping").
      for (const auto& keyword : call.keywords) {
        if (keyword.name == "path" && keyword.strings.size() == 1 &&
            keyword.strings.front().starts_with('/')) {
          Route route;
          route.path = keyword.strings.front();
          route.decorator = call.callee;
          route.line = call.line;
          route.mount = true;
          module.routes.push_back(std::move(route));
        }
      }
    }
  }
  collect_django_routes(module);
  add_router_prefixes(module);
}

} // namespace mlfolio::lint::analyze::detail
