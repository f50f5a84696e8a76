#include "core/text.h"

#include <doctest/doctest.h>

using namespace mlfolio;

TEST_CASE("split_lines handles LF, CRLF and CR")
{
  const auto lines = text::split_lines("a\r\nb\nc\rd");
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "a");
  CHECK(lines[1] == "b");
  CHECK(lines[2] == "c");
  CHECK(lines[3] == "d");
}

TEST_CASE("suggest finds a likely typo and nothing for unrelated words")
{
  const std::string_view names[] = {"force", "dry-run", "license", "tracking"};
  CHECK(text::suggest("forse", std::span<const std::string_view>(names)) == "force");
  CHECK(text::suggest("licence", std::span<const std::string_view>(names)) == "license");
  CHECK_FALSE(text::suggest("zzzzzzzz", std::span<const std::string_view>(names)).has_value());
}

TEST_CASE("text: merge_conflict_line finds the markers git leaves, in order")
{
  CHECK(text::merge_conflict_line("a\n<<<<<<< HEAD\nb\n=======\nc\n>>>>>>> main\n") == 2);
  CHECK(text::merge_conflict_line("<<<<<<< HEAD\r\nb\r\n=======\r\nc\r\n>>>>>>> main\r\n") == 1);
  CHECK(text::merge_conflict_line("<<<<<<<\n=======\n>>>>>>>") == 1); // no labels, no last newline
  CHECK_FALSE(text::merge_conflict_line("Title\n=======\n"));          // a heading's underline
  CHECK_FALSE(text::merge_conflict_line("a\n=======\n<<<<<<< x\n>>>>>>> y\n")); // out of order
  CHECK_FALSE(text::merge_conflict_line("x <<<<<<< a\n=======\n>>>>>>> b\n"));   // not at a line start
  CHECK_FALSE(text::merge_conflict_line("<<<<<<<< eight\n=======\n>>>>>>> b\n"));
  CHECK_FALSE(text::merge_conflict_line(""));
}

TEST_CASE("edit_distance")
{
  CHECK(text::edit_distance("kitten", "sitting") == 3);
  CHECK(text::edit_distance("", "abc") == 3);
  CHECK(text::edit_distance("same", "same") == 0);
}

TEST_CASE("text: join and the unknown-name message")
{
  const std::vector<std::string_view> names{"text", "json", "sarif"};
  CHECK(mlfolio::text::join(names) == "text, json, sarif");
  CHECK(mlfolio::text::join(names, " | ") == "text | json | sarif");
  CHECK(mlfolio::text::join(std::vector<std::string_view>{}).empty());
  CHECK(mlfolio::text::unknown_name("format", "jsn", names, "Formats") ==
        "unknown format 'jsn'. Did you mean 'json'? Formats: text, json, sarif.");
  CHECK(mlfolio::text::unknown_name("format", "xml", names, "Formats") ==
        "unknown format 'xml'. Formats: text, json, sarif.");
}

TEST_CASE("text: iends_with folds ASCII case only")
{
  CHECK(text::iends_with("notebooks/Explore.IPYNB", ".ipynb"));
  CHECK(text::iends_with("a.py", ".py"));
  CHECK(text::iends_with("x", ""));
  CHECK_FALSE(text::iends_with("a.pyc", ".py"));
  CHECK_FALSE(text::iends_with("py", ".py"));
  CHECK_FALSE(text::iends_with("caf\xc3\x89", "\xc3\xa9")); // É and é differ beyond ASCII
}

TEST_CASE("text: has_folder looks at the folders of a path, not its file")
{
  constexpr std::string_view tests[] = {"tests", "test"};
  CHECK(text::has_folder("src/Tests/test_a.py", tests));
  CHECK_FALSE(text::has_folder("src/Tests/test_a.py", tests, true)); // case-sensitive
  CHECK(text::has_folder("src/tests/test_a.py", tests, true));
  CHECK_FALSE(text::has_folder("src/tests", tests)); // the last part is the file
  CHECK_FALSE(text::has_folder("tests_old/a.py", tests));
  CHECK(text::has_folder("/test//a.py", tests));
  CHECK_FALSE(text::has_folder("", tests));
}

TEST_CASE("text: percent_decode decodes %XX and leaves a stray percent sign")
{
  CHECK(text::percent_decode("Malaria%20Parasite%20Architecture.png") == "Malaria Parasite Architecture.png");
  CHECK(text::percent_decode("p%40ss%23word") == "p@ss#word");
  CHECK(text::percent_decode("100%") == "100%");
  CHECK(text::percent_decode("50%zz") == "50%zz");
}
