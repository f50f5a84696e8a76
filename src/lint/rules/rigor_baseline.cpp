// rigor/baseline: the model is compared with a baseline, in the code or in the README.
#include "lint/rules/registry.h"
#include "lint/rules/rigor_code.h"

#include "core/text.h"

#include <re2/re2.h>

#include <algorithm>
#include <set>

namespace mlfolio::lint {

namespace {

constexpr std::string_view k_dummy_models[] = {"DummyClassifier", "DummyRegressor"};

// Simple models that serve as a reference when a stronger one is trained beside them.
constexpr std::string_view k_simple_models[] = {
    "BernoulliNB",
    "ComplementNB",
    "DecisionTreeClassifier",
    "DecisionTreeRegressor",
    "ElasticNet",
    "GaussianNB",
    "KNeighborsClassifier",
    "KNeighborsRegressor",
    "Lasso",
    "LinearRegression",
    "LinearSVC",
    "LogisticRegression",
    "MultinomialNB",
    "Ridge",
    "RidgeClassifier",
    "SGDClassifier",
};

constexpr std::string_view k_stronger_models[] = {
    "AdaBoostClassifier",
    "AdaBoostRegressor",
    "CatBoostClassifier",
    "CatBoostRegressor",
    "ExtraTreesClassifier",
    "ExtraTreesRegressor",
    "GradientBoostingClassifier",
    "GradientBoostingRegressor",
    "HistGradientBoostingClassifier",
    "HistGradientBoostingRegressor",
    "LGBMClassifier",
    "LGBMRegressor",
    "MLPClassifier",
    "MLPRegressor",
    "RandomForestClassifier",
    "RandomForestRegressor",
    "SVC",
    "SVR",
    "XGBClassifier",
    "XGBRegressor",
};

// Phrases a README uses for a reference model, compared lower-cased as whole words.
constexpr std::string_view k_readme_phrases[] = {
    "baseline", "baselines", "majority class", "majority-class", "dummy classifier", "dummyclassifier",
    "dummy regressor", "dummyregressor", "naive forecast", "seasonal naive",
    // A fine-tuned model against the model it started from: "ROUGE Scores (Fine-tuned vs Base)".
    "vs base", "vs. base", "versus base"};

bool is_word_char(char c)
{
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

// Whether one of the lower-case `phrases` is in the text as whole words, in any case. Asked of
// every string literal of every module: the text is lower-cased into a buffer kept between calls.
bool has_phrase(std::string_view text_to_search, std::span<const std::string_view> phrases)
{
  thread_local std::string lowered;
  lowered.assign(text_to_search);
  for (char& c : lowered) {
    c = text::ascii_lower(c);
  }
  for (const auto phrase : phrases) {
    for (size_t at = lowered.find(phrase); at != std::string::npos; at = lowered.find(phrase, at + 1)) {
      const size_t end = at + phrase.size();
      if ((at == 0 || !is_word_char(lowered[at - 1])) &&
          (end >= lowered.size() || !is_word_char(lowered[end]))) {
        return true;
      }
    }
  }
  return false;
}

bool is_label(std::string_view value)
{
  return value.size() <= 60 && std::count(value.begin(), value.end(), ' ') < 6 &&
         value.find('\n') == std::string_view::npos;
}

// Where "baseline" names something else: the reference window of drift monitoring
// (baseline_df, baseline_start) or a policy in deployment scripts ("default-deny baseline").
bool is_reference_data_path(std::string_view path)
{
  const std::string lower = text::to_lower(path);
  for (const auto part : text::split(lower, '/')) {
    if (part.find("monitor") != std::string_view::npos || part.find("drift") != std::string_view::npos ||
        part == "k8s" || part == "kubernetes" || part == "helm" || part == "terraform" || part == "infra" ||
        part == "infrastructure") {
      return true;
    }
  }
  return false;
}

// Words that make "baseline" a reference of data or of a threshold, wherever the module lives:
// baseline_stats, baseline_df, BASELINE_DISTRIBUTION, "Baseline thresholds", compute_baseline_histogram.
constexpr std::string_view k_reference_words[] = {
    "df",       "data",      "dataset",    "distribution", "distributions", "stats",  "statistics",
    "stat",     "histogram", "histograms", "hist",         "profile",       "window", "mean",
    "means",    "std",       "threshold",  "thresholds",   "reference",     "drift",  "psi",
    "snapshot", "feature",   "features",   "sample",       "samples",       "schema", "quantiles"};

bool names_reference(std::string_view identifier_or_label)
{
  std::string identifier(identifier_or_label);
  std::replace_if(
      identifier.begin(), identifier.end(), [](char c) { return !is_word_char(c); }, '_');
  for (const std::string_view word : identifier_words(identifier)) {
    if (contains(k_reference_words, word)) {
      return true;
    }
  }
  return false;
}

struct BaselineEvidence
{
  std::vector<CodeHit> dummies; // DummyClassifier
  std::vector<CodeHit> named;   // baseline_model
  std::vector<CodeHit> strings; // "Baseline"
  std::vector<CodeHit> simple;  // LogisticRegression ...
  std::vector<CodeHit> strong;  // RandomForestClassifier ...
};

BaselineEvidence code_evidence(const Analysis& analysis)
{
  BaselineEvidence evidence;
  for (const auto& [file, module] : analysis.code_modules()) {
    for (const auto& call : module->calls) {
      const std::string_view name = last_component(call.callee);
      const auto where = [&, file = file] { return code_location(analysis, file, call.line); }; // when found
      if (contains(k_dummy_models, name)) {
        add_unique(evidence.dummies, {std::string(name), where()});
      } else if (contains(k_simple_models, name)) {
        add_unique(evidence.simple, {std::string(name), where()});
      } else if (contains(k_stronger_models, name)) {
        add_unique(evidence.strong, {std::string(name), where()});
      }
    }
    // A network built layer by layer (Conv2D) beside a pretrained one (MobileNetV2, resnet18): the
    // small CNN from scratch is the reference the transfer-learning models are measured against.
    constexpr std::string_view k_conv_layers[] = {"Conv2D", "Conv2d", "Conv1D", "Conv1d"};
    constexpr std::string_view k_pretrained[] = {
        "MobileNetV2", "MobileNetV3Small", "MobileNetV3Large", "DenseNet121",    "DenseNet169",
        "ResNet50",    "ResNet50V2",       "ResNet101",        "VGG16",          "VGG19",
        "InceptionV3", "Xception",         "EfficientNetB0",   "EfficientNetB3", "resnet18",
        "resnet34",    "resnet50",         "densenet121",      "mobilenet_v2",   "efficientnet_b0",
        "vgg16"};
    const analyze::Call* conv = nullptr;
    const analyze::Call* pretrained = nullptr;
    for (const auto& call : module->calls) {
      const std::string_view name = last_component(call.callee);
      conv = conv == nullptr && contains(k_conv_layers, name) ? &call : conv;
      pretrained = pretrained == nullptr && contains(k_pretrained, name) ? &call : pretrained;
    }
    if (conv != nullptr && pretrained != nullptr) {
      add_unique(evidence.simple,
                 {"a CNN built from " + std::string(last_component(conv->callee)) + " layers",
                  code_location(analysis, file, conv->line)});
      add_unique(evidence.strong, {std::string(last_component(pretrained->callee)),
                                   code_location(analysis, file, pretrained->line)});
    }
    if (is_reference_data_path(file->path)) {
      continue; // its models count above; its "baseline" is reference data
    }
    // A library's own parameter: bert_score(..., rescale_with_baseline=True) rescales a score, it
    // trains no baseline.
    constexpr std::string_view k_library_parameters[] = {"rescale_with_baseline", "baseline_rescale"};
    // Captum's and SHAP's attributions take baselines=, the input an attribution is measured from.
    std::set<int> attribution_lines;
    for (const auto& call : module->calls) {
      const std::string_view name = last_component(call.callee);
      if (name == "attribute" || name == "attribute_future" || text::icontains(call.callee, "shap.")) {
        for (const auto& keyword : call.keywords) {
          if (keyword.name == "baselines" || keyword.name == "baseline") {
            attribution_lines.insert(call.line);
          }
        }
      }
    }
    for (const auto& name : module->names) {
      const bool attribution_input =
          (name.text == "baselines" || name.text == "baseline") &&
          std::any_of(attribution_lines.begin(), attribution_lines.end(),
                      [&](int line) { return name.line >= line && name.line <= line + 8; });
      if (text::to_lower(name.text).find("baseline") != std::string::npos && !names_reference(name.text) &&
          !contains(k_library_parameters, name.text) && !attribution_input) {
        add_unique(evidence.named, {name.text, code_location(analysis, file, name.line)});
      }
    }
    // A command's help ("Compute baseline metrics." over a snapshot of the current model's
    // latency) says what a script is for, not that a baseline model is compared.
    std::set<std::string_view> help_texts; // by value: the string may sit lines below the call
    for (const auto& call : module->calls) {
      for (const auto& keyword : call.keywords) {
        if (keyword.name == "help" || keyword.name == "description" || keyword.name == "epilog") {
          for (const auto& value : keyword.strings) {
            help_texts.emplace(value);
          }
        }
      }
    }
    for (const auto& literal : module->strings) {
      // A label ("Baseline", "Baseline RMSE: {x}"), not prose that happens to use the word
      // ("offer the baseline plan"); exactly "baseline" is also matplotlib's va="baseline".
      if (is_label(literal.value) && literal.value != "baseline" && !help_texts.contains(literal.value) &&
          has_phrase(literal.value, std::span(k_readme_phrases).first(2)) &&
          !names_reference(literal.value)) {
        add_unique(evidence.strings,
                   {"\"" + literal.value + "\"", code_location(analysis, file, literal.line)});
      }
    }
  }
  // A test that holds the model to a DummyClassifier on held-out data compares it with a
  // baseline too ("baseline" names in tests are too often something else: snapshots, timings).
  for (const auto& [file, module] : analysis.test_modules()) {
    for (const auto& call : module->calls) {
      const std::string_view name = last_component(call.callee);
      if (contains(k_dummy_models, name)) {
        add_unique(evidence.dummies, {std::string(name) + " in a test", code_location(analysis, file, call.line)});
      }
    }
  }
  return evidence;
}

// Words that make a README's "baseline" the normal state of a running service: "healthy baseline
// and failure alerts" under Grafana screenshots, "the latency baseline". Words a model's baseline
// may share ("healthy" patients, "memory", "load") are not among them.
constexpr std::string_view k_operations_words[] = {
    "alert",  "alerts",     "alerting",   "grafana",     "prometheus", "dashboard", "dashboards", "latency",
    "uptime", "throughput", "screenshot", "screenshots", "incident",   "incidents", "slo",        "traffic"};

// Whether every sentence of `text` that speaks of a baseline speaks of operations, not models.
bool only_operations_baseline(std::string_view text)
{
  bool any = false;
  for (size_t start = 0; start < text.size();) {
    const size_t end = std::min(text.find_first_of(".;\n", start), text.size());
    const std::string_view sentence = text.substr(start, end - start);
    if (has_phrase(sentence, k_readme_phrases)) {
      if (!has_phrase(sentence, k_operations_words)) {
        return false;
      }
      any = true;
    }
    start = end + 1;
  }
  return any;
}

// What the README says of a baseline: the first block (heading, paragraph, table, list item) that
// speaks of a baseline model, and the first that speaks of one only as a service's normal state.
struct ReadmeMentions
{
  std::optional<Location> model;
  std::optional<Location> operations;
};

// A simple model a README says it started from: "we initially implemented a base default linear
// regression model", "the base linear model yielded an RMSE of ...".
const RE2& base_linear_pattern()
{
  thread_local const RE2 pattern(
      R"((?i)\bbase (?:default )?(?:linear|logistic|ridge|lasso)(?: regression)?(?: model| regressor| classifier)\b)");
  return pattern;
}

ReadmeMentions readme_mentions(const Analysis& analysis)
{
  ReadmeMentions found;
  const analyze::Document* document = analysis.readme_document();
  if (document == nullptr) {
    return found;
  }
  for (const auto& block : document->blocks) {
    if (block.kind == analyze::BlockKind::code ||
        (!has_phrase(block.text, k_readme_phrases) &&
         !RE2::PartialMatch(re2::StringPiece(block.text.data(), block.text.size()), base_linear_pattern()))) {
      continue;
    }
    const Location where{analysis.readme()->path, static_cast<uint32_t>(block.line)};
    if (!only_operations_baseline(block.text)) {
      found.model = where;
      break;
    }
    if (!found.operations) {
      found.operations = where;
    }
  }
  return found;
}

} // namespace

Finding check_rigor_baseline(const RuleContext& context)
{
  const Analysis& analysis = context.analysis();
  const ReadmeMentions mentions = readme_mentions(analysis);
  const auto& readme = mentions.model;
  const BaselineEvidence evidence = code_evidence(analysis);
  // Where nothing is trained, "baseline" in the code is another thing's: OpenCV's text baseline
  // ((w, h), baseline = cv2.getTextSize(...)), a layout's.
  const auto untrained = no_training_reason(analysis);
  std::vector<CodeHit> named = evidence.dummies;
  if (!untrained) {
    named.insert(named.end(), evidence.named.begin(), evidence.named.end());
    named.insert(named.end(), evidence.strings.begin(), evidence.strings.end());
  }
  if (!named.empty()) {
    return pass("baseline in the code: " + describe_hits(named, 3), hit_locations(named, 3));
  }
  if (readme) {
    return pass("the README compares with a baseline at " + readme->to_string(), {*readme});
  }
  if (!evidence.simple.empty() && evidence.simple.size() + evidence.strong.size() >= 2) {
    std::vector<CodeHit> models = evidence.simple;
    models.insert(models.end(), evidence.strong.begin(), evidence.strong.end());
    return pass("several models are compared, the simplest as a reference: " + describe_hits(models, 3),
                hit_locations(models, 3));
  }
  if (untrained) {
    return skip(*untrained);
  }
  const CodeHit training = *training_evidence(analysis);
  std::vector<Location> looked{training.where};
  std::string where_readme = "there is no README";
  if (const FileEntry* file = analysis.readme()) {
    where_readme = file->path + " does not mention one";
    looked.push_back({file->path, 0});
    if (mentions.operations) {
      where_readme = file->path + " speaks of a baseline only as a running service's normal state (" +
                     mentions.operations->to_string() + ")";
      looked.back() = *mentions.operations;
    }
  }
  return fail("no baseline: nothing named baseline and no DummyClassifier or DummyRegressor in " +
                  code_scope(analysis) + " (the model is trained at " + training.where.to_string() +
                  "), and " + where_readme,
              std::move(looked));
}

} // namespace mlfolio::lint
