#!/usr/bin/env bash
# Prints the path of the SARIF 2.1.0 JSON schema (the OASIS schema, 2.1.0-rtm.5 as published by
# the SARIF SDK's npm package @microsoft/jest-sarif, MIT licence), fetching it once with
# `npm pack` into tests/.npm/ (ignored by git). The file is checked against its SHA-256, so a
# changed package cannot change what the tests validate against.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
package=@microsoft/jest-sarif@1.0.0-beta.0
member=package/lib/schemas/sarif-2.1.0-rtm.5.json
sha256=2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8
cache=$here/tests/.npm
schema=$cache/sarif-schema-2.1.0.json

if [[ -f $schema ]] && echo "$sha256  $schema" | sha256sum --check --status; then
  echo "$schema"
  exit 0
fi
command -v npm >/dev/null || { echo "sarif-schema: npm is not installed (Node.js's npm)" >&2; exit 1; }
mkdir -p "$cache"
work=$(mktemp -d "$cache/fetch.XXXXXX")
trap 'rm -rf "$work"' EXIT
(cd "$work" && timeout 120 npm pack --silent "$package" >/dev/null) ||
  { echo "sarif-schema: 'npm pack $package' failed" >&2; exit 1; }
tar -xzf "$work"/*.tgz -C "$work" "$member"
echo "$sha256  $work/$member" | sha256sum --check --status ||
  { echo "sarif-schema: $member of $package does not have the expected SHA-256" >&2; exit 1; }
mv -f "$work/$member" "$schema" # a rename: tests running at once never read half a file
echo "$schema"
