#include "report/golden_file.h"
#include "report/report_fixture.h"

#include <doctest/doctest.h>
#include <sstream>

using namespace mlfolio;

namespace {

std::string text_of(const report::Report& report, report::WriteOptions options = {})
{
  std::ostringstream out;
  report::find_format("text")->write(report, out, options);
  return out.str();
}

} // namespace

TEST_CASE("text report: golden output for a small repository")
{
  test::check_golden(test::golden_path("report/small.txt"), text_of(test::fixture_report()));
}

TEST_CASE("text report: alerts first, failures first in each category")
{
  const std::string text = text_of(test::fixture_report());
  const size_t alert = text.find("ALERT  repo/secrets");
  REQUIRE(alert != std::string::npos);
  CHECK(alert < text.find("\ndocs"));
  CHECK(text.find("FAIL  docs/results") < text.find("pass  docs/readme"));
  CHECK(text.find("FAIL  repo/no-junk") < text.find("skip  repo/license"));
  CHECK(text.find("\x1b[") == std::string::npos);
}

TEST_CASE("text report: --quiet prints the score line only, colour when asked")
{
  report::WriteOptions quiet;
  quiet.quiet = true;
  CHECK(text_of(test::fixture_report(), quiet) == "Score: 71/100, grade C (3 failed, 2 passed, 2 skipped)\n");
  report::WriteOptions color;
  color.color = true;
  const std::string colored = text_of(test::fixture_report(), color);
  CHECK(colored.find("\x1b[1;31mFAIL\x1b[0m") != std::string::npos);
  CHECK(colored.find("\x1b[32mpass\x1b[0m") != std::string::npos);
}
