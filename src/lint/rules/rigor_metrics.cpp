// rigor/metrics: metrics beyond plain accuracy are computed.
#include "lint/rules/registry.h"
#include "lint/rules/rigor_code.h"

#include "core/text.h"
#include "lint/wording.h"

#include <algorithm>
#include <set>

namespace mlfolio::lint {

namespace {

// Calls (last component) that compute or plot a metric other than accuracy: scikit-learn,
// torchmetrics, Keras and MONAI classes, NLP scores.
constexpr std::string_view k_metric_calls[] = {
    "AUC",
    "AUROC",
    "AveragePrecision",
    "BinaryAUROC",
    "BinaryF1Score",
    "BinaryPrecision",
    "BinaryRecall",
    "BinaryIoU",
    "CohenKappa",
    "ConfusionMatrix",
    "ConfusionMatrixDisplay",
    "ConfusionMatrixMetric",
    "DiceMetric",
    "DiceScore",
    "GeneralizedDiceScore",
    "HausdorffDistanceMetric",
    "F1Score",
    "FBetaScore",
    "JaccardIndex",
    "MatthewsCorrCoef",
    "MeanAbsoluteError",
    "MeanAbsolutePercentageError",
    "MeanAveragePrecision",
    "MeanIoU",
    "MeanSquaredError",
    "MulticlassAUROC",
    "MulticlassF1Score",
    "MulticlassPrecision",
    "MulticlassRecall",
    "MultilabelF1Score",
    "Precision",
    "PrecisionRecallCurve",
    "PrecisionRecallDisplay",
    "R2Score",
    "ROC",
    "ROCAUCMetric",
    "Recall",
    "RocCurveDisplay",
    "RootMeanSquaredError",
    "RougeScorer",
    "SurfaceDistanceMetric",
    "adjusted_rand_score",
    "average_precision_score",
    "balanced_accuracy_score",
    "brier_score_loss",
    "calinski_harabasz_score",
    "classification_report",
    "cohen_kappa_score",
    "confusion_matrix",
    "corpus_bleu",
    "davies_bouldin_score",
    "det_curve",
    "explained_variance_score",
    "f1_score",
    "fbeta_score",
    "hamming_loss",
    "jaccard_score",
    "log_loss",
    "matthews_corrcoef",
    "mean_absolute_error",
    "mean_absolute_percentage_error",
    "mean_pinball_loss",
    "mean_squared_error",
    "mean_squared_log_error",
    "median_absolute_error",
    "multilabel_confusion_matrix",
    "ndcg_score",
    "plot_confusion_matrix",
    "plot_precision_recall_curve",
    "plot_roc_curve",
    "precision_recall_curve",
    "precision_recall_fscore_support",
    "precision_score",
    "r2_score",
    "recall_score",
    "roc_auc_score",
    "roc_curve",
    "root_mean_squared_error",
    "root_mean_squared_log_error",
    "sentence_bleu",
    "silhouette_score",
};

constexpr std::string_view k_accuracy_calls[] = {"Accuracy",
                                                 "BinaryAccuracy",
                                                 "CategoricalAccuracy",
                                                 "MulticlassAccuracy",
                                                 "SparseCategoricalAccuracy",
                                                 "accuracy_score"};

constexpr std::string_view k_accuracy_names[] = {
    "accuracy",      "acc",   "binary_accuracy", "categorical_accuracy", "sparse_categorical_accuracy",
    "eval_accuracy", "error", "merror",          "top_k_accuracy"};

// Keyword arguments whose strings name metrics: Keras compile, scikit-learn search and
// cross-validation, boosting libraries, Hugging Face training arguments.
constexpr std::string_view k_metric_keywords[] = {"eval_metric", "metric_for_best_model", "metrics",
                                                  "scoring"};

// Words of identifiers and defined functions that name a metric: rmse = ..., def compute_mape().
constexpr std::string_view k_metric_words[] = {"rmse",  "mae",  "mape", "smape",     "rmsle",     "f1",
                                               "auc",   "roc",  "iou",  "ndcg",      "mrr",       "bleu",
                                               "rouge", "wer",  "mcc",  "fscore",    "precision", "recall",
                                               "dice",  "psnr", "ssim", "hausdorff", "perplexity"};

// Words a README uses for metrics beyond accuracy (compared after lower-casing, as whole words).
constexpr std::string_view k_readme_metrics[] = {
    "f1",   "f1-score", "f1 score", "precision", "recall", "auc",  "roc auc",  "roc-auc",   "pr auc",
    "rmse", "mae",      "mape",     "mse",       "r2",     "r²",   "log loss", "logloss",   "mcc",
    "iou",  "map",      "bleu",     "rouge",     "wer",    "ndcg", "dice",     "perplexity"};

struct MetricEvidence
{
  std::vector<CodeHit> beyond;
  std::vector<CodeHit> named; // identifiers named after a metric beyond accuracy (f1_macro, val_rmse)
  std::vector<CodeHit> accuracy;
};

bool is_loss(std::string_view name)
{
  return name == "loss" || name == "eval_loss" || name == "val_loss";
}

// Words of metric names as strings give them: "roc_auc", "neg_root_mean_squared_error", "f1_macro".
constexpr std::string_view k_metric_name_words[] = {
    "absolute", "auc", "aucpr", "balanced",  "f1", "kappa",  "logloss", "mae",   "map",     "mape", "mcc",
    "mlogloss", "mse", "ndcg",  "precision", "r2", "recall", "rmse",    "rmsle", "squared", "log",
};

// Only strings that name a metric: metrics=metadata["metrics"] names none.
void classify_strings(const analyze::KeywordArgument& keyword, const Location& where,
                      MetricEvidence& evidence)
{
  for (const auto& value : keyword.strings) {
    const std::string name = text::to_lower(value);
    if (name.empty() || is_loss(name) || name.size() > 60) {
      continue;
    }
    CodeHit hit{keyword.name + "=\"" + value + "\"", where};
    const auto words = identifier_words(name);
    if (contains(k_accuracy_names, name)) {
      add_unique(evidence.accuracy, std::move(hit));
    } else if (std::any_of(words.begin(), words.end(),
                           [](std::string_view word) { return contains(k_metric_name_words, word); })) {
      add_unique(evidence.beyond, std::move(hit));
    }
  }
}

// A setting named after a metric is no measurement: iou_threshold and nms_iou tune a detector's
// non-maximum suppression, f1_thresh picks a cut-off.
// Precision is also the numbers' own: mixed_precision, float_precision, fp16, decimal digits.
constexpr std::string_view k_setting_words[] = {"threshold", "thresh", "nms",   "conf",    "confidence",
                                                "min",       "max",    "mixed", "float",   "fp16",
                                                "bf16",      "amp",    "half",  "decimal", "digits"};

bool names_metric(std::string_view identifier)
{
  const auto words = identifier_words(identifier);
  bool metric = std::any_of(words.begin(), words.end(),
                            [](std::string_view word) { return contains(k_metric_words, word); });
  // A hand-computed F-score: f_score, f_beta.
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    metric = metric || (words[i] == "f" && (words[i + 1] == "score" || words[i + 1] == "beta"));
  }
  // dice_loss, dice_coef_loss: a loss to minimise, not a measurement.
  return metric && std::none_of(words.begin(), words.end(), [](std::string_view word) {
           return contains(k_setting_words, word) || word == "loss";
         });
}

// torchmetrics' containers and aggregators: MeanMetric averages a loss, MaxMetric keeps the
// best accuracy so far; they measure nothing of their own.
constexpr std::string_view k_torchmetrics_tools[] = {"MetricCollection", "MetricTracker", "MeanMetric",
                                                     "MaxMetric",        "MinMetric",     "SumMetric",
                                                     "CatMetric",        "RunningMean",   "RunningSum"};

// Names imported from torchmetrics: every metric class there counts, by whether it is accuracy.
bool from_torchmetrics(const analyze::PythonModule& module, std::string_view callee)
{
  if (callee.starts_with("torchmetrics.")) {
    return true;
  }
  const std::string_view first = callee.substr(0, callee.find('.'));
  return std::any_of(module.imports.begin(), module.imports.end(), [&](const analyze::Import& import) {
    return import.module.starts_with("torchmetrics") &&
           std::find(import.names.begin(), import.names.end(), first) != import.names.end();
  });
}

void scan_calls(const Analysis& analysis, const FileEntry* file, const analyze::PythonModule& module,
                MetricEvidence& evidence)
{
  for (const auto& call : module.calls) {
    const std::string_view name = last_component(call.callee);
    const auto where = [&, file = file] { return code_location(analysis, file, call.line); }; // when found
    if (contains(k_accuracy_calls, name)) {
      add_unique(evidence.accuracy, {std::string(name), where()});
    } else if (contains(k_metric_calls, name)) {
      add_unique(evidence.beyond, {std::string(name), where()});
    } else if (from_torchmetrics(module, call.callee) && !contains(k_torchmetrics_tools, name)) {
      const bool accuracy = text::to_lower(name).find("accuracy") != std::string::npos;
      add_unique(accuracy ? evidence.accuracy : evidence.beyond, {std::string(name), where()});
    } else if ((call.callee == "evaluate.load" || name == "load_metric") && call.first_string) {
      const std::string metric = text::to_lower(*call.first_string);
      CodeHit hit{call.callee + "(\"" + *call.first_string + "\")", where()};
      add_unique(metric == "accuracy" ? evidence.accuracy : evidence.beyond, std::move(hit));
    }
    for (const auto& keyword : call.keywords) {
      if (contains(k_metric_keywords, keyword.name)) {
        classify_strings(keyword, where(), evidence);
      }
    }
  }
}

// A scikit-learn metric looked up by its name: "from sklearn import metrics", then
// getattr(metrics, self.name) with name = "f1_score" set in the same module.
void scan_named_lookup(const Analysis& analysis, const FileEntry* file, const analyze::PythonModule& module,
                       MetricEvidence& evidence)
{
  const bool metrics_module =
      std::any_of(module.imports.begin(), module.imports.end(), [](const analyze::Import& import) {
        return (import.module == "sklearn" &&
                std::find(import.names.begin(), import.names.end(), "metrics") != import.names.end()) ||
               (import.module == "sklearn.metrics" && import.names.empty());
      });
  if (!metrics_module || std::none_of(module.calls.begin(), module.calls.end(),
                                      [](const analyze::Call& call) { return call.callee == "getattr"; })) {
    return;
  }
  for (const auto& literal : module.strings) {
    if (!literal.is_fstring && literal.value.find('_') != std::string::npos &&
        contains(k_metric_calls, literal.value)) {
      add_unique(evidence.beyond, {"getattr(sklearn.metrics, \"" + literal.value + "\")",
                                   code_location(analysis, file, literal.line)});
    }
  }
}

MetricEvidence metric_evidence(const Analysis& analysis)
{
  MetricEvidence evidence;
  for (const auto& [file, module] : analysis.code_modules()) {
    scan_calls(analysis, file, *module, evidence);
    scan_named_lookup(analysis, file, *module, evidence);
    // A metric's name given a random number (ndcg = 0.65 + np.random.normal(0, 0.1)) measures
    // nothing, nor does a schema's field declared for one (ndcg: float = Field(..., ge=0.0)): the
    // lines of such calls.
    std::set<int> drawn;
    bool tsne = false;
    for (const auto& call : module->calls) {
      tsne = tsne || text::icontains(last_component(call.callee), "tsne");
      if (call.callee.starts_with("random.") || call.callee.find(".random.") != std::string::npos ||
          call.callee == "Field" || call.callee.ends_with(".Field")) {
        drawn.insert(call.line);
      }
    }
    // Lightning's numeric precision ("32", "16-mixed", "bf16") set on a line: precision =
    // hparams.get("precision", "32") is how numbers are stored, not a measurement.
    constexpr std::string_view k_numeric_precisions[] = {
        "16",         "32",      "64",      "16-mixed", "bf16",
        "bf16-mixed", "32-true", "16-true", "64-true",  "transformer-engine"};
    std::set<int> numeric_precision;
    for (const auto& literal : module->strings) {
      if (contains(k_numeric_precisions, literal.value)) {
        numeric_precision.insert(literal.line);
      }
    }
    for (const auto& name : module->names) {
      if (text::iequals(name.text, "precision") && numeric_precision.contains(name.line)) {
        continue;
      }
      // t-SNE's perplexity is a setting of the plot, not a language model's score.
      // A constant (TSNE_PERPLEXITY = 30) is a setting too.
      const bool constant =
          std::none_of(name.text.begin(), name.text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
      if ((tsne || constant || text::icontains(name.text, "tsne")) &&
          text::icontains(name.text, "perplexity")) {
        continue;
      }
      if (names_metric(name.text) && !drawn.contains(name.line)) {
        add_unique(evidence.named, {name.text, code_location(analysis, file, name.line)});
      }
    }
  }
  return evidence;
}

bool is_word_char(char c)
{
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= 0x80;
}

// The first metric of k_readme_metrics in `text` as a whole word ("F1", not "F1a"). Mean average
// precision is written mAP or MAP: a "flood map" is a picture.
std::string readme_metric(std::string_view block_text)
{
  const std::string lowered = text::to_lower(block_text);
  for (const auto metric : k_readme_metrics) {
    for (size_t at = lowered.find(metric); at != std::string::npos; at = lowered.find(metric, at + 1)) {
      const size_t end = at + metric.size();
      const bool starts = at == 0 || !is_word_char(lowered[at - 1]);
      const bool ends = end >= lowered.size() || !is_word_char(lowered[end]) || metric == "r²";
      const bool cased = metric != "map" || block_text.substr(at + 1, 2) != "ap";
      // t-SNE's perplexity is a plot's setting.
      const bool tsne = metric == "perplexity" && (lowered.find("t-sne") != std::string::npos ||
                                                   lowered.find("tsne") != std::string::npos);
      if (starts && ends && cased && !tsne) {
        return std::string(block_text.substr(at, metric.size()));
      }
    }
  }
  return {};
}

// A README table, list item or paragraph that gives a metric beyond accuracy with a number.
std::optional<CodeHit> readme_results(const Analysis& analysis)
{
  const analyze::Document* document = analysis.readme_document();
  if (document == nullptr) {
    return std::nullopt;
  }
  for (const auto& block : document->blocks) {
    if (block.kind == analyze::BlockKind::code || block.kind == analyze::BlockKind::heading) {
      continue;
    }
    // A number of its own: the 1 of "F1-Score" or "R2" measures nothing.
    bool has_number = false;
    for (size_t i = 0; i < block.text.size() && !has_number; ++i) {
      has_number = std::isdigit(static_cast<unsigned char>(block.text[i])) != 0 &&
                   (i == 0 || std::isalpha(static_cast<unsigned char>(block.text[i - 1])) == 0);
    }
    if (!has_number) {
      continue;
    }
    if (const std::string metric = readme_metric(block.text); !metric.empty()) {
      return CodeHit{metric, {analysis.readme()->path, static_cast<uint32_t>(block.line)}};
    }
  }
  return std::nullopt;
}

} // namespace

Finding check_rigor_metrics(const RuleContext& context)
{
  const Analysis& analysis = context.analysis();
  const MetricEvidence evidence = metric_evidence(analysis);
  // A name alone ("iou", "f1") counts where a model is trained: in an inference-only API it is as
  // likely a request field or a setting as a measurement.
  const auto no_training = no_training_reason(analysis);
  std::vector<CodeHit> beyond = evidence.beyond;
  // Retrieval and generation metrics (mrr, ndcg, rouge) measure a RAG app's or a hosted model's
  // answers, so their names count where nothing is trained; they name no request field.
  constexpr std::string_view k_output_metrics[] = {"ndcg", "mrr", "bleu", "rouge", "wer"};
  for (const CodeHit& hit : evidence.named) {
    const auto words = identifier_words(hit.what);
    if (!no_training || std::any_of(words.begin(), words.end(), [&](std::string_view word) {
          return contains(k_output_metrics, word);
        })) {
      add_unique(beyond, hit); // f1_score, called and also named, once
    }
  }
  if (!beyond.empty()) {
    return pass("metrics beyond accuracy: " + describe_hits(beyond, 4), hit_locations(beyond, 4));
  }
  const auto readme = readme_results(analysis);
  if (readme) {
    return pass(readme->where.path + " reports " + readme->what + " (line " +
                    std::to_string(readme->where.line) +
                    "); the code computes no metric mlfolio recognises beyond accuracy",
                {readme->where});
  }
  if (!evidence.accuracy.empty()) {
    return fail("only accuracy is measured (" + describe_hits(evidence.accuracy, 3) +
                    "): no precision, recall, F1, ROC AUC or error metric in " + code_scope(analysis),
                hit_locations(evidence.accuracy, 3));
  }
  if (no_training) {
    return skip(*no_training);
  }
  const CodeHit training = *training_evidence(analysis);
  return fail("the model is trained (" + training.what + " at " + training.where.to_string() +
                  ") but no evaluation metric is computed in " + code_scope(analysis) +
                  ": no sklearn.metrics, torchmetrics, evaluate or Keras metrics=",
              {training.where});
}

} // namespace mlfolio::lint
