#include "lint/rules/rigor_code.h"

#include "core/text.h"
#include "lint/wording.h"

#include <algorithm>
#include <cctype>

namespace mlfolio::lint {

namespace {

// Matched against the top-level module of an import.
constexpr std::string_view k_ml_libraries[] = {
    "autogluon",
    "catboost",
    "darts",
    "detectron2",
    "fastai",
    "flax",
    "gensim",
    "gluonts",
    "h2o",
    "imblearn",
    "implicit",
    "jax",
    "keras",
    "lightfm",
    "lightgbm",
    "lightning",
    "mlxtend",
    "mxnet",
    "neuralprophet",
    "pmdarima",
    "prophet",
    "pycaret",
    "pytorch_forecasting",
    "pytorch_lightning",
    "recbole",
    "sentence_transformers",
    "skforecast",
    "sklearn",
    "sktime",
    "spacy",
    "statsforecast",
    "statsmodels",
    "surprise",
    "tensorflow",
    "tensorflow_recommenders",
    "timm",
    "torch",
    "transformers",
    "ultralytics",
    "xgboost",
};

// The last component of a call that fits a model.
constexpr std::string_view k_training_calls[] = {
    "backward",    "begin_training", "compare_models",  "fit",   "fit_generator",
    "fit_predict", "partial_fit",    "resume_training", "train", "train_on_batch",
};

std::string_view top_module(std::string_view module)
{
  return module.substr(0, module.find('.'));
}

} // namespace

bool contains(std::span<const std::string_view> words, std::string_view word)
{
  // Size and first letter before the bytes: most words of a list differ in one of them.
  return std::any_of(words.begin(), words.end(), [&](std::string_view listed) {
    return listed.size() == word.size() && (word.empty() || listed.front() == word.front()) && listed == word;
  });
}
IdentifierWords::IdentifierWords(std::string_view identifier) : WordList(identifier.size())
{
  // ASCII classes, inline: this runs for every identifier of every module, and <cctype>'s are
  // calls into the C library (which, with no locale set, classify the same way).
  const auto is_upper = [](unsigned char c) { return c >= 'A' && c <= 'Z'; };
  const auto is_lower = [](unsigned char c) { return c >= 'a' && c <= 'z'; };
  const auto is_digit = [](unsigned char c) { return c >= '0' && c <= '9'; };
  size_t start = 0; // of the word being read, in m_lowered
  const auto flush = [&] {
    // "test2" -> "test", but "f1" and "r2" keep their digit.
    size_t letters = m_lowered.size() - start;
    while (letters > 0 && is_digit(static_cast<unsigned char>(m_lowered[start + letters - 1]))) {
      --letters;
    }
    if (letters >= 2) {
      m_lowered.resize(start + letters);
    }
    end_word(start);
  };
  for (size_t k = 0; k < identifier.size(); ++k) {
    const auto c = static_cast<unsigned char>(identifier[k]);
    if (c == '_') {
      flush();
      continue;
    }
    // A hump starts at an upper-case letter after a lower-case one ("valLoader"), or at the last
    // capital of a run followed by a lower-case letter ("XTest" -> "x", "test").
    const bool upper = is_upper(c);
    if (upper && k > 0) {
      const auto before = static_cast<unsigned char>(identifier[k - 1]);
      const bool next_lower =
          k + 1 < identifier.size() && is_lower(static_cast<unsigned char>(identifier[k + 1]));
      if (is_lower(before) || is_digit(before) || (is_upper(before) && next_lower)) {
        flush();
      }
    }
    m_lowered += text::ascii_lower(static_cast<char>(c));
  }
  flush();
}

Location code_location(const Analysis& analysis, const FileEntry* file, int line)
{
  if (!Analysis::is_notebook_path(file->path)) {
    return {file->path, static_cast<uint32_t>(std::max(line, 0))};
  }
  const analyze::Notebook* notebook = analysis.notebook(file->path);
  if (notebook == nullptr) {
    return {file->path, 0};
  }
  return {file->path, static_cast<uint32_t>(analyze::notebook_line_of(*notebook, line))};
}

std::string ml_library_of(const analyze::Import& import)
{
  if (import.level != 0) {
    return "";
  }
  if (contains(k_ml_libraries, top_module(import.module))) {
    return std::string(top_module(import.module));
  }
  // Spark's machine learning, not Spark as a whole (pyspark.sql is data processing).
  if (import.module == "pyspark.ml" || import.module.starts_with("pyspark.ml.") ||
      import.module.starts_with("pyspark.mllib")) {
    return "pyspark.ml";
  }
  return "";
}

// The words of a call's receiver: "self.label_encoder.fit" gives self, label, encoder.
IdentifierWords receiver_words(const analyze::Call& call)
{
  std::string receiver = call.callee.substr(0, call.callee.rfind('.') + 1);
  std::replace(receiver.begin(), receiver.end(), '.', '_');
  return identifier_words(receiver);
}

// A search index fitted to documents (minsearch's index.fit(documents), a TF-IDF index) or trained
// on embeddings (FAISS's self.index.train(vectors) for an IVF index) trains no model: the call's
// receiver is named for an index.
bool fits_index(const analyze::Call& call)
{
  const auto words = receiver_words(call);
  return std::find(words.begin(), words.end(), "index") != words.end();
}

// spaCy's training step: nlp.update(examples, sgd=optimizer, losses=losses, drop=0.2). A dict's or
// a set's update() takes none of these keywords.
bool spacy_update(const analyze::Call& call)
{
  return last_component(call.callee) == "update" &&
         std::any_of(call.keywords.begin(), call.keywords.end(), [](const analyze::KeywordArgument& keyword) {
           return keyword.name == "sgd" || keyword.name == "losses" || keyword.name == "drop";
         });
}

// A preprocessing step fitted to the data trains no model: scaler.fit(X), self.vectorizer.fit(texts),
// label_encoder.fit(y), tokenizer.train(files). The call's receiver is named for one; an encoder
// only as a label's, one-hot or ordinal encoder (an autoencoder's encoder is a network).
bool fits_preprocessing(const analyze::Call& call)
{
  constexpr std::string_view k_preprocessing[] = {"binarizer",  "featurizer",   "imputer",   "normalizer",
                                                  "normaliser", "preprocessor", "scaler",    "tfidf",
                                                  "tokenizer",  "vectorizer",   "vectoriser"};
  constexpr std::string_view k_encoded[] = {"label", "hot", "ohe", "ordinal", "target", "categorical"};
  const auto words = receiver_words(call);
  for (size_t i = 0; i < words.size(); ++i) {
    if (contains(k_preprocessing, words[i]) ||
        (words[i] == "encoder" && i > 0 && contains(k_encoded, words[i - 1]))) {
      return true;
    }
  }
  return false;
}

// self.fit(texts) calls the class's own fit method, whose body is read on its own: a drift
// detector's fit() that only counts words trains nothing.
bool calls_own_method(const analyze::PythonModule& module, const analyze::Call& call)
{
  const std::string_view callee = call.callee;
  if (!callee.starts_with("self.") && !callee.starts_with("cls.")) {
    return false;
  }
  const std::string_view name = callee.substr(callee.find('.') + 1);
  return std::any_of(module.functions.begin(), module.functions.end(),
                     [&](const analyze::Function& function) {
                       return !function.class_name.empty() && function.name == name;
                     });
}

std::optional<std::pair<std::string, int>> training_call(const analyze::PythonModule& module)
{
  // loss.backward() trains when an optimizer steps on the gradients; alone it computes them for a
  // saliency map or an explanation.
  const bool steps = std::any_of(module.calls.begin(), module.calls.end(), [](const analyze::Call& call) {
    return last_component(call.callee) == "step";
  });
  for (const auto& call : module.calls) {
    const std::string_view name = last_component(call.callee);
    const bool fits = name == "fit" || name == "train";
    if ((contains(k_training_calls, name) && !(name == "backward" && !steps) &&
         !(fits && (fits_index(call) || fits_preprocessing(call) || calls_own_method(module, call)))) ||
        spacy_update(call)) {
      return std::pair{std::string(name), call.line};
    }
  }
  for (const auto& cls : module.classes) {
    for (const auto& base : cls.bases) {
      if (last_component(base) == "LightningModule") {
        return std::pair{std::string("LightningModule"), cls.line};
      }
    }
  }
  return std::nullopt;
}

std::optional<CodeHit> ml_library_import(const Analysis& analysis)
{
  for (const auto& [file, module] : analysis.code_modules()) {
    for (const auto& import : module->imports) {
      if (std::string library = ml_library_of(import); !library.empty()) {
        return CodeHit{std::move(library), code_location(analysis, file, import.line)};
      }
    }
  }
  return std::nullopt;
}

std::optional<CodeHit> training_evidence(const Analysis& analysis)
{
  if (!ml_library_import(analysis)) {
    return std::nullopt;
  }
  // The modules first, then the notebooks: a module's training is the one to cite.
  for (const bool notebooks : {false, true}) {
    for (const auto& [file, module] : analysis.code_modules()) {
      if (Analysis::is_notebook_path(file->path) != notebooks) {
        continue;
      }
      if (auto call = training_call(*module)) {
        return CodeHit{std::move(call->first), code_location(analysis, file, call->second)};
      }
    }
  }
  return std::nullopt;
}

std::optional<std::string> no_training_reason(const Analysis& analysis)
{
  if (analysis.code_modules().empty()) {
    return "no Python code or notebooks";
  }
  if (!ml_library_import(analysis)) {
    return "no ML library (scikit-learn, PyTorch, TensorFlow, XGBoost, ...) is imported in " +
           code_scope(analysis);
  }
  if (!training_evidence(analysis)) {
    return "no model is trained in " + code_scope(analysis) +
           " (no fit, train or backward call): the code only uses models trained elsewhere";
  }
  return std::nullopt;
}
std::string describe_hits(const std::vector<CodeHit>& hits, size_t max)
{
  std::vector<std::string> parts;
  for (const auto& hit : hits) {
    const std::string where = hit.where.to_string();
    parts.push_back(hit.what == where ? where : hit.what + " at " + where);
  }
  return join_some(parts, max);
}

std::vector<Location> hit_locations(const std::vector<CodeHit>& hits, size_t max)
{
  std::vector<Location> locations;
  for (size_t k = 0; k < hits.size() && k < max; ++k) {
    locations.push_back(hits[k].where);
  }
  return locations;
}

void add_unique(std::vector<CodeHit>& hits, CodeHit hit)
{
  // Evidence is listed, never counted: a few dozen are plenty, and the cap keeps a repository of
  // 20,000 data files linear.
  constexpr size_t k_enough = 64;
  if (hits.size() < k_enough &&
      std::none_of(hits.begin(), hits.end(), [&](const CodeHit& seen) { return seen.what == hit.what; })) {
    hits.push_back(std::move(hit));
  }
}

} // namespace mlfolio::lint
