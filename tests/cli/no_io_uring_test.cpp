// The real binary where the kernel refuses io_uring, as Docker's default seccomp profile does: a
// seccomp filter makes io_uring_setup fail with ENOSYS in the child before it runs mlfolio. The
// views then read one file at a time, and the report must be the one io_uring gives.
#include "support/git_fixture.h"
#include "support/process.h"

#include <cerrno>
#include <cstddef>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <nlohmann/json.hpp>
#include <string>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace mlfolio::test;
using Json = nlohmann::json;

namespace {

#if defined(__x86_64__) && defined(__NR_io_uring_setup)
constexpr bool k_can_filter = true;
constexpr unsigned k_arch = AUDIT_ARCH_X86_64;
#else
constexpr bool k_can_filter = false;
constexpr unsigned k_arch = 0;
#endif

// mlfolio with `args` in `cwd`, stdout into `out`; io_uring_setup fails with ENOSYS when
// `refuse_io_uring`. The exit status.
int run_filtered(const std::vector<std::string>& args, const std::filesystem::path& cwd,
                 const std::filesystem::path& out, bool refuse_io_uring)
{
  std::vector<std::string> words = {MLFOLIO_BINARY};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& word : words) {
    argv.push_back(word.data());
  }
  argv.push_back(nullptr);
#ifdef __NR_io_uring_setup
  sock_filter filter[] = {
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, arch)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, k_arch, 1, 0),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, nr)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_io_uring_setup, 0, 1),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  sock_fprog program{static_cast<unsigned short>(std::size(filter)), filter};
#endif
  // Prepared before the fork: the child only calls what is safe between fork and exec.
  const std::string out_path = out.string();
  const std::string dir = cwd.string();
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    const int fd = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0 || ::dup2(fd, STDOUT_FILENO) < 0 || ::chdir(dir.c_str()) != 0) {
      ::_exit(126);
    }
#ifdef __NR_io_uring_setup
    if (refuse_io_uring && (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
                            ::prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program) != 0)) {
      ::_exit(125);
    }
#endif
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  return WEXITSTATUS(status);
}

} // namespace

TEST_CASE("check without io_uring (refused by a seccomp filter) reports what it reports with it")
{
  if (!k_can_filter) {
    MESSAGE("no seccomp filter for this architecture here: not run");
    return;
  }
  // Enough small files for several threads and several batches of reads, a file larger than a
  // batched read, a credential in a batched file, and a notebook.
  GitFixture fixture;
  fixture.write("README.md", "# Churn\n\nPredict which customers leave.\n");
  for (int i = 0; i < 400; ++i) {
    fixture.write("data/part_" + std::to_string(i) + ".csv", "id,value\n" + std::to_string(i) + ",1\n");
  }
  fixture.write("src/churn/settings.py", "AWS_KEY = \"AKIAUJZDE8GXD6NCF10E\"\n");
  fixture.write("src/churn/big.py", "# " + std::string(200 * 1024, 'x') + "\nVALUE = 1\n");
  fixture.write(
      "notebooks/explore.ipynb",
      R"({"cells": [{"cell_type": "code", "source": ["import pandas as pd\n"], "outputs": [],)"
      R"( "execution_count": 1, "metadata": {}}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})");
  fixture.commit("first");
  fixture.write_untracked("data/part_7.csv", "id,value\n7,2\n"); // changed since it was staged

  const std::vector<std::string> args = {"check", ".", "--format", "json"};
  const TempDir out;
  const int with = run_filtered(args, fixture.path(), out.path() / "with.json", false);
  const int without = run_filtered(args, fixture.path(), out.path() / "without.json", true);
  CHECK(with == 0);
  CHECK(without == 0);
  const Json report = Json::parse(read_text(out.path() / "with.json"));
  CHECK(Json::parse(read_text(out.path() / "without.json")) == report);
  // The files were read, not skipped: the credential is found either way.
  bool found_key = false;
  for (const auto& finding : report["findings"]) {
    if (finding["rule"] == "repo/secrets") {
      CHECK(finding["status"] == "fail");
      found_key = finding.dump().find("src/churn/settings.py") != std::string::npos;
    }
  }
  CHECK(found_key);
}
