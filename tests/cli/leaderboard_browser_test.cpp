// The cohort leaderboard opened in a real headless Chromium (Debian package `chromium`): the
// rendered DOM shows every repository, the failed target and the rule x repository grid.
#include "support/cohort_fixture.h"
#include "support/process.h"

#include <doctest/doctest.h>
#include <filesystem>

using namespace mlfolio::test;

namespace {

constexpr const char* k_chromium = "/usr/bin/chromium";

// The DOM after the page's scripts ran.
std::string rendered_dom(const std::filesystem::path& page)
{
  const TempDir profile; // a fresh profile: no state from earlier runs
  const std::string command = std::string("timeout 120 ") + k_chromium +
                              " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
                              " --disable-background-networking --disable-component-update --disable-sync"
                              " --user-data-dir=" + shell_quote(profile.path().string()) +
                              " --dump-dom " + shell_quote("file://" + page.string());
  const auto run = run_shell(command);
  REQUIRE_MESSAGE(run.exit_code == 0, "chromium failed: " << run.err);
  return run.out;
}

size_t count_of(const std::string& text, const std::string& needle)
{
  size_t count = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    ++count;
  }
  return count;
}

} // namespace

TEST_CASE("leaderboard: headless Chromium renders the ranking and the rule x repository grid")
{
  REQUIRE_MESSAGE(std::filesystem::exists(k_chromium), "install the Debian package chromium (make deps)");
  const CohortFixture cohort(6, 2);
  auto lines = cohort.names();
  lines.push_back("no-such-student");
  const std::string list = cohort.write_list("list.txt", lines);
  const auto run =
      run_mlfolio({"check", "--targets", list, "--format", "leaderboard", "--output", "board.html"}, cohort.path());
  REQUIRE(run.exit_code == 4);
  const std::string dom = rendered_dom(cohort.path() / "board.html");

  CHECK(dom.find("<h1>Cohort leaderboard</h1>") != std::string::npos);
  CHECK(dom.find("7 repositories: 6 audited, 1 could not be audited") != std::string::npos);
  for (const auto& name : cohort.names()) {
    CAPTURE(name);
    CHECK(dom.find(">" + name + "</td>") != std::string::npos);         // a row of the ranking
    CHECK(dom.find("title=\"" + name + "\"") != std::string::npos);     // a column of the grid
  }
  CHECK(dom.find("could not be audited: ") != std::string::npos);
  const size_t grid = dom.find("<table id=\"grid\"");
  REQUIRE(grid != std::string::npos);
  const std::string grid_html = dom.substr(grid, dom.find("</table>", grid) - grid);
  CHECK(count_of(grid_html, "<td class=\"rule\"") == 49);         // one row per rule
  CHECK(count_of(grid_html, "<td class=\"cell ") == 49 * 6);      // one cell per rule and repository
  CHECK(count_of(grid_html, "<td class=\"cell fail\"") > 0);
  CHECK(count_of(grid_html, "<td class=\"cell pass\"") > 0);
  // The script ran: it made the sortable heads reachable by keyboard.
  CHECK(count_of(dom, "tabindex=\"0\"") >= 4);
}
