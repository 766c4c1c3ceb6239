#!/usr/bin/env bash
# What a newcomer gets: clones this repository's HEAD into a temp dir and, with HOME pointed at a new empty
# directory (holding only a copy of ~/.npmrc, so npm is configured as on this machine), runs `.ci/run`
# (system packages, npm ci, npm test), then `npm run package`, then `npm start -- --smoke`. Prints one line
# per step, then checks that HOME holds nothing but that .npmrc and npm's cache. Exits non-zero on any failure.
#   scripts/fresh-clone-check.sh [--vscode-cache <dir>] [--keep]
#   --vscode-cache <dir>  reuse VS Code builds installed there (JARVIS_VSCODE_TEST_DIR) instead of installing
#                         them into the clone (the default, as on a new machine)
#   --keep                keep the temp dir (clone, HOME, step logs) even when everything passed
set -uo pipefail

repo=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
vscode_cache=""
keep=0
while (($# > 0)); do
  case "$1" in
    --vscode-cache) vscode_cache=$(realpath "${2:?--vscode-cache needs a directory}"); shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "Unknown argument \"$1\". Usage: scripts/fresh-clone-check.sh [--vscode-cache <dir>] [--keep]" >&2; exit 2 ;;
  esac
done

work=$(mktemp -d "${TMPDIR:-/tmp}/jarvis-fresh-XXXXXX")
home="$work/home"
clone="$work/jarvis"
mkdir -p "$home"
if [[ -f "$HOME/.npmrc" ]]; then cp "$HOME/.npmrc" "$home/.npmrc"; fi
commit=$(git -C "$repo" rev-parse HEAD)
started=$(date +%s)
failed=0

# One step: runs in the clone with the empty HOME and none of the caller's XDG dirs; one line with its result.
step() {
  local name=$1 summary=$2
  shift 2
  local t0 log="$work/$name.log"
  t0=$(date +%s)
  if (cd "$clone" && env -u XDG_CONFIG_HOME -u XDG_DATA_HOME -u XDG_CACHE_HOME -u JARVIS_VSCODE_TEST_DIR \
      HOME="$home" ${vscode_cache:+JARVIS_VSCODE_TEST_DIR="$vscode_cache"} "$@") >"$log" 2>&1; then
    echo "ok    $name  $(($(date +%s) - t0)) s  $(grep -E "$summary" "$log" | tail -1)"
  else
    echo "FAIL  $name  $(($(date +%s) - t0)) s  $(grep -E "$summary" "$log" | tail -1)  (log: $log)"
    failed=1
  fi
}

t0=$(date +%s)
if git clone --quiet --no-checkout "$repo" "$clone" && git -C "$clone" checkout --quiet "$commit"; then
  echo "ok    clone  $(($(date +%s) - t0)) s  ${commit:0:12} into $clone"
else
  echo "FAIL  clone  could not clone $repo"
  exit 1
fi

step ci '^[0-9]+ passed, [0-9]+ failed$' bash .ci/run
step package '^\[package\] ' npm run package
step smoke '^\[start\] smoke ' npm start -- --smoke

# HOME may hold the copied .npmrc and npm's cache (.npm), nothing else.
leftovers=$(cd "$home" && find . -mindepth 1 -maxdepth 3 -not -path './.npmrc' -not -path './.npm' -not -path './.npm/*' | sort)
if [[ -z "$leftovers" ]]; then
  echo "ok    home  $home holds only: $(cd "$home" && ls -A | tr '\n' ' ')"
else
  echo "FAIL  home  written into HOME: $(echo "$leftovers" | head -20 | tr '\n' ' ')"
  failed=1
fi

echo "$([[ $failed == 0 ]] && echo PASSED || echo FAILED) in $(($(date +%s) - started)) s (commit ${commit:0:12}${vscode_cache:+, VS Code builds from $vscode_cache})"
if [[ $failed == 0 && $keep == 0 ]]; then rm -rf "$work"; else echo "kept: $work"; fi
exit $failed
