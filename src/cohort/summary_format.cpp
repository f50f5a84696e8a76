// --format text for a cohort: one line per repository, best first, then the failed targets.
#include "cohort/formats.h"

#include "core/text.h"

#include <ostream>

namespace mlfolio::cohort {

namespace {

std::string padded(std::string text, size_t width)
{
  return std::string(width > text.size() ? width - text.size() : 0, ' ') + text;
}

} // namespace

void write_summary(const std::vector<Row>& rows, std::ostream& out)
{
  out << "rank  score  grade  failed  target\n";
  size_t rank = 0;
  size_t audited = 0;
  for (const Row* row : ranked(rows)) {
    if (row->error) {
      // One line per target: a multi-line message is joined.
      out << "   -      -      -       -  " << row->target << ": "
          << text::replace_all(text::replace_all(*row->error, "\r", ""), "\n", " ") << '\n';
      continue;
    }
    ++audited;
    out << padded(std::to_string(++rank), 4) << "  "
        << padded(row->score ? std::to_string(*row->score) : "n/a", 5) << "  "
        << padded(row->grade ? std::string(1, *row->grade) : "-", 5) << "  "
        << padded(std::to_string(row->failed_rules().size()), 6) << "  " << row->target
        << (row->thresholds_met == false ? " (below the thresholds)" : "") << '\n';
  }
  out << rows.size() << (rows.size() == 1 ? " target: " : " targets: ") << audited << " audited, "
      << rows.size() - audited << " could not be audited";
  if (const std::string median = median_score(rows); !median.empty()) {
    out << "; median score " << median;
  }
  out << ".\n";
}

} // namespace mlfolio::cohort
