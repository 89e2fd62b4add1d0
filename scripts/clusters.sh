#!/bin/sh
# Regenerates data/clusters.tsv, the word clusters built into the suggestion model
# (src/learn/clusters.rs), from the unlabelled NewsFANE sentences in the shared folder.
# usage: scripts/clusters.sh [SHARED_DIR=../shared]
set -eu
shared=${1:-${HASHIYA_SHARED:-../shared}}
cargo run --release --quiet -- clusters "$shared/corpus/newsfane-text/newsfane_sentences.txt" -o data/clusters.tsv
