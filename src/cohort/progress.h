#pragma once

// The progress bar of a cohort run on stderr: drawn only on a terminal, so CI logs and files
// never see it. Each update redraws one line; finish() erases it.

#include <cstddef>
#include <iosfwd>
#include <string>

namespace mlfolio::cohort {

class ProgressBar
{
public:
  ProgressBar(std::ostream& out, bool enabled, size_t total, std::string what);
  ~ProgressBar() { finish(); }
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void update(size_t done, size_t failed);
  void finish();

private:
  std::ostream& m_out;
  bool m_enabled;
  size_t m_total;
  std::string m_what; // "audited", "fetched"
  bool m_drawn = false;
};

// "[##########----------]  12/40 audited, 1 failed" (width: the bar's number of cells).
std::string progress_line(size_t done, size_t total, size_t failed, const std::string& what,
                          size_t width = 30);

} // namespace mlfolio::cohort
