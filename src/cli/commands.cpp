#include "cli/command.h"

#include <ostream>

namespace mlfolio::cli {

int run_help(const ParsedArgs& args, Io& io);
int run_version(const ParsedArgs& args, Io& io);
int run_new(const ParsedArgs& args, Io& io);
const Command& add_command();     // cmd_add.cpp
const Command& badge_command();   // cmd_badge.cpp
const Command& check_command();   // cmd_check.cpp
const Command& explain_command(); // cmd_explain.cpp
const Command& rules_command();   // cmd_rules.cpp
const Command& report_command();  // cmd_report.cpp

namespace {

const OptionSpec k_new_options[] = {
  {"task", "TASK", "tabular-classification (default), text-classification or regression"},
  {"tracking", "BACKEND", "mlflow (default), wandb or none"},
  {"license", "LICENSE", "mit (default), apache-2.0, bsd-3-clause or none"},
  {"author", "NAME", "author name (default: git config user.name)"},
  {"email", "EMAIL", "author e-mail (default: git config user.email)"},
  {"description", "TEXT", "one-line description of the project"},
  {"python", "VERSION", "Python version of the project (default 3.11)"},
  {"dir", "PARENT", "create the project in PARENT (default: the current folder)"},
  {"no-git", "", "do not make a git repository"},
  {"force", "", "write into a non-empty folder; only the template's own files are replaced"},
  {"dry-run", "", "print what would be written, write nothing"},
  {"answers", "FILE", "read answers from a TOML file (keys as for --set; an [answers] table works)"},
  {"set", "KEY=VALUE", "set one answer (repeatable): name, task, tracking, license, author, ...", true},
  {"template", "NAME", "a built-in template (default ml-project)"},
  {"template-dir", "DIR", "use your own template folder (template.toml + files/)"},
  {"list-templates", "", "list the templates and exit"},
};

const Command k_commands[] = {
  add_command(),
  badge_command(),
  check_command(),
  explain_command(),
  {"help", "Show help for mlfolio or for one command", "mlfolio help [COMMAND]", "", {}, run_help},
  {"new", "Generate an end-to-end ML project that trains, serves and tests itself",
   "mlfolio new NAME [options]",
   "Writes NAME/ (a Python package named after NAME) with data, training of a baseline and a\n"
   "model, evaluation, a model registry, a FastAPI server, drift monitoring, tests, Dockerfile,\n"
   "CI and a README. Answers are taken from the options, then --set, then --answers, then\n"
   "defaults; they are recorded in NAME/.mlfolio.toml.\n\n"
   "Exit codes: 0 created; 2 bad NAME, option, answers or template, or the folder exists and is\n"
   "not empty (nothing is written); 3 a write or git failure (nothing is left behind).",
   k_new_options, run_new},
  report_command(),
  rules_command(),
  {"version", "Print the version", "mlfolio version", "", {}, run_version},
};

} // namespace

std::span<const Command> commands()
{
  return k_commands;
}

int exit_status(const Result<ExitCode>& result, Io& io)
{
  if (!result) {
    io.err << result.error().message << '\n';
    return static_cast<int>(result.error().code);
  }
  return static_cast<int>(*result);
}

} // namespace mlfolio::cli
