#include "lint/rules/rigor_toy_datasets.h"

#include "core/text.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <cctype>
#include <unordered_set>

namespace mlfolio::lint {

namespace {

constexpr std::string_view k_titanic_ids[] = {"titanic"};
constexpr std::string_view k_titanic_files[] = {"titanic", "gender_submission"};
constexpr std::string_view k_titanic_columns[] = {"Survived", "Pclass", "SibSp", "Parch", "Embarked"};
constexpr std::string_view k_titanic_phrases[] = {"titanic"};

constexpr std::string_view k_mnist_loaders[] = {"MNIST", "mnist.load_data", "load_mnist", "read_data_sets"};
constexpr std::string_view k_mnist_ids[] = {"mnist", "mnist_784", "ylecun/mnist"};
constexpr std::string_view k_mnist_files[] = {"mnist", "train-images-idx3-ubyte", "t10k-images-idx3-ubyte"};
constexpr std::string_view k_mnist_phrases[] = {"mnist"};

constexpr std::string_view k_fashion_loaders[] = {"FashionMNIST", "fashion_mnist.load_data"};
constexpr std::string_view k_fashion_ids[] = {"fashion_mnist", "fashion-mnist",
                                              "zalando-datasets/fashion_mnist", "fashion-mnist_784"};
constexpr std::string_view k_fashion_files[] = {"fashion-mnist", "fashion_mnist", "fashionmnist"};
constexpr std::string_view k_fashion_phrases[] = {"fashion mnist", "fashionmnist"};

constexpr std::string_view k_iris_loaders[] = {"load_iris"};
constexpr std::string_view k_iris_ids[] = {"iris", "scikit-learn/iris"};
constexpr std::string_view k_iris_files[] = {"iris.csv", "iris.data", "iris_data", "iris_dataset"};
constexpr std::string_view k_iris_columns[] = {"sepal_length",      "sepal_width",      "petal_length",
                                               "petal_width",       "SepalLengthCm",    "PetalLengthCm",
                                               "sepal length (cm)", "petal length (cm)"};
constexpr std::string_view k_iris_phrases[] = {"iris dataset", "iris data",           "iris flower",
                                               "iris species", "iris classification", "iris classifier"};

constexpr std::string_view k_boston_loaders[] = {"load_boston", "boston_housing.load_data"};
constexpr std::string_view k_boston_ids[] = {"boston", "boston_housing"};
constexpr std::string_view k_boston_files[] = {"boston_housing", "bostonhousing", "boston-housing",
                                               "boston_house", "housing.data"};
constexpr std::string_view k_boston_columns[] = {"PTRATIO", "LSTAT", "MEDV", "CRIM", "INDUS", "NOX"};
constexpr std::string_view k_boston_phrases[] = {"boston housing", "boston house"};

constexpr std::string_view k_california_loaders[] = {"fetch_california_housing"};
constexpr std::string_view k_california_ids[] = {"california_housing"};
constexpr std::string_view k_california_files[] = {"california_housing", "cal_housing"};
constexpr std::string_view k_california_columns[] = {"median_house_value", "housing_median_age",
                                                     "ocean_proximity", "MedHouseVal", "AveBedrms"};
constexpr std::string_view k_california_phrases[] = {"california housing", "california house"};

constexpr std::string_view k_ames_ids[] = {"house_prices", "house-prices-advanced-regression-techniques"};
constexpr std::string_view k_ames_files[] = {"house-prices", "house_prices", "ames_housing", "ameshousing"};
constexpr std::string_view k_ames_columns[] = {"SalePrice", "GrLivArea", "OverallQual", "TotalBsmtSF",
                                               "GarageCars"};
constexpr std::string_view k_ames_phrases[] = {"house prices advanced regression", "ames housing",
                                               "ames iowa"};

// Kaggle's "Housing Prices Dataset" (545 houses: price, area, bedrooms, mainroad, guestroom, ...).
constexpr std::string_view k_housing_ids[] = {"housing"};
constexpr std::string_view k_housing_columns[] = {"mainroad",        "guestroom", "hotwaterheating",
                                                  "airconditioning", "prefarea",  "furnishingstatus"};

constexpr std::string_view k_cifar_loaders[] = {"CIFAR10", "CIFAR100", "cifar10.load_data",
                                                "cifar100.load_data"};
constexpr std::string_view k_cifar_ids[] = {"cifar10", "cifar100", "uoft-cs/cifar10", "uoft-cs/cifar100"};
constexpr std::string_view k_cifar_files[] = {"cifar-10", "cifar10", "cifar-100", "cifar100"};
constexpr std::string_view k_cifar_phrases[] = {"cifar 10", "cifar10", "cifar 100", "cifar100", "cifar"};

constexpr std::string_view k_pima_ids[] = {"diabetes", "pima"};
constexpr std::string_view k_pima_files[] = {"pima"};
constexpr std::string_view k_pima_columns[] = {"Pregnancies", "DiabetesPedigreeFunction", "SkinThickness",
                                               "BloodPressure", "Insulin"};
constexpr std::string_view k_pima_phrases[] = {"pima"};

constexpr std::string_view k_diabetes_loaders[] = {"load_diabetes"};

constexpr std::string_view k_cancer_loaders[] = {"load_breast_cancer"};
constexpr std::string_view k_cancer_ids[] = {"breast-cancer", "wdbc"};
constexpr std::string_view k_cancer_files[] = {"wdbc", "breast-cancer", "breast_cancer", "breastcancer"};
constexpr std::string_view k_cancer_columns[] = {"radius_mean", "texture_mean", "perimeter_mean", "area_mean",
                                                 "smoothness_mean"};
constexpr std::string_view k_cancer_phrases[] = {"breast cancer wisconsin", "wisconsin breast cancer",
                                                 "wdbc"};

constexpr std::string_view k_digits_loaders[] = {"load_digits"};

constexpr std::string_view k_wine_loaders[] = {"load_wine"};
constexpr std::string_view k_wine_ids[] = {"wine-quality", "wine_quality", "wine-quality-red",
                                           "wine-quality-white"};
constexpr std::string_view k_wine_files[] = {"winequality", "wine_quality", "wine-quality"};
constexpr std::string_view k_wine_columns[] = {"fixed acidity", "volatile acidity", "residual sugar",
                                               "free sulfur dioxide", "total sulfur dioxide"};
constexpr std::string_view k_wine_phrases[] = {"wine quality", "winequality"};

constexpr std::span<const std::string_view> none{};

// Decided with the guides: these are what beginner courses and Kaggle's getting-started
// competitions use. House-price sets count (guide 001 calls house-price prediction overdone);
// scikit-learn's bundled toy sets count; IMDB, 20 Newsgroups and other real corpora do not.
const ToyDataset k_toys[] = {
    {"Titanic", none, k_titanic_ids, k_titanic_files, k_titanic_columns, 2, k_titanic_phrases, ""},
    {"Fashion-MNIST", k_fashion_loaders, k_fashion_ids, k_fashion_files, none, 0, k_fashion_phrases, ""},
    {"MNIST", k_mnist_loaders, k_mnist_ids, k_mnist_files, none, 0, k_mnist_phrases, "fashion"},
    {"Iris", k_iris_loaders, k_iris_ids, k_iris_files, k_iris_columns, 2, k_iris_phrases, ""},
    {"Boston housing", k_boston_loaders, k_boston_ids, k_boston_files, k_boston_columns, 3, k_boston_phrases,
     ""},
    {"California housing", k_california_loaders, k_california_ids, k_california_files, k_california_columns,
     2, k_california_phrases, ""},
    {"Kaggle House Prices (Ames)", none, k_ames_ids, k_ames_files, k_ames_columns, 2, k_ames_phrases, ""},
    {"Kaggle Housing Prices", none, k_housing_ids, none, k_housing_columns, 3, none, ""},
    {"CIFAR", k_cifar_loaders, k_cifar_ids, k_cifar_files, none, 0, k_cifar_phrases, ""},
    {"Pima Indians diabetes", none, k_pima_ids, k_pima_files, k_pima_columns, 3, k_pima_phrases, ""},
    {"scikit-learn diabetes", k_diabetes_loaders, none, none, none, 0, none, ""},
    {"Breast Cancer Wisconsin", k_cancer_loaders, k_cancer_ids, k_cancer_files, k_cancer_columns, 2,
     k_cancer_phrases, ""},
    {"scikit-learn digits", k_digits_loaders, none, none, none, 0, none, ""},
    {"Wine quality", k_wine_loaders, k_wine_ids, k_wine_files, k_wine_columns, 2, k_wine_phrases, ""},
};

bool ends_with_component(std::string_view callee, std::string_view tail)
{
  return callee == tail || (callee.size() > tail.size() && callee.ends_with(tail) &&
                            callee[callee.size() - tail.size() - 1] == '.');
}

} // namespace

std::span<const ToyDataset> toy_datasets()
{
  return k_toys;
}

std::string normalise_words(std::string_view text_in)
{
  std::string out = " ";
  for (const char c : text_in) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0 || byte >= 0x80) {
      out += static_cast<char>(std::tolower(byte));
    } else if (out.back() != ' ') {
      out += ' ';
    }
  }
  if (out.back() != ' ') {
    out += ' ';
  }
  return out;
}

