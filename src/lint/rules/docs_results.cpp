// docs/results: metric names with numbers, in a table or in a list or sentence.
#include "lint/rules/registry.h"

#include "core/text.h"
#include "lint/rules/docs_sections.h"
#include "lint/wording.h"

#include <re2/re2.h>

#include <algorithm>

namespace mlfolio::lint {

namespace {

constexpr std::string_view k_results_headings[] = {"results",  "performance", "evaluation",
                                                   "metrics",  "benchmark",   "scores",
                                                   "findings", "outcome",     "model comparison"};
// Code blocks that may hold printed metrics (a classification report); program code does not count.
constexpr std::string_view k_output_languages[] = {"",        "text",   "txt", "plain", "plaintext",
                                                   "console", "output", "log", "none",  "nohighlight"};

const RE2& metric_pattern()
{
  thread_local const RE2 pattern(
      R"((?i:\b(accuracy|acc|precision|recall|f1|f-1|f1[- ]score|f[- ]score|f-?beta|f2|auc|roc[- ]?auc|auc[- ]?roc|)"
      R"(auroc|auprc|pr[- ]?auc|average precision|mean average precision|rmse|mse|mae|mape|smape|rmsle|msle|wape|)"
      R"(mase|r2|r\^2|r-squared|r squared|log[- ]?loss|cross[- ]entropy|bleu|rouge(-[l12])?|meteor|chrf|bertscore|)"
      R"(wer|cer|perplexity|ppl|iou|miou|dice|psnr|ssim|fid|ndcg|mrr|hit rate|hits?@\d+|recall@\d+|)"
      R"(precision@\d+|top-?[15]( accuracy)?|exact match|kappa|mcc|matthews|balanced accuracy|specificity|)"
      R"(sensitivity|gini|brier|error rate|mean absolute error|mean squared error|root mean squared? error|)"
      R"(coefficient of determination|silhouette|spearman|pearson|jaccard|sharpe|pinball|crps)\b)|r²|R²|\bmAP\b)");
  return pattern;
}

// A value in a sentence: 0.87, .87, 94.3 %, 12%, "RMSE: 3421", "MAE = 12".
const RE2& value_pattern()
{
  thread_local const RE2 pattern(R"((\d*[.,]\d+|\d+\s*%|[:=]\s*\$?\d+))");
  return pattern;
}

const RE2& decimal_pattern()
{
  thread_local const RE2 pattern(R"(\b\d*\.\d+\b)");
  return pattern;
}

// A table cell that is a number: "0.912", "94 %", "±0.02", "~3,421", "12.5 ms".
const RE2& cell_pattern()
{
  thread_local const RE2 pattern(
      R"(^\s*[~≈<>±+\-]?\s*\$?\d[\d,]*(\.\d+)?\s*(%|[a-zA-Z]{0,3})?\s*(\(.*\)|±.*)?\s*$)");
  return pattern;
}

bool matches(std::string_view text, const RE2& pattern)
{
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), pattern);
}

// A goal, not a result: "AUC Target", "Minimum F1", "> 0.90", "If accuracy drops below 0.8 the
// model retrains".
const RE2& target_header_pattern()
{
  thread_local const RE2 pattern(
      R"((?i)\b(target|goal|threshold|minimum|min|required|requirement|criteri(a|on)|sla)\b)");
  return pattern;
}

const RE2& comparison_cell_pattern()
{
  thread_local const RE2 pattern(R"(^\s*(>|<|≥|≤|>=|<=))");
  return pattern;
}

const RE2& condition_pattern()
{
  thread_local const RE2 pattern(
      R"((?i)\b(if|when|whenever|unless|threshold|target|goal|must|should|alert|retrain(s|ed|ing)?|drops?|falls?|)"
      R"(criteria|criterion|requirement)\b)");
  return pattern;
}

