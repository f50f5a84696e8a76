#pragma once

// How many audits a cohort runs at once (core/parallel.h runs them).

#include <cstddef>

namespace mlfolio::cohort {

// The default of --jobs: the number of cores this process may use, at least 1.
size_t default_jobs();

} // namespace mlfolio::cohort
