#include "report/report.h"

#include "core/text.h"

#include <vector>

namespace mlfolio::report {

void write_text(const Report& report, std::ostream& out, const WriteOptions& options);
void write_json(const Report& report, std::ostream& out, const WriteOptions& options);
void write_sarif(const Report& report, std::ostream& out, const WriteOptions& options);
void write_junit(const Report& report, std::ostream& out, const WriteOptions& options);
void write_markdown(const Report& report, std::ostream& out, const WriteOptions& options);
void write_github(const Report& report, std::ostream& out, const WriteOptions& options);
void write_html(const Report& report, std::ostream& out, const WriteOptions& options);
void write_badge(const Report& report, std::ostream& out, const WriteOptions& options);

namespace {

constexpr Format k_formats[] = {
    {"text", "grouped by category, failures first, with where it looked and how to fix", write_text},
    {"json", "every rule once, versioned (docs/report-schema.md)", write_json},
    {"sarif", "SARIF 2.1.0 for code scanning: rules with their metadata, failures as results", write_sarif},
    {"junit", "JUnit XML for CI test dashboards: a test suite per category, a test case per rule",
     write_junit},
    {"markdown", "for a GitHub step summary or a pull-request comment", write_markdown},
    {"github", "GitHub Actions workflow commands: failures as annotations", write_github},
    {"html", "one self-contained page: score gauge, category bars, findings with fixes", write_html},
    {"badge", "an SVG badge for a README: portfolio | 87/100, coloured by grade", write_badge},
};

} // namespace

std::span<const Format> formats()
{
  return k_formats;
}

const Format* find_format(std::string_view name)
{
  for (const auto& format : k_formats) {
    if (format.name == name) {
      return &format;
    }
  }
  return nullptr;
}

std::string_view format_names()
{
  static const std::string k_names = [] {
    std::vector<std::string_view> names;
    for (const auto& format : k_formats) {
      names.push_back(format.name);
    }
    return text::join(names);
  }();
  return k_names;
}

std::string_view format_option_help()
{
  static const std::string k_help = std::string(k_formats[0].name) + " (default)" +
                                    std::string(format_names().substr(k_formats[0].name.size()));
  return k_help;
}

} // namespace mlfolio::report
