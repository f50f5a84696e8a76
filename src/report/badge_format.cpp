// The README badge: "portfolio | 87/100", the right half coloured by grade, in the flat style
// of shields.io badges. Text widths are estimated per character (Verdana 11px), so the badge
// needs no font at build time and is the same on every machine.
#include "report/escape.h"
#include "report/grade_color.h"
#include "report/report.h"
#include "report/summary.h"

#include <ostream>

namespace mlfolio::report {

namespace {

constexpr std::string_view k_label = "portfolio";

// Width in pixels of `text` in Verdana 11px, rounded up: digits and most lower case are about 7.
int text_width(std::string_view text)
{
  double width = 0;
  for (const char c : text) {
    width += c == '/' || c == 'i' || c == 'l' || c == 't' || c == 'f' || c == 'r' ? 4.5 : 7.0;
  }
  return static_cast<int>(width + 0.999);
}

} // namespace

void write_badge(const Report& report, std::ostream& out, const WriteOptions&)
{
  const std::string value = overall_score_text(report);
  const int padding = 10;
  const int left = text_width(k_label) + padding;
  const int right = text_width(value) + padding;
  const int width = left + right;
  const std::string color(grade_color(report.score.grade));
  const std::string title = std::string(k_label) + ": " + value +
                            (report.score.grade ? ", grade " + std::string(1, *report.score.grade) : "");
  out << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\"20\" role=\"img\" "
      << "aria-label=\"" << xml_escape(title) << "\">\n"
      << "  <title>" << xml_escape(title) << "</title>\n"
      << "  <linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" "
         "stop-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient>\n"
      << "  <clipPath id=\"r\"><rect width=\"" << width
      << "\" height=\"20\" rx=\"3\" fill=\"#fff\"/></clipPath>\n"
      << "  <g clip-path=\"url(#r)\">\n"
      << "    <rect width=\"" << left << "\" height=\"20\" fill=\"#555\"/>\n"
      << "    <rect x=\"" << left << "\" width=\"" << right << "\" height=\"20\" fill=\"" << color << "\"/>\n"
      << "    <rect width=\"" << width << "\" height=\"20\" fill=\"url(#s)\"/>\n"
      << "  </g>\n"
      << "  <g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" "
         "font-size=\"11\">\n";
  const auto label = [&](std::string_view text, int center) {
    out << "    <text x=\"" << center << "\" y=\"15\" fill=\"#010101\" fill-opacity=\".3\">"
        << xml_escape(text) << "</text>\n"
        << "    <text x=\"" << center << "\" y=\"14\">" << xml_escape(text) << "</text>\n";
  };
  label(k_label, left / 2);
  label(value, left + right / 2);
  out << "  </g>\n</svg>\n";
}

} // namespace mlfolio::report
