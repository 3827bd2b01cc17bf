#!/usr/bin/env bash
# The whole test suite, with everything it needs: the README's test command, and what CI runs (.ci/run).
#
#   1. starts a private PostgreSQL server (scripts/pg.sh: installs Debian's postgresql when missing) so the suite also
#      runs on PostgreSQL; it fails loudly when the server cannot be had (WA_TEST_PG_REQUIRED=true);
#   2. installs Debian's chromium when missing, so the report page is rendered in a real browser;
#   3. runs Maven's verify phase: unit tests (surefire), then the child-process tests on the packaged jar (failsafe).
# Extra arguments go to Maven (e.g. scripts/test.sh -o -Dtest=IngestJobTests).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! scripts/pg.sh start; then
    echo "test.sh: FAILED: PostgreSQL could not be installed or started (see above); the PostgreSQL tests are not optional" >&2
    exit 1
fi
WA_TEST_PG_URL=$(scripts/pg.sh url)
export WA_TEST_PG_URL
export WA_TEST_PG_REQUIRED=true
echo "test.sh: PostgreSQL tests use $WA_TEST_PG_URL" >&2

if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "test.sh: installing chromium (for the report page test)" >&2
        timeout 600 apt-get update -qq >/dev/null || true
        DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y -qq --no-install-recommends chromium \
            fonts-dejavu-core >/dev/null || echo "test.sh: chromium could not be installed; the browser test will be skipped" >&2
    else
        echo "test.sh: no chromium and not root: the browser test of report.html will be skipped" >&2
    fi
fi

exec mvn -B verify "$@"
