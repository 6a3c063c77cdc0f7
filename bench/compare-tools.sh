#!/bin/sh
# Side-by-side MinHash LSH on the same generated corpus, one process each pinned to one core:
# storytrace, github.com/ekzhu/minhash-lsh (Go, Debian packages), npm `minhash`, npm
# `bloom-filters`. 128 permutations, word 5-grams, 32 bands x 4 rows. The other tools are
# installed from their registries at run time into a temp folder (never vendored):
#   bench/compare-tools.sh [DOCS] [SEED]        (run from the repository, after npm run build)
# TOOLS="storytrace go minhash bloom" (the default) picks which runners to run.
set -eu
DOCS=${1:-10000}
SEED=${2:-1}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/storytrace-compare-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
PIN="taskset -c 0"

if ! command -v go >/dev/null || [ ! -d /usr/share/gocode/src/github.com/ekzhu/minhash-lsh ]; then
  echo "installing golang and golang-github-ekzhu-minhash-lsh-dev (apt)…" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends golang golang-github-ekzhu-minhash-lsh-dev >&2
fi
echo "installing npm minhash and bloom-filters into $WORK/tools…" >&2
mkdir -p "$WORK/tools"
(cd "$WORK/tools" && npm init -y >/dev/null 2>&1 && npm install --no-save --no-audit --no-fund minhash@0.0.9 bloom-filters@3.0.4 >&2)

echo "exporting $DOCS documents (seed $SEED)…" >&2
node "$ROOT/dist/bench/export-corpus.js" --docs "$DOCS" --seed "$SEED" --out "$WORK/corpus.jsonl"

echo "building the Go runner…" >&2
mkdir -p "$WORK/go/src/mhcompare"
cp "$ROOT/bench/compare/minhash-lsh.go" "$WORK/go/src/mhcompare/main.go"
(cd "$WORK/go/src/mhcompare" && GOPATH="$WORK/go:/usr/share/gocode" GO111MODULE=off GOCACHE="$WORK/gocache" go build -o "$WORK/mhcompare" .)

TOOLS=${TOOLS:-storytrace go minhash bloom}
RESULTS="$WORK/results.jsonl"
for tool in $TOOLS; do
  case $tool in
    storytrace) $PIN node "$ROOT/dist/bench/compare/storytrace.js" "$WORK/corpus.jsonl" >>"$RESULTS" ;;
    go) $PIN "$WORK/mhcompare" "$WORK/corpus.jsonl" >>"$RESULTS" ;;
    minhash) TOOLS_DIR="$WORK/tools/node_modules" $PIN node "$ROOT/bench/compare/minhash-npm.mjs" "$WORK/corpus.jsonl" >>"$RESULTS" ;;
    bloom) TOOLS_DIR="$WORK/tools/node_modules" $PIN node "$ROOT/bench/compare/bloom-filters.mjs" "$WORK/corpus.jsonl" >>"$RESULTS" ;;
    *) echo "unknown tool $tool" >&2; exit 2 ;;
  esac
done
node "$ROOT/bench/compare/table.mjs" "$RESULTS"
