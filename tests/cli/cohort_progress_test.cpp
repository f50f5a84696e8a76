// The cohort progress bar: on stderr when it is a terminal, never otherwise.
#include "cli/command.h"
#include "cohort/progress.h"
#include "support/cohort_fixture.h"

#include <doctest/doctest.h>
#include <sstream>

using namespace mlfolio;

TEST_CASE("cohort progress: a bar on a terminal, nothing in a log")
{
  CHECK(cohort::progress_line(3, 12, 1, "audited", 12) == "[###---------]  3/12 audited, 1 failed");
  CHECK(cohort::progress_line(12, 12, 0, "audited", 12) == "[############] 12/12 audited");

  const test::CohortFixture cohort(3, 0);
  const std::vector<std::string> args = {"mlfolio",
                                         "check",
                                         "--format",
                                         "csv",
                                         "--jobs",
                                         "2",
                                         (cohort.path() / "student-01").string(),
                                         (cohort.path() / "student-02").string(),
                                         (cohort.path() / "student-03").string()};
  for (const bool tty : {true, false}) {
    CAPTURE(tty);
    std::ostringstream out;
    std::ostringstream err;
    cli::Io io{out, err, false, tty};
    CHECK(cli::run(args, io) == 0);
    if (tty) {
      CHECK(err.str().find("\r\x1b[K[##########--------------------] 1/3 audited") != std::string::npos);
      CHECK(err.str().find("] 3/3 audited") != std::string::npos);
      CHECK(err.str().ends_with("\r\x1b[K")); // erased at the end
    } else {
      CHECK(err.str().empty());
    }
    const std::string csv = out.str();
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 4);
  }
}
