#!/usr/bin/env bash
# Installs what SalesHub needs beside the .NET SDK, from Debian's packages, when it is missing:
# Chromium (PDF printing and browser tests), CJK fonts (Chinese in pages and PDFs),
# poppler-utils (PDF checks) and, with --tests, PostgreSQL (the scale-out database's tests).
set -euo pipefail

packages=()
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || packages+=(fonts-noto-cjk)
# TrueType fonts print PDFs faster than Noto's CFF outlines (docs/performance.md).
fc-list 2>/dev/null | grep -qi "WenQuanYi Micro Hei" || packages+=(fonts-wqy-microhei)
fc-list 2>/dev/null | grep -qi "Liberation Sans" || packages+=(fonts-liberation)
command -v pdftoppm >/dev/null 2>&1 || packages+=(poppler-utils)
if [[ "${1:-}" == "--tests" ]] && ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  packages+=(postgresql)
fi

if ((${#packages[@]})); then
  echo "Installing: ${packages[*]}"
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK (dotnet) is required." >&2; exit 1; }
