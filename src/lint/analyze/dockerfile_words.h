#pragma once

// Internal to the Dockerfile reader: shell-like words, variables and image references.

#include "lint/analyze/dockerfile.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::lint::analyze::detail {

// Splits at unquoted whitespace; quotes are removed and `escape` escapes the next character.
std::vector<std::string> docker_words(std::string_view text, char escape);

// Replaces $VAR, ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:+alt} with values from
// `variables`; sets `unresolved` when a variable without a value is met (it becomes "").
std::string substitute_variables(std::string_view text, const std::map<std::string, std::string, std::less<>>& variables,
                                 char escape, bool& unresolved);

// "ghcr.io/acme/app:1.2@sha256:abc" -> name, tag, digest.
ImageRef parse_image_ref(std::string text);

} // namespace mlfolio::lint::analyze::detail
