#!/usr/bin/env bash
# Install the programs the build and the tests need that pip cannot: Graphviz
# (`dot`, which lays out every diagram), fonts for labels in any script, and, with --browser,
# Chromium for the browser tests. Installs only what is missing.
#
#   scripts/install-system-tools.sh [--browser]
#
# Debian and Ubuntu: apt-get, as root or through sudo. macOS: Homebrew.
# Elsewhere it says what to install. Without a system Chromium, the browser
# tests use Playwright's own (`.venv/bin/playwright install chromium`).
set -euo pipefail

want_browser=false
case "${1:-}" in
  "") ;;
  --browser) want_browser=true ;;
  -h | --help) sed -n '2,10s/^# \{0,1\}//p' "$0"; exit 0 ;;  # the comment above
  *) echo "usage: scripts/install-system-tools.sh [--browser] (--help says more)" >&2; exit 2 ;;
esac

packages=()
command -v dot >/dev/null || packages+=(graphviz)
if command -v apt-get >/dev/null; then
  [ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || packages+=(fonts-dejavu-core)
  # Labels in Chinese, Japanese or Korean, and emoji: Graphviz measures them and Chromium draws them.
  [ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || packages+=(fonts-wqy-microhei)
  [ -e /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || packages+=(fonts-noto-color-emoji)
  if $want_browser && ! command -v chromium >/dev/null; then
    packages+=(chromium)
  fi
fi
[ ${#packages[@]} -eq 0 ] && exit 0

if command -v apt-get >/dev/null; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then sudo="sudo"; else
      echo "error: run as root, or install sudo, to install: ${packages[*]} (apt-get install ${packages[*]})" >&2
      exit 1
    fi
  fi
  echo "Installing ${packages[*]} with apt-get"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
elif command -v brew >/dev/null; then
  echo "Installing graphviz with Homebrew"
  brew install graphviz
else
  echo "error: install Graphviz (it provides 'dot'), then run make again:" >&2
  echo "  Windows: winget install graphviz    Fedora: sudo dnf install graphviz    Arch: sudo pacman -S graphviz" >&2
  exit 1
fi