const RE2& comparator_pattern()
{
  thread_local const RE2 pattern(
      R"((?i)(\bbelow|\babove|\bunder|\bover|\bexceeds?|\bat least|\bat most|\bless than|\bgreater than|)"
      R"(\bmore than|[<>≥≤])\s*\$?\d*[.,]?\d)");
  return pattern;
}

// A line labelled as a goal: "**Thresholds**: 85% accuracy, 80% min class F1-score".
const RE2& goal_label_pattern()
{
  thread_local const RE2 pattern(
      R"((?i)^[\W_]*(thresholds?|targets?|goals?|minimums?|requirements?|criteria|quality gates?|)"
      R"(acceptance criteria|promotion criteria|success criteria|slos?|slas?)[\W_]*:)");
  return pattern;
}

// "≥85% accuracy, precision, recall": every number is a bound (≥, ≤, <, >), none a value reached.
bool only_bounds(std::string_view line)
{
  // A number standing alone, not the digit of a name such as F1 or R2.
  thread_local const RE2 number(R"((?:^|[^\w.])(≥|≤|>=|<=|[<>])?\s*\d+(?:[.,]\d+)?)");
  re2::StringPiece input(line.data(), line.size());
  std::string bound;
  size_t numbers = 0;
  while (RE2::FindAndConsume(&input, number, &bound)) {
    if (bound.empty()) {
      return false;
    }
    ++numbers;
  }
  return numbers > 0;
}

// Others' figures, not the project's: "Published benchmarks for Hungary report 2-5% MAPE".
const RE2& others_figures_pattern()
{
  thread_local const RE2 pattern(
      R"((?i)\b(published|in the literature|(papers?|studies|authors) (report|achieve)|reported (in|by))\b)");
  return pattern;
}

// A sentence that sets a threshold, or quotes others' figures, rather than reports a value.
bool states_threshold(std::string_view line)
{
  return (matches(line, condition_pattern()) && matches(line, comparator_pattern())) ||
         matches(line, goal_label_pattern()) || only_bounds(line) || matches(line, others_figures_pattern());
}

// A column of scores whose metric is named elsewhere: "| Model | Score |", "| Test set | Value |".
const RE2& score_header_pattern()
{
  thread_local const RE2 pattern(
      R"((?i)\b(scores?|values?|results?|test|val(idation)?|train(ing)?|holdout|cv)\b)");
  return pattern;
}

bool is_metric_table(const analyze::Table& table)
{
  const bool header_metric = std::any_of(table.header.begin(), table.header.end(),
                                         [](const std::string& c) { return matches(c, metric_pattern()); });
  // Every column after the first a goal ("| Level | AUC Target |"); a Target column beside the
  // achieved values leaves a results table one.
  if (table.header.size() > 1 &&
      std::all_of(table.header.begin() + 1, table.header.end(),
                  [](const std::string& c) { return matches(c, target_header_pattern()); })) {
    return false;
  }
  // A number counts in a metric's column, or anywhere when the metrics name the rows or the
  // first column: "| LightGBM | 24h | _TBD_ |" under "| Model | Horizon | MAPE |" reports nothing.
  const auto metric_column = [&](size_t column) {
    return !header_metric || (!table.header.empty() && matches(table.header.front(), metric_pattern())) ||
           (column < table.header.size() && (matches(table.header[column], metric_pattern()) ||
                                             matches(table.header[column], score_header_pattern())));
  };
  bool row_metric = false;
  bool number = false;
  bool metric_number = false;
  for (const auto& row : table.rows) {
    row_metric = row_metric || (!row.empty() && matches(row.front(), metric_pattern()));
    for (size_t column = 0; column < row.size(); ++column) {
      const std::string& c = row[column];
      if (!c.empty() && matches(c, cell_pattern()) && !matches(c, comparison_cell_pattern())) {
        number = true;
        metric_number = metric_number || metric_column(column);
      }
    }
    // A cell that gives a metric with its value: "| Aggregator ranking | NDCG@3 = 0.9413 · MRR = 1.0 |".
    const bool cell_result = std::any_of(row.begin(), row.end(), [](const std::string& c) {
      return matches(c, metric_pattern()) && matches(c, value_pattern()) && !states_threshold(c);
    });
    if (cell_result) {
      return true;
    }
  }
  return row_metric ? number : header_metric && metric_number;
}

