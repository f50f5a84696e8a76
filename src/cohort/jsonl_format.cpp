#include "cohort/formats.h"
#include "cohort/jsonl.h"

#include "core/text.h"
#include "lint/score.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>

namespace mlfolio::cohort {

namespace {

using Json = nlohmann::ordered_json;

template <typename T> Json optional_json(const std::optional<T>& value)
{
  return value ? Json(*value) : Json(nullptr);
}

// What is wrong with one line; thrown inside row_from_json and turned into an error naming the line.
struct BadRow
{
  std::string why;
};

const Json& member(const Json& object, const char* key)
{
  const auto it = object.find(key);
  if (it == object.end()) {
    throw BadRow{"no \"" + std::string(key) + "\" key"};
  }
  return *it;
}

size_t size_member(const Json& object, const char* key)
{
  const Json& value = member(object, key);
  if (!value.is_number_unsigned()) {
    throw BadRow{"\"" + std::string(key) + "\" is not a whole number"};
  }
  return value.get<size_t>();
}

std::optional<int> score_value(const Json& value, const std::string& key)
{
  if (value.is_null()) {
    return std::nullopt;
  }
  // Read as 64 bits: a larger number must be refused, not wrapped into the range.
  if (!value.is_number_integer() || value.get<int64_t>() < 0 || value.get<int64_t>() > 100) {
    throw BadRow{"\"" + key + "\" is not a score from 0 to 100 or null"};
  }
  return static_cast<int>(value.get<int64_t>());
}

std::optional<std::string> string_or_null(const Json& object, const char* key)
{
  const Json& value = member(object, key);
  if (value.is_null()) {
    return std::nullopt;
  }
  if (!value.is_string()) {
    throw BadRow{"\"" + std::string(key) + "\" is not a string or null"};
  }
  return value.get<std::string>();
}

Row row_from_json(const Json& json)
{
  if (!json.is_object()) {
    throw BadRow{"not a JSON object"};
  }
  Row row;
  row.index = size_member(json, "index");
  row.cohort_size = size_member(json, "cohort_size");
  if (row.index >= row.cohort_size) {
    throw BadRow{"\"index\" " + std::to_string(row.index) + " is not below \"cohort_size\" " +
                 std::to_string(row.cohort_size)};
  }
  const auto target = string_or_null(json, "target");
  if (!target) {
    throw BadRow{"\"target\" is null"};
  }
  row.target = *target;
  row.commit = string_or_null(json, "commit");
  row.score = score_value(member(json, "score"), "score");
  const auto grade = string_or_null(json, "grade");
  if (grade &&
      (grade->size() != 1 || std::string_view("ABCDF").find((*grade)[0]) == std::string_view::npos)) {
    throw BadRow{"\"grade\" is not one of A, B, C, D, F"};
  }
  row.grade = grade ? std::optional((*grade)[0]) : std::nullopt;
  if (row.grade.has_value() != row.score.has_value() ||
      (row.score && *row.grade != lint::grade_for(*row.score))) {
    throw BadRow{"\"grade\" does not go with \"score\" (see 'mlfolio explain score')"};
  }
  const Json& categories = member(json, "categories");
  const Json& rules = member(json, "rules");
  if (!categories.is_object() || !rules.is_object()) {
    throw BadRow{"\"categories\" and \"rules\" must be objects"};
  }
  for (const auto& [id, score] : categories.items()) {
    row.categories.emplace_back(id, score_value(score, "categories." + id));
  }
  for (const auto& [id, status] : rules.items()) {
    const auto parsed = status.is_string() ? lint::parse_status(status.get<std::string>()) : std::nullopt;
    if (!parsed) {
      throw BadRow{"the status of rule '" + id + "' is not pass, fail or skip"};
    }
    row.rules.emplace_back(id, *parsed);
  }
  const Json& met = member(json, "thresholds_met");
  if (!met.is_null() && !met.is_boolean()) {
    throw BadRow{"\"thresholds_met\" is not true, false or null"};
  }
  row.thresholds_met = met.is_null() ? std::nullopt : std::optional(met.get<bool>());
  row.error = string_or_null(json, "error");
  if (row.error.has_value() == row.thresholds_met.has_value()) {
    throw BadRow{"a row has either an \"error\" or \"thresholds_met\", not both or neither"};
  }
  return row;
}

} // namespace

std::string row_to_json_line(const Row& row)
{
  Json json;
  json["index"] = row.index;
  json["cohort_size"] = row.cohort_size;
  json["target"] = row.target;
  json["commit"] = optional_json(row.commit);
  json["score"] = optional_json(row.score);
  json["grade"] = row.grade ? Json(std::string(1, *row.grade)) : Json(nullptr);
  json["categories"] = Json::object();
  for (const auto& [id, score] : row.categories) {
    json["categories"][id] = optional_json(score);
  }
  json["failed_rules"] = row.failed_rules();
  json["rules"] = Json::object();
  for (const auto& [id, status] : row.rules) {
    json["rules"][id] = lint::status_name(status);
  }
  json["thresholds_met"] = optional_json(row.thresholds_met);
  json["error"] = optional_json(row.error);
  // Invalid UTF-8 in a path or message is replaced, never thrown.
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

void write_jsonl(const std::vector<Row>& rows, std::ostream& out)
{
  for (const auto& row : rows) {
    out << row_to_json_line(row) << '\n';
  }
}

Result<std::vector<SourcedRow>> parse_rows(std::string_view text, std::string_view file_name)
{
  std::vector<SourcedRow> rows;
  size_t line_number = 0;
  for (const auto line : text::split_lines(text)) {
    ++line_number;
    if (text::trim(line).empty()) {
      continue;
    }
    const std::string where = std::string(file_name) + ":" + std::to_string(line_number);
    try {
      rows.push_back({row_from_json(Json::parse(line)), where});
    } catch (const Json::exception& error) {
      return usage_error(where + ": not JSON (" + error.what() +
                         "); expected a line of 'mlfolio check --format jsonl'.");
    } catch (const BadRow& bad) {
      return usage_error(where + ": not a cohort row: " + bad.why +
                         "; expected a line of 'mlfolio check --format jsonl'.");
    }
  }
  return rows;
}

Result<std::vector<Row>> merge_rows(std::vector<SourcedRow> rows)
{
  if (rows.empty()) {
    return usage_error("mlfolio report merge: the inputs hold no rows.");
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const SourcedRow& a, const SourcedRow& b) { return a.row.index < b.row.index; });
  const size_t size = rows.front().row.cohort_size;
  std::vector<Row> merged;
  for (size_t i = 0; i < rows.size(); ++i) {
    const SourcedRow& sourced = rows[i];
    if (sourced.row.cohort_size != size) {
      return usage_error(sourced.where + ": the row belongs to a cohort of " +
                         std::to_string(sourced.row.cohort_size) + " targets, " + rows.front().where +
                         " to one of " + std::to_string(size) + "; merge the outputs of one target list.");
    }
    if (i > 0 && rows[i - 1].row.index == sourced.row.index) {
      return usage_error(sourced.where + ": target " + std::to_string(sourced.row.index + 1) +
                         " is already in " + rows[i - 1].where + "; each shard's output is merged once.");
    }
    merged.push_back(sourced.row);
  }
  if (merged.size() != size) {
    std::vector<std::string> missing;
    size_t next = 0;
    for (const auto& row : merged) {
      for (; next < row.index && missing.size() < 5; ++next) {
        missing.push_back(std::to_string(next + 1));
      }
      next = row.index + 1;
    }
    for (; next < size && missing.size() < 5; ++next) {
      missing.push_back(std::to_string(next + 1));
    }
    std::string list;
    for (const auto& number : missing) {
      list += (list.empty() ? "" : ", ") + number;
    }
    return usage_error("mlfolio report merge: " + std::to_string(size - merged.size()) + " of " +
                       std::to_string(size) + " targets are missing (" + list +
                       (size - merged.size() > missing.size() ? ", ..." : "") +
                       "); merge the output of every shard.");
  }
  return merged;
}

} // namespace mlfolio::cohort
