// git::scan_history_blobs on real repositories built with libgit2: every blob once, in the
// walk's order, whether it is read on one thread or several.
#include "git/history.h"
#include "git/repository.h"

#include "support/git_fixture.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <mutex>
#include <string>
#include <vector>

using namespace mlfolio;
using namespace mlfolio::test;

namespace {

struct Visit
{
  size_t index = 0;
  std::string id;
  std::string path;
  std::string commit;
  bool read = false;
  std::string content;

  bool operator==(const Visit&) const = default;
};

std::vector<Visit> scan(const git::Repository& repo, unsigned threads,
                        const git::KnownBlobSize& known = {})
{
  std::mutex mutex;
  std::vector<Visit> visits;
  const auto done = git::scan_history_blobs(repo, 1 << 20, known, threads,
                                            [&](const git::HistoryBlob& blob, std::string_view content) {
                                              const std::lock_guard lock(mutex);
                                              visits.push_back({blob.index, blob.id.hex(), blob.path,
                                                                blob.commit.hex(), blob.read, std::string(content)});
                                            });
  REQUIRE_MESSAGE(done.has_value(), done.error().message);
  std::sort(visits.begin(), visits.end(), [](const Visit& a, const Visit& b) { return a.index < b.index; });
  return visits;
}

} // namespace

TEST_CASE("scan_history_blobs: the same blobs in the same order on one thread or three")
{
  GitFixture fixture;
  std::vector<std::string> commits;
  for (int step = 0; step < 12; ++step) {
    for (int file = 0; file < 5; ++file) {
      if ((step + file) % 3 == 0) {
        fixture.write("src/file_" + std::to_string(file) + ".py",
                      "STEP = " + std::to_string(step) + "\nFILE = " + std::to_string(file) + "\n");
      }
    }
    fixture.write("README.md", "# Step " + std::to_string(step) + "\n");
    commits.push_back(fixture.commit("Step " + std::to_string(step)));
  }
  fixture.write("src/file_0.py", "# changed once more\n");
  fixture.write("src/copy.py", "STEP = 10\nFILE = 2\n"); // a blob met before: not visited again
  commits.push_back(fixture.commit("Copy"));
  const auto repo = git::Repository::discover(fixture.path());
  REQUIRE(repo.has_value());
  REQUIRE(repo->has_value());

  const std::vector<Visit> one = scan(**repo, 1);
  CHECK(one == scan(**repo, 3));
  REQUIRE(one.size() > 20);
  for (size_t k = 0; k < one.size(); ++k) {
    CAPTURE(one[k].path);
    CHECK(one[k].index == k);
    CHECK(one[k].read);
    CHECK(git::blob_id(one[k].content).hex() == one[k].id); // each visit has its own content
  }
  CHECK(one.front().commit == commits.front()); // oldest first
  CHECK(one.back().commit == commits.back());
  CHECK(std::count_if(one.begin(), one.end(), [](const Visit& v) { return v.path == "src/copy.py"; }) == 0);

  // Blobs the caller already knows are visited without their content.
  const auto known_id = git::ObjectId::from_hex(one[3].id);
  REQUIRE(known_id);
  const auto known = [&](const git::ObjectId& id) {
    return id == *known_id ? std::optional<uint64_t>(one[3].content.size()) : std::nullopt;
  };
  for (const unsigned threads : {1u, 2u}) {
    const std::vector<Visit> skipped = scan(**repo, threads, known);
    REQUIRE(skipped.size() == one.size());
    CHECK_FALSE(skipped[3].read);
    CHECK(skipped[3].content.empty());
    CHECK(skipped[4] == one[4]);
  }
}

TEST_CASE("history: a root commit's files are all added, in path order, each blob once")
{
  // The root commit's tree is walked rather than diffed against nothing: the same files, in the
  // order a diff gives ("a-b.py" before "a/c.py" before "a.py"), submodules and symlinks counted
  // but not scanned, a blob at two paths visited at the first.
  GitFixture fixture;
  fixture.write("a.py", "same\n");
  fixture.write("a/c.py", "c\n");
  fixture.write("a-b.py", "ab\n");
  fixture.write("ab/x.py", "same\n");
  fixture.write("a/deep/z.txt", "z\n");
  fixture.symlink("latest", "a.py");
  fixture.gitlink("vendor/lib", "0123456789abcdef0123456789abcdef01234567");
  const std::string root = fixture.commit("first");
  fixture.write("a.py", "changed\n");
  fixture.remove("a-b.py");
  fixture.write("b.py", "b\n");
  const std::string second = fixture.commit("second");
  const auto repo = git::Repository::discover(fixture.path());
  REQUIRE(repo.has_value());
  REQUIRE(repo->has_value());

  const auto visits = scan(**repo, 1);
  std::vector<std::string> paths;
  for (const auto& visit : visits) {
    paths.push_back(visit.path + (visit.commit == root ? "" : " (second)"));
  }
  CHECK(paths == std::vector<std::string>{"a-b.py", "a.py", "a/c.py", "a/deep/z.txt", "a.py (second)", "b.py (second)"});
  CHECK(scan(**repo, 3) == visits);

  const auto head = git::ObjectId::from_hex(second);
  REQUIRE(head);
  const auto commits = git::list_commits(**repo, *head, 10);
  REQUIRE(commits.has_value());
  REQUIRE(commits->commits.size() == 2);
  const git::CommitSummary& first = commits->commits[1];
  CHECK(first.id.hex() == root);
  CHECK(first.files_added == 7); // five files, the symlink and the submodule
  CHECK(first.files_modified + first.files_deleted == 0);
  const git::CommitSummary& next = commits->commits[0];
  CHECK(next.files_added == 1);
  CHECK(next.files_modified == 1);
  CHECK(next.files_deleted == 1);
}

TEST_CASE("tree_blob_ids: every blob of the commit's tree, at any depth, symlinks too, no submodule")
{
  GitFixture fixture(true);
  fixture.write("README.md", "# Old\n");
  fixture.commit("first");
  fixture.write("README.md", "# New\n");
  fixture.write("src/pkg/model.py", "import os\n");
  fixture.write("run.sh", "#!/bin/sh\n", true);
  fixture.symlink("latest", "src/pkg/model.py");
  fixture.gitlink("third_party/lib", "0123456789abcdef0123456789abcdef01234567");
  fixture.commit("second");

  auto repo = git::Repository::discover(fixture.path());
  REQUIRE(repo);
  REQUIRE(*repo);
  const auto head = (*repo)->resolve_commit("HEAD");
  REQUIRE(head);
  const auto ids = git::tree_blob_ids(**repo, *head);
  REQUIRE(ids);
  const auto listed = (*repo)->list_tree(*(*repo)->tree_of(*head));
  REQUIRE(listed);
  REQUIRE(listed->size() == 4);
  CHECK(ids->size() == 4);
  for (const auto& file : *listed) {
    CHECK_MESSAGE(ids->contains(file.blob), file.path);
  }
  CHECK_FALSE(ids->contains(git::blob_id("# Old\n"))); // only in the first commit
  CHECK(ids->contains(git::blob_id("# New\n")));
  CHECK_FALSE(ids->contains(*git::ObjectId::from_hex("0123456789abcdef0123456789abcdef01234567")));
}
