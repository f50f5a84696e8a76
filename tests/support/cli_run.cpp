#include "support/cli_run.h"

#include "cli/command.h"

#include <sstream>

namespace mlfolio::test {

CliOutput run_cli(std::vector<std::string> args)
{
  args.insert(args.begin(), "mlfolio");
  std::ostringstream out;
  std::ostringstream err;
  cli::Io io{out, err};
  CliOutput result;
  result.code = cli::run(args, io);
  result.out = out.str();
  result.err = err.str();
  return result;
}

} // namespace mlfolio::test
