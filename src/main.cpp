#include "cli/command.h"
#include "git/remote.h"

#include <cstdio>
#include <exception>
#include <iostream>
#include <string>
#include <unistd.h>
#include <vector>

// jemalloc's settings, read when it starts (linked in all but the sanitizer builds; see
// CMakeLists.txt; MALLOC_CONF in the environment still overrides them):
// - its heaps, and its own bookkeeping, on transparent huge pages. The system's setting
//   "madvise" (Debian's) is enough: jemalloc asks for them with madvise;
// - two arenas instead of four per core: memory one thread frees is found again by the others
//   rather than fresh pages touched (measured on the synthetic benchmark repository).
extern "C" {
// NOLINTNEXTLINE: the name and type jemalloc looks for
const char* malloc_conf = "thp:always,metadata_thp:always,narenas:2";
}

int main(int argc, char** argv)
{
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
    mlfolio::cli::Io io{std::cout, std::cerr, isatty(STDOUT_FILENO) == 1, isatty(STDERR_FILENO) == 1,
                        no_color != nullptr && *no_color != '\0'};
    return mlfolio::cli::run(args, io);
  } catch (const std::exception& e) {
    std::cerr << "mlfolio: internal error: " << e.what()
              << "\nPlease report this with the command you ran.\n";
  } catch (...) {
    std::cerr << "mlfolio: internal error.\nPlease report this with the command you ran.\n";
  }
  return 3;
}
