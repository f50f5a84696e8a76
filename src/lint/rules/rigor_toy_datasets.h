#pragma once

// The overdone datasets rigor/real-world-data looks for, and how each one shows: loader calls,
// dataset ids, file names, column names, README phrases.

#include <span>
#include <string>
#include <string_view>

namespace mlfolio::lint {

struct ToyDataset
{
  std::string_view name; // "Titanic", shown in messages
  std::span<const std::string_view>
      loaders; // last component or dotted tail of a call: "load_iris", "mnist.load_data"
  std::span<const std::string_view>
      ids; // ids given to load_dataset, tfds.load, fetch_openml, sns.load_dataset
  std::span<const std::string_view>
      file_prefixes;                         // lower-case file names starting so: "titanic", "winequality"
  std::span<const std::string_view> columns; // column names only this dataset has
  size_t columns_needed = 0;                 // how many of them identify it
  std::span<const std::string_view> phrases; // README phrases, normalised (see normalise_words)
  std::string_view not_after;                // a word that makes the phrase another dataset ("fashion" mnist)
};

std::span<const ToyDataset> toy_datasets();

// Lower-case, every run of characters other than letters and digits one space, a space at both
// ends: "Fashion-MNIST (Zalando)" -> " fashion mnist zalando ".
std::string normalise_words(std::string_view text);

// Whether normalised text (see normalise_words) names the dataset.
bool mentions(const ToyDataset& dataset, const std::string& normalised_text);

// False when no dataset's phrase can be in the normalised text (no word of it starts one), so
// that mentions() need not be asked for each dataset.
bool may_mention_any(std::string_view normalised_text);

// A loader call or a dataset id: "load_iris", "torchvision.datasets.MNIST", load_dataset("mnist").
bool is_loader(const ToyDataset& dataset, std::string_view callee);
bool is_id(const ToyDataset& dataset, std::string_view id);

// False when `callee` is no dataset's loader (its last component is no loader's).
bool may_load_any(std::string_view callee);

// A file name (the last path component, any case) that holds this dataset.
bool is_data_file(const ToyDataset& dataset, std::string_view name);

// False when `name` is no dataset's file (no file prefix starts with its first two letters).
bool may_name_any(std::string_view name);

} // namespace mlfolio::lint
