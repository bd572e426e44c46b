#!/usr/bin/env bash
# The whole test suite: typecheck, lint (with the XSS scan of the views), unit and web tests, and the browser
# tests in Debian's chromium when it is installed. What cannot run here is said loudly; with REQUIRE_ALL_SUITES=1
# (set by .ci/run) a skipped suite fails the run.
set -uo pipefail
cd "$(dirname "$0")/.."

failed=()
skipped=()
step() { echo; echo "== $1"; }
run() { local name=$1; shift; step "$name"; if "$@"; then echo "-- $name: ok"; else echo "-- $name: FAILED"; failed+=("$name"); fi; }

run "typecheck" npx tsc -p .
run "lint" npx eslint .
run "xss-scan" npx xss-scan
mapfile -t unit_tests < <(find test -name '*.test.ts' | sort)
run "unit and web tests (${#unit_tests[@]} files)" node --import tsx --test --test-reporter=spec "${unit_tests[@]}"

CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
mapfile -t e2e_tests < <(find e2e -name '*.e2e.ts' | sort)
if [ -x "$CHROMIUM" ]; then
  run "browser tests in $CHROMIUM (${#e2e_tests[@]} files)" node --import tsx --test --test-concurrency=1 --test-reporter=spec "${e2e_tests[@]}"
else
  skipped+=("browser tests: no chromium at $CHROMIUM (install Debian's package: apt-get install -y chromium)")
fi

echo
if [ ${#skipped[@]} -gt 0 ]; then
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
  for s in "${skipped[@]}"; do echo "!!! SKIPPED: $s"; done
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
  if [ "${REQUIRE_ALL_SUITES:-0}" = "1" ]; then failed+=("skipped suites are not allowed here (REQUIRE_ALL_SUITES=1)"); fi
fi
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED: ${failed[*]}"
  exit 1
fi
echo "All test suites passed."
