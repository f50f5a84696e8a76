#pragma once

#include <string>
#include <vector>

namespace mlfolio::test {

struct CliOutput
{
  int code = -1;
  std::string out;
  std::string err;
};

// Runs mlfolio in this process (cli::run with string streams): the exit code, stdout, stderr.
CliOutput run_cli(std::vector<std::string> args);

} // namespace mlfolio::test