// The first line of `text` (starting at `line`) with a metric and a value; 0 when none.
// A line of a drawn folder tree ("│   └── best_model_metrics.json <- Saved best accuracy") names
// a file that holds results; it gives none. A printed table's row ("|    | model |   f1 |", or
// one drawn with box characters) ends with its border.
bool folder_tree_line(std::string_view line)
{
  const std::string_view trimmed = text::trim(line);
  return docs::is_tree_line(line) && !trimmed.ends_with('|') && !trimmed.ends_with("\u2502");
}

int metric_line(std::string_view text, int line)
{
  for (const auto piece : text::split(text, '\n')) {
    if (matches(piece, metric_pattern()) && matches(piece, value_pattern()) && !states_threshold(piece) &&
        !folder_tree_line(piece)) {
      return line;
    }
    ++line;
  }
  return 0;
}

int first_metric_line(std::string_view text, int line)
{
  for (const auto piece : text::split(text, '\n')) {
    if (matches(piece, metric_pattern()) && !folder_tree_line(piece)) {
      return line;
    }
    ++line;
  }
  return 0;
}

// Words that introduce a table's numbers as scores: "the following scores were obtained".
const RE2& score_words_pattern()
{
  thread_local const RE2 pattern(R"((?i)\b(scores?|metrics?)\b)");
  return pattern;
}

// A column named for a data split: "| Model | Validation | Test |".
const RE2& split_header_pattern()
{
  thread_local const RE2 pattern(R"((?i)\b(test|validation|val|holdout|hold-out|cv|cross[- ]validation)\b)");
  return pattern;
}

// A cell that reads as a metric's value rather than a count: "0.7339", ".87", "94.3 %".
bool is_score_cell(std::string_view cell)
{
  return matches(cell, cell_pattern()) && !matches(cell, comparison_cell_pattern()) &&
         (matches(cell, decimal_pattern()) || cell.find('%') != std::string_view::npos);
}

// A table of scores under a results heading whose metric is named elsewhere in the README: "As a
// result the following scores were obtained:" over models and steps, with "F1 score. This metric
// was used to evaluate the models" in another section. The section must call the numbers scores
// or metrics (or the columns name a data split), and the README must name a metric.
const analyze::Table* unnamed_score_table(const analyze::Document& document, const analyze::Section& section)
{
  const bool named_anywhere =
      std::any_of(document.paragraphs.begin(), document.paragraphs.end(),
                  [](const analyze::Paragraph& p) { return matches(p.text, metric_pattern()); }) ||
      std::any_of(document.list_items.begin(), document.list_items.end(),
                  [](const analyze::ListItem& item) { return matches(item.text, metric_pattern()); }) ||
      std::any_of(document.sections.begin(), document.sections.end(),
                  [](const analyze::Section& s) { return matches(s.heading, metric_pattern()); });
  if (!named_anywhere) {
    return nullptr;
  }
  for (size_t i = section.tables.begin; i < section.tables.end; ++i) {
    const analyze::Table& table = document.tables[i];
    size_t scores = 0;
    for (const auto& row : table.rows) {
      scores += static_cast<size_t>(std::count_if(row.begin(), row.end(), is_score_cell));
    }
    const bool split_columns =
        std::any_of(table.header.begin(), table.header.end(),
                    [](const std::string& c) { return matches(c, split_header_pattern()); });
    if (scores >= 2 && (matches(section.text, score_words_pattern()) || split_columns)) {
      return &table;
    }
  }
  return nullptr;
}

// Headings over questions and answers: a "Metrics Not Appearing in Grafana" under them is a problem
// to solve, not a results section.
constexpr std::string_view k_troubleshooting_headings[] = {
    "troubleshooting", "faq",          "frequently asked questions",
    "common issues",   "known issues", "common problems"};

