#include "report/report.h"

namespace mlfolio::report {

void write_text(const Report& report, std::ostream& out, const WriteOptions& options);
void write_json(const Report& report, std::ostream& out, const WriteOptions& options);

namespace {

const Format k_formats[] = {
    {"text", "grouped by category, failures first, with where it looked and how to fix", write_text},
    {"json", "every rule once, versioned (docs/report-schema.md)", write_json},
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

} // namespace mlfolio::report
