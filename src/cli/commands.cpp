#include "cli/command.h"

namespace mlfolio::cli {

int run_help(const ParsedArgs& args, Io& io);
int run_version(const ParsedArgs& args, Io& io);

namespace {

const Command k_commands[] = {
  {"help", "Show help for mlfolio or for one command", "mlfolio help [COMMAND]", "", {}, run_help},
  {"version", "Print the version", "mlfolio version", "", {}, run_version},
};

} // namespace

std::span<const Command> commands()
{
  return k_commands;
}

} // namespace mlfolio::cli
