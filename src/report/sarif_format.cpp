// SARIF 2.1.0 for code-scanning dashboards. Every rule of the audit is in tool.driver.rules
// (from its metadata); every failing rule is one result, with the rule's severity as its level.
// Passing and skipped rules are not results. The mapping is in docs/report-formats.md.
#include "report/escape.h"
#include "report/report.h"
#include "report/summary.h"

#include <nlohmann/json.hpp>
#include <ostream>

namespace mlfolio::report {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view k_schema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json";
constexpr std::string_view k_levels[] = {"note", "warning", "error"}; // by Severity

std::string_view level_of(lint::Severity severity)
{
  return k_levels[static_cast<int>(severity)];
}

// "docs/no-placeholders" -> "DocsNoPlaceholders": SARIF wants a name that is not the id.
std::string rule_name(std::string_view id)
{
  std::string name;
  bool upper = true;
  for (const char c : id) {
    if (c == '/' || c == '-' || c == '_') {
      upper = true;
      continue;
    }
    name += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return name;
}

Json rule_json(const RuleDoc& rule, const lint::Finding& finding)
{
  Json json = {{"id", rule.id}, {"name", rule_name(rule.id)}, {"shortDescription", {{"text", rule.title}}}};
  if (!rule.rationale.empty()) {
    json["fullDescription"] = {{"text", one_line(rule.rationale)}};
  }
  if (!rule.fix.empty()) {
    std::string markdown = "**How to fix:** " + one_line(rule.fix);
    if (!rule.guides.empty()) {
      markdown += "\n\nFrom: ";
      for (size_t i = 0; i < rule.guides.size(); ++i) {
        markdown += (i == 0 ? "" : ", ") + rule.guides[i];
      }
    }
    json["help"] = {{"text", one_line(rule.fix)}, {"markdown", markdown}};
  }
  json["defaultConfiguration"] = {{"level", level_of(rule.severity)}};
  Json tags = Json::array({lint::category_info(finding.category).id});
  for (const auto& guide : rule.guides) {
    tags.push_back(guide);
  }
  json["properties"] = {{"tags", tags}};
  return json;
}

Json location_json(const lint::Location& location)
{
  Json physical = {{"artifactLocation", {{"uri", uri_path(location.path)}}}};
  if (location.line > 0) {
    physical["region"] = {{"startLine", location.line}};
  }
  return {{"physicalLocation", physical}};
}

Json result_json(const lint::Finding& finding, size_t rule_index)
{
  std::string message = finding.message;
  for (const auto& detail : finding.details) {
    message += "\n- " + detail.message;
  }
  if (!finding.fix.empty()) {
    message += "\nFix: " + one_line(finding.fix);
  }
  Json json = {{"ruleId", finding.rule},
               {"ruleIndex", rule_index},
               {"level", level_of(finding.severity)},
               {"message", {{"text", message}}}};
  json["locations"] = Json::array();
  for (const auto& location : finding.locations) {
    json["locations"].push_back(location_json(location));
  }
  if (finding.locations.empty()) {
    // Something missing has no file of its own; GitHub code scanning refuses a whole log when
    // one result has no location, so it points at the project root and says why.
    Json root = location_json({".", 0});
    root["message"] = {{"text", "the project root: what is missing has no file of its own"}};
    json["locations"].push_back(root);
  }
  return json;
}

Json run_properties(const Report& report)
{
  Json properties = {{"target", report.target}};
  if (report.commit) {
    properties["commit"] = *report.commit;
  }
  properties["score"] = report.score.overall ? Json(*report.score.overall) : Json(nullptr);
  properties["grade"] = report.score.grade ? Json(std::string(1, *report.score.grade)) : Json(nullptr);
  properties["summary"] = tally_text(tally(report));
  return properties;
}

} // namespace

void write_sarif(const Report& report, std::ostream& out, const WriteOptions&)
{
  Json rules = Json::array();
  Json results = Json::array();
  for (size_t i = 0; i < report.findings.size(); ++i) {
    const lint::Finding& finding = report.findings[i];
    rules.push_back(rule_json(report.rule_doc(finding), finding));
    if (finding.status == lint::Status::fail) {
      results.push_back(result_json(finding, i));
    }
  }
  Json run = {
      {"tool", {{"driver", {{"name", "mlfolio"}, {"version", report.tool_version}, {"rules", rules}}}}}};
  if (!report.notes.empty()) {
    Json notifications = Json::array();
    for (const auto& note : report.notes) {
      notifications.push_back({{"level", "note"}, {"message", {{"text", note}}}});
    }
    run["invocations"] =
        Json::array({{{"executionSuccessful", true}, {"toolExecutionNotifications", notifications}}});
  }
  run["results"] = results;
  run["properties"] = run_properties(report);
  const Json sarif = {{"$schema", k_schema}, {"version", "2.1.0"}, {"runs", Json::array({run})}};
  out << sarif.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

} // namespace mlfolio::report
