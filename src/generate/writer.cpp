#include "generate/writer.h"

#include "core/fs.h"
#include "core/text.h"

#include <cerrno>
#include <cstdio>
#include <set>
#include <system_error>

namespace mlfolio::generate {

namespace stdfs = std::filesystem;

namespace {

constexpr const char* k_commit_message = "Initial project from mlfolio new";

bool is_empty_dir(const stdfs::path& path)
{
  std::error_code error;
  return stdfs::is_empty(path, error) && !error;
}

// Every planned file must land on a regular file or nothing, and every folder on the way
// must be a folder or nothing. Symlinks are never written through.
Result<std::vector<std::string>> actions_for(const Plan& plan)
{
  std::vector<std::string> actions;
  std::error_code target_error;
  if (!stdfs::exists(stdfs::symlink_status(plan.target, target_error))) {
    actions.assign(plan.files.size(), "create"); // a new folder: nothing on the way can be in it
    return actions;
  }
  for (const auto& file : plan.files) {
    const stdfs::path destination = plan.target / file.path;
    stdfs::path folder = plan.target;
    const auto parts = text::split(file.path, '/');
    for (size_t i = 0; i + 1 < parts.size(); ++i) {
      folder /= std::string(parts[i]);
      std::error_code error;
      const auto status = stdfs::symlink_status(folder, error);
      if (stdfs::exists(status) && !stdfs::is_directory(status)) {
        return usage_error(folder.string() + " exists and is not a folder, but the template puts " + file.path
                           + " inside it. Nothing was written; move it away and run again.");
      }
    }
    std::error_code error;
    const auto status = stdfs::symlink_status(destination, error);
    if (!stdfs::exists(status)) {
      actions.emplace_back("create");
    } else if (stdfs::is_regular_file(status)) {
      actions.emplace_back("replace");
    } else {
      return usage_error(destination.string()
                         + " exists and is not a regular file (a folder or a link). Nothing was written; "
                           "move it away and run again.");
    }
  }
  return actions;
}

Result<void> write_all(const Plan& plan, const stdfs::path& root)
{
  std::set<stdfs::path> folders; // made already
  for (const auto& file : plan.files) {
    const stdfs::path destination = root / file.path;
    if (folders.insert(destination.parent_path()).second) {
      std::error_code error;
      stdfs::create_directories(destination.parent_path(), error);
      if (error) {
        return runtime_error("cannot create " + destination.parent_path().string() + ": " + error.message());
      }
    }
    TRY(fs::write_new_file(destination, file.content, file.executable));
  }
  return {};
}

std::vector<git::CommitFile> commit_files(const Plan& plan)
{
  std::vector<git::CommitFile> files;
  for (const auto& file : plan.files) {
    files.push_back({file.path, file.content, file.executable});
  }
  return files;
}

std::vector<std::string> paths_of(const Plan& plan)
{
  std::vector<std::string> paths;
  for (const auto& file : plan.files) {
    paths.push_back(file.path);
  }
  return paths;
}

Result<WriteOutcome> write_new(const Plan& plan, const WriteOptions& options)
{
  const stdfs::path parent = plan.target.parent_path();
  TRY_ASSIGN(const stdfs::path staging,
             fs::make_temp_dir(parent, "." + plan.target.filename().string() + ".mlfolio-"));
  const auto fail = [&](Error error) -> Result<WriteOutcome> {
    fs::remove_tree_quietly(staging);
    return tl::unexpected(std::move(error));
  };
  if (auto written = write_all(plan, staging); !written) {
    return fail(written.error());
  }
  WriteOutcome outcome;
  if (options.git && git::inside_repository(parent)) {
    outcome.git_note = "the parent folder is inside a git repository; no new repository was made";
  } else if (options.git) {
    if (auto committed = git::init_and_commit(staging, commit_files(plan), k_commit_message, options.author);
        !committed) {
      return fail(committed.error());
    }
    outcome.committed = true;
  } else {
    outcome.git_note = "--no-git";
  }
  // The staging folder is renamed into place next: its content, the repository included, must
  // be on disk first.
  if (auto synced = fs::sync_file_system(staging); !synced) {
    return fail(synced.error());
  }
  // The staging folder is private (mkdtemp: 0700); the project gets the usual permissions.
  std::error_code error;
  stdfs::permissions(staging, stdfs::perms::owner_all | stdfs::perms::group_read | stdfs::perms::group_exec
                                | stdfs::perms::others_read | stdfs::perms::others_exec,
                     error);
  // rename(2) replaces an empty folder atomically.
  if (std::rename(staging.c_str(), plan.target.c_str()) != 0) {
    const int error_number = errno;
    return fail(Error{ExitCode::runtime, "cannot move the new project into " + plan.target.string() + ": "
                                           + fs::describe_errno(error_number)});
  }
  outcome.created = paths_of(plan);
  return outcome;
}

Result<WriteOutcome> write_forced(const Plan& plan, const WriteOptions& options,
                                  const std::vector<std::string>& actions)
{
  TRY_ASSIGN(const stdfs::path staging,
             fs::make_temp_dir(plan.target, ".mlfolio-staging-"));
  const auto fail = [&](Error error) -> Result<WriteOutcome> {
    fs::remove_tree_quietly(staging);
    return tl::unexpected(std::move(error));
  };
  if (auto written = write_all(plan, staging); !written) {
    return fail(written.error());
  }
  // Each staged file is renamed into place next: it must be on disk first.
  if (auto synced = fs::sync_file_system(staging); !synced) {
    return fail(synced.error());
  }
  WriteOutcome outcome;
  for (size_t i = 0; i < plan.files.size(); ++i) {
    const auto& file = plan.files[i];
    const stdfs::path destination = plan.target / file.path;
    std::error_code error;
    stdfs::create_directories(destination.parent_path(), error);
    if (error || std::rename((staging / file.path).c_str(), destination.c_str()) != 0) {
      const std::string reason = error ? error.message() : fs::describe_errno(errno);
      return fail(Error{ExitCode::runtime, "cannot write " + destination.string() + ": " + reason + " ("
                                             + std::to_string(i) + " of " + std::to_string(plan.files.size())
                                             + " files were already written)"});
    }
    (actions[i] == "create" ? outcome.created : outcome.replaced).push_back(file.path);
  }
  fs::remove_tree_quietly(staging);
  if (!options.git) {
    outcome.git_note = "--no-git";
  } else if (git::inside_repository(plan.target)) {
    outcome.git_note = "the folder already is in a git repository; review and commit the changes yourself";
  } else {
    TRY(git::init_and_commit(plan.target, commit_files(plan), k_commit_message, options.author));
    outcome.committed = true;
  }
  return outcome;
}

} // namespace

Result<std::vector<std::string>> preview(const Plan& plan, const WriteOptions& options)
{
  std::error_code error;
  const stdfs::path parent = plan.target.parent_path();
  if (!stdfs::is_directory(parent, error)) {
    return usage_error("the parent folder " + parent.string()
                       + " does not exist. Create it first, or choose another with --dir.");
  }
  const auto status = stdfs::symlink_status(plan.target, error);
  if (stdfs::exists(status)) {
    if (!stdfs::is_directory(status)) {
      return usage_error(plan.target.string()
                         + " exists and is not a folder. Nothing was written; choose another NAME or --dir.");
    }
    if (!is_empty_dir(plan.target) && !options.force) {
      return usage_error(plan.target.string()
                         + " exists and is not empty. Nothing was written. Choose another NAME or --dir, or "
                           "pass --force to write the template's files into it (other files are kept).");
    }
  }
  return actions_for(plan);
}

Result<WriteOutcome> write_plan(const Plan& plan, const WriteOptions& options)
{
  TRY_ASSIGN(const std::vector<std::string> actions, preview(plan, options));
  std::error_code error;
  const bool exists = stdfs::exists(plan.target, error);
  if (!exists || is_empty_dir(plan.target)) {
    return write_new(plan, options);
  }
  return write_forced(plan, options, actions);
}

} // namespace mlfolio::generate
