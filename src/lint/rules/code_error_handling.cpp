// code/error-handling: errors are handled explicitly, never swallowed.
//
// Fails for every bare "except:" and every "except Exception: pass" (BaseException too) in the
// Python modules outside tests and notebooks, each on its own line. A bare "except:" whose body
// raises (clean up or add a message, then re-raise) or ends the program (print, sys.exit(1)) hides
// nothing and is not reported. Specific handlers, raise statements, sys.exit("...") with the
// error's message and pydantic models (validation at the boundary) count as explicit handling.
// With none of them, a substantial code base fails and a small one is skipped.
#include "lint/rules/registry.h"

#include "core/text.h"

#include "lint/rules/python_code.h"
#include "lint/wording.h"

#include <algorithm>

namespace mlfolio::lint {

namespace {

// Lines of Python outside tests below which no error handling at all is not a finding.
constexpr int k_min_lines = 300;
constexpr size_t k_max_details = 20;

bool catches_everything(const analyze::ExceptHandler& handler)
{
  return std::any_of(handler.exceptions.begin(), handler.exceptions.end(), [](const std::string& name) {
    const std::string_view last = std::string_view(name).substr(name.rfind('.') + 1); // npos + 1 is 0
    return last == "Exception" || last == "BaseException";
  });
}

bool is_pydantic_model(const analyze::Class& type)
{
  return std::any_of(type.bases.begin(), type.bases.end(), [](const std::string& base) {
    return base == "BaseModel" || base == "pydantic.BaseModel" || base == "BaseSettings" ||
           base.ends_with(".BaseSettings");
  });
}

// Whether the code uses a model it declares: its name written again after the class statement
// (a route's parameter annotation, a call) in its module, or in a module that imports it. A
// request model no route takes validates nothing.
bool is_used(const Analysis& analysis, const FileEntry* file, const analyze::Class& type,
             const std::vector<ModuleAt>& modules)
{
  if (const TextFile* text = analysis.text(file->path)) {
    size_t seen = 0;
    for (size_t at = text->content.find(type.name); at != std::string::npos;
         at = text->content.find(type.name, at + type.name.size())) {
      const auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; };
      const bool starts = at == 0 || !word(text->content[at - 1]);
      const size_t end = at + type.name.size();
      if (starts && (end == text->content.size() || !word(text->content[end])) && ++seen > 1) {
        return true;
      }
    }
  }
  return std::any_of(modules.begin(), modules.end(), [&](const ModuleAt& other) {
    return other.file != file && std::any_of(other.value->names.begin(), other.value->names.end(),
                                             [&](const analyze::Name& name) { return name.text == type.name; });
  });
}

} // namespace

// Files Django writes for the project (manage.py, wsgi.py, asgi.py, migrations): their error
// handling is the framework's, not the author's.
bool generated_by_django(const ModuleAt& module)
{
  const std::string_view path = module.file->path;
  const std::string_view name = text::base_name(path);
  if (path.find("migrations/") != std::string_view::npos &&
      std::any_of(module.value->imports.begin(), module.value->imports.end(),
                  [](const analyze::Import& import) { return import.module.starts_with("django.db"); })) {
    return true;
  }
  return (name == "manage.py" || name == "wsgi.py" || name == "asgi.py") &&
         std::any_of(module.value->imports.begin(), module.value->imports.end(),
                     [](const analyze::Import& import) { return import.module.starts_with("django"); }) &&
         std::any_of(module.value->strings.begin(), module.value->strings.end(),
                     [](const analyze::StringLiteral& literal) { return literal.value == "DJANGO_SETTINGS_MODULE"; });
}

