#pragma once

#include "core/result.h"
#include "generate/render.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::generate {

// What the user chose for a new project; recorded in the project's .mlfolio.toml.
struct Answers
{
  std::string name;
  std::string task = "tabular-classification";
  std::string tracking = "mlflow";
  std::string license = "mit";
  std::string author;
  std::string email;
  std::string description;
  std::string python = "3.11";
};

struct AnswerField
{
  std::string_view key;
  std::string_view help;
  std::span<const std::string_view> choices; // empty: free text
  std::string Answers::*member;
};

// The one table of answer keys: it drives --set, --answers files, validation and .mlfolio.toml.
std::span<const AnswerField> answer_fields();

// Sets one answer from "KEY=VALUE"; `where` names the source for messages ("--set", "file:line:col").
Result<void> set_answer(Answers& answers, std::string_view key, std::string value, std::string_view where);

// Reads a TOML answers file: top-level keys, or an [answers] table (so a generated project's
// .mlfolio.toml can be reused).
Result<void> read_answers_file(Answers& answers, const std::string& path);

// Validates every answer; the NAME rules: not empty, no path separators, not "." or "..",
// starts with a letter, only letters, digits, '-', '_' and '.', and maps to a Python identifier
// that is not a keyword.
Result<void> validate(const Answers& answers);

// "churn-predictor" -> "churn_predictor"; "Churn.Predictor" -> "churn_predictor".
std::string package_name(std::string_view name);

// "churn-predictor" -> "Churn Predictor".
std::string title_of(std::string_view name);

// The variables templates see (documented in CONTRIBUTING.md).
Variables variables_of(const Answers& answers, std::string_view template_version);

} // namespace mlfolio::generate
