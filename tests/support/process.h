#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace mlfolio::test {

struct RunResult
{
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs a shell command line (bash -c) in `cwd`, capturing stdout, stderr and the exit code.
RunResult run_shell(const std::string& command, const std::filesystem::path& cwd = ".");

// Runs the real mlfolio binary with `args` (each quoted for the shell) in `cwd`.
RunResult run_mlfolio(const std::vector<std::string>& args, const std::filesystem::path& cwd = ".");

std::string shell_quote(const std::string& text);

// A fresh folder below the system temp folder, removed with its contents at scope exit.
class TempDir
{
public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return m_path; }

private:
  std::filesystem::path m_path;
};

// Every file below `root` (not .git) with its content, as "path\n<content>" lines, for
// before/after comparisons.
std::string snapshot_tree(const std::filesystem::path& root);

std::string read_text(const std::filesystem::path& path);
void write_text(const std::filesystem::path& path, const std::string& content);

} // namespace mlfolio::test
