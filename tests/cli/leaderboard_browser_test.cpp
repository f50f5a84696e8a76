// The cohort leaderboard opened in a real headless Chromium (Debian package `chromium`): the
// rendered DOM shows every repository, the failed target and the rule x repository grid.
#include "support/cohort_fixture.h"
#include "support/process.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <filesystem>
#include <regex>
#include <vector>

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
                              " --user-data-dir=" +
                              shell_quote(profile.path().string()) + " --dump-dom " +
                              shell_quote("file://" + page.string());
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
  const auto run = run_mlfolio(
      {"check", "--targets", list, "--format", "leaderboard", "--output", "board.html"}, cohort.path());
  REQUIRE(run.exit_code == 4);
  const std::string dom = rendered_dom(cohort.path() / "board.html");

  CHECK(dom.find("<h1>Cohort leaderboard</h1>") != std::string::npos);
  CHECK(dom.find("7 repositories: 6 audited, 1 could not be audited") != std::string::npos);
  for (const auto& name : cohort.names()) {
    CAPTURE(name);
    CHECK(dom.find(">" + name + "</td>") != std::string::npos);     // a row of the ranking
    CHECK(dom.find("title=\"" + name + "\"") != std::string::npos); // a column of the grid
  }
  CHECK(dom.find("could not be audited: ") != std::string::npos);
  const size_t grid = dom.find("<table id=\"grid\"");
  REQUIRE(grid != std::string::npos);
  const std::string grid_html = dom.substr(grid, dom.find("</table>", grid) - grid);
  CHECK(count_of(grid_html, "<td class=\"rule\"") == 49);    // one row per rule
  CHECK(count_of(grid_html, "<td class=\"cell ") == 49 * 6); // one cell per rule and repository
  CHECK(count_of(grid_html, "<td class=\"cell fail\"") > 0);
  CHECK(count_of(grid_html, "<td class=\"cell pass\"") > 0);
  // The script ran: it made the sortable heads reachable by keyboard.
  CHECK(count_of(dom, "tabindex=\"0\"") >= 4);
}

TEST_CASE("leaderboard: a click on a column head sorts the ranking in headless Chromium")
{
  REQUIRE_MESSAGE(std::filesystem::exists(k_chromium), "install the Debian package chromium (make deps)");
  const CohortFixture cohort(5, 0);
  auto lines = cohort.names();
  lines.insert(lines.begin() + 1, "no-such-student");
  const std::string list = cohort.write_list("list.txt", lines);
  const auto run = run_mlfolio({"check", "--targets", list, "--format", "leaderboard"}, cohort.path());
  REQUIRE(run.exit_code == 4);
  // The page as written, plus a script after the page's own that clicks "Score" twice and notes
  // the order of the score column after each click.
  const std::string probe =
      "<script>\n"
      "function scores() { return Array.from(document.querySelectorAll('#ranking tbody tr'))"
      ".map(function (row) { return row.cells[2].getAttribute('data-value') || '-'; }).join(','); }\n"
      "var head = document.querySelectorAll('#ranking thead th')[2];\n"
      "head.click(); document.body.setAttribute('data-ascending', scores());\n"
      "head.click(); document.body.setAttribute('data-descending', scores());\n"
      "</script>\n</body>";
  std::string page = run.out;
  REQUIRE(page.find("</body>") != std::string::npos);
  page.replace(page.find("</body>"), 7, probe);
  write_text(cohort.path() / "probe.html", page);
  const std::string dom = rendered_dom(cohort.path() / "probe.html");

  // The scores of the ranked rows, as written (rank, name, then the score cell).
  std::vector<int> scores;
  static const std::regex k_ranked(
      R"re(<tr><td class="num" data-value="\d+">\d+</td><td class="name"[^>]*>[^<]*</td>)re"
      R"re(<td class="num" data-value="(\d+)")re");
  for (std::sregex_iterator it(run.out.begin(), run.out.end(), k_ranked), end; it != end; ++it) {
    scores.push_back(std::stoi((*it)[1].str()));
  }
  REQUIRE(scores.size() == 5);
  std::sort(scores.begin(), scores.end());
  std::string ascending;
  std::string descending;
  for (size_t i = 0; i < scores.size(); ++i) {
    ascending += std::to_string(scores[i]) + ",";
    descending += std::to_string(scores[scores.size() - 1 - i]) + ",";
  }
  // The target that could not be audited has no score: last in either direction.
  CHECK(dom.find("data-ascending=\"" + ascending + "-\"") != std::string::npos);
  CHECK(dom.find("data-descending=\"" + descending + "-\"") != std::string::npos);
  CHECK(dom.find("aria-sort=\"descending\"") != std::string::npos);
}
