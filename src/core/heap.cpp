#include "core/heap.h"

#if !defined(__SANITIZE_ADDRESS__)
#include <jemalloc/jemalloc.h>
#include <string>

// jemalloc's settings, read when it starts (linked in all but the sanitizer builds; see
// CMakeLists.txt; MALLOC_CONF in the environment still overrides them). Both mlfolio and its
// tests link this file, so both run on them:
// - its heaps, and its own bookkeeping, on transparent huge pages. The system's setting
//   "madvise" (Debian's) is enough: jemalloc asks for them with madvise;
// - two arenas instead of four per core: memory one thread frees is found again by the others
//   rather than fresh pages touched (measured on the synthetic benchmark repository).
extern "C" {
// NOLINTNEXTLINE: the name and type jemalloc looks for
const char* malloc_conf = "thp:always,metadata_thp:always,narenas:2";
}
#endif

namespace mlfolio::heap {

#if defined(__SANITIZE_ADDRESS__)

bool use_huge_page_extents()
{
  return false;
}

void* new_extent(size_t)
{
  return nullptr;
}

#else

namespace {

extent_hooks_t g_hooks;                // jemalloc's own, but for alloc
extent_alloc_t* g_own_alloc = nullptr; // jemalloc's alloc, which maps the memory
bool g_round_up = false;

// jemalloc's alloc with a huge-page alignment and, when jemalloc keeps what it maps (opt.retain,
// the default on 64-bit Linux), a size of whole huge pages: the bytes past `size` are mapped but
// never handed out, so never touched, and with retain jemalloc never unmaps a piece by its own
// size, which would leave them behind. A request for a given address (growing an allocation in
// place) and a piece under 2 MB go through unchanged.
void* huge_page_alloc(extent_hooks_t* hooks, void* address, size_t size, size_t alignment, bool* zero,
                      bool* commit, unsigned arena)
{
  if (address == nullptr && size >= k_huge_page && alignment <= k_huge_page) {
    alignment = k_huge_page;
    if (g_round_up) {
      size = (size + k_huge_page - 1) / k_huge_page * k_huge_page;
    }
  }
  return g_own_alloc(hooks, address, size, alignment, zero, commit, arena);
}

std::string hooks_name(unsigned arena)
{
  return "arena." + std::to_string(arena) + ".extent_hooks";
}

} // namespace

bool use_huge_page_extents()
{
  if (g_own_alloc != nullptr) {
    return true;
  }
  unsigned arenas = 0;
  size_t length = sizeof(arenas);
  extent_hooks_t* own = nullptr;
  size_t own_length = sizeof(own);
  bool retain = false;
  size_t retain_length = sizeof(retain);
  if (mallctl("opt.narenas", &arenas, &length, nullptr, 0) != 0 ||
      mallctl(hooks_name(0).c_str(), &own, &own_length, nullptr, 0) != 0 || own == nullptr ||
      own->alloc == nullptr || mallctl("opt.retain", &retain, &retain_length, nullptr, 0) != 0) {
    return false;
  }
  g_hooks = *own;
  g_own_alloc = own->alloc;
  g_hooks.alloc = huge_page_alloc;
  g_round_up = retain;
  // The automatic arenas, which threads are given in turn (not the one jemalloc keeps for
  // allocations of 8 MB and more). Writing the hooks of an arena no thread has used yet
  // creates it with them.
  extent_hooks_t* mine = &g_hooks;
  bool all = true;
  for (unsigned arena = 0; arena < arenas; ++arena) {
    all = mallctl(hooks_name(arena).c_str(), nullptr, nullptr, &mine, sizeof(mine)) == 0 && all;
  }
  return all;
}

void* new_extent(size_t size)
{
  extent_hooks_t* hooks = nullptr;
  size_t length = sizeof(hooks);
  if (mallctl(hooks_name(0).c_str(), &hooks, &length, nullptr, 0) != 0 || hooks == nullptr) {
    return nullptr;
  }
  bool zero = false;
  bool commit = true;
  return hooks->alloc(hooks, nullptr, size, 4096, &zero, &commit, 0);
}

#endif

} // namespace mlfolio::heap
