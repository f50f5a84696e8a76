#include "generate/answers.h"

#include "core/fs.h"
#include "core/text.h"
#include "version.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <toml++/toml.h>

namespace mlfolio::generate {

namespace {

constexpr std::string_view k_tasks[] = {"tabular-classification", "text-classification", "regression"};
constexpr std::string_view k_trackings[] = {"mlflow", "wandb", "none"};
constexpr std::string_view k_licenses[] = {"mit", "apache-2.0", "bsd-3-clause", "none"};
constexpr std::string_view k_python_keywords[] = {
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
  "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
  "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield"};
// Package names that would shadow a module the generated project itself imports.
constexpr std::string_view k_shadowed_modules[] = {
  "fastapi", "pydantic", "sklearn", "pandas", "numpy", "scipy", "yaml", "joblib", "mlflow", "wandb",
  "logging", "json", "typing", "pathlib", "random", "test", "tests", "src", "data", "configs"};

const AnswerField k_fields[] = {
  {"name", "project name (folder and package)", {}, &Answers::name},
  {"task", "kind of ML task", k_tasks, &Answers::task},
  {"tracking", "experiment tracking backend", k_trackings, &Answers::tracking},
  {"license", "licence of the generated project", k_licenses, &Answers::license},
  {"author", "author name (default: git config user.name)", {}, &Answers::author},
  {"email", "author e-mail (default: git config user.email)", {}, &Answers::email},
  {"description", "one-line description", {}, &Answers::description},
  {"python", "Python version, e.g. 3.11", {}, &Answers::python},
};

std::string join(std::span<const std::string_view> items)
{
  std::string result;
  for (const auto item : items) {
    result += (result.empty() ? "" : ", ") + std::string(item);
  }
  return result;
}

const AnswerField* find_field(std::string_view key)
{
  for (const auto& field : k_fields) {
    if (field.key == key) {
      return &field;
    }
  }
  return nullptr;
}

std::vector<std::string_view> field_keys()
{
  std::vector<std::string_view> keys;
  for (const auto& field : k_fields) {
    keys.push_back(field.key);
  }
  return keys;
}

Result<void> validate_name(std::string_view name)
{
  const std::string quoted = "'" + std::string(name) + "'";
  if (name.empty()) {
    return usage_error("invalid NAME: it is empty. Give the project a name such as 'churn-predictor'.");
  }
  if (name.front() == '/') {
    return usage_error("invalid NAME " + quoted
                       + ": it is an absolute path. Give a plain name, and the parent folder with --dir.");
  }
  if (name.find('/') != std::string_view::npos || name.find('\\') != std::string_view::npos) {
    return usage_error("invalid NAME " + quoted
                       + ": it contains a path separator. Give a plain name, and the parent folder with --dir.");
  }
  if (name == "." || name == "..") {
    return usage_error("invalid NAME " + quoted + ": it names a folder, not a project. Give a plain name.");
  }
  if (!std::isalpha(static_cast<unsigned char>(name.front()))) {
    return usage_error("invalid NAME " + quoted
                       + ": it must start with a letter, because it becomes a Python package name.");
  }
  for (const char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') {
      return usage_error("invalid NAME " + quoted + ": the character '" + std::string(1, c)
                         + "' cannot map to a Python identifier. Use letters, digits, '-', '_' and '.'.");
    }
  }
  const std::string package = package_name(name);
  if (std::find(std::begin(k_python_keywords), std::end(k_python_keywords), package)
      != std::end(k_python_keywords)) {
    return usage_error("invalid NAME " + quoted + ": its package name '" + package
                       + "' is a Python keyword. Choose another name.");
  }
  if (std::find(std::begin(k_shadowed_modules), std::end(k_shadowed_modules), package)
      != std::end(k_shadowed_modules)) {
    return usage_error("invalid NAME " + quoted + ": its package name '" + package
                       + "' would shadow a module the project imports. Choose a more specific name.");
  }
  return {};
}

} // namespace

std::span<const AnswerField> answer_fields()
{
  return k_fields;
}

Result<void> set_answer(Answers& answers, std::string_view key, std::string value, std::string_view where)
{
  const AnswerField* field = find_field(key);
  if (field == nullptr) {
    const auto keys = field_keys();
    return usage_error(std::string(where) + ": unknown answer '" + std::string(key) + "'."
                       + text::did_you_mean(text::suggest(key, std::span<const std::string_view>(keys)))
                       + " Answers are: " + join(keys) + ".");
  }
  if (!field->choices.empty()
      && std::find(field->choices.begin(), field->choices.end(), value) == field->choices.end()) {
    return usage_error(std::string(where) + ": '" + value + "' is not a valid " + std::string(key) + "."
                       + text::did_you_mean(text::suggest(value, field->choices)) + " Choose one of "
                       + join(field->choices) + ".");
  }
  answers.*(field->member) = std::move(value);
  return {};
}

