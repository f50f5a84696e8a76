// One self-contained HTML page: a score gauge (inline SVG), a bar per category, and every
// category's findings, failures first with what is wrong, where and how to fix it. No script and
// no external file: it reads the same saved, mailed or opened on a phone.
#include "report/escape.h"
#include "report/grade_color.h"
#include "report/html_style.h"
#include "report/report.h"
#include "report/summary.h"

#include "lint/score.h"

#include <cmath>
#include <cstdio>
#include <ostream>

namespace mlfolio::report {

namespace {

constexpr double k_gauge_radius = 52;

std::string fixed(double value)
{
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", value);
  return text;
}

std::optional<char> grade_of(const std::optional<double>& score)
{
  return score ? std::optional(lint::grade_for(lint::round_score(*score))) : std::nullopt;
}

void write_gauge(const Report& report, std::ostream& out)
{
  const double circumference = 2 * M_PI * k_gauge_radius;
  const double filled = circumference * report.score.overall.value_or(0) / 100.0;
  const std::string value = report.score.overall ? std::to_string(*report.score.overall) : "n/a";
  out << "<svg class=\"gauge\" viewBox=\"0 0 120 120\" role=\"img\" aria-label=\"score "
      << xml_escape(score_text(report)) << "\">\n"
      << "<circle cx=\"60\" cy=\"60\" r=\"52\" fill=\"none\" stroke=\"#e6e6e6\" stroke-width=\"12\"/>\n"
      << "<circle cx=\"60\" cy=\"60\" r=\"52\" fill=\"none\" stroke=\"" << grade_color(report.score.grade)
      << "\" stroke-width=\"12\" stroke-linecap=\"round\" stroke-dasharray=\"" << fixed(filled) << ' '
      << fixed(circumference) << "\" transform=\"rotate(-90 60 60)\"/>\n"
      << "<text class=\"value\" x=\"60\" y=\"64\" text-anchor=\"middle\">" << value << "</text>\n"
      << "<text class=\"unit\" x=\"60\" y=\"82\" text-anchor=\"middle\">"
      << (report.score.grade ? "/100, grade " + std::string(1, *report.score.grade) : std::string("no score"))
      << "</text>\n</svg>\n";
}

void write_bars(const Report& report, std::ostream& out)
{
  out << "<ul class=\"bars\">\n";
  for (const auto& category : report.score.categories) {
    if (category.passed + category.failed + category.skipped == 0) {
      continue;
    }
    const double width = category.score.value_or(0);
    out << "<li><span>" << xml_escape(lint::category_info(category.category).title)
        << "</span><span class=\"bar\"><span style=\"width:" << fixed(width)
        << "%;background:" << grade_color(grade_of(category.score))
        << "\"></span></span><span class=\"score\">" << category_score_text(category) << "</span></li>\n";
  }
  out << "</ul>\n";
}

std::string locations_html(const std::vector<lint::Location>& locations)
{
  std::string html;
  for (const auto& location : locations) {
    html += (html.empty() ? "" : ", ") + ("<code>" + xml_escape(location.to_string()) + "</code>");
  }
  return html;
}

void write_failure(const lint::Finding& finding, std::ostream& out)
{
  out << "<article class=\"finding\">\n"
      << "<h3><span class=\"status fail\">FAIL</span> <code>" << xml_escape(finding.rule) << "</code> "
      << xml_escape(finding.title) << " <span class=\"severity\">" << lint::severity_name(finding.severity)
      << "</span></h3>\n<p>" << xml_escape(finding.message) << "</p>\n";
  if (!finding.details.empty()) {
    out << "<ul>\n";
    for (const auto& detail : finding.details) {
      out << "<li>" << xml_escape(detail.message) << "</li>\n";
    }
    out << "</ul>\n";
  }
  if (!finding.locations.empty()) {
    out << "<p class=\"where\">At " << locations_html(finding.locations) << "</p>\n";
  }
  if (!finding.fix.empty()) {
    out << "<p class=\"fix\"><strong>Fix:</strong> " << xml_escape(one_line(finding.fix)) << "</p>\n";
  }
  out << "</article>\n";
}

void write_others(const std::vector<const lint::Finding*>& others, std::ostream& out)
{
  size_t passed = 0;
  for (const lint::Finding* finding : others) {
    passed += finding->status == lint::Status::pass ? 1 : 0;
  }
  out << "<details>\n<summary>" << passed << " passed, " << others.size() - passed
      << " skipped</summary>\n<ul>\n";
  for (const lint::Finding* finding : others) {
    const std::string_view status = lint::status_name(finding->status);
    out << "<li><span class=\"status " << status << "\">" << status << "</span> <code>"
        << xml_escape(finding->rule) << "</code> " << xml_escape(finding->message) << "</li>\n";
  }
  out << "</ul>\n</details>\n";
}

void write_category(const Report& report, const lint::CategoryScore& category, std::ostream& out)
{
  const auto& info = lint::category_info(category.category);
  out << "<section class=\"category\">\n<h2><span>" << xml_escape(info.title) << "</span><span>"
      << category_score_text(category) << "</span></h2>\n";
  for (const lint::Finding* finding : findings_of(report, category.category, lint::Status::fail)) {
    write_failure(*finding, out);
  }
  std::vector<const lint::Finding*> others = findings_of(report, category.category, lint::Status::pass);
  for (const lint::Finding* skipped : findings_of(report, category.category, lint::Status::skip)) {
    others.push_back(skipped);
  }
  if (!others.empty()) {
    write_others(others, out);
  }
  out << "</section>\n";
}

} // namespace

void write_html(const Report& report, std::ostream& out, const WriteOptions&)
{
  const Tally counts = tally(report);
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>mlfolio: " << xml_escape(report.target) << ", " << xml_escape(score_text(report))
      << "</title>\n"
      << "<style>" << k_html_style << "</style>\n</head>\n<body>\n<main>\n<header class=\"summary\">\n";
  write_gauge(report, out);
  out << "<div class=\"headline\">\n<h1>Portfolio score " << xml_escape(score_text(report)) << "</h1>\n"
      << "<p>Audit of <code>" << xml_escape(report.target) << "</code>";
  if (report.commit) {
    out << " at <code>" << xml_escape(*report.commit) << "</code>";
  }
  out << "</p>\n<p>" << tally_text(counts) << "</p>\n</div>\n</header>\n";
  write_bars(report, out);
  const auto alerts = report.alerts();
  if (!alerts.empty()) {
    out << "<section class=\"alerts\">\n<h2>Alerts</h2>\n";
    for (const lint::Finding* alert : alerts) {
      write_failure(*alert, out);
    }
    out << "</section>\n";
  }
  for (const auto& category : report.score.categories) {
    if (category.passed + category.failed + category.skipped > 0) {
      write_category(report, category, out);
    }
  }
  if (!report.notes.empty()) {
    out << "<section class=\"notes\">\n<h2>Notes</h2>\n<ul>\n";
    for (const auto& note : report.notes) {
      out << "<li>" << xml_escape(note) << "</li>\n";
    }
    out << "</ul>\n</section>\n";
  }
  out << "</main>\n<footer>mlfolio " << xml_escape(report.tool_version)
      << "; <code>mlfolio explain RULE</code> tells why a rule matters.</footer>\n</body>\n</html>\n";
}

} // namespace mlfolio::report
