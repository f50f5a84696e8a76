#include "generate/plan.h"
#include "generate/render.h"
#include "generate/template.h"

#include "support/process.h"

#include <algorithm>
#include <doctest/doctest.h>

using namespace mlfolio;
using namespace mlfolio::generate;

TEST_CASE("render: <% %> tags, sections, no escaping, other braces untouched")
{
  const Variables vars{{"name", std::string("a<b")}, {"on", true}, {"off", false}};
  const auto out = render("x <%name%> ${{ secrets.T }} {'k': 1}\n<%#on%>\nyes\n<%/on%>\n<%#off%>\nno\n<%/off%>\n",
                          vars, "f.txt");
  REQUIRE(out);
  CHECK(*out == "x a<b ${{ secrets.T }} {'k': 1}\nyes\n");
}

TEST_CASE("render: an unknown variable is an error with file and line")
{
  const Variables vars{{"package", std::string("demo")}};
  const auto out = render("line one\nimport <%pakage%>\n", vars, "files/a.py");
  REQUIRE_FALSE(out);
  CHECK(out.error().message == "files/a.py:2: unknown variable 'pakage'. Did you mean 'package'?");
  const auto unclosed = render("a <%package\n", vars, "files/b.py");
  REQUIRE_FALSE(unclosed);
  CHECK(unclosed.error().message == "files/b.py:1: unclosed tag '<%'; close it with '%>'.");
}

TEST_CASE("condition_holds handles negation and rejects unknown names")
{
  const Variables vars{{"on", true}, {"text", std::string("x")}};
  CHECK(*condition_holds("on", vars, "w"));
  CHECK_FALSE(*condition_holds("!on", vars, "w"));
  CHECK_FALSE(condition_holds("text", vars, "w"));
  CHECK_FALSE(condition_holds("nope", vars, "w"));
}

TEST_CASE("template folder: manifest errors name file:line:column")
{
  const test::TempDir dir;
  test::write_text(dir.path() / "files" / "a.txt", "hello");
  SUBCASE("unknown key")
  {
    test::write_text(dir.path() / "template.toml", "name = \"t\"\nversion = \"1\"\nverson = \"2\"\n");
    const auto tmpl = load_template_dir(dir.path());
    REQUIRE_FALSE(tmpl);
    CHECK(tmpl.error().message
          == (dir.path() / "template.toml").string()
               + ":3:1: unknown key 'verson'. Did you mean 'version'? Allowed keys: name, version, description, "
                 "file.");
  }
  SUBCASE("a [[file]] source that does not exist")
  {
    test::write_text(dir.path() / "template.toml",
                     "name = \"t\"\nversion = \"1\"\n[[file]]\nsource = \"b.txt\"\nwhen = \"license_mit\"\n");
    const auto tmpl = load_template_dir(dir.path());
    REQUIRE_FALSE(tmpl);
    CHECK(tmpl.error().message.find("[[file]] source 'b.txt' does not exist below files/.") != std::string::npos);
  }
}

TEST_CASE("plan: conditions select files, paths are rendered, .mlfolio.toml records the answers")
{
  const test::TempDir dir;
  test::write_text(dir.path() / "template.toml",
                   "name = \"t\"\nversion = \"2.0\"\n[[file]]\nsource = \"LICENSE-mit\"\ntarget = \"LICENSE\"\n"
                   "when = \"license_mit\"\n[[file]]\nsource = \"NOTICE\"\nwhen = \"!license_mit\"\n");
  test::write_text(dir.path() / "files" / "LICENSE-mit", "MIT <%author%>\n");
  test::write_text(dir.path() / "files" / "NOTICE", "none\n");
  test::write_text(dir.path() / "files" / "src" / "<%package%>" / "__init__.py", "");
  const auto tmpl = load_template_dir(dir.path());
  REQUIRE(tmpl);
  Answers answers;
  answers.name = "my-app";
  answers.author = "Ada";
  const auto plan = make_plan(*tmpl, answers, "/nowhere/my-app");
  REQUIRE(plan);
  REQUIRE(plan->files.size() == 3);
  CHECK(plan->files[0].path == ".mlfolio.toml");
  CHECK(plan->files[1].path == "LICENSE");
  CHECK(plan->files[1].content == "MIT Ada\n");
  CHECK(plan->files[2].path == "src/my_app/__init__.py");
  CHECK(plan->files[0].content.find("[answers]") != std::string::npos);
  CHECK(plan->files[0].content.find("name = 'my-app'") != std::string::npos);
  CHECK(plan->files[0].content.find("version = '2.0'") != std::string::npos);
}

