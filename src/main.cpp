#include "cli/command.h"
#include "core/heap.h"
#include "git/remote.h"

#include <cstdio>
#include <exception>
#include <iostream>
#include <string>
#include <unistd.h>
#include <vector>

int main(int argc, char** argv)
{
  mlfolio::heap::use_huge_page_extents(); // see core/heap.h, which has jemalloc's settings too
  try {
    if (argc == 2 && argv[1] == mlfolio::git::k_fetch_child_command) {
      // A one-shot worker (see git::fetch_remote): its report is written, and what it holds
      // (libgit2's global state among it) goes with the process, unfreed, as a forked child's did.
      const int code = mlfolio::git::run_fetch_child();
      std::fflush(nullptr);
      ::_exit(code);
    }
    const std::vector<std::string> args(argv, argv + argc);
    const char* no_color = std::getenv("NO_COLOR");
    mlfolio::cli::Io io{std::cout, std::cerr};
    io.out_is_tty = isatty(STDOUT_FILENO) == 1;
    io.err_is_tty = isatty(STDERR_FILENO) == 1;
    io.no_color = no_color != nullptr && *no_color != '\0';
    io.process_ends = true;
    return mlfolio::cli::run(args, io);
  } catch (const std::exception& e) {
    std::cerr << "mlfolio: internal error: " << e.what()
              << "\nPlease report this with the command you ran.\n";
  } catch (...) {
    std::cerr << "mlfolio: internal error.\nPlease report this with the command you ran.\n";
  }
  return 3;
}