bool mentions(const ToyDataset& dataset, const std::string& normalised_text)
{
  const std::string_view text = normalised_text;
  for (const std::string_view phrase : dataset.phrases) {
    // The phrase between spaces; looked for by its first letter, which is rarer than a space.
    for (size_t at = text.find(phrase, 1); at != std::string_view::npos; at = text.find(phrase, at + 1)) {
      const size_t end = at + phrase.size();
      if (text[at - 1] != ' ' || end >= text.size() || text[end] != ' ') {
        continue;
      }
      const std::string_view before = text.substr(0, at - 1);
      const std::string_view word = dataset.not_after;
      const bool after_word = !word.empty() && before.size() > word.size() && before.ends_with(word) &&
                              before[before.size() - word.size() - 1] == ' ';
      if (!after_word) {
        return true;
      }
    }
  }
  return false;
}

bool may_mention_any(std::string_view normalised_text)
{
  static const std::unordered_set<std::string_view> first_words = [] {
    std::unordered_set<std::string_view> words;
    for (const auto& toy : k_toys) {
      for (const std::string_view phrase : toy.phrases) {
        words.insert(phrase.substr(0, phrase.find(' ')));
      }
    }
    return words;
  }();
  for (size_t start = 0; start < normalised_text.size();) {
    const size_t end = std::min(normalised_text.find(' ', start), normalised_text.size());
    if (end > start && first_words.contains(normalised_text.substr(start, end - start))) {
      return true;
    }
    start = end + 1;
  }
  return false;
}

