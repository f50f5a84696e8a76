// The release binary's malloc is jemalloc, set up by src/main.cpp: heaps on transparent huge
// pages, two arenas. jemalloc prints the settings in effect when MALLOC_CONF asks for its
// statistics at exit.
#include "support/process.h"

#include <doctest/doctest.h>
#include <string>

#if !defined(__SANITIZE_ADDRESS__)
TEST_CASE("allocator: mlfolio runs on jemalloc with huge pages and two arenas")
{
  const auto run = mlfolio::test::run_shell("MALLOC_CONF=stats_print:true " +
                                            mlfolio::test::shell_quote(MLFOLIO_BINARY) + " --version 2>&1");
  CHECK(run.exit_code == 0);
  CHECK(run.out.find("opt.thp: \"always\"") != std::string::npos);
  CHECK(run.out.find("opt.metadata_thp: \"always\"") != std::string::npos);
  CHECK(run.out.find("opt.narenas: 2\n") != std::string::npos);
}
#endif
