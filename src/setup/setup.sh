#!/usr/bin/env bash
# Sets up everything leadstack needs on a fresh machine, and takes seconds when nothing changed:
#   1. system packages: Jupyter (nbconvert, nbclient, ipykernel) and Chromium (figure export, dashboard tests)
#   2. npm dependencies from the lockfile
#   3. the tslab (TypeScript) Jupyter kernel, registered for /usr/bin/python3
#   4. the compiled library in dist/ (TypeScript, and the WebAssembly kernels of src/wasm), linked as
#      node_modules/leadstack so notebooks import it by name
# Options (environment): LEADSTACK_SETUP_PEERS=1 also installs the Python peers used by bench/
# (scikit-learn, xgboost, imbalanced-learn, pandas).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

say() { printf '[setup] %s\n' "$*"; }
fail() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }

python=/usr/bin/python3
system_packages=(jupyter-nbconvert python3-nbclient python3-ipykernel jupyter-client chromium)
if [ "${LEADSTACK_SETUP_PEERS:-0}" = 1 ]; then
  system_packages+=(python3-sklearn python3-xgboost python3-imblearn python3-pandas)
fi

# --- 1. system packages -------------------------------------------------------------------
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${system_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
else
  command -v jupyter-nbconvert >/dev/null 2>&1 || missing+=(jupyter-nbconvert python3-nbclient python3-ipykernel jupyter-client)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    fail "missing system packages: ${missing[*]}. Install them (Debian/Ubuntu: sudo apt-get install ${missing[*]}) and run npm run setup again."
  fi
else
  say "system packages present"
fi

# --- 2. npm dependencies --------------------------------------------------------------------
stamp=node_modules/.leadstack-setup
lock_hash=$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
  say "installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" >"$stamp"
else
  say "npm dependencies up to date"
fi
export PATH="$root/node_modules/.bin:$PATH"

# --- 3. tslab kernel ---------------------------------------------------------------------------
if ! jupyter kernelspec list 2>/dev/null | grep -qE '^\s*tslab\s'; then
  say "registering the tslab kernel for $python"
  tslab install --python="$python" >/dev/null
else
  say "tslab kernel registered"
fi

# --- 4. build and link -------------------------------------------------------------------------
kernels_built=1
for kernel in src/wasm/*-kernel.ts; do
  [ -f "dist/wasm/$(basename "$kernel" .ts).wasm" ] || kernels_built=0
done
if [ ! -f dist/index.js ] || [ "$kernels_built" = 0 ] || [ -n "$(find src package.json tsconfig.json -newer dist/index.js -name '*.ts' -o -newer dist/index.js -name '*.json' 2>/dev/null | head -n 1)" ]; then
  say "building the library"
  npm run --silent build
else
  say "library build up to date"
fi
ln -sfn .. node_modules/leadstack
say "done"
