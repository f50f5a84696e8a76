// --format csv: RFC 4180 (CRLF line ends; a field with a comma, quote or line break is quoted,
// quotes doubled). One header line, then one line per repository in input order.
#include "cohort/formats.h"

#include "lint/category.h"

#include <ostream>

namespace mlfolio::cohort {

namespace {

std::string field(std::string_view text)
{
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    return std::string(text);
  }
  std::string quoted = "\"";
  for (const char c : text) {
    quoted += c == '"' ? "\"\"" : std::string(1, c);
  }
  return quoted + "\"";
}

std::string number(const std::optional<int>& value)
{
  return value ? std::to_string(*value) : std::string();
}

} // namespace

void write_csv(const std::vector<Row>& rows, std::ostream& out)
{
  out << "target,commit,score,grade";
  for (const auto& category : lint::categories()) {
    out << ',' << category.id;
  }
  out << ",failed_rules,thresholds,error\r\n";
  for (const auto& row : rows) {
    std::string failed;
    for (const auto& id : row.failed_rules()) {
      failed += (failed.empty() ? "" : " ") + id;
    }
    out << field(row.target) << ',' << field(row.commit.value_or("")) << ',' << number(row.score) << ','
        << (row.grade ? std::string(1, *row.grade) : std::string());
    for (const auto& category : lint::categories()) {
      out << ',' << number(row.category_score(category.id));
    }
    const std::string thresholds = !row.thresholds_met ? "" : *row.thresholds_met ? "met" : "missed";
    out << ',' << field(failed) << ',' << thresholds << ',' << field(row.error.value_or("")) << "\r\n";
  }
}

} // namespace mlfolio::cohort
