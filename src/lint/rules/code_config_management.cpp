// code/config-management: settings live outside the code.
//
// From strongest to weakest, the first signal found is reported: a settings library (Hydra,
// OmegaConf, pydantic-settings, python-dotenv, ...), a config file (YAML/TOML/JSON/INI in a
// config folder, or named like config.yaml / params.yaml / settings.toml / .env.example),
// environment-variable reads, command-line options (argparse, click, typer, fire: outside the
// code, but not recorded with the results), and last a Python module that gathers the settings
// (config.py, settings.py). Only a project with none of them fails.
#include "lint/rules/registry.h"

#include "core/text.h"
#include "lint/analyze/compose.h"
#include "lint/rules/python_code.h"
#include "lint/rules/rigor_code.h"
#include "lint/wording.h"

#include <algorithm>
#include <array>

namespace mlfolio::lint {

namespace {

struct Library
{
  std::string_view module;
  std::string_view name;
};

constexpr Library k_settings_libraries[] = {
    {"hydra", "Hydra"},
    {"omegaconf", "OmegaConf"},
    {"pydantic_settings", "pydantic-settings"},
    {"pydantic.BaseSettings", "pydantic BaseSettings"},
    {"dotenv", "python-dotenv"},
    {"dynaconf", "Dynaconf"},
    {"decouple", "python-decouple"},
    {"environs", "environs"},
    {"gin", "gin-config"},
    {"ml_collections", "ml_collections"},
    {"confuse", "confuse"},
    {"jsonargparse", "jsonargparse"},
    {"simple_parsing", "simple_parsing"},
    {"configparser", "configparser"},
};

constexpr Library k_command_line_libraries[] = {
    {"argparse", "argparse"}, {"click", "click"}, {"typer", "typer"}, {"fire", "fire"}, {"docopt", "docopt"},
};

constexpr std::string_view k_environment_calls[] = {"os.getenv", "os.environ.get",        "environ.get",
                                                    "getenv",    "os.environ.setdefault", "os.getenvb"};

constexpr std::string_view k_config_folders[] = {"config", "configs", "conf", "cfg", "settings", "params"};
constexpr std::string_view k_config_extensions[] = {".yaml", ".yml", ".toml", ".json",
                                                    ".ini",  ".cfg", ".conf"};
// Stems that name a settings file wherever it is.
constexpr std::string_view k_config_stems[] = {"config",     "configs", "settings",        "params",
                                               "parameters", "hparams", "hyperparameters", "conf"};
constexpr std::string_view k_env_templates[] = {".env.example", ".env.sample", ".env.template", "env.example",
                                                ".env.dist"};
// Tool configurations that happen to be called config.
constexpr std::string_view k_tool_configs[] = {
    ".pre-commit-config.yaml", "tsconfig.json",     "jsconfig.json", "setup.cfg",
    "pyproject.toml",          ".readthedocs.yaml", "mkdocs.yml"};
// CI, editor and app-framework settings (.streamlit/config.toml is a theme) are not the project's.
constexpr std::string_view k_ignored_folders[] = {".github", ".gitlab",       ".circleci", ".vscode",
                                                  ".idea",   ".devcontainer", ".streamlit"};
// Python modules that gather settings in one place.
constexpr std::string_view k_settings_modules[] = {"config.py",        "configs.py", "settings.py",
                                                   "configuration.py", "params.py",  "hyperparameters.py",
                                                   "conf.py"};

template <size_t N> bool contains(const std::string_view (&list)[N], std::string_view value)
{
  return std::find(std::begin(list), std::end(list), value) != std::end(list);
}

bool is_config_file(std::string_view path)
{
  // Most files have neither a config extension nor a template's name: told without copying it.
  const std::string_view shown = text::base_name(path);
  const size_t shown_dot = shown.rfind('.');
  const auto same = [](std::string_view a) {
    return [a](std::string_view b) { return text::iequals(a, b); };
  };
  if ((shown_dot == std::string_view::npos || shown_dot == 0 ||
       std::none_of(std::begin(k_config_extensions), std::end(k_config_extensions),
                    same(shown.substr(shown_dot)))) &&
      std::none_of(std::begin(k_env_templates), std::end(k_env_templates), same(shown))) {
    return false;
  }
  const std::string name = text::to_lower(shown);
  const size_t dot = name.rfind('.');
  const bool config_extension = dot != std::string::npos && dot != 0 &&
                                contains(k_config_extensions, std::string_view(name).substr(dot));
  const bool env_template = contains(k_env_templates, name);
  if ((!config_extension && !env_template) || contains(k_tool_configs, name) ||
      analyze::is_compose_path(name)) {
    return false;
  }
  // "train_config.yaml", "model-params.json": a piece of the name between '_' and '-' says so.
  const auto config_stem = [&] {
    const std::string_view stem = std::string_view(name).substr(0, dot);
    for (size_t start = 0; start <= stem.size();) {
      const size_t end = std::min(stem.find_first_of("_-", start), stem.size());
      if (contains(k_config_stems, stem.substr(start, end - start))) {
        return true;
      }
      start = end + 1;
    }
    return false;
  };
  // The cheap tests first: most files with a config extension are data, not settings.
  return (env_template || config_stem() || text::has_folder(path, k_config_folders)) &&
         !text::has_folder(path, k_ignored_folders);
}

struct Signal
{
  std::string what;
  Location where;
};

// Whether a module declares command-line options, not only imports a parser: ArgumentParser(),
// add_argument(), @click.option, typer.Typer(), fire.Fire(), docopt(__doc__).
bool declares_options(const analyze::PythonModule& module)
{
  constexpr std::string_view k_names[] = {"ArgumentParser", "add_argument", "parse_args", "parse_known_args",
                                          "option",         "argument",     "command",    "group",
                                          "Typer",          "Option",       "Argument",   "Fire",
                                          "docopt",         "CLI",          "run"};
  const auto named = [&](std::string_view callee) { return contains(k_names, last_component(callee)); };
  return std::any_of(module.calls.begin(), module.calls.end(),
                     [&](const analyze::Call& call) { return named(call.callee); }) ||
         std::any_of(
             module.functions.begin(), module.functions.end(), [&](const analyze::Function& function) {
               return std::any_of(function.decorators.begin(), function.decorators.end(),
                                  [&](const analyze::Decorator& decorator) { return named(decorator.name); });
             });
}

std::optional<Signal> library_signal(const Analysis& analysis, const std::vector<ModuleAt>& modules,
                                     std::span<const Library> libraries, bool only_declared = false)
{
  for (const auto& [file, module] : modules) {
    if (only_declared && !declares_options(*module)) {
      continue; // "import argparse" and nothing more: the settings are still in the code
    }
    for (const auto& library : libraries) {
      const std::string_view wanted[] = {library.module};
      if (const analyze::Import* import = find_import(*module, wanted)) {
        return Signal{std::string(library.name), code_location(analysis, file, import->line)};
      }
    }
  }
  return std::nullopt;
}

std::optional<Signal> settings_class(const Analysis& analysis, const std::vector<ModuleAt>& modules)
{
  for (const auto& [file, module] : modules) {
    for (const auto& type : module->classes) {
      for (const auto& base : type.bases) {
        if (base == "BaseSettings" || base.ends_with(".BaseSettings")) {
          return Signal{"pydantic BaseSettings (" + type.name + ")", code_location(analysis, file, type.line)};
        }
      }
    }
  }
  return std::nullopt;
}

std::optional<Signal> environment_read(const Analysis& analysis, const std::vector<ModuleAt>& modules)
{
  for (const auto& [file, module] : modules) {
    for (const auto& call : module->calls) {
      // Django's generated manage.py, wsgi.py and asgi.py set DJANGO_SETTINGS_MODULE: boilerplate
      // that says nothing of where the settings come from.
      if (!call.chained && contains(k_environment_calls, call.callee) &&
          call.first_string != "DJANGO_SETTINGS_MODULE") {
        return Signal{call.callee + "()", code_location(analysis, file, call.line)};
      }
    }
  }
  return std::nullopt;
}

} // namespace

Finding check_code_config_management(const RuleContext& context)
{
  const Analysis& analysis = context.analysis();
  const auto& modules = analysis.code_modules();
  if (modules.empty()) {
    return skip("no Python code or notebooks");
  }
  const std::vector<ModuleAt> code(modules.begin(), modules.end());
  if (auto signal = library_signal(analysis, code, k_settings_libraries)) {
    return pass("settings are read with " + signal->what + " (" + signal->where.to_string() + ")",
                {signal->where});
  }
  if (auto signal = settings_class(analysis, code)) {
    return pass("settings are read with " + signal->what + " (" + signal->where.to_string() + ")",
                {signal->where});
  }
  std::vector<std::string> files;
  std::vector<Location> file_at;
  // A config file in the folder of a JavaScript app (beside its package.json, with no Python
  // there) configures the frontend: a Next.js app's .env.example says nothing of the ML code.
  const auto javascript_app = [&](const std::string& path) {
    const std::string folder = path.substr(0, path.rfind('/') + 1);
    if (!analysis.view().exists(folder + "package.json")) {
      return false;
    }
    return std::none_of(
        analysis.python_files().begin(), analysis.python_files().end(), [&](const FileEntry* py) {
          return py->path.starts_with(folder) && py->path.find('/', folder.size()) == std::string::npos;
        });
  };
  for (const FileEntry* file : analysis.project_files()) {
    if (is_config_file(file->path) && !javascript_app(file->path)) {
      files.push_back(file->path);
      file_at.push_back({file->path, 0});
    }
  }
  if (!files.empty()) {
    if (file_at.size() > 10) {
      file_at.resize(10);
    }
    return pass("settings live in " + count_of(files.size(), "config file") + ": " + join_some(files, 3),
                std::move(file_at));
  }
  if (auto signal = environment_read(analysis, code)) {
    return pass("settings come from environment variables (" + signal->what + " at " +
                    signal->where.to_string() + ")",
                {signal->where});
  }
  if (auto signal = library_signal(analysis, code, k_command_line_libraries, true)) {
    return pass("settings come from command-line options (" + signal->what + " at " +
                    signal->where.to_string() + "); a config file would also record them next to the results",
                {signal->where});
  }
  for (const auto& [file, module] : code) {
    const std::string name = text::to_lower(text::base_name(file->path));
    if (contains(k_settings_modules, name) &&
        !text::has_folder(file->path, std::array<std::string_view, 1>{"docs"})) {
      return pass("settings are gathered in " + file->path +
                      "; a YAML or TOML file, or environment variables, would take them out of the code",
                  {{file->path, 0}});
    }
  }
  return fail(
      "no config file (configs/*.yaml, params.yaml, settings.toml, .env.example), no settings library "
      "(Hydra, OmegaConf, pydantic-settings, python-dotenv), no environment-variable reads and no "
      "command-line options in " +
      count_of(code.size(), "Python module or notebook", "Python modules and notebooks") +
      ": the settings are hard-coded");
}

} // namespace mlfolio::lint
