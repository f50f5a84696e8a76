#pragma once

// Where the heap's memory comes from. The release binary's malloc is jemalloc (see
// CMakeLists.txt), which heap.cpp sets to back its heaps with transparent huge pages. The
// kernel can give a 2 MB page only to a 2 MB range that is aligned and wholly inside one mapping,
// and jemalloc maps its memory in pieces of 2, 2.5, 3, 3.5 ... MB wherever mmap puts them: most
// of each piece was then touched in 4 KB pages, one page fault each. On a virtual machine a
// page fault costs about 10 µs, and an audit of the synthetic benchmark repository took 4,000 of
// them. use_huge_page_extents() has jemalloc map every piece of 2 MB or more from a huge-page
// boundary and in whole huge pages, which leaves under 1,000 and takes 6 to 10% off the audit's
// CPU time.

#include <cstddef>

namespace mlfolio::heap {

constexpr size_t k_huge_page = size_t{2} << 20;

// Installs the mapping rule above in every automatic arena of jemalloc. False where the heap is
// not jemalloc's (the sanitizer builds) or jemalloc refused; the heap then works as before.
// Call it once, first thing in main, before other threads start.
bool use_huge_page_extents();

// What jemalloc's arena 0 gets when it asks for `size` bytes of new memory (with the rule above
// installed: a huge-page-aligned mapping of `size` rounded up to whole huge pages), or nullptr.
// For tests: the memory stays mapped.
void* new_extent(size_t size);

} // namespace mlfolio::heap
