// --format leaderboard: one self-contained HTML page (no external assets). A ranking table and a
// rule x repository grid, both plain HTML tables in a useful order, so the page reads without
// JavaScript; a few lines of inline script make the column heads sort.
#include "cohort/formats.h"

#include "lint/catalog.h"
#include "lint/category.h"
#include "report/escape.h"
#include "version.h"

#include <algorithm>
#include <map>
#include <ostream>

namespace mlfolio::cohort {

namespace {

constexpr std::string_view k_style = R"(
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1.5rem;color:#1d2430;background:#fff}
h1{font-size:1.6rem;margin:0 0 .3rem}h2{font-size:1.2rem;margin:2rem 0 .5rem}
p.summary{color:#4a5568;margin:0 0 1rem}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;font-variant-numeric:tabular-nums}
th,td{border:1px solid #d8dee9;padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f1f4f9;position:sticky;top:0}
th[data-sort]{cursor:pointer;white-space:nowrap}
th[aria-sort=ascending]::after{content:" \25B2"}th[aria-sort=descending]::after{content:" \25BC"}
td.num{text-align:right}td.name{white-space:nowrap}
td.grade-A{background:#c6f6d5}td.grade-B{background:#e6f6c6}td.grade-C{background:#fefcbf}
td.grade-D{background:#feebc8}td.grade-F{background:#fed7d7}
tr.error td{color:#9b2c2c}
code{font-size:.9em}
table.grid td.cell{text-align:center;padding:.2rem .35rem;min-width:1.4rem}
table.grid th.repo{writing-mode:vertical-rl;transform:rotate(180deg);font-weight:normal;white-space:nowrap;padding:.4rem .2rem}
table.grid td.rule{white-space:nowrap;position:sticky;left:0;background:#fff}
td.pass{background:#c6f6d5;color:#22543d}td.fail{background:#fed7d7;color:#822727;font-weight:bold}
td.skip{background:#f7fafc;color:#a0aec0}
.legend span{display:inline-block;padding:0 .4rem;margin-right:.5rem;border:1px solid #d8dee9}
footer{margin-top:2rem;color:#718096;font-size:.85rem}
)";

// Sorts a table by the data-value of a clicked head's column: numbers when the head says so,
// empty values last in either direction.
constexpr std::string_view k_script = R"(
document.querySelectorAll('table.sortable').forEach(function (table) {
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (head, column) {
    if (!head.hasAttribute('data-sort')) return;
    head.tabIndex = 0;
    function sort() {
      var descending = head.getAttribute('aria-sort') === 'ascending';
      var numeric = head.getAttribute('data-sort') === 'number';
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[column].getAttribute('data-value'), y = b.cells[column].getAttribute('data-value');
        if (x === '' || y === '') return (x === '') - (y === '');
        var order = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
        return descending ? -order : order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) { other.removeAttribute('aria-sort'); });
      head.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
    }
    head.addEventListener('click', sort);
    head.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); sort(); }
    });
  });
});
)";

// "https://host/ada/churn.git" -> "churn", "students/bob/" -> "bob": the grid's column heads.
std::string short_name(std::string_view target)
{
  while (target.size() > 1 && target.ends_with('/')) {
    target.remove_suffix(1);
  }
  if (target.ends_with(".git") && target.size() > 4) {
    target.remove_suffix(4);
  }
  const size_t slash = target.find_last_of("/:");
  return std::string(
      slash == std::string_view::npos || slash + 1 == target.size() ? target : target.substr(slash + 1));
}

std::string number_cell(const std::optional<int>& value)
{
  return value ? "<td class=\"num\" data-value=\"" + std::to_string(*value) + "\">" + std::to_string(*value) +
                     "</td>"
               : std::string("<td class=\"num\" data-value=\"\">n/a</td>");
}

void write_ranking(const std::vector<const Row*>& order, std::ostream& out)
{
  out << "<div class=\"scroll\"><table id=\"ranking\" class=\"sortable\">\n<thead><tr><th "
         "data-sort=\"number\">Rank</th>"
         "<th data-sort=\"text\">Repository</th><th data-sort=\"number\">Score</th><th "
         "data-sort=\"text\">Grade</th>";
  for (const auto& category : lint::categories()) {
    out << "<th data-sort=\"number\" title=\"" << report::xml_escape(category.title) << "\">" << category.id << "</th>";
  }
  out << "<th data-sort=\"number\">Failing rules</th><th "
         "data-sort=\"text\">Commit</th><th>Notes</th></tr></thead>\n"
         "<tbody>\n";
  size_t rank = 0;
  for (const Row* row : order) {
    const std::string target = report::xml_escape(row->target);
    if (row->error) {
      out << "<tr class=\"error\"><td class=\"num\" data-value=\"\">-</td><td class=\"name\" data-value=\""
          << target << "\">" << target
          << "</td><td class=\"num\" data-value=\"\">-</td><td data-value=\"\">-</td>";
      for (size_t i = 0; i < lint::categories().size(); ++i) {
        out << "<td class=\"num\" data-value=\"\"></td>";
      }
      out << "<td class=\"num\" data-value=\"\"></td><td data-value=\"\"></td><td>could not be audited: "
          << report::xml_escape(*row->error) << "</td></tr>\n";
      continue;
    }
    const std::string grade = row->grade ? std::string(1, *row->grade) : std::string();
    const std::string commit = row->commit ? report::xml_escape(row->commit->substr(0, 12)) : std::string();
    ++rank;
    out << "<tr><td class=\"num\" data-value=\"" << rank << "\">" << rank
        << "</td><td class=\"name\" data-value=\"" << target << "\">" << target << "</td>"
        << number_cell(row->score) << "<td class=\"grade-" << grade << "\" data-value=\"" << grade << "\">"
        << (grade.empty() ? "-" : grade) << "</td>";
    for (const auto& category : lint::categories()) {
      out << number_cell(row->category_score(category.id));
    }
    out << number_cell(static_cast<int>(row->failed_rules().size())) << "<td data-value=\"" << commit
        << "\"><code>" << commit << "</code></td><td>"
        << (row->thresholds_met == false ? "below the thresholds" : "") << "</td></tr>\n";
  }
  out << "</tbody></table></div>\n";
}

struct RuleLine
{
  std::string id;
  size_t first_seen = 0;
  int passed = 0;
  int failed = 0;
  std::map<size_t, lint::Status> statuses; // by row index
};

void write_grid(const std::vector<const Row*>& order, std::ostream& out)
{
  std::vector<const Row*> audited;
  std::vector<RuleLine> lines;
  std::map<std::string, size_t, std::less<>> line_of;
  for (const Row* row : order) {
    if (row->error) {
      continue;
    }
    audited.push_back(row);
    for (const auto& [id, status] : row->rules) {
      const auto [it, added] = line_of.emplace(id, lines.size());
      if (added) {
        RuleLine line;
        line.id = id;
        line.first_seen = lines.size();
        lines.push_back(std::move(line));
      }
      RuleLine& line = lines[it->second];
      line.statuses[row->index] = status;
      line.passed += status == lint::Status::pass ? 1 : 0;
      line.failed += status == lint::Status::fail ? 1 : 0;
    }
  }
  // The criteria the cohort misses most come first; rules that apply nowhere go last.
  const auto rate = [](const RuleLine& line) {
    return line.passed + line.failed == 0 ? 2.0
                                          : static_cast<double>(line.passed) / (line.passed + line.failed);
  };
  std::stable_sort(lines.begin(), lines.end(), [&](const RuleLine& a, const RuleLine& b) {
    return std::make_pair(rate(a), a.first_seen) < std::make_pair(rate(b), b.first_seen);
  });
  const auto catalog = lint::builtin_catalog();
  out << "<p class=\"legend\"><span class=\"pass\">&#10003; pass</span><span class=\"fail\">&#10007; "
         "fail</span>"
         "<span class=\"skip\">&ndash; skip (does not apply)</span> Pass rate: passing repositories among "
         "those "
         "where the rule applies.</p>\n"
         "<div class=\"scroll\"><table id=\"grid\" class=\"grid sortable\">\n<thead><tr><th "
         "data-sort=\"text\">Rule</th>"
         "<th data-sort=\"number\">Pass rate</th>";
  size_t rank = 0;
  for (const Row* row : audited) {
    out << "<th class=\"repo\" title=\"" << report::xml_escape(row->target) << "\">" << ++rank << ". "
        << report::xml_escape(short_name(row->target)) << "</th>";
  }
  out << "</tr></thead>\n<tbody>\n";
  for (const auto& line : lines) {
    const lint::RuleMeta* meta = catalog ? (*catalog)->find(line.id) : nullptr;
    const int applicable = line.passed + line.failed;
    out << "<tr><td class=\"rule\" data-value=\"" << report::xml_escape(line.id) << "\"><code>" << report::xml_escape(line.id)
        << "</code>" << (meta != nullptr ? " " + report::xml_escape(meta->title) : std::string()) << "</td>";
    if (applicable == 0) {
      out << "<td class=\"num\" data-value=\"\">n/a</td>";
    } else {
      const int percent = (line.passed * 100 + applicable / 2) / applicable;
      out << "<td class=\"num\" data-value=\"" << percent << "\">" << percent << "% (" << line.passed << "/"
          << applicable << ")</td>";
    }
    for (const Row* row : audited) {
      const auto it = line.statuses.find(row->index);
      const std::string title = report::xml_escape(row->target) + ": " + report::xml_escape(line.id);
      if (it == line.statuses.end()) {
        out << "<td class=\"cell\" title=\"" << title << ": not checked\"></td>";
        continue;
      }
      static constexpr std::string_view k_marks[] = {"&#10003;", "&#10007;", "&ndash;"}; // by Status
      out << "<td class=\"cell " << lint::status_name(it->second) << "\" title=\"" << title << ": "
          << lint::status_name(it->second) << "\">" << k_marks[static_cast<int>(it->second)] << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</tbody></table></div>\n";
}

} // namespace

void write_leaderboard(const std::vector<Row>& rows, std::ostream& out)
{
  const auto order = ranked(rows);
  const size_t failed = static_cast<size_t>(
      std::count_if(rows.begin(), rows.end(), [](const Row& row) { return row.error.has_value(); }));
  const std::string median = median_score(rows);
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<title>mlfolio cohort leaderboard</title>\n<style>"
      << k_style << "</style>\n</head>\n<body>\n<h1>Cohort leaderboard</h1>\n<p class=\"summary\">"
      << rows.size() << (rows.size() == 1 ? " repository: " : " repositories: ") << rows.size() - failed
      << " audited, " << failed << " could not be audited"
      << (median.empty() ? "" : "; median score " + median) << ".</p>\n<h2>Ranking</h2>\n";
  write_ranking(order, out);
  out << "<h2>Rules by repository</h2>\n";
  write_grid(order, out);
  out << "<footer>Made by mlfolio " << k_version
      << " (mlfolio check --format leaderboard). Click a column head to sort.</footer>\n<script>" << k_script
      << "</script>\n</body>\n</html>\n";
}

} // namespace mlfolio::cohort
