#include "cohort/progress.h"

#include <ostream>

namespace mlfolio::cohort {

std::string progress_line(size_t done, size_t total, size_t failed, const std::string& what, size_t width)
{
  const size_t filled = total == 0 ? width : done * width / total;
  std::string line = "[" + std::string(filled, '#') + std::string(width - filled, '-') + "] ";
  const std::string count = std::to_string(done) + "/" + std::to_string(total);
  line += std::string(2 * std::to_string(total).size() + 1 - count.size(), ' ') + count + " " + what;
  if (failed > 0) {
    line += ", " + std::to_string(failed) + " failed";
  }
  return line;
}

ProgressBar::ProgressBar(std::ostream& out, bool enabled, size_t total, std::string what)
    : m_out(out), m_enabled(enabled && total > 0), m_total(total), m_what(std::move(what))
{
}

void ProgressBar::update(size_t done, size_t failed)
{
  if (!m_enabled) {
    return;
  }
  m_out << "\r\x1b[K" << progress_line(done, m_total, failed, m_what) << std::flush;
  m_drawn = true;
}

void ProgressBar::finish()
{
  if (m_drawn) {
    m_out << "\r\x1b[K" << std::flush;
    m_drawn = false;
  }
}

} // namespace mlfolio::cohort
