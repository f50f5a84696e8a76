#include "lint/analyze/deps_build.h"

#include <toml++/toml.h>

#include <algorithm>

namespace mlfolio::lint::analyze::detail {

namespace {

int line_of(const toml::node& node)
{
  return static_cast<int>(node.source().begin.line);
}

// Parses TOML; a syntax error becomes a problem with its line and column.
std::optional<toml::table> parse_toml(std::string_view text, DependencyFile& file)
{
  try {
    return toml::parse(text);
  } catch (const toml::parse_error& error) {
    file.problems.push_back(Problem{static_cast<int>(error.source().begin.line), static_cast<int>(error.source().begin.column),
                                    "invalid TOML: " + std::string(error.description())});
  }
  return std::nullopt;
}

// An array of PEP 508 strings.
void add_requirement_array(const toml::node* node, std::string_view group, DependencyFile& file)
{
  const toml::array* array = node != nullptr ? node->as_array() : nullptr;
  if (array == nullptr) {
    return;
  }
  for (const toml::node& element : *array) {
    const auto text = element.value<std::string>();
    if (!text) {
      continue; // {include-group = "..."} and other tables
    }
    if (auto dependency = parse_requirement(*text, line_of(element))) {
      dependency->group = std::string(group);
      file.dependencies.push_back(std::move(*dependency));
    } else {
      file.problems.push_back(Problem{line_of(element), 0, "not a requirement: " + text->substr(0, 80)});
    }
  }
}

// A table of arrays of PEP 508 strings, one group per key.
void add_requirement_groups(const toml::node* node, std::string_view prefix, DependencyFile& file)
{
  const toml::table* table = node != nullptr ? node->as_table() : nullptr;
  if (table == nullptr) {
    return;
  }
  for (const auto& [group, array] : *table) {
    add_requirement_array(&array, std::string(prefix) + std::string(group.str()), file);
  }
}

bool spec_is_pinned(std::string_view spec)
{
  return (spec.substr(0, 2) == "==" && spec.find_first_of("*,") == std::string_view::npos) || spec.substr(0, 3) == "===";
}

// Poetry and Pipfile tables: name = "spec" or name = {version = ..., git = ..., rev = ...}.
void add_named_dependencies(const toml::node* node, std::string_view group, bool poetry, DependencyFile& file)
{
  const toml::table* table = node != nullptr ? node->as_table() : nullptr;
  if (table == nullptr) {
    return;
  }
  for (const auto& [key, value] : *table) {
    const std::string name(key.str());
    if (name == "python") {
      continue; // the interpreter, not a package
    }
    Dependency dependency;
    dependency.name = normalize_package_name(name);
    dependency.group = std::string(group);
    dependency.line = line_of(value);
    if (const auto spec = value.value<std::string>()) {
      dependency.specifier = *spec;
      dependency.pinned = poetry ? poetry_version_is_pinned(*spec) : spec_is_pinned(*spec);
    } else if (const toml::table* details = value.as_table()) {
      const auto version = (*details)["version"].value<std::string>();
      if (version) {
        dependency.specifier = *version;
        dependency.pinned = poetry ? poetry_version_is_pinned(*version) : spec_is_pinned(*version);
      }
      for (const char* source : {"git", "url", "path", "file"}) {
        if (const auto url = (*details)[source].value<std::string>()) {
          dependency.url = *url;
        }
      }
      const auto ref = (*details)[poetry ? "rev" : "ref"].value<std::string>();
      const auto tag = (*details)["tag"].value<std::string>();
      if (!dependency.url.empty() && (ref || tag)) {
        dependency.pinned = url_is_pinned("git+x/x@" + (ref ? *ref : *tag));
      } else if (!dependency.url.empty() && !version) {
        dependency.pinned = url_is_pinned(dependency.url);
      }
      dependency.editable = (*details)["editable"].value_or(false) || (*details)["develop"].value_or(false);
      if (const auto markers = (*details)["markers"].value<std::string>()) {
        dependency.marker = *markers;
      }
      if (const toml::array* extras = (*details)["extras"].as_array()) {
        for (const toml::node& extra : *extras) {
          if (const auto text = extra.value<std::string>()) {
            dependency.extras.push_back(*text);
          }
        }
      }
    } else if (value.as_array() != nullptr) {
      dependency.specifier = "(several constraints)";
    }
    file.dependencies.push_back(std::move(dependency));
  }
}

// name = "module:function" entries; a Poetry table entry {reference = ...} is read too.
void add_scripts(const toml::node* node, DependencyFile& file)
{
  const toml::table* table = node != nullptr ? node->as_table() : nullptr;
  if (table == nullptr) {
    return;
  }
  for (const auto& [name, value] : *table) {
    std::string target = value.value<std::string>().value_or(std::string());
    if (const toml::table* details = value.as_table()) {
      target = (*details)["reference"].value_or(std::string());
    }
    file.scripts.push_back({std::string(name.str()), target, line_of(value)});
  }
  // toml++ iterates keys in sorted order; the file's order reads better in messages
  std::stable_sort(file.scripts.begin(), file.scripts.end(),
                   [](const EntryPoint& a, const EntryPoint& b) { return a.line < b.line; });
}

} // namespace

void read_pyproject(std::string_view text, DependencyFile& file)
{
  const auto parsed = parse_toml(text, file);
  if (!parsed) {
    return;
  }
  const toml::table& root = *parsed;
  if (const toml::table* project = root["project"].as_table()) {
    file.has_project_table = true;
    file.project_name = (*project)["name"].value_or(std::string());
    add_requirement_array(project->get("dependencies"), "", file);
    add_requirement_groups(project->get("optional-dependencies"), "", file);
    add_scripts(project->get("scripts"), file);
  }
  add_requirement_groups(root.get("dependency-groups"), "", file);
  file.build_backend = root["build-system"]["build-backend"].value_or(std::string());
  const toml::table* tool = root["tool"].as_table();
  if (tool == nullptr) {
    return;
  }
  for (const auto& [name, table] : *tool) {
    file.tool_tables.emplace_back(name.str());
  }
  const toml::node_view<const toml::node> tools(*tool);
  if (file.project_name.empty()) {
    file.project_name = tools["poetry"]["name"].value_or(std::string());
  }
  add_scripts(tools["poetry"]["scripts"].node(), file);
  add_named_dependencies(tools["poetry"]["dependencies"].node(), "", true, file);
  add_named_dependencies(tools["poetry"]["dev-dependencies"].node(), "dev", true, file);
  if (const toml::table* groups = tools["poetry"]["group"].as_table()) {
    for (const auto& [group, table] : *groups) {
      const toml::node_view<const toml::node> view(table);
      add_named_dependencies(view["dependencies"].node(), group.str(), true, file);
    }
  }
  add_requirement_groups(tools["pdm"]["dev-dependencies"].node(), "", file);
  add_requirement_array(tools["uv"]["dev-dependencies"].node(), "dev", file);
  if (const toml::table* envs = tools["hatch"]["envs"].as_table()) {
    for (const auto& [env, table] : *envs) {
      const toml::node_view<const toml::node> view(table);
      add_requirement_array(view["dependencies"].node(), "hatch:" + std::string(env.str()), file);
      add_requirement_array(view["extra-dependencies"].node(), "hatch:" + std::string(env.str()), file);
    }
  }
  add_requirement_array(tools["flit"]["metadata"]["requires"].node(), "", file);
  add_requirement_groups(tools["flit"]["metadata"]["requires-extra"].node(), "", file);
}

void read_pipfile(std::string_view text, DependencyFile& file)
{
  const auto parsed = parse_toml(text, file);
  if (!parsed) {
    return;
  }
  add_named_dependencies(parsed->get("packages"), "", false, file);
  add_named_dependencies(parsed->get("dev-packages"), "dev", false, file);
}

} // namespace mlfolio::lint::analyze::detail