// A service's metrics, not a model's: "Prometheus Metrics", "Monitoring metrics".
constexpr std::string_view k_operations_headings[] = {"prometheus", "grafana", "monitoring", "observability",
                                                      "telemetry"};

// The results sections; those under a troubleshooting heading, those of a service's metrics and
// those documenting an endpoint left out.
std::vector<const analyze::Section*> results_sections(const analyze::Document& document)
{
  const analyze::HeadingKeywords troubleshooting(k_troubleshooting_headings);
  const analyze::HeadingKeywords operations(k_operations_headings);
  std::vector<const analyze::Section*> sections =
      docs::sections_named(document, k_results_headings, k_operations_headings);
  std::erase_if(sections, [&](const analyze::Section* section) {
    // An API's endpoint documented under its own heading: "GET /metrics", "/metrics".
    const std::string_view heading = text::trim(section->heading);
    static constexpr std::string_view k_verbs[] = {"GET ", "POST ", "PUT ", "PATCH ", "DELETE "};
    if (heading.starts_with('/') ||
        std::any_of(std::begin(k_verbs), std::end(k_verbs), [&](std::string_view verb) {
          return heading.starts_with(verb) && heading.substr(verb.size()).starts_with('/');
        })) {
      return true;
    }
    int level = section->level;
    for (const analyze::Section* above = section; above != document.sections.data() && level > 1;) {
      --above;
      if (above->level < level) {
        if (troubleshooting.match(above->heading) || operations.match(above->heading)) {
          return true;
        }
        level = above->level;
      }
    }
    return false;
  });
  return sections;
}

// An image that shows results by its alt text or file name: "![Leaderboard](docs/leaderboard.png)",
// "confusion_matrix.png", "roc_curve.png", "![Model results](...)", "f1_by_class.png". A plain
// "metrics" or "dashboard" is left out: a Grafana screenshot is named so too.
bool shows_results(const analyze::Image& image)
{
  static constexpr std::string_view k_result_words[] = {"leaderboard", "results", "confusion", "roc",
                                                        "evaluation",  "scores",  "benchmark", "benchmarks"};
  // A screenshot of the running system: "Last run result Succeeded" on a pipeline's dashboard.
  static constexpr std::string_view k_operations_words[] = {
      "dashboard",  "grafana", "prometheus", "latency",    "uptime", "pipeline",
      "operations", "airflow", "cluster",    "kubernetes", "eks",    "ops"};
  // Underscores and dashes of a file name separate words: "f1_by_class.png", "roc-curve.png".
  std::string words = image.alt + " " + std::string(text::base_name(image.url));
  std::replace_if(
      words.begin(), words.end(), [](char c) { return c == '_' || c == '-' || c == '.'; }, ' ');
  return !docs::has_any_word(words, k_operations_words) &&
         (docs::has_any_word(words, k_result_words) || matches(words, metric_pattern()));
}

struct Markers
{
  int start = 0;
  int end = 0;
};

// The generated project's <!-- results:start --> ... <!-- results:end --> markers.
Markers results_markers(const analyze::Document& document)
{
  Markers markers;
  for (const auto& html : document.html) {
    const std::string_view inside = text::trim(html.text);
    if (html.comment && inside == "results:start" && markers.start == 0) {
      markers.start = html.line;
    } else if (html.comment && inside == "results:end" && markers.start > 0 && markers.end == 0) {
      markers.end = html.line;
    }
  }
  return markers;
}

} // namespace

