#!/usr/bin/env bash
# Installs exactly the Debian packages from tools/debian-packages.txt that are missing.
# Runs `apt-get update` once, and only when something is missing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
missing=()
while read -r package; do
  [[ -z $package || $package == \#* ]] && continue
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ $status == "install ok installed" ]] || missing+=("$package")
done <"$here/debian-packages.txt"
# npm (for the SARIF schema the tests validate against): Debian's package only when no npm is
# on PATH, since a machine with its own Node.js already has one.
command -v npm >/dev/null || missing+=(npm)
if ((${#missing[@]} == 0)); then
  echo "deps: all Debian packages present"
  exit 0
fi
echo "deps: installing ${missing[*]}"
if [[ $(id -u) -ne 0 ]]; then
  sudo=sudo
else
  sudo=
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
