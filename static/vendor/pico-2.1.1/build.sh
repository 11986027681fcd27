#!/bin/sh
# Rebuild static/vendor/pico-2.1.1/pico.min.css from Pico's SCSS with only the modules in
# pico.scss beside this file. Needs Node.js and npm (the npm registry); the output is committed,
# so running the app never needs them.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent @picocss/pico@2.1.1 sass@1.108.2
npx sass --quiet-deps --no-source-map --style=compressed --load-path=node_modules \
    "$here/pico.scss" "$root/static/vendor/pico-2.1.1/pico.min.css"
echo "Wrote static/vendor/pico-2.1.1/pico.min.css ($(wc -c < "$root/static/vendor/pico-2.1.1/pico.min.css") bytes)"
