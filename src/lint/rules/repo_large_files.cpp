// repo/large-files: no large file in the tree, unless Git LFS or DVC keeps it.
#include "lint/rules/registry.h"

#include "core/text.h"
#include "lint/glob.h"
#include "lint/rules/sizes.h"
#include "lint/wording.h"

namespace mlfolio::lint {

namespace {

// Model and data artifacts: they belong in LFS, DVC, a registry or release assets from a
// smaller size on than other files.
constexpr std::string_view k_artifact_extensions[] = {
    ".pt",  ".pth", ".ckpt",    ".h5",  ".hdf5", ".keras", ".pkl", ".pickle", ".joblib", ".onnx", ".safetensors",
    ".bin", ".npy", ".npz",     ".parquet", ".feather", ".arrow", ".zip", ".tar", ".gz", ".tgz", ".7z", ".rar",
    ".pb",  ".tflite", ".gguf", ".model", ".weights", ".sav"};

constexpr uint64_t k_error_bytes = 50ULL * 1024 * 1024; // hosting services warn from here on

bool is_artifact(std::string_view path)
{
  const std::string lowered = text::to_lower(path);
  for (const auto extension : k_artifact_extensions) {
    if (lowered.ends_with(extension)) {
      return true;
    }
  }
  return false;
}

// The globs of the root .gitattributes that Git LFS filters: in a working tree those files are
// the real, large content, and that is fine.
GlobSet lfs_globs(const Analysis& analysis)
{
  std::vector<std::string> globs;
  if (const TextFile* attributes = analysis.text(".gitattributes")) {
    for (const auto line : text::split_lines(attributes->content)) {
      const auto words = text::split(text::trim(line), ' ');
      if (words.size() >= 2 && !words[0].starts_with('#') && text::trim(line).find("filter=lfs") != std::string::npos) {
        globs.emplace_back(words[0]);
      }
    }
  }
  auto compiled = GlobSet::compile(globs, Anchor::gitignore);
  return compiled ? std::move(*compiled) : GlobSet{};
}

// The commit that brought a file into the tree, when the history says so.
std::string added_in(const Analysis& analysis, const std::string& path)
{
  if (const HistoryScan* scan = analysis.history_scan()) {
    for (const auto& blob : scan->large_blobs) {
      if (blob.in_tree && blob.path == path) {
        return ", added in commit " + blob.commit.substr(0, 7);
      }
    }
  }
  return "";
}

} // namespace

Finding check_repo_large_files(const RuleContext& context)
{
  const double file_limit = context.threshold(config::Threshold::large_file_mb) * k_mebibyte;
  const double artifact_limit = context.threshold(config::Threshold::artifact_mb) * k_mebibyte;
  const GlobSet lfs = lfs_globs(context.analysis());
  std::vector<Detail> large;
  std::vector<Location> locations;
  bool huge = false;
  std::vector<std::string> unknown; // no object in a partial clone: size unknown
  for (const FileEntry* file : context.analysis().project_files()) {
    if (file->is_symlink) {
      continue;
    }
    if (file->missing) {
      unknown.push_back(file->path);
      continue;
    }
    // Most files are under both limits: their names are not looked at.
    const auto size = static_cast<double>(file->size);
    if (size <= std::min(artifact_limit, file_limit)) {
      continue;
    }
    const bool artifact = is_artifact(file->path);
    const double limit = artifact ? std::min(artifact_limit, file_limit) : file_limit;
    if (size <= limit || lfs.matches_file(file->path)) {
      continue;
    }
    huge = huge || file->size > k_error_bytes;
    large.push_back({file->path + " (" + megabytes(file->size) + (artifact ? ", a model or data artifact" : "") +
                         added_in(context.analysis(), file->path) + ")",
                     {{file->path, 0}}});
    locations.push_back({file->path, 0});
  }
  const std::string limits = megabytes(static_cast<uint64_t>(file_limit)) + " (model and data files: " +
                             megabytes(static_cast<uint64_t>(std::min(artifact_limit, file_limit))) + ")";
  if (large.empty() && !unknown.empty()) {
    // The files a partial clone leaves out are most often the large ones.
    return skip("no file above " + limits + " among the files read, but " + count_of(unknown.size(), "file") +
                (unknown.size() == 1 ? " has" : " have") +
                " no object in the repository (a partial clone?), so " +
                (unknown.size() == 1 ? "its size is" : "their sizes are") + " unknown: " + join_some(unknown, 5));
  }
  if (large.empty()) {
    return pass("no file above " + limits + " outside Git LFS");
  }
  Finding finding = fail(count_of(large.size(), "file") + " above " + limits, std::move(locations));
  finding.details = std::move(large);
  if (huge) {
    finding.at_least = Severity::error;
  }
  return finding;
}

} // namespace mlfolio::lint
