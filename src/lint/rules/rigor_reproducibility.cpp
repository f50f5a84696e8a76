// rigor/reproducibility: the randomness of splits, sampling and models is seeded.
#include "lint/rules/registry.h"
#include "lint/rules/rigor_code.h"

#include "core/text.h"

#include <algorithm>
#include <set>
#include <span>

namespace mlfolio::lint {

namespace {

// Calls (last component) that seed a global generator; "seed" itself only with an argument,
// since random.seed() seeds from the clock.
constexpr std::string_view k_seed_calls[] = {
    "enable_full_determinism",
    "fix_random_seed",
    "fix_seed",
    "fix_seeds",
    "manual_seed",
    "manual_seed_all",
    "seed_all",
    "seed_everything",
    "seed_torch",
    "set_all_seeds",
    "set_global_seed",
    "set_global_seeds",
    "set_random_seed",
    "set_seed",
    "set_seeds",
    "setup_seed",
    "PRNGKey",
};

// Generators that are seeded when given an argument: np.random.default_rng(42), RandomState(0).
constexpr std::string_view k_generators[] = {"default_rng", "RandomState", "Random", "seed"};

constexpr std::string_view k_seed_keywords[] = {"random_state", "seed",         "random_seed", "generator",
                                                "rng",          "shuffle_seed", "data_seed"};

// Splits and searches that shuffle whatever their arguments.
constexpr std::string_view k_random_splits[] = {
    "GroupShuffleSplit", "RandomizedSearchCV",     "RepeatedKFold", "RepeatedStratifiedKFold",
    "ShuffleSplit",      "StratifiedShuffleSplit", "random_split",  "randomSplit",
    "train_test_split",
};

// Splits that shuffle only with shuffle=True.
constexpr std::string_view k_optional_shuffle[] = {"KFold", "StratifiedGroupKFold", "StratifiedKFold",
                                                   "DataLoader"};

// Estimators and samplers that draw random numbers and take random_state (or seed).
constexpr std::string_view k_random_estimators[] = {
    "ADASYN",
    "AdaBoostClassifier",
    "AdaBoostRegressor",
    "BaggingClassifier",
    "BaggingRegressor",
    "CatBoostClassifier",
    "CatBoostRegressor",
    "DecisionTreeClassifier",
    "DecisionTreeRegressor",
    "ExtraTreesClassifier",
    "ExtraTreesRegressor",
    "GaussianMixture",
    "GradientBoostingClassifier",
    "GradientBoostingRegressor",
    "HistGradientBoostingClassifier",
    "HistGradientBoostingRegressor",
    "IsolationForest",
    "KMeans",
    "LGBMClassifier",
    "LGBMRegressor",
    "LatentDirichletAllocation",
    "MLPClassifier",
    "MLPRegressor",
    "MiniBatchKMeans",
    "RandomForestClassifier",
    "RandomForestRegressor",
    "RandomOverSampler",
    "RandomUnderSampler",
    "SGDClassifier",
    "SGDRegressor",
    "SMOTE",
    "TSNE",
    "TruncatedSVD",
    "UMAP",
    "XGBClassifier",
    "XGBRegressor",
};

// Draws from a global generator: np.random.rand(), random.shuffle(x), torch.randn(3).
constexpr std::string_view k_global_prefixes[] = {"np.random.", "numpy.random.", "random.", "torch."};
constexpr std::string_view k_global_draws[] = {"choice",  "normal",  "permutation", "rand",
                                               "randint", "randn",   "random",      "randperm",
                                               "sample",  "shuffle", "uniform"};

struct RandomUse
{
  CodeHit hit;
  bool seeded = false;
  bool network = false; // weights initialised at random: only a global seed fixes them
  bool draw = false;    // numbers drawn from a global generator (np.random.randn), no shuffle
  bool unpacked = false; // settings passed as **params, whose seed may come from a YAML file
};

struct Seeding
{
  std::vector<CodeHit> global; // np.random.seed(42), seed_everything(0)
  std::vector<RandomUse> uses;
};

const analyze::KeywordArgument* keyword(const analyze::Call& call, std::string_view name)
{
  for (const auto& argument : call.keywords) {
    if (argument.name == name) {
      return &argument;
    }
  }
  return nullptr;
}

// "random_state=42" when the call carries a seed.
std::optional<std::string> seed_argument(const analyze::Call& call)
{
  for (const auto& argument : call.keywords) {
    if (contains(k_seed_keywords, argument.name) && !argument.value.empty() && argument.value != "None") {
      return argument.name + "=" + argument.value.substr(0, 30);
    }
  }
  return std::nullopt;
}

bool is_global_draw(const analyze::Call& call)
{
  const std::string_view name = last_component(call.callee);
  if (!contains(k_global_draws, name) || call.callee.size() == name.size()) {
    return false;
  }
  const std::string_view prefix = std::string_view(call.callee).substr(0, call.callee.size() - name.size());
  return contains(k_global_prefixes, prefix);
}

// Whether the call draws random numbers: a shuffling split, a randomised estimator, a sampling.
bool is_random_call(const analyze::Call& call)
{
  const std::string_view name = last_component(call.callee);
  if (contains(k_random_splits, name)) {
    const auto* shuffle = keyword(call, "shuffle");
    return shuffle == nullptr || shuffle->value != "False";
  }
  if (contains(k_optional_shuffle, name)) {
    const auto* shuffle = keyword(call, "shuffle");
    return shuffle != nullptr && shuffle->value != "False";
  }
  if (name == "sample") {
    return keyword(call, "frac") != nullptr || keyword(call, "n") != nullptr;
  }
  // shuffle: random.shuffle, sklearn.utils.shuffle, tf.data and Hugging Face datasets.
  return contains(k_random_estimators, name) || is_global_draw(call) || name == "shuffle";
}

bool is_seed_call(const analyze::Call& call)
{
  const std::string_view name = last_component(call.callee);
  if (contains(k_generators, name)) {
    return call.positional_arguments > 0 || seed_argument(call).has_value();
  }
  return contains(k_seed_calls, name);
}

// A neural network initialises its weights at random: only a global seed makes it repeatable.
std::optional<CodeHit> network(const Analysis& analysis, const FileEntry* file,
                               const analyze::PythonModule& module)
{
  for (const auto& cls : module.classes) {
    for (const auto& base : cls.bases) {
      if (base == "nn.Module" || base == "torch.nn.Module" || last_component(base) == "LightningModule") {
        return CodeHit{"class " + cls.name + "(" + base + ")", code_location(analysis, file, cls.line)};
      }
    }
  }
  for (const auto& call : module.calls) {
    if (call.callee.ends_with("keras.Sequential") || call.callee.ends_with("models.Sequential") ||
        call.callee == "Sequential") {
      return CodeHit{call.callee, code_location(analysis, file, call.line)};
    }
  }
  return std::nullopt;
}

// Whether a folder of `path` has one of `words` among its words ("old_files_backup/" has
// backup, "01_experiments/" experiments).
bool in_folder_named(std::string_view path, std::span<const std::string_view> words)
{
  const size_t slash = path.rfind('/');
  if (slash == std::string_view::npos) {
    return false;
  }
  for (const auto folder : text::split(path.substr(0, slash), '/')) {
    for (const auto& word : identifier_words(folder)) {
      if (contains(words, word)) {
        return true;
      }
    }
  }
  return false;
}

// Code kept for reference in a folder named old_files_backup/, archive/ or legacy/ is not what
// the project trains now.
bool set_aside(std::string_view path)
{
  constexpr std::string_view k_set_aside[] = {"backup",   "backups", "old",        "archive",
                                              "archived", "legacy",  "deprecated", "unused"};
  return in_folder_named(path, k_set_aside);
}

// XGBClassifier(**params) where the module sets params["random_state"] or writes
// {"seed": 42}: the seed goes in through the settings. The key's literal.
const analyze::StringLiteral* seed_setting(const analyze::PythonModule& module)
{
  for (const auto& literal : module.strings) {
    if (!literal.is_bytes && !literal.is_fstring && contains(k_seed_keywords, literal.value) &&
        literal.value != "generator" && literal.value != "rng") {
      return &literal;
    }
  }
  return nullptr;
}

// The seed of a call that takes its settings unpacked (**params): in the module, or else in
// another module of the project that holds the settings (params = {**config.CB_PARAMS} with
// "random_seed" set in config.py), looked for once and kept in `elsewhere`.
std::optional<std::string> seed_in_settings(const Analysis& analysis, const analyze::PythonModule& module,
                                            std::optional<std::optional<std::string>>& elsewhere)
{
  if (const analyze::StringLiteral* literal = seed_setting(module)) {
    return "\"" + literal->value + "\" in its **settings, line " + std::to_string(literal->line);
  }
  if (!elsewhere) {
    elsewhere.emplace();
    for (const auto& [file, other] : analysis.code_modules()) {
      if (const analyze::StringLiteral* literal = seed_setting(*other)) {
        *elsewhere = "\"" + literal->value + "\" in its **settings, " +
                     code_location(analysis, file, literal->line).to_string();
        break;
      }
    }
  }
  return *elsewhere;
}

Seeding seeding(const Analysis& analysis)
{
  Seeding found;
  std::optional<std::optional<std::string>> settings_elsewhere; // not looked for yet
  for (const auto& [file, module] : analysis.code_modules()) {
    for (const auto& call : module->calls) {
      const auto where = [&, file = file] { return code_location(analysis, file, call.line); }; // when found
      const std::string_view name = last_component(call.callee);
      if (is_seed_call(call)) {
        add_unique(found.global, {call.callee, where()});
      } else if (name == "TrainingArguments") {
        // The Hugging Face Trainer seeds every generator with args.seed, 42 unless set.
        add_unique(found.global,
                   {"TrainingArguments (seed " + seed_argument(call).value_or("42") + ")", where()});
      } else if (is_random_call(call)) {
        auto seed = seed_argument(call);
        if (!seed && call.unpacks_keywords) {
          seed = seed_in_settings(analysis, *module, settings_elsewhere);
        }
        const bool draw = is_global_draw(call) && name != "shuffle" && name != "permutation" &&
                          name != "randperm" && name != "sample";
        found.uses.push_back({{std::string(name) + (seed ? "(" + *seed + ")" : ""), where()},
                              seed.has_value(),
                              false,
                              draw,
                              call.unpacks_keywords});
      }
    }
    if (auto net = network(analysis, file, *module)) {
      found.uses.push_back({std::move(*net), false, true});
    }
  }
  return found;
}

} // namespace

Finding check_rigor_reproducibility(const RuleContext& context)
{
  const Analysis& analysis = context.analysis();
  if (analysis.code_modules().empty()) {
    return skip("no Python code or notebooks");
  }
  if (!ml_library_import(analysis)) {
    return skip("no ML library (scikit-learn, PyTorch, TensorFlow, XGBoost, ...) is imported in " +
                code_scope(analysis));
  }
  const Seeding found = seeding(analysis);
  std::vector<CodeHit> seeded = found.global;
  std::vector<CodeHit> unseeded;
  for (const auto& use : found.uses) {
    add_unique(use.seeded ? seeded : unseeded, use.hit);
  }
  if (seeded.empty() && unseeded.empty()) {
    return skip("no random split, shuffling, sampling or randomised model in " + code_scope(analysis));
  }
  if (seeded.empty()) {
    // Nothing seeded, nothing trained, and the randomness only draws numbers or a network's
    // initial weights (no split, shuffle or fitted model): a fixture's noise, a demo's sample, an
    // untrained placeholder network saved as it is, which no result of the project depends on (the
    // rigor rules that need a model skip alike).
    const bool draws_only = std::all_of(found.uses.begin(), found.uses.end(),
                                        [](const RandomUse& use) { return use.draw || use.network; });
    if (const auto reason = no_training_reason(analysis); reason && draws_only) {
      return skip(*reason + "; no result depends on its random draws (" + describe_hits(unseeded, 2) + ")");
    }
    return fail("randomness is not seeded: no random_state or seed in " + describe_hits(unseeded, 4) +
                    ", and no random.seed, np.random.seed, torch.manual_seed or set_seed call in " +
                    code_scope(analysis),
                hit_locations(unseeded, 10));
  }
  // A seeded split does not make a network's training repeatable: its initial weights and the
  // order of its batches come from the global generators, which nothing seeds.
  const auto net = std::find_if(found.uses.begin(), found.uses.end(), [](const RandomUse& use) {
    return use.network && !set_aside(use.hit.where.path);
  });
  if (found.global.empty() && net != found.uses.end()) {
    std::vector<Location> locations{net->hit.where};
    const auto seeded_at = hit_locations(seeded, 3);
    locations.insert(locations.end(), seeded_at.begin(), seeded_at.end());
    return fail("the network's training is not seeded: " + describe_hits({net->hit}, 1) +
                    " starts from random weights, and no torch.manual_seed, tf.random.set_seed or "
                    "seed_everything call in " +
                    code_scope(analysis) + " fixes them; seeded only: " + describe_hits(seeded, 3),
                locations);
  }
  // A seeded model elsewhere does not make this training repeatable: the module that trains splits,
  // shuffles, builds a model or draws hyperparameters without a seed, and nothing seeds the global
  // generators (train_test_split(X, y, shuffle=True) beside RandomForestRegressor(random_state=42)).
  if (found.global.empty()) {
    // Exploration (notebooks/exp2_bow_vs_tfidf.py, research/) is not the project's training.
    constexpr std::string_view k_exploration[] = {"notebooks",   "notebook",    "research",
                                                  "experiments", "exploration", "eda",
                                                  "scratch",     "sandbox",     "playground"};
    std::set<std::string, std::less<>> training_modules;
    for (const auto& [file, module] : analysis.code_modules()) {
      if (!Analysis::is_notebook_path(file->path) && !set_aside(file->path) &&
          !in_folder_named(file->path, k_exploration) && training_call(*module)) {
        training_modules.insert(file->path);
      }
    }
    // Boosting libraries seed themselves (XGBoost's and CatBoost's seed is 0, LightGBM's a fixed
    // default): unseeded, they still repeat. Numbers drawn for a demo or a print are left out too,
    // and settings unpacked from a configuration (Model(**cfg.params)) whose seed may be in YAML.
    const auto repeats_anyway = [](std::string_view what) {
      return what.starts_with("XGB") || what.starts_with("LGBM") || what.starts_with("CatBoost");
    };
    const auto in_training = std::find_if(found.uses.begin(), found.uses.end(), [&](const RandomUse& use) {
      return !use.seeded && !use.draw && !use.unpacked && !repeats_anyway(use.hit.what) &&
             training_modules.contains(use.hit.where.path);
    });
    if (in_training != found.uses.end()) {
      std::vector<Location> locations{in_training->hit.where};
      const auto seeded_at = hit_locations(seeded, 3);
      locations.insert(locations.end(), seeded_at.begin(), seeded_at.end());
      return fail("the training in " + in_training->hit.where.path +
                      " is not repeatable: " + describe_hits({in_training->hit}, 1) +
                      " has no seed, and no random.seed, np.random.seed or torch.manual_seed call fixes it; "
                      "seeded only: " +
                      describe_hits(seeded, 3),
                  locations);
    }
  }
  std::string message = "randomness is seeded: " + describe_hits(seeded, 3);
  if (found.global.empty() && !unseeded.empty()) {
    message += "; still without a seed: " + describe_hits(unseeded, 3);
  }
  return pass(std::move(message), hit_locations(seeded, 3));
}

} // namespace mlfolio::lint
