#include "report/escape.h"
#include "report/report_fixture.h"

#include <doctest/doctest.h>
#include <sstream>

using namespace mlfolio;

namespace {

std::string write(const report::Report& report, std::string_view format)
{
  std::ostringstream out;
  report::find_format(format)->write(report, out, {});
  return out.str();
}

} // namespace

TEST_CASE("escape: XML and HTML text, attributes included")
{
  CHECK(report::xml_escape("a <b> & \"c\" 'd'") == "a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;");
  CHECK(report::xml_escape("tab\tline\nreturn\r") == "tab&#9;line&#10;return&#13;");
  CHECK(report::xml_escape("größe ✓") == "größe ✓");
  // What XML 1.0 cannot hold at all: control characters, invalid and overlong UTF-8, surrogates.
  CHECK(report::xml_escape("a\x01"
                           "b\x1b"
                           "c") == "a\xEF\xBF\xBD"
                                   "b\xEF\xBF\xBD"
                                   "c");
  CHECK(report::xml_safe_utf8("\xff\xc3") == "\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(report::xml_safe_utf8("\xc0\xaf") == "\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(report::xml_safe_utf8("\xed\xa0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(report::xml_safe_utf8("\xef\xbf\xbf") == "\xEF\xBF\xBD");
  CHECK(report::xml_safe_utf8("ok\ttab\nnew") == "ok\ttab\nnew");
}

TEST_CASE("escape: Markdown, URIs and one-line text")
{
  CHECK(report::markdown_escape("a | b `c` *d* _e_ [f](g) <h> & $x$ #1") ==
        "a \\| b \\`c\\` \\*d\\* \\_e\\_ \\[f\\](g) &lt;h&gt; &amp; \\$x\\$ \\#1");
  CHECK(report::markdown_escape("two\nlines") == "two<br>lines");
  CHECK(report::uri_path("my data/größe <1>.csv") == "my%20data/gr%C3%B6%C3%9Fe%20%3C1%3E.csv");
  CHECK(report::uri_path("src/a-b_c.d~e.py") == "src/a-b_c.d~e.py");
  CHECK(report::one_line("\n  Add a README\n  at the root.\n") == "Add a README at the root.");
}

TEST_CASE("github: messages and properties escaped as GitHub's toolkit does")
{
  report::Report report = test::fixture_report();
  report.findings[1].message = "100% done\r\nnext";
  report.findings[1].locations = {{"a:b,c%.md", 4}};
  const std::string out = write(report, "github");
  CHECK(out.find("::warning file=a%3Ab%2Cc%25.md,line=4,title=docs/results Title of docs/results::100%25 "
                 "done%0D%0Anext%0Afix: Fix docs/results.\n") != std::string::npos);
  CHECK(out.find("::error file=src/demo/settings.py,line=3,title=repo/secrets Title of repo/secrets::") !=
        std::string::npos);
  CHECK(out.ends_with(
      "mlfolio 0.0.0-test: (in memory) scores 71/100, grade C (3 failed, 2 passed, 2 skipped)\n"));
}

TEST_CASE("markdown: a file name cannot break the table of failing rules")
{
  report::Report report = test::fixture_report();
  report.findings[1].locations = {{"x | y`.md", 0}};
  const std::string out = write(report, "markdown");
  CHECK(out.find("| README.md | Fix docs/results. |") == std::string::npos);
  CHECK(out.find("| x \\| y\\`.md | Fix docs/results. |\n") != std::string::npos);
}

TEST_CASE("badge: colour by grade, grey without a score")
{
  report::Report report = test::fixture_report();
  CHECK(write(report, "badge").find("fill=\"#b58900\"") != std::string::npos); // C
  report.score.overall = 95;
  report.score.grade = 'A';
  CHECK(write(report, "badge").find(">95/100</text>") != std::string::npos);
  CHECK(write(report, "badge").find("fill=\"#2e7d32\"") != std::string::npos);
  report.score.overall.reset();
  report.score.grade.reset();
  const std::string none = write(report, "badge");
  CHECK(none.find(">n/a</text>") != std::string::npos);
  CHECK(none.find("fill=\"#6e6e6e\"") != std::string::npos);
}
