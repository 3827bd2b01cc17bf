#!/usr/bin/env bash
# The whole test suite, with everything it needs: the README's test command, and what CI runs (.ci/run).
#
#   1. starts a private PostgreSQL server (scripts/pg.sh: installs Debian's postgresql when missing) so the suite also
#      runs on PostgreSQL; it fails loudly when the server cannot be had (WA_TEST_PG_REQUIRED=true);
#   2. installs Debian's chromium and chromium-driver when missing, so the report page is rendered and the console is
#      driven in a real browser; the console's browser test fails when they cannot be had (WA_TEST_BROWSER_REQUIRED=true);
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

if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ] || [ ! -x /usr/bin/chromedriver ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "test.sh: installing chromium and chromium-driver (for the report page and console tests)" >&2
        timeout 600 apt-get update -qq >/dev/null || true
        DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y -qq --no-install-recommends chromium \
            chromium-driver fonts-dejavu-core >/dev/null || echo "test.sh: chromium could not be installed; the browser test will be skipped" >&2
    else
        echo "test.sh: no chromium and not root: the browser test of report.html will be skipped" >&2
    fi
fi
export WA_TEST_BROWSER_REQUIRED=true

exec mvn -B verify "$@"
