// `mlfolio check` through the real binary, on folders made for the test.
#include "support/process.h"

#include <doctest/doctest.h>

using namespace mlfolio::test;

TEST_CASE("check e2e: exit codes 0, 1 and 2 from the real binary")
{
  const TempDir dir;
  write_text(dir.path() / "README.md", "# Demo\n");
  write_text(dir.path() / "train.py", "print('hi')\n");

  const auto plain = run_mlfolio({"check", dir.path().string()});
  CHECK_MESSAGE(plain.exit_code == 0, plain.err);
  CHECK(plain.out.find("FAIL  docs/readme") != std::string::npos);
  CHECK(plain.out.find("Score: ") != std::string::npos);

  const auto strict = run_mlfolio({"check", "--fail-on", "error", "--quiet"}, dir.path());
  CHECK(strict.exit_code == 1);
  CHECK(strict.out.starts_with("Score: "));
  CHECK(strict.err.find("of severity error or above failed") != std::string::npos);

  write_text(dir.path() / ".mlfolio.toml", "fail_on = \"fatal\"\n");
  const auto bad_config = run_mlfolio({"check"}, dir.path());
  CHECK(bad_config.exit_code == 2);
  CHECK(bad_config.err == ".mlfolio.toml:1:11: 'fail_on' must be error, warning or info; got 'fatal'.\n");

  const auto usage = run_mlfolio({"check", "--format", "yaml"}, dir.path());
  CHECK(usage.exit_code == 2);
}
