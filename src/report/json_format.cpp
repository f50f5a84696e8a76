// The JSON report; its shape is documented in docs/report-schema.md. Bump k_json_schema_version on
// any change that can break a reader (a removed or renamed key, a changed type).
#include "report/json_summary.h"
#include "report/report.h"

#include <nlohmann/json.hpp>
#include <ostream>

namespace mlfolio::report {

namespace {

using Json = nlohmann::ordered_json;

Json locations_json(const std::vector<lint::Location>& locations)
{
  Json array = Json::array();
  for (const auto& location : locations) {
    array.push_back(
        {{"path", location.path}, {"line", location.line == 0 ? Json(nullptr) : Json(location.line)}});
  }
  return array;
}

Json finding_json(const lint::Finding& finding)
{
  Json details = Json::array();
  for (const auto& detail : finding.details) {
    details.push_back({{"message", detail.message}, {"locations", locations_json(detail.locations)}});
  }
  return {
      {"rule", finding.rule},
      {"title", finding.title},
      {"category", lint::category_info(finding.category).id},
      {"status", lint::status_name(finding.status)},
      {"severity", lint::severity_name(finding.severity)},
      {"weight", finding.weight},
      {"message", finding.message},
      {"fix", finding.fix},
      {"locations", locations_json(finding.locations)},
      {"details", details},
  };
}

Json category_json(const lint::CategoryScore& category)
{
  return {
      {"id", lint::category_info(category.category).id},
      {"score", category.score ? Json(lint::round_score(*category.score)) : Json(nullptr)},
      {"weight", category.weight},
      {"passed", category.passed},
      {"failed", category.failed},
      {"skipped", category.skipped},
  };
}

} // namespace

void write_json(const Report& report, std::ostream& out, const WriteOptions&)
{
  Json json;
  json["schema_version"] = k_json_schema_version;
  json["tool_version"] = report.tool_version;
  json["target"] = report.target;
  if (report.commit) {
    json["commit"] = *report.commit;
  }
  json["score"] = report.score.overall ? Json(*report.score.overall) : Json(nullptr);
  json["grade"] = report.score.grade ? Json(std::string(1, *report.score.grade)) : Json(nullptr);
  json["categories"] = Json::array();
  for (const auto& category : report.score.categories) {
    json["categories"].push_back(category_json(category));
  }
  json["alerts"] = Json::array();
  for (const lint::Finding* alert : report.alerts()) {
    json["alerts"].push_back(alert->rule);
  }
  json["findings"] = Json::array();
  for (const auto& finding : report.findings) {
    json["findings"].push_back(finding_json(finding));
  }
  json["notes"] = report.notes;
  // Invalid UTF-8 in a path or message (non-UTF-8 file names exist) is replaced, never thrown.
  out << json.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

} // namespace mlfolio::report
