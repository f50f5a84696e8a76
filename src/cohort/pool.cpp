#include "cohort/pool.h"

#include <algorithm>
#include <sched.h>
#include <thread>

namespace mlfolio::cohort {

size_t default_jobs()
{
  // The cores this process may run on (as nproc counts them: a container or taskset may allow
  // fewer than the machine has), else the machine's.
  cpu_set_t allowed;
  CPU_ZERO(&allowed);
  if (::sched_getaffinity(0, sizeof allowed, &allowed) == 0 && CPU_COUNT(&allowed) > 0) {
    return static_cast<size_t>(CPU_COUNT(&allowed));
  }
  return std::max<size_t>(1, std::thread::hardware_concurrency());
}

} // namespace mlfolio::cohort
