#include "cli/command.h"

#include "core/text.h"
#include "version.h"

#include <algorithm>
#include <ostream>
#include <vector>

namespace mlfolio::cli {

namespace {

void print_overview(std::ostream& out)
{
  out << "mlfolio " << k_version
      << ": start and audit machine-learning portfolio projects.\n\n"
         "Usage: mlfolio COMMAND [options]\n\nCommands:\n";
  for (const auto& command : commands()) {
    out << "  " << command.name << std::string(10 - std::min<size_t>(9, command.name.size()), ' ')
        << command.summary << '\n';
  }
  out << "\nRun 'mlfolio help COMMAND' for a command's options.\n"
         "Exit codes: 0 success, 1 findings over the threshold, 2 usage or configuration error,\n"
         "3 runtime error.\n";
}

int unknown_command(std::string_view name, Io& io)
{
  std::vector<std::string_view> names;
  for (const auto& command : commands()) {
    names.push_back(command.name);
  }
  io.err << "mlfolio: unknown command '" << name << "'."
         << text::did_you_mean(text::suggest(name, std::span<const std::string_view>(names)))
         << " See 'mlfolio --help'.\n";
  return static_cast<int>(ExitCode::usage);
}

} // namespace

const Command* find_command(std::string_view name)
{
  for (const auto& command : commands()) {
    if (command.name == name) {
      return &command;
    }
  }
  return nullptr;
}

void print_command_help(const Command& command, std::ostream& out)
{
  out << "Usage: " << command.usage << "\n\n" << command.summary << "\n";
  if (!command.details.empty()) {
    out << '\n' << command.details << '\n';
  }
  if (!command.options.empty()) {
    out << "\nOptions:\n";
    for (const auto& option : command.options) {
      std::string left = "  --" + std::string(option.name);
      if (!option.value_name.empty()) {
        left += " " + std::string(option.value_name);
      }
      left += std::string(left.size() < 26 ? 26 - left.size() : 1, ' ');
      out << left << option.help << '\n';
    }
  }
}

int run(std::span<const std::string> argv, Io& io)
{
  const auto args = argv.size() > 1 ? argv.subspan(1) : std::span<const std::string>();
  if (args.empty()) {
    print_overview(io.err);
    return static_cast<int>(ExitCode::usage);
  }
  const std::string& first = args[0];
  if (first == "--help" || first == "-h") {
    print_overview(io.out);
    return 0;
  }
  if (first == "--version" || first == "-V") {
    io.out << "mlfolio " << k_version << '\n';
    return 0;
  }
  if (first.starts_with("-")) {
    const std::vector<std::string_view> global = {"--help", "--version"};
    io.err << "mlfolio: unknown option '" << first << "'."
           << text::did_you_mean(text::suggest(first, std::span<const std::string_view>(global)))
           << " Options come after the command: 'mlfolio COMMAND --option'.\n";
    return static_cast<int>(ExitCode::usage);
  }
  const Command* command = find_command(first);
  if (command == nullptr) {
    return unknown_command(first, io);
  }
  const auto rest = args.subspan(1);
  if (std::find(rest.begin(), rest.end(), "--help") != rest.end()) {
    print_command_help(*command, io.out);
    return 0;
  }
  auto parsed = parse_args(command->name, rest, command->options);
  if (!parsed) {
    io.err << parsed.error().message << '\n';
    return static_cast<int>(parsed.error().code);
  }
  return command->run(*parsed, io);
}

int run_help(const ParsedArgs& args, Io& io)
{
  if (args.positionals().empty()) {
    print_overview(io.out);
    return 0;
  }
  if (args.positionals().size() > 1) {
    io.err << "mlfolio help: takes one COMMAND, got " << args.positionals().size() << ".\n";
    return static_cast<int>(ExitCode::usage);
  }
  const Command* command = find_command(args.positionals()[0]);
  if (command == nullptr) {
    return unknown_command(args.positionals()[0], io);
  }
  print_command_help(*command, io.out);
  return 0;
}

int run_version(const ParsedArgs& args, Io& io)
{
  if (!args.positionals().empty()) {
    io.err << "mlfolio version: takes no arguments.\n";
    return static_cast<int>(ExitCode::usage);
  }
  io.out << "mlfolio " << k_version << '\n';
  return 0;
}

} // namespace mlfolio::cli
