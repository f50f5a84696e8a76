#include "generate/answers.h"

#include "support/process.h"

#include <doctest/doctest.h>

using namespace mlfolio;
using namespace mlfolio::generate;

namespace {

std::string name_error(const std::string& name)
{
  Answers answers;
  answers.name = name;
  const auto result = validate(answers);
  return result ? std::string("ok") : result.error().message;
}

} // namespace

TEST_CASE("NAME validation says why a name is refused")
{
  CHECK(name_error("churn-predictor") == "ok");
  CHECK(name_error("Churn.Predictor2") == "ok");
  CHECK(name_error("") == "invalid NAME: it is empty. Give the project a name such as 'churn-predictor'.");
  CHECK(name_error("/tmp/x")
        == "invalid NAME '/tmp/x': it is an absolute path. Give a plain name, and the parent folder with --dir.");
  CHECK(name_error("a/b")
        == "invalid NAME 'a/b': it contains a path separator. Give a plain name, and the parent folder with "
           "--dir.");
  CHECK(name_error("a\\b").find("path separator") != std::string::npos);
  CHECK(name_error("..") == "invalid NAME '..': it names a folder, not a project. Give a plain name.");
  CHECK(name_error("2fast")
        == "invalid NAME '2fast': it must start with a letter, because it becomes a Python package name.");
  CHECK(name_error("my proj")
        == "invalid NAME 'my proj': the character ' ' cannot map to a Python identifier. Use letters, digits, "
           "'-', '_' and '.'.");
  CHECK(name_error("class") == "invalid NAME 'class': its package name 'class' is a Python keyword. Choose another name.");
  CHECK(name_error("Pandas")
        == "invalid NAME 'Pandas': its package name 'pandas' would shadow a module the project imports. Choose a "
           "more specific name.");
}

TEST_CASE("package and title derive from NAME")
{
  CHECK(package_name("Churn-Predictor.v2") == "churn_predictor_v2");
  CHECK(title_of("churn-predictor") == "Churn Predictor");
}

TEST_CASE("answers: choices are checked with a suggestion")
{
  Answers answers;
  CHECK(set_answer(answers, "task", "regression", "--set"));
  CHECK(answers.task == "regression");
  const auto bad = set_answer(answers, "tracking", "mlfow", "--set");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().message
        == "--set: 'mlfow' is not a valid tracking. Did you mean 'mlflow'? Choose one of mlflow, wandb, none.");
  const auto unknown = set_answer(answers, "licence", "mit", "--set");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().message
        == "--set: unknown answer 'licence'. Did you mean 'license'? Answers are: name, task, tracking, license, "
           "author, email, description, python.");
  CHECK(bad.error().code == ExitCode::usage);
}

TEST_CASE("answers file: top-level keys or an [answers] table, errors name file:line:column")
{
  const test::TempDir dir;
  const auto path = (dir.path() / "answers.toml").string();
  SUBCASE("top-level keys")
  {
    test::write_text(path, "task = \"text-classification\"\nauthor = \"Ada\"\n");
    Answers answers;
    REQUIRE(read_answers_file(answers, path));
    CHECK(answers.task == "text-classification");
    CHECK(answers.author == "Ada");
  }
  SUBCASE("a generated project's .mlfolio.toml")
  {
    test::write_text(path, "[template]\nname = \"ml-project\"\n\n[answers]\ntracking = \"none\"\n");
    Answers answers;
    REQUIRE(read_answers_file(answers, path));
    CHECK(answers.tracking == "none");
  }
  SUBCASE("unknown key")
  {
    test::write_text(path, "task = \"regression\"\ntraking = \"none\"\n");
    Answers answers;
    const auto result = read_answers_file(answers, path);
    REQUIRE_FALSE(result);
    CHECK(result.error().message
          == path + ":2:1: unknown answer 'traking'. Did you mean 'tracking'? Answers are: name, task, tracking, "
                    "license, author, email, description, python.");
  }
  SUBCASE("syntax error")
  {
    test::write_text(path, "task = \"regression\nx = 1\n");
    Answers answers;
    const auto result = read_answers_file(answers, path);
    REQUIRE_FALSE(result);
    CHECK(result.error().message.starts_with(path + ":1:"));
  }
}

TEST_CASE("variables carry the task, tracking and licence switches")
{
  Answers answers;
  answers.name = "demo";
  answers.task = "regression";
  answers.tracking = "none";
  answers.license = "apache-2.0";
  const auto vars = variables_of(answers, "1.0.0");
  CHECK(std::get<std::string>(vars.at("package")) == "demo");
  CHECK(std::get<bool>(vars.at("task_regression")));
  CHECK_FALSE(std::get<bool>(vars.at("task_classification")));
  CHECK(std::get<bool>(vars.at("tracking_none")));
  CHECK(std::get<bool>(vars.at("license_apache")));
  CHECK(std::get<std::string>(vars.at("license_name")) == "Apache-2.0");
}
