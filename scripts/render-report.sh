#!/usr/bin/env bash
# Renders a wirearchive report.html with headless Chromium (Debian's `chromium` package), checks that the page loaded
# without errors, and writes a PNG screenshot.
#
#   scripts/render-report.sh REPORT_HTML [SCREENSHOT_PNG]
#
# The screenshot defaults to REPORT_HTML with .png instead of .html. Checks: Chromium exits normally, the loaded DOM
# contains the report's marker element (<main id="wirearchive-report">) and the end of the page, Chromium logged no
# blocked or failed load and no script error, and the PNG is a real PNG. Exit 0 when all hold, 1 when a check fails,
# 2 on bad usage. Installs chromium with apt-get when /usr/bin/chromium is missing and we are root.
# Environment: CHROMIUM (binary, default /usr/bin/chromium), RENDER_WIDTH (1200), RENDER_HEIGHT (2600).
set -euo pipefail

die() { echo "render-report: $*" >&2; exit "${2:-1}"; }

[ $# -ge 1 ] && [ $# -le 2 ] || die "usage: $0 REPORT_HTML [SCREENSHOT_PNG]" 2
html=$1
[ -f "$html" ] || die "no such file: $html" 2
png=${2:-${html%.html}.png}
chromium=${CHROMIUM:-/usr/bin/chromium}
width=${RENDER_WIDTH:-1200}
height=${RENDER_HEIGHT:-2600}

if [ ! -x "$chromium" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "render-report: installing chromium with apt-get" >&2
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core \
            >/dev/null || die "apt-get could not install chromium"
    fi
    [ -x "$chromium" ] || die "chromium not found at $chromium (install Debian's chromium package)"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
url="file://$(realpath "$html")"
mkdir -p "$(dirname "$png")"
png_abs="$(realpath "$(dirname "$png")")/$(basename "$png")"

run_chromium() {
    local profile
    profile=$(mktemp -d "$work/profile.XXXXXX")
    timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$profile" \
        --hide-scrollbars --enable-logging=stderr --v=0 --window-size="$width,$height" "$@" "$url"
}

run_chromium --dump-dom >"$work/dom.html" 2>"$work/dom.log" || die "chromium failed to load $html (see below)
$(tail -20 "$work/dom.log")"
grep -q 'id="wirearchive-report"' "$work/dom.html" || die "the page has no <main id=\"wirearchive-report\">: not a report, or it did not load"
grep -q '</footer>' "$work/dom.html" || die "the page did not load to its end"
if grep -E 'Refused to|Uncaught|net::ERR_|Failed to load|CONSOLE.*(Error|error)' "$work/dom.log" >"$work/errors"; then
    die "the page loaded with errors:
$(head -20 "$work/errors")"
fi

rm -f "$png_abs"
run_chromium --screenshot="$png_abs" >"$work/shot.log" 2>&1 || die "chromium could not take a screenshot
$(tail -20 "$work/shot.log")"
[ -s "$png_abs" ] || die "no screenshot written to $png_abs"
[ "$(head -c 8 "$png_abs" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || die "$png_abs is not a PNG"

echo "render-report: OK $html -> $png_abs"
