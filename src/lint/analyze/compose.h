#pragma once

// Docker Compose files: the services, the command each runs and the services it waits for.

#include "lint/analyze/problem.h"

#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::lint::analyze {

struct ComposeService
{
  std::string name;
  int line = 0;
  std::string command; // entrypoint: then command:, as one line; a list's items joined by spaces
  int command_line = 0;
  std::vector<std::string> depends_on; // a list of names, or a map's keys
};

struct ComposeFile
{
  std::vector<ComposeService> services;
  std::vector<Problem> problems;
};

// docker-compose.yml, compose.yaml, docker-compose.prod.yml, ...: by the file's name.
bool is_compose_path(std::string_view path);

// A Compose file in any encoding; never throws.
ComposeFile parse_compose(std::string_view bytes);

} // namespace mlfolio::lint::analyze
