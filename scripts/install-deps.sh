#!/usr/bin/env bash
# Installs the Debian 12 packages dse needs, skipping those already present. Idempotent.
# Needs root (or sudo) only when something is missing. Nothing is downloaded except from
# Debian's package archive.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libeigen3-dev        # fits (least squares, Levenberg-Marquardt)
  libcli11-dev         # command line
  libsqlite3-dev       # results database
  libfmt-dev           # text formatting
  libtomlplusplus-dev  # search-space and board TOML files
  nlohmann-json3-dev   # --json output
  libgtest-dev         # unit and golden tests
  libbenchmark-dev     # tests/bench
  gnuplot-nox          # plots
  sqlite3              # the sqlite3 shell, for the README's example queries
  parallel             # GNU parallel: the export-training loop test (tests/search)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present" >&2
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root to install: ${missing[*]}" >&2; exit 1; }
  as_root=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
