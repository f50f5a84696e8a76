// rigor/evaluation: the model is evaluated on data it was not trained on.
#include "lint/rules/registry.h"
#include "lint/rules/rigor_code.h"

#include "core/text.h"

#include <algorithm>

namespace mlfolio::lint {

namespace {

// Calls (last component) that split data or cross-validate.
constexpr std::string_view k_split_calls[] = {
    "CrossValidator",
    "ExpandingWindowSplitter",
    "GridSearchCV",
    "GroupKFold",
    "GroupShuffleSplit",
    "HalvingGridSearchCV",
    "HalvingRandomSearchCV",
    "KFold",
    "LeaveOneGroupOut",
    "LeaveOneOut",
    "LeavePGroupsOut",
    "LeavePOut",
    "PredefinedSplit",
    "RandomizedSearchCV",
    "RepeatedKFold",
    "RepeatedStratifiedKFold",
    "ShuffleSplit",
    "SlidingWindowSplitter",
    "StratifiedGroupKFold",
    "StratifiedKFold",
    "StratifiedShuffleSplit",
    "TimeSeriesSplit",
    "TrainValidationSplit",
    "BayesSearchCV",
    "cross_val_predict",
    "cross_val_score",
    "cross_validate",
    "cross_validation",
    "iterative_train_test_split",
    "learning_curve",
    "permutation_test_score",
    "randomSplit",
    "random_split",
    "temporal_train_test_split",
    "train_test_split",
    "validation_curve",
};

// Whole callees: the cross-validation helpers of the boosting libraries.
constexpr std::string_view k_cv_callees[] = {"xgb.cv", "xgboost.cv", "lgb.cv", "lightgbm.cv", "catboost.cv"};

// Keyword arguments that hand a validation or evaluation set to training.
constexpr std::string_view k_holdout_keywords[] = {
    "eval_dataset",    "eval_set",         "evals", "val_dataloaders", "valid_sets",
    "validation_data", "validation_split",
};

// Methods of a LightningModule that run on held-out batches.
constexpr std::string_view k_holdout_methods[] = {"test_dataloader", "test_step", "val_dataloader",
                                                  "validation_step"};

constexpr std::string_view k_holdout_words[] = {"test",    "val", "valid", "validation",
                                                "holdout", "dev", "eval",  "testing"};

// The other words of a name such as X_test, val_loader or test_df.
constexpr std::string_view k_data_words[] = {
    "x",        "y",       "df",      "data",       "dataset",  "datasets",  "ds",        "set",
    "sets",     "loader",  "dl",      "dataloader", "iter",     "generator", "gen",       "split",
    "features", "feature", "feats",   "labels",     "label",    "target",    "targets",   "images",
    "imgs",     "texts",   "samples", "frame",      "inputs",   "input",     "encodings", "examples",
    "rows",     "seq",     "seqs",    "batches",    "tokens",   "tokenized", "scaled",    "processed",
    "tensor",   "arr",     "array",   "fold",       "subset",   "pred",      "preds",     "predictions",
    "proba",    "probs",   "loss",    "acc",        "accuracy", "score",     "scores",    "metrics",
    "train",    "dir",     "path",    "file",       "csv",      "idx",
};

constexpr std::string_view k_data_extensions[] = {".csv",  ".tsv",      ".parquet", ".json",    ".jsonl",
                                                  ".npy",  ".npz",      ".pkl",     ".feather", ".h5",
                                                  ".xlsx", ".tfrecord", ".txt"};

bool is_holdout_name(std::string_view identifier)
{
  const auto words = identifier_words(identifier);
  if (words.size() < 2) {
    const std::string lowered = text::to_lower(identifier);
    constexpr std::string_view k_joined[] = {"xtest",  "ytest",  "xval",  "yval",
                                             "xvalid", "yvalid", "testx", "testy"};
    return contains(k_joined, lowered);
  }
  bool holdout = false;
  for (const auto& word : words) {
    if (contains(k_holdout_words, word)) {
      holdout = true;
    } else if (!contains(k_data_words, word)) {
      return false;
    }
  }
  return holdout;
}

// "data/test.csv", "X_valid.npy", "images/validation/": a file or folder of held-out data.
bool is_holdout_path(std::string_view value)
{
  if (value.size() > 300 || value.find(' ') != std::string_view::npos) {
    return false;
  }
  std::string lowered = text::to_lower(value);
  while (!lowered.empty() && lowered.back() == '/') {
    lowered.pop_back();
  }
  const bool folder = lowered.size() < value.size() || value.find('/') != std::string_view::npos;
  std::string name = lowered.substr(lowered.rfind('/') == std::string::npos ? 0 : lowered.rfind('/') + 1);
  bool file = false;
  for (const auto extension : k_data_extensions) {
    if (name.ends_with(extension)) {
      name.resize(name.size() - extension.size());
      file = true;
      break;
    }
  }
  if (!file && !folder) {
    return false;
  }
  if (!file) {
    return contains(k_holdout_words, name);
  }
  for (char& c : name) {
    c = std::isalnum(static_cast<unsigned char>(c)) != 0 ? c : '_';
  }
  return is_holdout_name(name) || contains(k_holdout_words, name);
}

bool keyword_names_holdout(const analyze::KeywordArgument& keyword)
{
  if (keyword.name == "train") {
    return keyword.value == "False"; // torchvision: MNIST(root, train=False) is the test set
  }
  if (keyword.name != "split" && keyword.name != "subset") {
    return false;
  }
  return std::any_of(keyword.strings.begin(), keyword.strings.end(), [](const std::string& value) {
    std::string name = text::to_lower(value);
    name = name.substr(0, name.find('['));
    return contains(k_holdout_words, name);
  });
}

// Evidence in order of strength: splits and cross-validation, validation sets given to training,
// held-out files read, names of held-out data.
std::vector<CodeHit> holdout_evidence(const Analysis& analysis)
{
  std::vector<CodeHit> splits;
  std::vector<CodeHit> sets;
  std::vector<CodeHit> names;
  for (const auto& [file, module] : analysis.code_modules()) {
    for (const auto& call : module->calls) {
      const std::string_view name = last_component(call.callee);
      if (contains(k_split_calls, name) || contains(k_cv_callees, call.callee)) {
        add_unique(splits, {std::string(name == "cv" ? call.callee : name),
                            code_location(analysis, file, call.line)});
      }
      for (const auto& keyword : call.keywords) {
        if (contains(k_holdout_keywords, keyword.name)) {
          add_unique(sets, {keyword.name + "=", code_location(analysis, file, call.line)});
        } else if (keyword_names_holdout(keyword)) {
          add_unique(sets, {keyword.name + "=" + keyword.value, code_location(analysis, file, call.line)});
        }
      }
    }
    for (const auto& function : module->functions) {
      if (contains(k_holdout_methods, function.name)) {
        add_unique(sets, {function.name + "()", code_location(analysis, file, function.line)});
      }
    }
    for (const auto& literal : module->strings) {
      if (!literal.is_bytes && is_holdout_path(literal.value)) {
        add_unique(sets, {"\"" + literal.value + "\"", code_location(analysis, file, literal.line)});
      }
    }
    // A bare "test" or "valid" is a held-out part only where it is cut from the data:
    // "test = series.iloc[cut:]".
    for (const auto& name : module->slice_targets) {
      if (contains(k_holdout_words, text::to_lower(name.text))) {
        add_unique(names, {name.text + " (a slice)", code_location(analysis, file, name.line)});
      }
    }
    for (const auto& name : module->names) {
      // train_test_split is the splitting function's name (first met where it is imported), no data.
      if (is_holdout_name(name.text) && !contains(k_split_calls, name.text)) {
        add_unique(names, {name.text, code_location(analysis, file, name.line)});
      }
    }
  }
  splits.insert(splits.end(), sets.begin(), sets.end());
  splits.insert(splits.end(), names.begin(), names.end());
  return splits;
}

// A clustering project (KMeans, DBSCAN, ...) that scores its clusters (silhouette_score,
// davies_bouldin_score, calinski_harabasz_score) and trains no classifier or regressor: there are
// no labels to hold out. The clustering call and the score, for the message.
std::optional<std::pair<CodeHit, CodeHit>> clustering_only(const Analysis& analysis)
{
  constexpr std::string_view k_clusterers[] = {"KMeans",
                                               "MiniBatchKMeans",
                                               "DBSCAN",
                                               "HDBSCAN",
                                               "AgglomerativeClustering",
                                               "GaussianMixture",
                                               "BisectingKMeans",
                                               "Birch",
                                               "MeanShift",
                                               "OPTICS",
                                               "SpectralClustering",
                                               "KModes",
                                               "KPrototypes"};
  constexpr std::string_view k_cluster_scores[] = {"silhouette_score", "silhouette_samples",
                                                   "davies_bouldin_score", "calinski_harabasz_score"};
  const auto supervised = [](std::string_view name) {
    return name.ends_with("Classifier") || name.ends_with("Regressor") || name.ends_with("Regression") ||
           name == "SVC" || name == "SVR" || name == "LinearSVC" || name == "GaussianNB" ||
           name == "MultinomialNB" || name == "Sequential" || name == "Trainer";
  };
  std::optional<CodeHit> clusterer;
  std::optional<CodeHit> score;
  for (const auto& [file, module] : analysis.code_modules()) {
    // A nearest-neighbours classifier fitted beside the clustering, in the same module, carries
    // the clusters' labels to new points (SpectralClustering has no predict of its own).
    const bool clusters_here = std::any_of(module->calls.begin(), module->calls.end(), [&](const auto& call) {
      return contains(k_clusterers, last_component(call.callee));
    });
    for (const auto& call : module->calls) {
      const std::string_view name = last_component(call.callee);
      if (supervised(name) && !(clusters_here && name == "KNeighborsClassifier")) {
        return std::nullopt;
      }
      if (!clusterer && contains(k_clusterers, name)) {
        clusterer = CodeHit{std::string(name), code_location(analysis, file, call.line)};
      }
      if (!score && contains(k_cluster_scores, name)) {
        score = CodeHit{std::string(name), code_location(analysis, file, call.line)};
      }
    }
  }
  if (!clusterer || !score) {
    return std::nullopt;
  }
  return std::make_pair(*clusterer, *score);
}

} // namespace

Finding check_rigor_evaluation(const RuleContext& context)
{
  const Analysis& analysis = context.analysis();
  const auto evidence = ml_library_import(analysis) ? holdout_evidence(analysis) : std::vector<CodeHit>{};
  if (!evidence.empty()) {
    return pass("held-out evaluation: " + describe_hits(evidence, 3), hit_locations(evidence, 3));
  }
  if (const auto reason = no_training_reason(analysis)) {
    return skip(*reason);
  }
  if (const auto clustering = clustering_only(analysis)) {
    return skip("the model clusters unlabelled data (" + clustering->first.what + " at " +
                clustering->first.where.to_string() + ") and scores its clusters (" +
                clustering->second.what + " at " + clustering->second.where.to_string() +
                "): there are no labels to hold out");
  }
  const CodeHit training = *training_evidence(analysis);
  return fail("the model is trained (" + training.what + " at " + training.where.to_string() +
                  ") but nothing is held out in " + code_scope(analysis) +
                  ": no train_test_split, cross-validation, validation set or test set",
              {training.where});
}

} // namespace mlfolio::lint
