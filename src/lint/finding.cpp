#include "lint/finding.h"

namespace mlfolio::lint {

std::optional<Status> parse_status(std::string_view name)
{
  for (int i = 0; i < 3; ++i) {
    if (k_status_names[i] == name) {
      return static_cast<Status>(i);
    }
  }
  return std::nullopt;
}

std::string Location::to_string() const
{
  return line == 0 ? path : path + ":" + std::to_string(line);
}

Finding pass(std::string message, std::vector<Location> locations)
{
  Finding finding;
  finding.status = Status::pass;
  finding.message = std::move(message);
  finding.locations = std::move(locations);
  return finding;
}

Finding fail(std::string message, std::vector<Location> locations)
{
  Finding finding;
  finding.status = Status::fail;
  finding.message = std::move(message);
  finding.locations = std::move(locations);
  return finding;
}

Finding skip(std::string reason)
{
  Finding finding;
  finding.status = Status::skip;
  finding.message = std::move(reason);
  return finding;
}

} // namespace mlfolio::lint
