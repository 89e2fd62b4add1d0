# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_hashiya_global_optspecs
    string join \n h/help V/version
end

function __fish_hashiya_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_hashiya_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_hashiya_using_subcommand
    set -l cmd (__fish_hashiya_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c hashiya -n "__fish_hashiya_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hashiya -n "__fish_hashiya_needs_command" -s V -l version -d 'Print version'
complete -c hashiya -n "__fish_hashiya_needs_command" -a "render" -d 'Render the article view (with entity highlights) to a PNG'
complete -c hashiya -n "__fish_hashiya_needs_command" -a "validate" -d 'Check an article, an annotation file or every file of a folder; lists every problem and exits non-zero on any'
complete -c hashiya -n "__fish_hashiya_needs_command" -a "stats" -d 'Print entity counts per label; for a folder also documents by status and per annotator'
complete -c hashiya -n "__fish_hashiya_needs_command" -a "export" -d 'Export an article\'s or a whole folder\'s annotations'
complete -c hashiya -n "__fish_hashiya_needs_command" -a "import" -d 'Import annotated documents as articles plus annotation files (several documents make the folder a corpus with one label set)'
complete -c hashiya -n "__fish_hashiya_needs_command" -a "init" -d 'Make a folder a corpus with a label set (`--labels PER,ORG,LOC`), or say what would change in an existing one (changed only with `--force`)'
complete -c hashiya -n "__fish_hashiya_needs_command" -a "labels" -d 'Show and change what the corpus\'s suggestions learn from: the starter\'s types mapped onto the corpus\'s labels (and where each mapping comes from), the starter on or off, the clitic convention, other corpora learned from, the gazetteer'
complete -c hashiya -n "__fish_hashiya_needs_command" -a "mark" -d 'Set documents\' status, as the window does'
complete -c hashiya -n "__fish_hashiya_needs_command" -a "recover" -d 'Fold the edit journals a crash left (edits not yet saved) into their annotation files, as opening the article in the window and saving it would'
complete -c hashiya -n "__fish_hashiya_needs_command" -a "suggest" -d 'Pre-annotate: fill the suggestions layer of the documents not marked done'
complete -c hashiya -n "__fish_hashiya_needs_command" -a "next" -d 'List the documents still to do, in file order or the suggestion layer\'s least sure first (`--order uncertain`), with their scores: which document to annotate next'
complete -c hashiya -n "__fish_hashiya_needs_command" -a "agree" -d 'Inter-annotator agreement: exact and partial span P/R/F1, Cohen\'s and Fleiss\' kappa, Krippendorff\'s alpha, label confusion'
complete -c hashiya -n "__fish_hashiya_needs_command" -a "merge" -d 'Three-way merge of annotation files (git merge driver: `hashiya merge %O %A %B -o %A --path %P`); exits 1 when conflicts were kept as suggestions, 2 when nothing was written'
complete -c hashiya -n "__fish_hashiya_needs_command" -a "drive-edits" -d 'Crash tests only: applies a seeded stream of edits to an article forever, printing each applied edit\'s number and the annotations\' digest (tests/it/kill_edits.rs)'
complete -c hashiya -n "__fish_hashiya_needs_command" -a "train" -d 'Train the corpus\'s suggestion model on its done documents (`--eval`: held-out scores)'
complete -c hashiya -n "__fish_hashiya_needs_command" -a "clusters" -d 'Learn word clusters from unlabelled text for the suggestion model\'s features (makes `data/clusters.tsv`; see `scripts/clusters.sh`)'
complete -c hashiya -n "__fish_hashiya_needs_command" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hashiya -n "__fish_hashiya_using_subcommand render" -l out -d 'Output PNG' -r -F
complete -c hashiya -n "__fish_hashiya_using_subcommand render" -l width -d 'Page width in pixels' -r
complete -c hashiya -n "__fish_hashiya_using_subcommand render" -l font-size -d 'Body font size in pixels' -r
complete -c hashiya -n "__fish_hashiya_using_subcommand render" -l font -d 'Reading font (the window\'s View > Reading font)' -r -f -a "naskh\t'Noto Naskh Arabic (the default)'
amiri\t'Amiri, a book Naskh'
sans\t'Noto Sans Arabic, a sans for screens'"
complete -c hashiya -n "__fish_hashiya_using_subcommand render" -l line-height -d 'Line height as a multiple of the font size (1.2 to 3)' -r
complete -c hashiya -n "__fish_hashiya_using_subcommand render" -l hide-tashkeel -d 'Draw the text without tashkeel (the text and its offsets are unchanged)'
complete -c hashiya -n "__fish_hashiya_using_subcommand render" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hashiya -n "__fish_hashiya_using_subcommand validate" -s h -l help -d 'Print help'
complete -c hashiya -n "__fish_hashiya_using_subcommand stats" -s h -l help -d 'Print help'
complete -c hashiya -n "__fish_hashiya_using_subcommand export" -l format -d 'Output format' -r -f -a "conll\t'CoNLL IOB2: `token<TAB>tag`, blank line between sentences'
brat\t'brat standoff: `.txt` plus `.ann`'
jsonl\t'doccano JSONL: `{"text": ..., "label": [[start, end, "LABEL"], ...]}` per line'"
complete -c hashiya -n "__fish_hashiya_using_subcommand export" -s o -l out -d 'Output file (for brat: the `.ann`, with the `.txt` written beside it); stdout if absent. For a folder (required): one CoNLL or JSONL file, or a brat folder; with --split, a folder with one file or folder per split' -r -F
complete -c hashiya -n "__fish_hashiya_using_subcommand export" -l split -d 'Folders only: split by document, e.g. train=0.8,dev=0.1,test=0.1 (stable: a document\'s split depends only on its path and the seed)' -r
complete -c hashiya -n "__fish_hashiya_using_subcommand export" -l seed -d 'Seed of the split' -r
complete -c hashiya -n "__fish_hashiya_using_subcommand export" -l only-done -d 'Folders only: export only documents marked done (skipped ones are never exported)'
complete -c hashiya -n "__fish_hashiya_using_subcommand export" -l include-suggestions -d 'Export suggestions too, as entities (where they overlap no entity)'
complete -c hashiya -n "__fish_hashiya_using_subcommand export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hashiya -n "__fish_hashiya_using_subcommand import" -l format -d 'Input format' -r -f -a "conll\t'CoNLL IOB2: `token<TAB>tag`, blank line between sentences'
brat\t'brat standoff: `.txt` plus `.ann`'
jsonl\t'doccano JSONL: `{"text": ..., "label": [[start, end, "LABEL"], ...]}` per line'"
complete -c hashiya -n "__fish_hashiya_using_subcommand import" -s o -l out -d 'Output folder for `<name>.txt` and `<name>.txt.hashiya.ron` (current folder if absent); with several documents it becomes a corpus (`hashiya-corpus.ron`, one label set)' -r -F
complete -c hashiya -n "__fish_hashiya_using_subcommand import" -l as-suggestions -d 'Read span lines (`{"name", "spans": [[start, end, "LABEL", confidence?], ...]}` per document, as `suggest --command` reads them) from FILE (`-`: stdin) into the suggestions layer of the documents named; any bad line changes nothing' -r -F
complete -c hashiya -n "__fish_hashiya_using_subcommand import" -l annotator -d 'The annotator name written (default: $HASHIYA_ANNOTATOR, else the corpus\'s default annotator, else the OS user name)' -r
complete -c hashiya -n "__fish_hashiya_using_subcommand import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hashiya -n "__fish_hashiya_using_subcommand init" -l labels -d 'The labels in order, comma-separated: colours from the default palette in order, keys 1–9. Without it a new corpus gets the default set and an existing one keeps its own' -r
complete -c hashiya -n "__fish_hashiya_using_subcommand init" -l rename -d 'Rename a label (its entities keep it): the new name must be in --labels when given' -r
complete -c hashiya -n "__fish_hashiya_using_subcommand init" -l clitics -d 'Whether entities cover an attached و ف ب ك ل (include) or start after it (exclude)' -r -f -a "include\t'«وإيران» is tagged whole'
exclude\t'«إيران» is tagged without the attached conjunction or preposition'"
complete -c hashiya -n "__fish_hashiya_using_subcommand init" -l force -d 'Change an existing corpus (without it: say what would change, change nothing, exit 1)'
complete -c hashiya -n "__fish_hashiya_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hashiya -n "__fish_hashiya_using_subcommand labels" -l map -d 'Map a starter type onto a corpus label (`GPE=PLACE`); `NORP=` never suggests the type; `GPE=auto` removes your choice, so that the done documents or the name rule apply again' -r
complete -c hashiya -n "__fish_hashiya_using_subcommand labels" -l starter -d 'Use the starter model (as a source and as prior knowledge) or not' -r -f -a "on\t'Used'
off\t'Not used'"
complete -c hashiya -n "__fish_hashiya_using_subcommand labels" -l learn-from -d 'Learn from another annotated corpus folder too (its done documents, labels mapped by name unless --prior-map says otherwise)' -r -F
complete -c hashiya -n "__fish_hashiya_using_subcommand labels" -l forget -d 'Stop learning from a corpus folder' -r -F
complete -c hashiya -n "__fish_hashiya_using_subcommand labels" -l prior-map -d 'Map a label of a corpus learned from onto this corpus\'s (`../lab:PERSON=PER`; empty: left out; `auto`: by name)' -r
complete -c hashiya -n "__fish_hashiya_using_subcommand labels" -l clitics -d 'Whether entities cover an attached و ف ب ك ل (include), start after it (exclude), or as the annotated documents show (auto)' -r -f -a "include\t'«وإيران» is tagged whole'
exclude\t'«إيران» is tagged without the attached conjunction or preposition'
auto\t'As the corpus\'s annotated documents show (include when they show nothing)'"
complete -c hashiya -n "__fish_hashiya_using_subcommand labels" -l gazetteer -d 'A gazetteer file taken into the combined layer (`none`: no gazetteer)' -r -F
complete -c hashiya -n "__fish_hashiya_using_subcommand labels" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hashiya -n "__fish_hashiya_using_subcommand mark" -l status -d 'The status to set' -r -f -a "new\t'Not started'
in-progress\t'Started'
done\t'Finished'
skipped\t'Left out (never exported)'"
complete -c hashiya -n "__fish_hashiya_using_subcommand mark" -l annotator -d 'The annotator name written (default: $HASHIYA_ANNOTATOR, else the corpus\'s default annotator, else the OS user name)' -r
complete -c hashiya -n "__fish_hashiya_using_subcommand mark" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hashiya -n "__fish_hashiya_using_subcommand recover" -l annotator -d 'The annotator name written into the files saved (default: $HASHIYA_ANNOTATOR, else the corpus\'s default annotator, else the OS user name)' -r
complete -c hashiya -n "__fish_hashiya_using_subcommand recover" -s h -l help -d 'Print help'
complete -c hashiya -n "__fish_hashiya_using_subcommand suggest" -l gazetteer -d 'Names from a gazetteer file: `name<TAB>LABEL` or `name,LABEL` per line. With no source option, every source is combined into one layer: the starter model, the learned model (with its priors), the corpus\'s tagged forms and the corpus\'s gazetteer setting' -r -F
complete -c hashiya -n "__fish_hashiya_using_subcommand suggest" -l min-confidence -d 'Leave out suggestions less sure than this (0 to 1). With no source option, and with --model, confidences are measured precisions (of the suggestions shown at confidence c, about c are right): default 0.5. A corpus form\'s confidence (--from-corpus) is the share of its occurrences in annotated documents that are tagged, times its label\'s share; a gazetteer name\'s is its label\'s share: default 0.25. A command\'s is its own (1 when it gives none): default 0' -r
complete -c hashiya -n "__fish_hashiya_using_subcommand suggest" -l command -d 'Your own model: a command (run by `sh -c`) that reads the documents not done as JSON lines `{"name", "text", "labels"}` on stdin and answers one line per document on stdout, `{"name", "spans": [[start, end, "LABEL", confidence?], ...]}` (code points, end exclusive). Any bad answer changes nothing (see docs/formats.md)' -r
complete -c hashiya -n "__fish_hashiya_using_subcommand suggest" -l batch -d 'Documents per run of the command' -r
complete -c hashiya -n "__fish_hashiya_using_subcommand suggest" -l timeout -d 'Time limit of one run of the command, in seconds (then it is stopped, with everything it started, and nothing changes)' -r
complete -c hashiya -n "__fish_hashiya_using_subcommand suggest" -l annotator -d 'The annotator name written (default: $HASHIYA_ANNOTATOR, else the corpus\'s default annotator, else the OS user name)' -r
complete -c hashiya -n "__fish_hashiya_using_subcommand suggest" -l from-corpus -d 'Every form tagged in the corpus\'s annotated documents, with its most frequent label'
complete -c hashiya -n "__fish_hashiya_using_subcommand suggest" -l model -d 'The corpus\'s learned model (`hashiya-model.bin`, trained on the done documents; trained first if missing, stale or unreadable)'
complete -c hashiya -n "__fish_hashiya_using_subcommand suggest" -s h -l help -d 'Print help'
complete -c hashiya -n "__fish_hashiya_using_subcommand next" -l order -d '`file`: the folder\'s listing order; `uncertain`: the documents the suggestion layer is least sure about first (score: its expected wrong decisions per 100 words; the model is trained first if missing or stale, as `hashiya suggest` does). Default: the corpus file\'s `order` setting (the window\'s documents panel sets it)' -r -f -a "file\t'The folder\'s listing order'
uncertain\t'The suggestion layer\'s least sure first'"
complete -c hashiya -n "__fish_hashiya_using_subcommand next" -s n -l limit -d 'Print only the first N documents' -r
complete -c hashiya -n "__fish_hashiya_using_subcommand next" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hashiya -n "__fish_hashiya_using_subcommand agree" -l json -d 'Print JSON instead of a table'
complete -c hashiya -n "__fish_hashiya_using_subcommand agree" -s h -l help -d 'Print help'
complete -c hashiya -n "__fish_hashiya_using_subcommand merge" -s o -l out -d 'Where the merged file is written' -r -F
complete -c hashiya -n "__fish_hashiya_using_subcommand merge" -l path -d 'The file\'s path in the work tree (git\'s `%P`): when OURS is git\'s temporary copy, the edits of that file\'s journal (left unsaved by a crash) are merged too' -r -F
complete -c hashiya -n "__fish_hashiya_using_subcommand merge" -s h -l help -d 'Print help'
complete -c hashiya -n "__fish_hashiya_using_subcommand drive-edits" -l seed -d 'Seed of the edit stream' -r
complete -c hashiya -n "__fish_hashiya_using_subcommand drive-edits" -l pace-us -d 'Pause between edits, in microseconds' -r
complete -c hashiya -n "__fish_hashiya_using_subcommand drive-edits" -l save-every -d 'Save after every this many edits (0: never)' -r
complete -c hashiya -n "__fish_hashiya_using_subcommand drive-edits" -s h -l help -d 'Print help'
complete -c hashiya -n "__fish_hashiya_using_subcommand train" -l fraction -d 'Share of the done documents trained on in `--eval` (a single document is split by lines)' -r
complete -c hashiya -n "__fish_hashiya_using_subcommand train" -l epochs -d 'Passes over the training data' -r
complete -c hashiya -n "__fish_hashiya_using_subcommand train" -l min-count -d 'Features seen fewer times in training are dropped' -r
complete -c hashiya -n "__fish_hashiya_using_subcommand train" -l map-file -d 'Rename the labels of the training documents first: `FROM<TAB>TO` lines (`TO` empty: left out). `scripts/starter.sh` folds NewsFANE\'s fine types this way' -r -F
complete -c hashiya -n "__fish_hashiya_using_subcommand train" -s o -l out -d 'Save the model here instead of `DIR/hashiya-model.bin`' -r -F
complete -c hashiya -n "__fish_hashiya_using_subcommand train" -l description -d 'A description stored in the model file (its origin, its licence)' -r
complete -c hashiya -n "__fish_hashiya_using_subcommand train" -l eval -d 'Print held-out scores first: train on the first part of the done documents, score every suggestion source and the combined layer on the rest (exact spans), with priors on and off, the reliability of the confidences and the learning curve'
complete -c hashiya -n "__fish_hashiya_using_subcommand train" -l no-clusters -d 'Train without the word clusters (for comparisons)'
complete -c hashiya -n "__fish_hashiya_using_subcommand train" -l no-dictionary -d 'Train without the dictionary of tagged names (for comparisons)'
complete -c hashiya -n "__fish_hashiya_using_subcommand train" -l no-starter -d 'Train without the starter model as prior knowledge (the corpus file can switch it off for good: `starter: false`)'
complete -c hashiya -n "__fish_hashiya_using_subcommand train" -l no-priors -d 'Train without any prior knowledge: neither the starter nor the other corpora'
complete -c hashiya -n "__fish_hashiya_using_subcommand train" -s h -l help -d 'Print help'
complete -c hashiya -n "__fish_hashiya_using_subcommand clusters" -s o -l out -d 'Output file (`BITS<TAB>WORD` lines)' -r -F
complete -c hashiya -n "__fish_hashiya_using_subcommand clusters" -s h -l help -d 'Print help'
complete -c hashiya -n "__fish_hashiya_using_subcommand help; and not __fish_seen_subcommand_from render validate stats export import init labels mark recover suggest next agree merge drive-edits train clusters help" -f -a "render" -d 'Render the article view (with entity highlights) to a PNG'
complete -c hashiya -n "__fish_hashiya_using_subcommand help; and not __fish_seen_subcommand_from render validate stats export import init labels mark recover suggest next agree merge drive-edits train clusters help" -f -a "validate" -d 'Check an article, an annotation file or every file of a folder; lists every problem and exits non-zero on any'
complete -c hashiya -n "__fish_hashiya_using_subcommand help; and not __fish_seen_subcommand_from render validate stats export import init labels mark recover suggest next agree merge drive-edits train clusters help" -f -a "stats" -d 'Print entity counts per label; for a folder also documents by status and per annotator'
complete -c hashiya -n "__fish_hashiya_using_subcommand help; and not __fish_seen_subcommand_from render validate stats export import init labels mark recover suggest next agree merge drive-edits train clusters help" -f -a "export" -d 'Export an article\'s or a whole folder\'s annotations'
complete -c hashiya -n "__fish_hashiya_using_subcommand help; and not __fish_seen_subcommand_from render validate stats export import init labels mark recover suggest next agree merge drive-edits train clusters help" -f -a "import" -d 'Import annotated documents as articles plus annotation files (several documents make the folder a corpus with one label set)'
complete -c hashiya -n "__fish_hashiya_using_subcommand help; and not __fish_seen_subcommand_from render validate stats export import init labels mark recover suggest next agree merge drive-edits train clusters help" -f -a "init" -d 'Make a folder a corpus with a label set (`--labels PER,ORG,LOC`), or say what would change in an existing one (changed only with `--force`)'
complete -c hashiya -n "__fish_hashiya_using_subcommand help; and not __fish_seen_subcommand_from render validate stats export import init labels mark recover suggest next agree merge drive-edits train clusters help" -f -a "labels" -d 'Show and change what the corpus\'s suggestions learn from: the starter\'s types mapped onto the corpus\'s labels (and where each mapping comes from), the starter on or off, the clitic convention, other corpora learned from, the gazetteer'
complete -c hashiya -n "__fish_hashiya_using_subcommand help; and not __fish_seen_subcommand_from render validate stats export import init labels mark recover suggest next agree merge drive-edits train clusters help" -f -a "mark" -d 'Set documents\' status, as the window does'
complete -c hashiya -n "__fish_hashiya_using_subcommand help; and not __fish_seen_subcommand_from render validate stats export import init labels mark recover suggest next agree merge drive-edits train clusters help" -f -a "recover" -d 'Fold the edit journals a crash left (edits not yet saved) into their annotation files, as opening the article in the window and saving it would'
complete -c hashiya -n "__fish_hashiya_using_subcommand help; and not __fish_seen_subcommand_from render validate stats export import init labels mark recover suggest next agree merge drive-edits train clusters help" -f -a "suggest" -d 'Pre-annotate: fill the suggestions layer of the documents not marked done'
complete -c hashiya -n "__fish_hashiya_using_subcommand help; and not __fish_seen_subcommand_from render validate stats export import init labels mark recover suggest next agree merge drive-edits train clusters help" -f -a "next" -d 'List the documents still to do, in file order or the suggestion layer\'s least sure first (`--order uncertain`), with their scores: which document to annotate next'
complete -c hashiya -n "__fish_hashiya_using_subcommand help; and not __fish_seen_subcommand_from render validate stats export import init labels mark recover suggest next agree merge drive-edits train clusters help" -f -a "agree" -d 'Inter-annotator agreement: exact and partial span P/R/F1, Cohen\'s and Fleiss\' kappa, Krippendorff\'s alpha, label confusion'
complete -c hashiya -n "__fish_hashiya_using_subcommand help; and not __fish_seen_subcommand_from render validate stats export import init labels mark recover suggest next agree merge drive-edits train clusters help" -f -a "merge" -d 'Three-way merge of annotation files (git merge driver: `hashiya merge %O %A %B -o %A --path %P`); exits 1 when conflicts were kept as suggestions, 2 when nothing was written'
complete -c hashiya -n "__fish_hashiya_using_subcommand help; and not __fish_seen_subcommand_from render validate stats export import init labels mark recover suggest next agree merge drive-edits train clusters help" -f -a "drive-edits" -d 'Crash tests only: applies a seeded stream of edits to an article forever, printing each applied edit\'s number and the annotations\' digest (tests/it/kill_edits.rs)'
complete -c hashiya -n "__fish_hashiya_using_subcommand help; and not __fish_seen_subcommand_from render validate stats export import init labels mark recover suggest next agree merge drive-edits train clusters help" -f -a "train" -d 'Train the corpus\'s suggestion model on its done documents (`--eval`: held-out scores)'
complete -c hashiya -n "__fish_hashiya_using_subcommand help; and not __fish_seen_subcommand_from render validate stats export import init labels mark recover suggest next agree merge drive-edits train clusters help" -f -a "clusters" -d 'Learn word clusters from unlabelled text for the suggestion model\'s features (makes `data/clusters.tsv`; see `scripts/clusters.sh`)'
complete -c hashiya -n "__fish_hashiya_using_subcommand help; and not __fish_seen_subcommand_from render validate stats export import init labels mark recover suggest next agree merge drive-edits train clusters help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
