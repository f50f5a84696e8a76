#pragma once

#include "lint/rules/code_names.h"

// What the rigor rules share: whether the project has ML code at all, where a line of a notebook's
// code lies in its .ipynb file, and how evidence found in the code is worded.

#include "lint/analysis.h"
#include "lint/finding.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::lint {

// One piece of evidence: what was seen ("train_test_split", "random_state=") and where.
struct CodeHit
{
  std::string what;
  Location where;
};

// The location of `line` of a module from code_modules(). Notebook code is analysed as the code
// cells joined, so for a notebook the line is that of the cell's "{" in the .ipynb file.
Location code_location(const Analysis& analysis, const FileEntry* file, int line);


// Identifier split into lower-case words at underscores and camelCase humps, trailing digits
// dropped after two letters: "X_test2" -> {"x", "test"}, "valLoader" -> {"val", "loader"},
// "f1_macro" -> {"f1", "macro"}.
//
// The words are views into the list's own lower-cased copy (see WordList).
class IdentifierWords : public WordList
{
public:
  explicit IdentifierWords(std::string_view identifier);
};

inline IdentifierWords identifier_words(std::string_view identifier)
{
  return IdentifierWords(identifier);
}

bool contains(std::span<const std::string_view> words, std::string_view word);

// The ML library an import brings in ("sklearn", "torch", "pyspark.ml"); "" for any other import.
std::string ml_library_of(const analyze::Import& import);

// The module's first call that trains a model (fit, train, backward, ...) or LightningModule
// class: its name and line.
std::optional<std::pair<std::string, int>> training_call(const analyze::PythonModule& module);

// The first import of an ML library (scikit-learn, PyTorch, TensorFlow, XGBoost, ...).
std::optional<CodeHit> ml_library_import(const Analysis& analysis);

// The first call that trains a model (fit, train, backward, ...) or LightningModule class, when the
// code imports an ML library; nothing for code that only runs pretrained models.
std::optional<CodeHit> training_evidence(const Analysis& analysis);

// Why a rule about training does not apply, or nothing when a model is trained.
std::optional<std::string> no_training_reason(const Analysis& analysis);


// "train_test_split at src/a.py:3, KFold at b.ipynb:40 and 2 more".
std::string describe_hits(const std::vector<CodeHit>& hits, size_t max);
std::vector<Location> hit_locations(const std::vector<CodeHit>& hits, size_t max);

// Appends `hit` unless a hit with the same `what` is already there (the first one is kept).
void add_unique(std::vector<CodeHit>& hits, CodeHit hit);

} // namespace mlfolio::lint