Finding check_code_error_handling(const RuleContext& context)
{
  auto modules = python_modules(context.analysis());
  std::erase_if(modules, generated_by_django);
  if (modules.empty()) {
    return skip("no Python modules outside tests and notebooks");
  }
  std::vector<Detail> details;
  size_t handlers = 0;  // except clauses naming what they catch
  size_t broad = 0;     // except Exception: clauses that do something with the error
  size_t handling = 0;  // modules with any of the evidence below
  size_t reraising = 0; // bare except: clauses whose body raises
  size_t raises = 0;
  size_t exits = 0; // sys.exit("...") with the error's message: the failure stops the script, said
  size_t models = 0;
  int lines = 0;
  for (const auto& [file, module] : modules) {
    lines += module->line_count;
    const size_t before = handlers + broad + raises + models + reraising + exits;
    for (const auto& handler : module->handlers) {
      if (!handler.bare && !catches_everything(handler)) {
        ++handlers;
      } else if (!handler.bare && !handler.body_is_pass) {
        ++broad; // "except Exception as e: log and answer 500": handled, but not named
      }
    }
    raises += module->raise_lines.size();
    exits += static_cast<size_t>(
        std::count_if(module->calls.begin(), module->calls.end(), [](const analyze::Call& call) {
          return (call.callee == "sys.exit" || call.callee == "exit") && call.first_string.has_value();
        }));
    models += static_cast<size_t>(
        std::count_if(module->classes.begin(), module->classes.end(), [&](const analyze::Class& type) {
          return is_pydantic_model(type) && is_used(context.analysis(), file, type, modules);
        }));
    for (const auto& handler : module->handlers) {
      const Location at = location_of(file, handler.line);
      if (handler.bare && handler.body_is_pass) {
        details.push_back(
            {"bare except: pass at " + at.to_string() + " swallows every error, even Ctrl-C", {at}});
      } else if (handler.bare && (handler.raises || handler.exits)) {
        ++reraising;
      } else if (handler.bare) {
        details.push_back({"bare except: at " + at.to_string() +
                               " catches everything, KeyboardInterrupt and SystemExit included",
                           {at}});
        // In an except or finally body, "try: await ws.close() except Exception: pass" is
        // best-effort clean-up while the first error is handled (logged) there.
      } else if (handler.body_is_pass && catches_everything(handler) && !handler.in_cleanup) {
        details.push_back({"except " + handler.exceptions.front() + ": pass at " + at.to_string() +
                               " silently swallows every error",
                           {at}});
      }
    }
    handling += handlers + broad + raises + models + reraising + exits > before ? 1 : 0;
  }
  if (!details.empty()) {
    std::vector<Location> locations;
    for (const auto& detail : details) {
      locations.push_back(detail.locations.front());
    }
    const size_t count = details.size();
    if (details.size() > k_max_details) {
      details.resize(k_max_details);
      locations.resize(k_max_details);
    }
    Finding finding = fail(count_of(count, "except clause") + (count == 1 ? " hides" : " hide") +
                               " errors (bare except: or except Exception: pass)",
                           std::move(locations));
    finding.details = std::move(details);
    return finding;
  }
  if (handlers + broad + reraising + raises + models + exits > 0) {
    std::vector<std::string> parts;
    if (handlers > 0) {
      parts.push_back(count_of(handlers, "except clause") + " naming what " +
                      (handlers == 1 ? "it catches" : "they catch"));
    }
    if (broad > 0) {
      parts.push_back(count_of(broad, "except Exception clause") + " handling the error");
    }
    if (reraising > 0) {
      parts.push_back(count_of(reraising, "bare except: clause") + " that " +
                      (reraising == 1 ? "re-raises or exits" : "re-raise or exit"));
    }
    if (raises > 0) {
      parts.push_back(count_of(raises, "raise statement"));
    }
    if (exits > 0) {
      parts.push_back(count_of(exits, "sys.exit call") + " with an error message");
    }
    if (models > 0) {
      parts.push_back(count_of(models, "pydantic model") + " validating input");
    }
    std::string message = "explicit error handling: ";
    for (size_t i = 0; i < parts.size(); ++i) {
      message += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
    }
    return pass(message + " in " +
                (handling == modules.size() ? count_of(modules.size(), "module")
                                            : std::to_string(handling) + " of " + count_of(modules.size(), "module")));
  }
  if (lines < k_min_lines) {
    return skip("too little code to judge error handling (" + count_of(static_cast<size_t>(lines), "line") +
                " outside tests, no try/except or raise)");
  }
  return fail("no try/except, raise or input validation anywhere in " + count_of(modules.size(), "module") +
              " (" + count_of(static_cast<size_t>(lines), "line") +
              " outside tests): every failure surfaces as a raw traceback");
}

} // namespace mlfolio::lint
