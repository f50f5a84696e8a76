// git/large-files-history: no huge blob anywhere in history.
#include "lint/rules/registry.h"

#include "lint/rules/sizes.h"
#include "lint/wording.h"

namespace mlfolio::lint {

Finding check_git_large_files_history(const RuleContext& context)
{
  const HistoryScan* scan = context.analysis().history_scan();
  if (scan == nullptr) {
    return skip("no git history to read (not a git repository, or no commit yet)");
  }
  const double limit = context.threshold(config::Threshold::history_blob_mb) * k_mebibyte;
  std::vector<Detail> details;
  std::vector<Location> locations;
  for (const auto& blob : scan->large_blobs) {
    if (static_cast<double>(blob.size) <= limit) {
      continue;
    }
    details.push_back({blob.path + " (" + megabytes(blob.size) + "), added in commit " + blob.commit.substr(0, 7) +
                           (blob.in_tree ? ", still in the tree" : ", not in the audited tree but still in the history"),
                       {{blob.path, 0}}});
    locations.push_back({blob.path, 0});
  }
  const std::string limit_text = megabytes(static_cast<uint64_t>(limit));
  if (details.empty() && scan->failed) {
    return skip("the history could not be read to the end (see the notes)");
  }
  if (details.empty() && scan->missing > 0) {
    // The objects a partial clone leaves out are most often the large ones.
    const bool one = scan->missing == 1;
    return skip("no blob above " + limit_text + " among the " + count_of(scan->blobs, "blob") + " read, but " +
                count_of(scan->missing, "blob") + " of the history " + (one ? "is" : "are") +
                " not in the repository (a partial clone?), so " + (one ? "its size is" : "their sizes are") +
                " unknown");
  }
  if (details.empty()) {
    return pass("no blob above " + limit_text + " in " + count_of(scan->blobs, "blob") + " of history");
  }
  Finding finding = fail(count_of(details.size(), "blob") + " above " + limit_text + " in history", std::move(locations));
  finding.details = std::move(details);
  return finding;
}

} // namespace mlfolio::lint
