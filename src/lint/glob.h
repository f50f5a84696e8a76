#pragma once

#include "core/result.h"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace mlfolio::lint {

// Where a pattern may match.
enum class Anchor {
  root,      // the pattern is a path from the audited root: "LICENSE*" matches only at the top
  anywhere,  // the pattern may start in any folder: "Dockerfile" matches "api/Dockerfile"
  gitignore, // as in .gitignore: a pattern with a '/' (other than a trailing one) is rooted,
             // one without floats
};

// A path pattern with the syntax of .gitignore:
//   *      any characters except '/'         ?      one character except '/'
//   [a-z]  one character of a class ([!a] and [^a] negate)   \x  the character x
//   **     as a whole component: any number of folders, none included
//   a trailing '/' matches folders only.
// Matching is on '/'-separated relative paths; case-insensitive unless asked otherwise.
class Glob
{
public:
  static Result<Glob> compile(std::string_view pattern, Anchor anchor, bool case_sensitive = false);

  // Whether the file `path` matches.
  bool matches_file(std::string_view path) const;

  // The shortest folder of `path` ("a/b/") or, for a pattern without trailing '/', the file path
  // itself that matches; nullopt when neither does. Used to leave out or report whole folders.
  std::optional<std::string> matching_prefix(std::string_view path) const;

  const std::string& pattern() const { return m_pattern; }

  // What a file's name (its path's last component) must be for this glob to match the file, so
  // that a caller can look files up by name instead of trying the glob on every one, lower-cased:
  // the whole name ("dockerfile"), its start ("license" for "LICENSE.*", "requirements" for
  // "requirements*.txt"), or its extension (".txt" for "*.txt", ".gz" for "*.tar.gz"); or no
  // file at all (a folder-only glob). None when any name may match ("*", "**", "*_test.*").
  struct NameKey
  {
    enum class Kind { none, name, prefix, extension, no_file };
    Kind kind = Kind::none;
    std::string text; // the lower-cased name, start of name, or extension (with its dot)
  };
  NameKey name_key() const;

private:
  friend class GlobSet;

  // The shape of the pattern's last part: a plain name, "*" and a plain suffix, or other.
  enum class LastShape { other, name, suffix };

  bool match_components(const std::vector<std::string_view>& path, size_t count) const;
  // Whether the pattern's last part matches `name`, a path's last component.
  bool last_matches(std::string_view name) const;
  // False when no file with this last component can match.
  bool may_match_file_named(std::string_view name) const;
  // matches_file, for a path whose last component `name` the caller has taken already.
  bool matches_file_named(std::string_view path, std::string_view name) const;
  // How many of the path's components the shortest matching prefix has (see matching_prefix).
  std::optional<size_t> prefix_length(const std::vector<std::string_view>& parts) const;
  // The same, trying only prefixes of `from` to `to` components.
  std::optional<size_t> prefix_length(const std::vector<std::string_view>& parts, size_t from,
                                      size_t to) const;

  std::string m_pattern;
  std::vector<std::string> m_components; // lower-cased unless case-sensitive
  bool m_folder_only = false;
  bool m_case_sensitive = false;
  LastShape m_last_shape = LastShape::other;
  // For LastShape::other: the literal start of the last part ("license" of "LICENSE.*"), which
  // a name must start with before the whole part is tried.
  std::string m_last_prefix;
  // For a rooted pattern of two parts or more whose first part is a plain name ("LICENSES" of
  // "LICENSES/*", ".github" of ".github/workflows/*.yml"): the first component every matching
  // path has, compared before the path is split.
  std::string m_first_folder;
  // The plain names among the pattern's folders ("requirements" of "**/requirements/*.txt"):
  // folders every matching path has somewhere above its file, looked for before the path is
  // matched part by part.
  std::vector<std::string> m_plain_folders;
};

// Several globs; a path matches when any matches.
class GlobSet
{
public:
  static Result<GlobSet> compile(const std::vector<std::string>& patterns, Anchor anchor,
                                 bool case_sensitive = false);
  bool matches_file(std::string_view path) const;
  std::optional<std::string> matching_prefix(std::string_view path) const; // the shortest over all
  const std::vector<Glob>& globs() const { return m_globs; }
  bool empty() const { return m_globs.empty(); }

  // matching_prefix for many paths, one after the other: what matched the folders of a path is
  // kept for the next path in the same folder, so that a sorted listing tries each folder once.
  class PrefixMatcher
  {
  public:
    explicit PrefixMatcher(const GlobSet& set) : m_set(set) {}
    std::optional<std::string> matching_prefix(std::string_view path); // GlobSet::matching_prefix

  private:
    // The globs a file's own name may match, by the name's lower-cased form, start or extension
    // (Glob::name_key), and those that may match any name: only these are tried on a file.
    struct FileKeys
    {
      std::unordered_map<std::string, std::vector<const Glob*>> by_name;
      std::unordered_map<std::string, std::vector<const Glob*>> by_extension;
      std::vector<std::pair<std::string, const Glob*>> by_prefix;
      std::vector<const Glob*> any_name;
    };
    void add_file_candidates(std::string_view name);

    const GlobSet& m_set;
    std::string m_folder; // of the previous path, up to its last '/'
    bool m_known = false;
    std::optional<size_t> m_folder_count;
    std::optional<FileKeys> m_keys; // built on first use
    std::string m_lowered;          // the current file's name, lower-cased
    std::vector<const Glob*> m_candidates;
  };

private:
  std::vector<Glob> m_globs;
};

} // namespace mlfolio::lint
