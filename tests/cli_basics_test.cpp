#include "support/process.h"

#include <doctest/doctest.h>

using namespace mlfolio::test;

TEST_CASE("cli: --help, --version, help COMMAND and did-you-mean")
{
  const auto help = run_mlfolio({"--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("  new       Generate an end-to-end ML project") != std::string::npos);
  const auto version = run_mlfolio({"--version"});
  CHECK(version.exit_code == 0);
  CHECK(version.out.starts_with("mlfolio "));
  const auto help_new = run_mlfolio({"help", "new"});
  CHECK(help_new.exit_code == 0);
  CHECK(help_new.out.starts_with("Usage: mlfolio new NAME [options]\n"));
  CHECK(help_new.out.find("  --dry-run") != std::string::npos);
  const auto typo = run_mlfolio({"nwe"});
  CHECK(typo.exit_code == 2);
  CHECK(typo.err == "mlfolio: unknown command 'nwe'. Did you mean 'new'? See 'mlfolio --help'.\n");
  const auto option = run_mlfolio({"new", "x", "--dryrun"});
  CHECK(option.exit_code == 2);
  CHECK(option.err == "mlfolio new: unknown option '--dryrun'. Did you mean '--dry-run'? See 'mlfolio help new'.\n");
  const auto bare = run_mlfolio({});
  CHECK(bare.exit_code == 2);
}
