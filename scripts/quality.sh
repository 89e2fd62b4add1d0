#!/bin/sh
# Side-by-side quality of learned suggestions on NewsFANE (issue 12): Hashiya's model and the
# python-crfsuite reference, both trained on the first 60 % of the sentences and scored with
# exact-span precision / recall / F1 on the rest.
# usage: scripts/quality.sh [SHARED_DIR=../shared]   (python side: pip install sklearn-crfsuite seqeval)
set -eu
shared=${1:-${HASHIYA_SHARED:-../shared}}
conll="$shared/ner/newsfane/NewsFANE_Gold_2014_170K.txt"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cargo build --release --quiet
bin=target/release/hashiya
# One document (NewsFANE has no -DOCSTART-): --eval splits it by lines (one sentence a line).
"$bin" import --format conll "$conll" -o "$dir/nf" >/dev/null
"$bin" mark "$dir"/nf/*.txt --status done >/dev/null
echo "== Hashiya (averaged perceptron, release build)"
/usr/bin/time -f "   (train --eval: %e s wall, %M KB max RSS)" "$bin" train "$dir/nf" --eval
if python3 -c 'import sklearn_crfsuite, seqeval' 2>/dev/null; then
    echo "== python-crfsuite reference ($shared/tools/crf_baseline.py)"
    python3 "$shared/tools/crf_baseline.py" "$conll" 0.6
else
    echo "== python-crfsuite reference skipped: pip install sklearn-crfsuite seqeval"
fi
