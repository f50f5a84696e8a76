// mlops/dockerfile: a Dockerfile or Containerfile packages the project.
#include "lint/rules/registry.h"

#include "lint/wording.h"

namespace mlfolio::lint {

Finding check_mlops_dockerfile(const RuleContext& context)
{
  const auto& dockerfiles = context.analysis().dockerfiles();
  if (dockerfiles.empty()) {
    return fail("no Dockerfile or Containerfile anywhere in the project (looked for Dockerfile, "
                "Dockerfile.*, Dockerfile-*, *.Dockerfile, Containerfile)");
  }
  std::vector<std::string> paths;
  std::vector<Location> locations;
  for (const auto& dockerfile : dockerfiles) {
    paths.push_back(dockerfile.file->path);
    locations.push_back({dockerfile.file->path, 0});
  }
  return pass("found " + join_some(paths, 3), std::move(locations));
}

} // namespace mlfolio::lint
