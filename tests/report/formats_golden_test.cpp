// Every format of the table on both fixtures, compared with tests/golden/report/.
#include "report/golden_file.h"
#include "report/project_fixture.h"
#include "report/report_fixture.h"

#include <doctest/doctest.h>
#include <sstream>

using namespace mlfolio;

namespace {

// The golden file of each format: its name ends the way an editor expects.
struct GoldenName
{
  std::string_view format;
  std::string_view suffix;
};

constexpr GoldenName k_suffixes[] = {
    {"text", ".txt"},    {"json", ".json"},         {"sarif", ".sarif"}, {"junit", ".junit.xml"},
    {"markdown", ".md"}, {"github", ".github.txt"}, {"html", ".html"},   {"badge", ".badge.svg"},
};

std::string_view suffix_of(std::string_view format)
{
  for (const auto& entry : k_suffixes) {
    if (entry.format == format) {
      return entry.suffix;
    }
  }
  return "";
}

void check_every_format(const report::Report& report, const std::string& fixture)
{
  for (const auto& format : report::formats()) {
    CAPTURE(format.name);
    REQUIRE_MESSAGE(!suffix_of(format.name).empty(), "no golden file name for format " << format.name);
    std::ostringstream out;
    format.write(report, out, {});
    test::check_golden(test::golden_path("report/" + fixture + std::string(suffix_of(format.name))),
                       out.str());
  }
}

} // namespace

TEST_CASE("formats: golden output of every format for the small report")
{
  check_every_format(test::fixture_report(), "small");
}

TEST_CASE("formats: golden output of every format for a realistic project")
{
  check_every_format(test::project_report(), "project");
}

TEST_CASE("formats: the same report gives the same bytes twice")
{
  for (const auto& format : report::formats()) {
    std::ostringstream first;
    std::ostringstream second;
    format.write(test::project_report(), first, {});
    format.write(test::project_report(), second, {});
    CHECK_MESSAGE(first.str() == second.str(), format.name);
  }
}
