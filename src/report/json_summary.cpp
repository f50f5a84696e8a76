#include "report/json_summary.h"

#include "lint/score.h"

#include <nlohmann/json.hpp>

namespace mlfolio::report {

namespace {

using Json = nlohmann::json;

tl::unexpected<Error> not_a_report(std::string_view name, const std::string& why)
{
  return usage_error(std::string(name) + " is not an mlfolio JSON report: " + why + ".");
}

// nlohmann's "[json.exception.parse_error.101] parse error at line 1, ..." without the bracket.
std::string parse_message(const std::string& what)
{
  const size_t bracket = what.find("] ");
  return bracket == std::string::npos ? what : what.substr(bracket + 2);
}

} // namespace

Result<Report> read_json_summary(std::string_view text, std::string_view name)
{
  Json json;
  try {
    json = Json::parse(text);
  } catch (const Json::parse_error& error) {
    return usage_error(std::string(name) + " is not valid JSON: " + parse_message(error.what()));
  }
  if (!json.is_object()) {
    return not_a_report(name, "it holds a " + std::string(json.type_name()) + ", not an object");
  }
  const auto version = json.find("schema_version");
  if (version == json.end()) {
    return not_a_report(name, "it has no \"schema_version\"");
  }
  if (!version->is_number_integer() || version->get<int>() != k_json_schema_version) {
    return not_a_report(name, "its schema_version is " + version->dump() + ", this mlfolio reads " +
                                  std::to_string(k_json_schema_version));
  }
  Report report;
  for (const char* key : {"tool_version", "target"}) {
    const auto value = json.find(key);
    if (value == json.end() || !value->is_string()) {
      return not_a_report(name, "\"" + std::string(key) + "\" is missing or not a string");
    }
  }
  report.tool_version = json["tool_version"].get<std::string>();
  report.target = json["target"].get<std::string>();
  if (json.contains("commit") && json["commit"].is_string()) {
    report.commit = json["commit"].get<std::string>();
  }
  const auto score = json.find("score");
  const auto grade = json.find("grade");
  if (score == json.end() || grade == json.end()) {
    return not_a_report(name, "it has no \"score\" or no \"grade\"");
  }
  if (score->is_null() != grade->is_null()) {
    return not_a_report(name, "\"score\" and \"grade\" must both be null or both be set");
  }
  if (score->is_null()) {
    return report;
  }
  if (!score->is_number_integer() || score->get<int64_t>() < 0 || score->get<int64_t>() > 100) {
    return not_a_report(name, "\"score\" must be a whole number from 0 to 100 or null, got " + score->dump());
  }
  const int overall = score->get<int>();
  const std::string expected(1, lint::grade_for(overall));
  if (!grade->is_string() || grade->get<std::string>() != expected) {
    return not_a_report(name, "\"grade\" must be \"" + expected + "\" for the score " +
                                  std::to_string(overall) + ", got " + grade->dump());
  }
  report.score.overall = overall;
  report.score.grade = expected[0];
  return report;
}

} // namespace mlfolio::report