bool may_load_any(std::string_view callee)
{
  static const std::unordered_set<std::string_view> names = [] {
    std::unordered_set<std::string_view> last;
    for (const auto& toy : k_toys) {
      for (const std::string_view loader : toy.loaders) {
        last.insert(loader.substr(loader.rfind('.') + 1));
      }
    }
    return last;
  }();
  return names.contains(callee.substr(callee.rfind('.') + 1));
}

bool is_loader(const ToyDataset& dataset, std::string_view callee)
{
  return std::any_of(dataset.loaders.begin(), dataset.loaders.end(),
                     [&](std::string_view tail) { return ends_with_component(callee, tail); });
}

bool is_id(const ToyDataset& dataset, std::string_view id)
{
  const std::string lowered = text::to_lower(text::trim(id));
  return std::any_of(dataset.ids.begin(), dataset.ids.end(),
                     [&](std::string_view known) { return lowered == known; });
}

bool is_data_file(const ToyDataset& dataset, std::string_view name)
{
  // The prefixes are lower case; asked for every component of every file, so no copy is made.
  return std::any_of(dataset.file_prefixes.begin(), dataset.file_prefixes.end(), [&](std::string_view prefix) {
    return name.size() >= prefix.size() && text::iequals(name.substr(0, prefix.size()), prefix);
  });
}

bool may_name_any(std::string_view name)
{
  // The prefixes' first two letters, lower case: one look-up rules out most names.
  static const std::array<std::bitset<256>, 256> starts = [] {
    std::array<std::bitset<256>, 256> pairs{};
    for (const auto& toy : k_toys) {
      for (const std::string_view prefix : toy.file_prefixes) {
        pairs[static_cast<unsigned char>(prefix[0])].set(static_cast<unsigned char>(prefix[1]));
      }
    }
    return pairs;
  }();
  const auto lower = [&](size_t i) {
    return static_cast<unsigned char>(text::ascii_lower(name[i]));
  };
  return name.size() >= 2 && starts[lower(0)].test(lower(1));
}

} // namespace mlfolio::lint