Finding check_docs_results(const RuleContext& context)
{
  const auto readme = docs::readme_of(context);
  if (!readme) {
    return docs::skip_without_readme();
  }
  const analyze::Document& document = *readme->document;
  const std::string& path = readme->path;
  const auto found = [&](const std::string& what, int line) {
    return pass(what + " at " + docs::at(path, line), {{path, static_cast<uint32_t>(line)}});
  };

  for (const auto& table : document.tables) {
    if (is_metric_table(table)) {
      return found("a table of metrics", table.line);
    }
  }
  for (const auto& item : document.list_items) {
    if (const int line = metric_line(item.text, item.line)) {
      return found("a list of metrics with values", line);
    }
  }
  for (const auto& paragraph : document.paragraphs) {
    if (const int line = metric_line(paragraph.text, paragraph.line)) {
      return found("a metric with its value", line);
    }
  }
  // A metric introduced with a colon, its values in the next block: "Achieved top-1 accuracy of:"
  // then "ResNet50: 80%, EfficientNetV2L: 86%".
  for (size_t i = 0; i + 1 < document.blocks.size(); ++i) {
    const analyze::Block& named = document.blocks[i];
    const analyze::Block& values = document.blocks[i + 1];
    const bool prose =
        named.kind == analyze::BlockKind::paragraph || named.kind == analyze::BlockKind::list_item;
    const bool follows =
        values.kind == analyze::BlockKind::paragraph || values.kind == analyze::BlockKind::list_item;
    if (prose && follows && text::trim(named.text).ends_with(':') && matches(named.text, metric_pattern()) &&
        !states_threshold(named.text) && matches(values.text, value_pattern()) &&
        !states_threshold(values.text)) {
      return found("a metric with its values", named.line);
    }
  }
  for (const auto& code : document.code_blocks) {
    const std::string language = text::to_lower(code.language);
    if (std::find(std::begin(k_output_languages), std::end(k_output_languages), language) !=
        std::end(k_output_languages)) {
      // A printed report puts the metric names in a header line and the values below.
      const int first = code.line + (code.fenced ? 1 : 0);
      int line = metric_line(code.content, first);
      if (line == 0 && matches(code.content, decimal_pattern())) {
        line = first_metric_line(code.content, first);
      }
      if (line > 0) {
        return found("printed metrics", line);
      }
    }
  }
  const auto sections = results_sections(document);
  for (const analyze::Section* section : sections) {
    if (!section->images.empty()) {
      const analyze::Image& image = document.images[section->images.begin];
      return found(docs::the(section->heading) + " section shows its results as an image", image.line);
    }
  }

  for (const analyze::Image& image : document.images) {
    if (!docs::is_badge(image) && shows_results(image)) {
      return found("results shown as an image (" +
                       (image.alt.empty() ? std::string(text::base_name(image.url)) : image.alt) + ")",
                   image.line);
    }
  }
  for (const analyze::Section* section : sections) {
    if (const analyze::Table* table = unnamed_score_table(document, *section)) {
      return found("a table of scores under " + section->heading + " (the README names the metric elsewhere)",
                   table->line);
    }
  }

  const Markers markers = results_markers(document);
  if (markers.start > 0 && markers.end > markers.start) {
    Finding finding = fail("the results table between <!-- results:start --> and <!-- results:end --> (" +
                               docs::at(path, markers.start) + ") is not filled in yet",
                           {{path, static_cast<uint32_t>(markers.start)}});
    finding.fix =
        "Run `make train`: it evaluates the baseline and the model on the held-out split and writes their "
        "metrics into this table. Commit the README afterwards.";
    return finding;
  }
  if (!sections.empty()) {
    const analyze::Section& section = *sections.front();
    Finding finding = fail(docs::the(section.heading) + " section (" + docs::at(path, section.line) +
                               ") gives no metric with a number (accuracy, F1, ROC AUC, RMSE, ...)",
                           {{path, static_cast<uint32_t>(section.line)}});
    finding.fix = "Under " + section.heading +
                  ", add a table of the metrics on the held-out test set (F1, ROC AUC, RMSE, ...) for the "
                  "baseline and the final model, and say which data split they come from.";
    return finding;
  }
  return fail(path +
                  " has no results: no table, list or sentence gives a metric (accuracy, F1, RMSE, ...) with "
                  "its value",
              {{path, 0}});
}

} // namespace mlfolio::lint