Result<void> read_answers_file(Answers& answers, const std::string& path)
{
  TRY_ASSIGN(std::string content, fs::read_file(path));
  toml::table document;
  try {
    document = toml::parse(content, path);
  } catch (const toml::parse_error& error) {
    return usage_error(path + ":" + std::to_string(error.source().begin.line) + ":"
                       + std::to_string(error.source().begin.column) + ": " + std::string(error.description()));
  }
  const toml::table* table = &document;
  if (const toml::node* nested = document.get("answers"); nested != nullptr && nested->is_table()) {
    table = nested->as_table();
  }
  for (const auto& [key, node] : *table) {
    const std::string where = path + ":" + std::to_string(key.source().begin.line) + ":"
                              + std::to_string(key.source().begin.column);
    if (table == &document && node.is_table()) {
      continue; // other tables of a .mlfolio.toml ([template], [rules], ...)
    }
    if (!node.is_string()) {
      if (find_field(key.str()) == nullptr) {
        TRY(set_answer(answers, key.str(), "", where)); // reports the unknown key
      }
      return usage_error(where + ": '" + std::string(key.str()) + "' must be a string.");
    }
    TRY(set_answer(answers, key.str(), std::string(node.as_string()->get()), where));
  }
  return {};
}

std::string package_name(std::string_view name)
{
  std::string package;
  for (const char c : name) {
    package += (c == '-' || c == '.') ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return package;
}

std::string title_of(std::string_view name)
{
  std::string title;
  bool start = true;
  for (const char c : name) {
    if (c == '-' || c == '_' || c == '.') {
      title += ' ';
      start = true;
    } else {
      title += start ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
      start = false;
    }
  }
  return title;
}

Result<void> validate(const Answers& answers)
{
  TRY(validate_name(answers.name));
  for (const auto& field : k_fields) {
    const std::string& value = answers.*(field.member);
    if (value.find_first_of("\n\r") != std::string::npos) {
      return usage_error("invalid " + std::string(field.key) + ": it must be a single line.");
    }
  }
  const std::string& python = answers.python;
  const bool python_ok = python.size() >= 3 && python.starts_with("3.")
                         && std::all_of(python.begin() + 2, python.end(),
                                        [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  if (!python_ok) {
    return usage_error("invalid python '" + python + "': give a minor version such as 3.11.");
  }
  if (!answers.email.empty() && answers.email.find('@') == std::string::npos) {
    return usage_error("invalid email '" + answers.email + "': it needs an '@'.");
  }
  return {};
}

Variables variables_of(const Answers& answers, std::string_view template_version)
{
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  const std::string license_name = answers.license == "mit"            ? "MIT"
                                   : answers.license == "apache-2.0"   ? "Apache-2.0"
                                   : answers.license == "bsd-3-clause" ? "BSD-3-Clause"
                                                                       : "None";
  return Variables{
    {"name", answers.name},
    {"package", package_name(answers.name)},
    {"title", title_of(answers.name)},
    {"description", answers.description},
    {"author", answers.author},
    {"email", answers.email},
    {"year", std::to_string(1900 + utc.tm_year)},
    {"python_version", answers.python},
    {"task", answers.task},
    {"task_tabular_classification", answers.task == "tabular-classification"},
    {"task_text_classification", answers.task == "text-classification"},
    {"task_regression", answers.task == "regression"},
    {"task_classification", answers.task != "regression"},
    {"tracking", answers.tracking},
    {"tracking_mlflow", answers.tracking == "mlflow"},
    {"tracking_wandb", answers.tracking == "wandb"},
    {"tracking_none", answers.tracking == "none"},
    {"license", answers.license},
    {"license_name", license_name},
    {"license_mit", answers.license == "mit"},
    {"license_apache", answers.license == "apache-2.0"},
    {"license_bsd3", answers.license == "bsd-3-clause"},
    {"license_none", answers.license == "none"},
    {"mlfolio_version", std::string(k_version)},
    {"template_version", std::string(template_version)},
    // What `mlfolio add` adapts to an existing project (see project_variables in add_plan.cpp);
    // a new project is the whole template: a src layout with requirements files and a served API.
    {"whole_project", true},
    {"layout_src", true},
    {"layout_flat", false},
    {"layout_scripts", false},
    {"package_dir", "src/" + package_name(answers.name)},
    {"code_dir", std::string("src")},
    {"deps_requirements", true},
    {"deps_pyproject", false},
    {"has_configs", true},
    {"has_models", true},
    {"serve_api", true},
    {"entry_args", "\"-m\", \"" + package_name(answers.name) + "\""},
    {"install_command", std::string("make install")},
    {"train_command", std::string("make train")},
    {"test_command", std::string("make test")},
    {"lint_command", std::string("make lint")},
    {"test_module", package_name(answers.name)},
    {"api_module", package_name(answers.name) + ".api.app"},
    {"module_prefix", package_name(answers.name) + "."},
    {"api_root_depth", std::string("3")},
    {"module_root_depth", std::string("2")},
    {"model_path", std::string("models/model.joblib")},
    {"model_joblib", true},
    {"model_pickle", false},
    {"train_args", "-m " + package_name(answers.name) + ".pipeline train"},
  };
}

} // namespace mlfolio::generate
