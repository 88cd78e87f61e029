#!/usr/bin/env bash
# Installs wooflow on a fresh Debian machine with Python 3.11: the Debian packages it calls
# (Tesseract OCR with Dutch language data, poppler's pdftotext for the independent leak check)
# and a virtualenv in .venv with the pinned Python dependencies.
#   scripts/install.sh          runtime only
#   scripts/install.sh --test   plus the test dependencies
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
[ -e /usr/share/tesseract-ocr/5/tessdata/nld.traineddata ] || ls /usr/share/tesseract-ocr/*/tessdata/nld.traineddata >/dev/null 2>&1 || need+=(tesseract-ocr-nld)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
# The browser tests of the review web UI drive Debian's Chromium (never a downloaded browser).
# The tests run the PostgreSQL store on a throwaway cluster (initdb + pg_ctl on loopback, started
# by a pytest fixture): Debian's server package, which needs no running service.
if [ "${1:-}" = "--test" ]; then
  [ -x /usr/bin/chromium ] || need+=(chromium)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
  # axe-core (the accessibility rules the browser tests run) comes from the npm registry
  command -v npm >/dev/null 2>&1 || need+=(npm)
fi
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

py=python3.11
command -v "$py" >/dev/null 2>&1 || py=python3
[ -x .venv/bin/python ] || "$py" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
extra=""
[ "${1:-}" = "--test" ] && extra="[test]"
.venv/bin/python -m pip install -q -e ".${extra}"
# Bytecode for wooflow's own modules, as a wheel install has it: an editable install otherwise
# compiles them from source in every process where PYTHONDONTWRITEBYTECODE is set (+0.15-0.2
# CPU-s start-up). Python checks each file's source stamp, so an edited module is never run stale.
.venv/bin/python -m compileall -q wooflow >/dev/null
echo "wooflow installed in .venv ($(.venv/bin/wooflow version))"
if [ "${1:-}" = "--test" ]; then
  # axe-core for the accessibility checks of the browser tests: one pinned JavaScript file in a
  # test-only folder (no browser, nothing at run time of wooflow); npm checks its integrity.
  AXE_VERSION=4.14.1
  if [ ! -f .test-deps/node_modules/axe-core/axe.min.js ] || \
     ! grep -q "\"version\": \"$AXE_VERSION\"" .test-deps/node_modules/axe-core/package.json 2>/dev/null; then
    npm install --silent --prefix .test-deps --no-audit --no-fund --ignore-scripts --no-save \
      "axe-core@$AXE_VERSION" >/dev/null
  fi
  echo "axe-core $AXE_VERSION in .test-deps"
fi
