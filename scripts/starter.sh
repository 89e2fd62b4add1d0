#!/bin/sh
# Makes the starter model built into Hashiya, data/starter/hashiya-starter.bin, with Hashiya's
# own trainer: NewsFANE Gold (../shared/ner/newsfane, CC BY-SA 3.0) imported as one corpus
# document, its 45 fine types folded into nine coarse ones (data/starter/newsfane-types.tsv),
# trained without priors; the calibration stored in the file is measured by 4-fold
# cross-validation over 25-sentence parts. Deterministic: the same corpus gives the same file.
# usage: scripts/starter.sh [SHARED_DIR=../shared]
set -eu
shared=${1:-${HASHIYA_SHARED:-../shared}}
conll="$shared/ner/newsfane/NewsFANE_Gold_2014_170K.txt"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cargo build --release --quiet
bin=target/release/hashiya
"$bin" import --format conll "$conll" -o "$dir/nf" >/dev/null
"$bin" mark "$dir"/nf/*.txt --status done >/dev/null
"$bin" train "$dir/nf" --no-priors --map-file data/starter/newsfane-types.tsv \
    --out data/starter/hashiya-starter.bin \
    --description "Hashiya starter model: NewsFANE Gold (F. Alotaibi and M. Lee), 45 fine types folded into PER ORG GPE LOC FAC NORP VEH WEA PRO; CC BY-SA 3.0"
cp "$shared/ner/newsfane/License.txt" data/starter/LICENSE-NewsFANE.txt
