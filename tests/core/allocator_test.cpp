// The release binary's malloc is jemalloc, set up by src/core/heap.cpp: heaps on transparent
// huge pages, mapped in whole, aligned huge pages; two arenas. jemalloc prints the settings in
// effect when MALLOC_CONF asks for its statistics at exit. The tests run on the same settings,
// and check the mapping on themselves.
#include "core/heap.h"
#include "support/process.h"

#include <cstdint>
#include <cstdio>
#include <doctest/doctest.h>
#include <fstream>
#include <string>
#include <sys/mman.h>
#include <vector>

#if !defined(__SANITIZE_ADDRESS__)
TEST_CASE("allocator: mlfolio runs on jemalloc with huge pages and two arenas")
{
  const auto run = mlfolio::test::run_shell("MALLOC_CONF=stats_print:true " +
                                            mlfolio::test::shell_quote(MLFOLIO_BINARY) + " --version 2>&1");
  CHECK(run.exit_code == 0);
  CHECK(run.out.find("opt.thp: \"always\"") != std::string::npos);
  CHECK(run.out.find("opt.metadata_thp: \"always\"") != std::string::npos);
  CHECK(run.out.find("opt.narenas: 2\n") != std::string::npos);
}

namespace {

// The block of /proc/self/smaps describing the mapping that holds `address`: its end and its
// THPeligible flag.
struct Mapping
{
  uintptr_t end = 0;
  int huge_page_eligible = -1;
};

Mapping mapping_of(const void* address)
{
  const auto at = reinterpret_cast<uintptr_t>(address);
  std::ifstream smaps("/proc/self/smaps");
  Mapping found;
  bool inside = false;
  for (std::string line; std::getline(smaps, line);) {
    unsigned long start = 0;
    unsigned long end = 0;
    if (std::sscanf(line.c_str(), "%lx-%lx ", &start, &end) == 2 && line.find(':') > line.find(' ')) {
      inside = start <= at && at < end;
      if (inside) {
        found.end = end;
      }
    } else if (inside && line.starts_with("THPeligible:")) {
      found.huge_page_eligible = std::stoi(line.substr(12));
    }
  }
  return found;
}

} // namespace

TEST_CASE("allocator: jemalloc maps new heap memory in whole huge pages from a huge-page boundary")
{
  using mlfolio::heap::k_huge_page;
  REQUIRE(mlfolio::heap::use_huge_page_extents());
  CHECK(mlfolio::heap::use_huge_page_extents()); // a second call changes nothing

  // 2.5 MB, as jemalloc asks when its heap grows: mapped as two whole huge pages.
  void* extent = mlfolio::heap::new_extent(k_huge_page + k_huge_page / 4);
  REQUIRE(extent != nullptr);
  CHECK(reinterpret_cast<uintptr_t>(extent) % k_huge_page == 0);
  const Mapping mapping = mapping_of(extent);
  CHECK(mapping.end >= reinterpret_cast<uintptr_t>(extent) + 2 * k_huge_page);
  std::ifstream thp("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string modes;
  std::getline(thp, modes);
  if (!modes.empty() && modes.find("[never]") == std::string::npos) {
    CHECK(mapping.huge_page_eligible == 1);
  }
  ::munmap(extent, 2 * k_huge_page);

  // Memory from malloc still works, small and large, after the hooks are in place.
  std::vector<std::string> pieces;
  for (int i = 0; i < 2000; ++i) {
    pieces.emplace_back(static_cast<size_t>(100 + i * 37 % 5000), static_cast<char>('a' + i % 26));
  }
  std::vector<char> large(3 * k_huge_page, 'x');
  CHECK(large[large.size() - 1] == 'x');
  CHECK(pieces[1999] == std::string(100 + 1999 * 37 % 5000, static_cast<char>('a' + 1999 % 26)));
}
#endif
