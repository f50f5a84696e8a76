#pragma once

#include "cli/args.h"
#include "core/result.h"

#include <iosfwd>
#include <span>
#include <string_view>

namespace mlfolio::cli {

// What a command may touch besides its arguments: the output streams and the terminal.
struct Io
{
  std::ostream& out;
  std::ostream& err;
  bool out_is_tty = false;
  bool err_is_tty = false;
  bool no_color = false; // NO_COLOR is set
  // The process ends when the command returns (mlfolio's main, not a test running commands in
  // its own process): what a single audit built may be left to that end (lint::AfterRun).
  bool process_ends = false;
};

// A command's exit status: its exit code, or its error's code after printing the error.
int exit_status(const Result<ExitCode>& result, Io& io);

struct Command
{
  std::string_view name;
  std::string_view summary; // one line, for the command list
  std::string_view usage;   // "mlfolio new NAME [options]"
  std::string_view details; // paragraphs for 'mlfolio help NAME'
  std::span<const OptionSpec> options;
  int (*run)(const ParsedArgs& args, Io& io);
};

// The one table of commands; it feeds dispatch, --help, the command list and "did you mean".
std::span<const Command> commands();

const Command* find_command(std::string_view name);

// Entry point behind main(): returns the process exit code.
int run(std::span<const std::string> argv, Io& io);

void print_command_help(const Command& command, std::ostream& out);

} // namespace mlfolio::cli
