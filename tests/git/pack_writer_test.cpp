// The pack writer of the first commit: its pack and index are read by real git (verify-pack,
// cat-file, fsck) and by libgit2.
#include "git/handles.h"
#include "git/library.h"
#include "git/pack_writer.h"

#include "support/git_fixture.h"

#include <doctest/doctest.h>

using namespace mlfolio;
using mlfolio::test::GitFixture;
using mlfolio::test::run_shell;

namespace {

git::ObjectId hash_of(std::string_view data, git_object_t type)
{
  git::ensure_initialized();
  git_oid id;
  REQUIRE(git_odb_hash(&id, data.data(), data.size(), type) == 0);
  return git::to_object_id(id);
}

std::string pseudo_random(size_t size)
{
  std::string bytes;
  uint32_t state = 7;
  for (size_t i = 0; i < size; ++i) {
    state = state * 1103515245 + 12345;
    bytes += static_cast<char>(state >> 16);
  }
  return bytes;
}

std::string tree_entry(std::string_view mode, std::string_view name, const git::ObjectId& id)
{
  return std::string(mode) + " " + std::string(name) + '\0' +
         std::string(reinterpret_cast<const char*>(id.bytes.data()), id.bytes.size());
}

} // namespace

TEST_CASE("pack writer: git and libgit2 read every object of the pack it writes")
{
  GitFixture repo(true);
  // Sizes whose headers take one, two and three bytes, an empty blob and binary content.
  const std::string empty;
  const std::string small = "hello\n";
  const std::string medium = "# A README of more than fifteen bytes\n";
  const std::string large = pseudo_random(100 * 1024);
  const auto empty_id = hash_of(empty, GIT_OBJECT_BLOB);
  const auto small_id = hash_of(small, GIT_OBJECT_BLOB);
  const auto medium_id = hash_of(medium, GIT_OBJECT_BLOB);
  const auto large_id = hash_of(large, GIT_OBJECT_BLOB);
  const std::string tree = tree_entry("100644", "README.md", medium_id) + tree_entry("100644", "data.bin", large_id) +
                           tree_entry("100644", "empty", empty_id) + tree_entry("100755", "run.sh", small_id);
  const auto tree_id = hash_of(tree, GIT_OBJECT_TREE);
  const std::string commit = "tree " + tree_id.hex() +
                             "\nauthor Ada <ada@example.org> 1700000000 +0000\n"
                             "committer Ada <ada@example.org> 1700000000 +0000\n\nFirst\n";
  const auto commit_id = hash_of(commit, GIT_OBJECT_COMMIT);
  const std::vector<git::PackObject> objects{
      {git::PackObjectType::commit, commit_id, commit}, {git::PackObjectType::tree, tree_id, tree},
      {git::PackObjectType::blob, empty_id, empty},     {git::PackObjectType::blob, small_id, small},
      {git::PackObjectType::blob, medium_id, medium},   {git::PackObjectType::blob, large_id, large},
  };

  const auto pack_dir = repo.path() / "objects" / "pack";
  const auto written = git::write_pack(pack_dir, objects);
  REQUIRE_MESSAGE(written.has_value(), written.error().message);
  const auto idx = pack_dir / ("pack-" + *written + ".idx");
  REQUIRE(std::filesystem::exists(pack_dir / ("pack-" + *written + ".pack")));
  REQUIRE(std::filesystem::exists(idx));

  // verify-pack checks the pack's and the index's checksums, every CRC and offset, and that
  // each object inflates to an object with its id.
  const auto verified = run_shell("git verify-pack -v " + mlfolio::test::shell_quote(idx.string()), repo.path());
  CHECK_MESSAGE(verified.exit_code == 0, verified.out << verified.err);
  CHECK(verified.out.find(large_id.hex() + " blob   102400") != std::string::npos);
  CHECK(verified.out.find("non delta: 6 objects") != std::string::npos);

  REQUIRE(run_shell("git update-ref refs/heads/main " + commit_id.hex(), repo.path()).exit_code == 0);
  const auto fsck = run_shell("git fsck --strict --no-dangling 2>&1 && git ls-tree -r main", repo.path());
  CHECK_MESSAGE(fsck.exit_code == 0, fsck.out);
  CHECK(fsck.out.find("100755 blob " + small_id.hex() + "\trun.sh") != std::string::npos);
  CHECK(run_shell("git cat-file blob " + medium_id.hex(), repo.path()).out == medium);

  git_repository* raw = nullptr;
  REQUIRE(git_repository_open(&raw, repo.path().c_str()) == 0);
  const git::RepositoryPtr opened(raw);
  git_odb* odb_raw = nullptr;
  REQUIRE(git_repository_odb(&odb_raw, opened.get()) == 0);
  const git::OdbPtr odb(odb_raw);
  for (const auto& object : objects) {
    CAPTURE(object.id.hex());
    git_odb_object* read = nullptr;
    const git_oid id = git::to_git_oid(object.id);
    REQUIRE(git_odb_read(&read, odb.get(), &id) == 0);
    CHECK(std::string_view(static_cast<const char*>(git_odb_object_data(read)), git_odb_object_size(read)) ==
          object.data);
    git_odb_object_free(read);
  }
}

TEST_CASE("pack writer: a folder that cannot be written is an error naming the file")
{
  const mlfolio::test::TempDir dir;
  const std::string content = "x\n";
  const std::vector<git::PackObject> objects{{git::PackObjectType::blob, hash_of(content, GIT_OBJECT_BLOB), content}};
  const auto written = git::write_pack(dir.path() / "missing", objects);
  REQUIRE_FALSE(written.has_value());
  CHECK(written.error().message.starts_with("cannot write " + (dir.path() / "missing" / "pack-").string()));
  CHECK(written.error().message.find(".pack: ") != std::string::npos);
}
