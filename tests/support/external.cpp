#include "support/external.h"

#include <doctest/doctest.h>
#include <unistd.h>

namespace mlfolio::test {

namespace {

constexpr int k_validator_seconds = 60;
constexpr int k_chromium_seconds = 90;

} // namespace

bool require_tool(std::string_view program, std::string_view package)
{
  const bool found = ::access(std::string(program).c_str(), X_OK) == 0;
  CHECK_MESSAGE(found, program << " is missing: install the Debian package " << package
                               << " ('make deps' installs every package of tools/debian-packages.txt)");
  return found;
}

RunResult run_bounded(std::string_view program, const std::vector<std::string>& args, int seconds)
{
  std::string command =
      "timeout --kill-after=10 " + std::to_string(seconds) + " " + shell_quote(std::string(program));
  for (const auto& arg : args) {
    command += " " + shell_quote(arg);
  }
  return run_shell(command);
}

RunResult run_validator(const std::string& name, const std::vector<std::string>& args)
{
  std::vector<std::string> all = {std::string(MLFOLIO_SOURCE_DIR) + "/tests/support/validators/" + name +
                                  ".py"};
  all.insert(all.end(), args.begin(), args.end());
  return run_bounded(k_python, all, k_validator_seconds);
}

RunResult run_chromium(const std::filesystem::path& file, const std::vector<std::string>& flags)
{
  const TempDir profile;
  std::vector<std::string> args = {"--headless",
                                   "--no-sandbox",
                                   "--disable-gpu",
                                   "--disable-quic",
                                   "--no-first-run",
                                   "--disable-background-networking",
                                   "--disable-component-update",
                                   "--disable-sync",
                                   "--user-data-dir=" + profile.path().string()};
  args.insert(args.end(), flags.begin(), flags.end());
  args.push_back("file://" + std::filesystem::absolute(file).string());
  return run_bounded(k_chromium, args, k_chromium_seconds);
}

} // namespace mlfolio::test