TEST_CASE("plan: a rendered path may not leave the project")
{
  const test::TempDir dir;
  test::write_text(dir.path() / "template.toml",
                   "name = \"t\"\nversion = \"1\"\n[[file]]\nsource = \"a\"\ntarget = \"../<%package%>\"\n");
  test::write_text(dir.path() / "files" / "a", "x");
  const auto tmpl = load_template_dir(dir.path());
  REQUIRE(tmpl);
  Answers answers;
  answers.name = "p";
  const auto plan = make_plan(*tmpl, answers, "/nowhere/p");
  REQUIRE_FALSE(plan);
  CHECK(plan.error().message
        == "template t: files/a: the output path '../p' must not contain empty, '.' or '..' parts.");
}

TEST_CASE("the built-in template loads and plans for every task, tracking and licence")
{
  const auto names = builtin_template_names();
  REQUIRE(std::find(names.begin(), names.end(), "ml-project") != names.end());
  const auto tmpl = load_builtin_template("ml-project");
  REQUIRE(tmpl);
  for (const char* task : {"tabular-classification", "text-classification", "regression"}) {
    for (const char* tracking : {"mlflow", "wandb", "none"}) {
      for (const char* license : {"mit", "apache-2.0", "bsd-3-clause", "none"}) {
        CAPTURE(task);
        CAPTURE(tracking);
        CAPTURE(license);
        Answers answers;
        answers.name = "demo-project";
        answers.task = task;
        answers.tracking = tracking;
        answers.license = license;
        const auto plan = make_plan(*tmpl, answers, "/nowhere/demo-project");
        REQUIRE_MESSAGE(plan, (plan ? "" : plan.error().message));
        const bool has_license = std::any_of(plan->files.begin(), plan->files.end(),
                                             [](const PlannedFile& f) { return f.path == "LICENSE"; });
        CHECK(has_license == (std::string(license) != "none"));
        for (const auto& file : plan->files) {
          CAPTURE(file.path);
          CHECK(file.content.find("<%") == std::string::npos);
        }
      }
    }
  }
}

TEST_CASE("render: standalone tag lines disappear with their line break (Mustache spec)")
{
  const Variables vars{{"on", true}, {"off", false}, {"x", std::string("X")}};
  const auto check = [&](std::string_view input, std::string_view expected) {
    const auto out = render(input, vars, "t");
    REQUIRE_MESSAGE(out, out.error().message);
    CHECK(*out == expected);
  };
  SUBCASE("false section between lines") { check("a\n<%#off%>\nno\n<%/off%>\nb\n", "a\nb\n"); }
  SUBCASE("false section at the end") { check("a\n<%#off%>\nno\n<%/off%>\n", "a\n"); }
  SUBCASE("false section at the start") { check("<%#off%>\nno\n<%/off%>\nb\n", "b\n"); }
  SUBCASE("indented tags") { check("a\n  <%#on%>\nyes\n  <%/on%>\nb\n", "a\nyes\nb\n"); }
  SUBCASE("inverted") { check("<%^off%>\nshown\n<%/off%>\n<%^on%>\nhidden\n<%/on%>\n", "shown\n"); }
  SUBCASE("CRLF lines") { check("a\r\n<%#off%>\r\nno\r\n<%/off%>\r\nb\r\n", "a\r\nb\r\n"); }
  SUBCASE("inline sections keep the line") { check("a <%#on%>yes<%/on%><%#off%>no<%/off%> b\n", "a yes b\n"); }
  SUBCASE("a tag after a variable on the same line is not standalone") { check("<%x%> <%#on%>\n<%/on%>", "X \n"); }
  SUBCASE("comments") { check("a\n<%! a note %>\nb <%! inline %>c\n", "a\nb c\n"); }
  SUBCASE("nested") { check("<%#on%>\n<%#off%>\nno\n<%/off%>\nin\n<%/on%>\n", "in\n"); }
}

TEST_CASE("render: mismatched and unclosed sections are errors with a line")
{
  const Variables vars{{"on", true}, {"off", false}, {"x", std::string("X")}};
  const auto mismatched = render("<%#on%>\n<%/off%>\n", vars, "f");
  REQUIRE_FALSE(mismatched);
  CHECK(mismatched.error().message == "f:2: '<%/off%>' closes 'off' but 'on' is open.");
  const auto unclosed = render("<%#on%>\nx\n", vars, "f");
  REQUIRE_FALSE(unclosed);
  CHECK(unclosed.error().message == "f: section 'on' is never closed; add '<%/on%>'.");
  const auto text_section = render("<%#x%>\n<%/x%>\n", vars, "f");
  REQUIRE_FALSE(text_section);
  CHECK(text_section.error().message == "f:1: 'x' is text, not true/false; a section needs a true/false variable.");
}
