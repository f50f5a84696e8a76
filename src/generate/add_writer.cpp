#include "generate/add_writer.h"

#include "core/fs.h"

#include <system_error>

namespace mlfolio::generate {

namespace stdfs = std::filesystem;

namespace {

bool is_executable(const stdfs::path& path)
{
  std::error_code error;
  const auto perms = stdfs::status(path, error).permissions();
  return !error && (perms & stdfs::perms::owner_exec) != stdfs::perms::none;
}

// The folders on the way must be folders (or nothing yet): a file or a link there is an error.
Result<void> make_parents(const stdfs::path& root, const std::string& path)
{
  const stdfs::path parent = (root / path).parent_path();
  for (stdfs::path folder = root; const auto& part : stdfs::path(path).parent_path()) {
    folder /= part;
    std::error_code error;
    const auto status = stdfs::symlink_status(folder, error);
    if (stdfs::exists(status) && !stdfs::is_directory(status)) {
      return usage_error(folder.string() + " exists and is not a folder, but mlfolio add would write " + path
                         + " inside it. Move it away and run again.");
    }
  }
  std::error_code error;
  stdfs::create_directories(parent, error);
  if (error) {
    return runtime_error("cannot create " + parent.string() + ": " + error.message());
  }
  return {};
}

} // namespace

std::string backup_name(const stdfs::path& root, const std::string& path)
{
  std::string name = path + ".bak";
  for (int n = 1;; ++n) {
    std::error_code error;
    if (!stdfs::exists(stdfs::symlink_status(root / name, error))) {
      return name;
    }
    name = path + ".bak." + std::to_string(n);
  }
}

Result<AddOutcome> write_add_plan(const AddPlan& plan)
{
  AddOutcome outcome;
  const stdfs::path& root = plan.project.root;
  for (const auto& change : plan.changes) {
    if (change.kind == ChangeKind::keep || change.kind == ChangeKind::same) {
      continue;
    }
    const stdfs::path destination = root / change.path;
    const auto written_so_far = [&] {
      return outcome.written.empty() ? std::string(" (nothing else was written)")
                                     : " (" + std::to_string(outcome.written.size()) + " files were already written)";
    };
    if (auto parents = make_parents(root, change.path); !parents) {
      return tl::unexpected(Error{parents.error().code, parents.error().message + written_so_far()});
    }
    const bool executable = change.before && is_executable(destination);
    if (change.kind == ChangeKind::replace) {
      const std::string backup = backup_name(root, change.path);
      if (auto saved = fs::write_file_atomic(root / backup, *change.before, executable); !saved) {
        return runtime_error(saved.error().message + "; " + change.path + " was left as it is" + written_so_far());
      }
      outcome.backups.push_back(backup);
    }
    if (auto written = fs::write_file_atomic(destination, change.after, executable); !written) {
      return runtime_error(written.error().message + written_so_far());
    }
    outcome.written.push_back(change.path);
  }
  return outcome;
}

} // namespace mlfolio::generate
