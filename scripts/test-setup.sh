#!/usr/bin/env bash
# `npm run test:setup`: installs the Debian packages the test suite drives, each only when it is
# missing: Chromium (the task pane test), LibreOffice Calc (recalculates what `itos apply` writes),
# the Liberation fonts and poppler (render the analysed sheet to PDF and PNG). As root it runs
# apt-get itself, otherwise through sudo. Then `npm ci` when node_modules is not there yet.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(chromium libreoffice-calc-nogui fonts-liberation poppler-utils)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "test:setup: system packages present: ${PACKAGES[*]}"
else
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "test:setup: this is not a Debian-like system; install ${missing[*]} (Chromium, LibreOffice Calc, Liberation fonts, poppler) with its package manager." >&2
    exit 1
  fi
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    echo "test:setup: need root to install ${missing[*]}: run as root: apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "test:setup: installing ${missing[*]}"
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update </dev/null
  # With their recommends: LibreOffice renders with the fonts they bring.
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" </dev/null
fi

if [ ! -d node_modules ]; then
  echo "test:setup: no node_modules yet: npm ci"
  npm ci --no-audit --no-fund </dev/null
fi
