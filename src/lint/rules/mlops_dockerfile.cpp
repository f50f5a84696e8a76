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
    // A Dockerfile left to be written later ("# Populated in phase 5"), or empty: no FROM, no image.
    if (analyze::final_stage(dockerfile.value) != nullptr) {
      paths.push_back(dockerfile.file->path);
      locations.push_back({dockerfile.file->path, 0});
    }
  }
  if (paths.empty()) {
    const auto& first = dockerfiles.front();
    if (dockerfiles.size() == 1) {
      return fail(
          first.file->path +
              (first.value.instructions.empty() ? " holds no instructions" : " has no FROM instruction") +
              ": it builds no image",
          {{first.file->path, 1}});
    }
    std::vector<std::string> all;
    for (const auto& dockerfile : dockerfiles) {
      all.push_back(dockerfile.file->path);
    }
    return fail("none of the " + std::to_string(dockerfiles.size()) + " Dockerfiles (" + join_some(all, 3) +
                    ") has a FROM instruction: they build no image",
                {{first.file->path, 1}});
  }
  return pass("found " + join_some(paths, 3), std::move(locations));
}

} // namespace mlfolio::lint
