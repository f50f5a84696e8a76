#include "resources/resources.h"

namespace mlfolio::resources {

std::optional<std::string_view> find(std::string_view path)
{
  for (const auto& resource : all()) {
    if (resource.path == path) {
      return resource.data;
    }
  }
  return std::nullopt;
}

std::vector<Resource> under(std::string_view prefix)
{
  std::vector<Resource> result;
  for (const auto& resource : all()) {
    if (resource.path.starts_with(prefix)) {
      result.push_back(resource);
    }
  }
  return result;
}

} // namespace mlfolio::resources
