#include "support/process.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <sys/wait.h>
#include <vector>

namespace mlfolio::test {

namespace stdfs = std::filesystem;

std::string shell_quote(const std::string& text)
{
  std::string quoted = "'";
  for (const char c : text) {
    quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return quoted + "'";
}

std::string read_text(const stdfs::path& path)
{
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void write_text(const stdfs::path& path, const std::string& content)
{
  if (path.has_parent_path()) {
    stdfs::create_directories(path.parent_path());
  }
  std::ofstream(path, std::ios::binary) << content;
}

RunResult run_shell(const std::string& command, const stdfs::path& cwd)
{
  const TempDir capture;
  const stdfs::path out = capture.path() / "out";
  const stdfs::path err = capture.path() / "err";
  const std::string line = "cd " + shell_quote(cwd.string()) + " && { " + command + " ; } >" +
                           shell_quote(out.string()) + " 2>" + shell_quote(err.string()) + " </dev/null";
  const int status = std::system(("bash -c " + shell_quote(line)).c_str());
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = read_text(out);
  result.err = read_text(err);
  return result;
}

RunResult run_mlfolio(const std::vector<std::string>& args, const stdfs::path& cwd)
{
  std::string command = shell_quote(MLFOLIO_BINARY);
  for (const auto& arg : args) {
    command += " " + shell_quote(arg);
  }
  return run_shell(command, cwd);
}

TempDir::TempDir()
{
  std::string pattern = (stdfs::temp_directory_path() / "mlfolio-test-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    throw std::runtime_error("mkdtemp failed");
  }
  m_path = pattern;
}

TempDir::~TempDir()
{
  std::error_code ignored;
  stdfs::remove_all(m_path, ignored);
}

std::string snapshot_tree(const stdfs::path& root)
{
  std::vector<std::string> entries;
  if (!stdfs::exists(root)) {
    return "(absent)";
  }
  for (auto it = stdfs::recursive_directory_iterator(root); it != stdfs::recursive_directory_iterator(); ++it) {
    if (it->path().filename() == ".git") {
      it.disable_recursion_pending();
      continue;
    }
    const std::string relative = stdfs::relative(it->path(), root).generic_string();
    entries.push_back(it->is_regular_file() ? relative + "\n" + read_text(it->path()) : relative + "/");
  }
  std::sort(entries.begin(), entries.end());
  std::string joined;
  for (const auto& entry : entries) {
    joined += entry + "\n";
  }
  return joined;
}

} // namespace mlfolio::test
