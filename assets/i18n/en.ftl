# Hashiya's window in English. Every key here is in ar.ftl too (a test checks both ways).
# Keys are used by `t!("key")` in src/app; `{ $name }` are values the code passes.

## Menu bar

menu-file = File
menu-edit = Edit
menu-suggest = Suggest
menu-view = View
menu-open = Open…  (Ctrl+O)
menu-open-folder = Open Folder…
menu-recent = Recent
menu-recent-none = No recent files
menu-save = Save  (Ctrl+S)
menu-save-as = Save As…  (Ctrl+Shift+S)
menu-overwrite = Overwrite annotation file on disk
menu-export = Export…
menu-export-suggestions = Include suggestions (as entities)
menu-import = Import…
menu-compare = Compare with…
menu-compare-file = Annotation file…
menu-compare-folder = Folder (corpus)…
menu-autosave = Autosave
menu-builtin-picker = Built-in file picker
menu-annotator = Annotator
menu-annotator-hint = your name
menu-annotator-tip = Written into the files you save
menu-quit = Quit  (Ctrl+Q)
menu-undo = Undo  (Ctrl+Z)
menu-redo = Redo  (Ctrl+Shift+Z)
menu-delete-entity = Delete entity  (Del)
menu-threshold = model threshold
menu-threshold-tip = Learned suggestions less sure than this are not shown (higher: more precise, fewer)
menu-suggest-gazetteer = From a gazetteer…
menu-suggest-corpus = From the corpus
menu-suggest-model = Your own model…
model-title = Suggest with your own model
model-explain = Your model (a fine-tuned transformer behind a script, say) suggests names in the open document. Hashiya runs the command with sh -c and checks every span of its answer before anything changes; a failing, hanging (5 minutes) or wrong answer changes nothing. For a whole corpus: hashiya suggest DIR --command CMD.
model-request = It reads one JSON line on stdin:
model-request-example = {"{"}"name": "news/a.txt", "text": "…", "labels": ["PER", "ORG", "LOC"]{"}"}
model-answer = and answers one line on stdout (offsets in code points, end excluded; confidence 0–1 may be left out; docs/formats.md):
model-answer-example = {"{"}"name": "news/a.txt", "spans": [[0, 4, "LOC", 0.93]]{"}"}
model-command = Command
model-wait = Another suggestion is being made; Run waits for it.
model-run = Run
model-cancel = Cancel
model-running = Asking your model ({ $command })…
model-failed = Your model's answer was not used, nothing changed: { $detail }
menu-next-suggestion = Next suggestion  (N)
menu-previous-suggestion = Previous suggestion  (P)
menu-accept = Accept  (Enter)
menu-reject = Reject  (Backspace)
menu-zoom-in = Zoom in  (Ctrl +)
menu-zoom-out = Zoom out  (Ctrl −)
menu-zoom-reset = Actual size  (Ctrl 0)
menu-theme-light = Light theme
menu-theme-dark = Dark theme
menu-reading-font = Reading font
menu-font-naskh = Noto Naskh Arabic (Naskh for text)
menu-font-amiri = Amiri (book Naskh)
menu-font-sans = Noto Sans Arabic (sans for screens)
menu-line-height = Line height
menu-tashkeel = Show tashkeel
menu-language = Language
menu-language-system = System ({ $language })
menu-help = Help
menu-about = About Hashiya

## Label bar

labels-chip-tip = Tag the selection (or relabel the selected entity)
labels-edit = Edit labels…
labels-hint-suggestion = Suggestion: Enter accepts · 1–9 accept as · Backspace rejects · N / P next / previous
labels-hint-suggestions = Drag selects words · 1–9 tag · N / P: go through the suggestions
labels-hint = Drag selects words · Alt+drag: letters · 1–9 tag · Del removes

## Status bar

status-model-learning = model: learning…
status-model = model: { $docs ->
    [one] 1 document
   *[other] { $docs } documents
}, { $tokens } tokens
status-model-starter = model: the starter (no done document yet)
status-model-tip = The suggestion model, retrained in the background when a document is marked done
status-entities = { $n ->
    [one] { $n } entity
   *[other] { $n } entities
}
status-suggestions = { $n ->
    [one] { $n } suggestion
   *[other] { $n } suggestions
}
status-orphans = { $n ->
    [one] { $n } orphan
   *[other] { $n } orphans
}
status-layout = layout
status-store-broken = • not saved: the annotation file cannot be read
status-store-changed = • not saved: the annotation file changed on disk
status-store-tip = Your work is kept in memory. File > Compare with… shows both versions; Save As… writes yours elsewhere; File > Overwrite annotation file on disk writes over it
status-unsaved = • unsaved
status-saved = saved
empty-hint = Open an article with File > Open… or drop a file here

## Learning in the background

learn-could-not-start = Could not start learning: { $detail }
learn-stopped = Learning stopped unexpectedly
learn-done = Learned from { $docs ->
    [one] 1 document
   *[other] { $docs } documents
}, { $tokens } tokens: { $n ->
    [one] 1 suggestion
   *[other] { $n } suggestions
} here
learn-done-starter = Starter model (nothing done to learn from yet): { $n ->
    [one] 1 suggestion
   *[other] { $n } suggestions
} here

## Documents of a corpus

docs-progress = { $done } / { $total } done · { $entities ->
    [one] { $entities } entity
   *[other] { $entities } entities
}
docs-reading = reading documents… { $scanned } / { $all }
docs-problems = { $n ->
    [one] { $n } problem
   *[other] { $n } problems
}
docs-this-document = This document:
docs-done-next = Done, next
docs-done-next-tip = Mark done and open the next document to do (Ctrl+Enter)
docs-overview = Overview
docs-overview-tip = Charts of the whole corpus
docs-status = Status
docs-status-all = all
docs-name-hint = name
docs-order = Order
docs-order-file = file order
docs-order-uncertain = least sure first
docs-order-tip = Which document to do next (this list and Ctrl+Enter): in the folder's order, or first those the suggestions are least sure about (their expected mistakes per 100 words), which teach the model most. Saved in the corpus file.
docs-ranking = ranking… { $done } / { $all }
docs-ranking-waiting = waiting for the suggestion model…
docs-ranking-nothing = file order for now
docs-ranking-nothing-tip = Nothing to rank by: the starter model is switched off and no done document has entities yet
docs-not-ranked = not ranked yet
docs-uncertainty-tip = Rank { $rank } of the documents to do · the suggestions' expected mistakes per 100 words: { $score }
doc-status-new = new
doc-status-in-progress = in progress
doc-status-done = done
doc-status-skipped = skipped

## Corpus overview

overview-title = Corpus overview
overview-labels = Entities per label
overview-status = Documents by status
overview-entities = Documents by number of entities

## Entities panel

entities-title = Entities
entities-all = All { $n }
entities-orphans = Orphans ({ $n }): not found in the changed text
entities-relabel = Relabel as { $label }
entities-delete-tip = Delete entity

## Suggestions panel

suggestions-title = Suggestions ({ $n })
suggestions-keys-tip = N / P: next / previous · Enter or a label key: accept · Backspace: reject
suggestions-accept-all = Accept all
suggestions-reject-all = Reject all
suggestions-accept-tip = Accept
suggestions-reject-tip = Reject
suggestions-info = { $source } · { $percent } %
suggestions-also = { " · " }also { $labels }
source-gazetteer = gazetteer
source-corpus = corpus
source-model = model
source-external = external
source-merge = merge
source-starter = starter model

## Find bar

find-label = Find
find-hint = name
find-prev = Prev
find-prev-tip = Previous match (Shift+Enter)
find-next = Next
find-next-tip = Next match (Enter)
find-whole-corpus = whole corpus
find-whole-corpus-tip = List every document with matches (Ctrl+Shift+F)
find-close-tip = Close (Esc)
find-mode = Mode
find-mode-normalised = Arabic-normalised
find-mode-exact = Exact
find-mode-regex = Regex
find-clitics = clitics
find-clitics-tip = Also find the name after و ف ب ك ل ال («إيران» in «وإيران»), tagging only the name
find-fold-teh-marbuta = ة = ه
find-no-matches = no matches
find-nth-of = { $i } of { $n }
find-matches = { $n ->
    [one] { $n } match
   *[other] { $n } matches
}
find-capped-tip = the first { $max } are highlighted and can be tagged
find-normalised-tip = Arabic-normalised: tashkeel, tatweel, alef forms, ى/ي and digits are folded
find-tag-all-as = Tag all as
find-tag-all-tip = Tag every match (one undo step)
find-tag-corpus-as = Tag all in the corpus as
find-tag-corpus-tip = Tag every match here (one undo step) and in every other document (saved)
find-corpus-summary = { $n ->
    [one] { $n } match
   *[other] { $n } matches
} in { $docs ->
    [one] { $docs } document
   *[other] { $docs } documents
}
find-corpus-searched = { " " }(searched { $searched } / { $total })
find-open-document-tip = Open this document

## Compare with…

compare-title = Compare with { $name }
compare-close = Close
compare-close-tip = Close the comparison
compare-their-spans = Their spans: thin brackets under the line
compare-figures = exact F1 { $exact } · partial F1 { $partial } · κ { $kappa } · α { $alpha }
compare-this-document = This document
compare-corpus-running = Agreement over the corpus…
compare-corpus = Corpus ({ $n ->
    [one] { $n } document
   *[other] { $n } documents
})
compare-unmatched = { $n ->
    [one] { $n } document not matched
   *[other] { $n } documents not matched
}
compare-corpus-failed = Corpus: { $detail }
compare-differences = Differences: { $n }
compare-differences-tip = missing: only they tagged it; extra: only you did; boundary: same label, other edges; label: another label. Each row shows mine | theirs.
compare-all-theirs = All theirs
compare-all-mine = All mine
compare-none = None — you agree on every span of this document.
compare-label-theirs = { $label }: theirs
compare-label-mine = { $label }: mine
compare-accept-step-tip = Accept their version (one undo step)
compare-keep-list-tip = Keep my version (takes it off the list)
compare-theirs = Theirs
compare-mine = Mine
compare-accept-tip = Accept their version
compare-keep-tip = Keep my version
compare-show-tip = Show in the article
compare-detail-mine-nothing = mine: nothing
compare-detail-mine = mine: { $label } «{ $text }»
compare-detail-theirs-nothing = theirs: nothing
compare-detail-theirs = theirs: { $label } «{ $text }»
compare-confusion = Label confusion
compare-heatmap-document = document
compare-heatmap-corpus = corpus
compare-heatmap-axes = rows: mine · columns: { $theirs } (theirs)
compare-heatmap-mine = mine
diff-missing = missing
diff-extra = extra
diff-boundary = boundary
diff-label = label
compare-stopped = the computation stopped
compare-no-copy = { $folder } has no annotated copy of this document
compare-could-not-start = could not start: { $detail }

## File dialogs

dialog-open-already = A file dialog is open already
dialog-could-not-open = Could not open the file dialog: { $detail }
dialog-using-builtin = { $reason }; using Hashiya's built-in file picker
dialog-env-builtin = HASHIYA_FILE_DIALOG=builtin
dialog-no-native = Native file dialogs need the xdg desktop portal with a file chooser (e.g. apt install xdg-desktop-portal-gtk) or zenity, and neither was found
filter-articles = Articles
filter-all = All files
filter-gazetteer = Gazetteer
filter-annotations = Annotations
picker-open = Open article
picker-open-folder = Open folder as a corpus
picker-import = Import { $format }
picker-gazetteer = Suggest from a gazetteer
picker-save-as = Save annotations as
picker-export = Export { $format }
picker-compare-file = Compare with an annotation file
picker-compare-folder = Compare with a corpus folder
picker-prior-folder = Learn from a corpus folder
picker-parent-tip = Parent folder
picker-home-tip = Home folder
picker-path = Path
picker-file-name = File name
picker-folder = Folder
picker-action-open = Open
picker-action-save = Save
picker-action-replace = Replace
picker-exists = { $path } exists. Choose Replace to write over it, or type another name.
picker-action-folder = Choose folder
picker-cancel = Cancel
picker-cannot-list = Cannot list { $path }: { $detail }
picker-no-such-folder = No such folder: { $path }
picker-not-a-folder = Not a folder: { $path }
picker-not-a-file = Not a file: { $path }
picker-needs-name = Type a file name
picker-recent-folders = Recent folders

## Label editor

labels-title = Labels
labels-add = Add label
labels-name = Name
labels-colour = Colour
labels-key = Key
labels-remove = Remove
labels-in-use-tip = Entities use this label
labels-apply = Apply
labels-cancel = Cancel
labels-error-one-word = Label name { $name } must be one word
labels-error-twice = { $name }: name or key is used twice

## Label editor: how suggestions are made
suggestions-heading = Suggestions
suggestions-open-folder = Open a corpus folder to set how its suggestions are made.
suggestions-reading = Reading the done documents…
suggestions-could-not-read = The suggestion settings could not be read: { $detail }
suggestions-not-changed = The suggestion settings were not changed: { $detail }
suggestions-saved-at-once = Changes in this section are saved at once.
suggestions-starter = Suggest with the starter model (trained on NewsFANE)
suggestions-starter-tip = The built-in model suggests names before any document is done, and helps the model learned from your done documents
suggestions-type-tip = What the starter model calls { $kind } is suggested with this label
suggestions-not-suggested = not suggested
suggestions-origin-rule = by name
suggestions-origin-rule-tip = The same name or a usual synonym (PERS, PERSON, شخص…); GPE goes to LOC where the corpus has no GPE
suggestions-origin-documents = from the done documents
suggestions-origin-documents-tip = What the starter proposed and you tagged in the documents marked done
suggestions-origin-user = your choice
suggestions-origin-user-tip = You chose it; it stays whatever the documents show
suggestions-automatic = Automatic
suggestions-automatic-tip = Forget your choice: the done documents or the name decide again
suggestions-clitics = An attached و ف ب ك ل
suggestions-clitics-include = is part of the name («وإيران»)
suggestions-clitics-exclude = is left out («إيران»)
suggestions-clitics-learned = as the documents show
suggestions-clitics-now = In use: { $value }: { $origin }
suggestions-clitics-from-setting = set for this corpus
suggestions-clitics-from-documents = as the annotated documents show
suggestions-clitics-from-default = the default, as no annotated document shows otherwise
suggestions-priors = Also learns from
suggestions-no-priors = no other corpus
suggestions-prior-remove = Remove
suggestions-prior-add = Add a corpus folder…
suggestions-prior-unreadable = cannot be read: { $detail }
suggestions-prior-entry = { $theirs } as { $ours }
suggestions-prior-entry-never = { $theirs } not suggested

## Unsaved changes

unsaved-title = Unsaved annotations
unsaved-question = Save your changes before continuing?
unsaved-save = Save
unsaved-discard = Discard changes
unsaved-cancel = Cancel

## Notices of the window

notice-opened = Opened { $path }
sample-could-not-write = Could not write the sample article: { $detail }
open-wait-corpus-job = A change is being saved to the other documents; open it in a moment
export-failed = Export failed: { $detail }
export-done = Exported { $n ->
    [one] { $n } entity
   *[other] { $n } entities
} to { $path }
import-failed = Import failed: { $detail }
import-done = Imported { $docs ->
    [one] { $docs } document
   *[other] { $docs } documents
}, { $n ->
    [one] { $n } entity
   *[other] { $n } entities
}
warnings-first = ; { $n ->
    [one] { $n } warning
   *[other] { $n } warnings
}, first: { $first }
offer-tagged = «{ $surface }» tagged
offer-more = { $n } more «{ $surface }» here — press T to tag them all as { $label }
offer-corpus = { $offer }; { $n } in { $docs ->
    [one] { $docs } other document
   *[other] { $docs } other documents
} of the corpus (Ctrl+Shift+F)
compare-open-first = Open an article first, then compare it
folder-could-not-open = Could not open the folder: { $detail }
folder-no-articles = { $folder }: no articles found
folder-problems = { $docs ->
    [one] { $docs } document
   *[other] { $docs } documents
}; { $problems ->
    [one] { $problems } problem
   *[other] { $problems } problems
} (see the documents panel)
corpus-all-done = Every document is done or skipped
could-not-start = Could not start: { $detail }
corpus-job-busy = Another change to the corpus is still being saved
corpus-job-stopped = A change to the corpus stopped unexpectedly; run hashiya validate on the folder
corpus-labels-not-saved = The corpus labels were not saved: { $detail }
corpus-order-not-saved = The order was not saved in the corpus file: { $detail }
corpus-file-reloaded = The corpus file was changed by another program: suggestions follow its new settings
corpus-file-unreadable = The corpus file changed on disk and cannot be read; the settings read before are kept: { $detail }
corpus-carrying-labels = Carrying the label change to the other documents…
corpus-tagging = Tagging the other documents of the corpus…
corpus-tag-all-undo = { " " }(Ctrl+Z in a document undoes it there)
suggest-reading-gazetteer = Reading the gazetteer…
suggest-open-folder-first = Open a folder as a corpus first (File > Open Folder…)
suggest-collecting = Collecting the names tagged in the corpus…
suggest-stopped = Pre-annotation stopped unexpectedly
suggest-other-document = Another document was opened meanwhile; suggest again
suggest-no-entities = No entities in the corpus yet: tag some names first
suggest-unknown-labels = labels this document does not have: { $labels }
article-accessible-name = Article

## Errors from the editor (the detail after the sentence is kept as the lower layer wrote it)

error-open = Could not open { $detail }
error-store-broken = { $path } could not be read, so it is not overwritten: use Save As…, or File > Overwrite annotation file on disk
error-changed-on-disk = { $path } changed on disk after it was opened or last saved (another program, another Hashiya or a git pull), so it is not overwritten; your work is kept in memory. Use File > Compare with… to see both, Save As…, or File > Overwrite annotation file on disk
error-not-saved = Not saved — your work is kept in memory. { $detail }
error-not-saved-journaled = Not saved — your work is kept in memory and in the edit journal; the next save tries again. { $detail }
error-edit-refused = Edit refused: { $detail }
hint-select-first = Select some text first, then press a label key
error-not-batchable = { $what } cannot be part of a batch of edits
error-not-open = The article is not open any more
error-read-only = { $path }: opened only to be read; nothing is written
error-journal-not-folded = { $why }; { $path } is not written so that they are not lost

## Help > About

about-title = About Hashiya
about-tagline = Reader and named-entity annotator for Arabic news articles
about-version = Version
about-commit = Commit
about-app-id = Application id
about-copy-version = Copy version
about-copy-version-tip = For a bug report
about-files = Files
about-place-settings = Settings
about-place-sample = Sample article
about-place-annotations = Annotations
about-place-annotations-where = beside each article: ARTICLE.hashiya.ron (previous save: .bak)
about-place-journal = Edit journal
about-place-journal-where = beside each article between saves: ARTICLE.hashiya.journal
about-place-corpus = Corpus
about-place-corpus-where = in its folder: hashiya-corpus.ron, hashiya-model.bin
about-licences = Licences
about-code-licence = Hashiya's code: { $licence }
about-crates = Built with Rust crates under their own permissive licences (MIT, Apache-2.0, BSD-2/3-Clause, ISC, Zlib, Unicode-3.0).
about-reading-fonts = Reading fonts
about-ui-fonts = Interface fonts (egui)
about-data = Data and model
about-clusters = Word clusters (data/clusters.tsv)
about-clusters-notice = Learned by Hashiya from the newswire text of { $newsfane }
about-model = Starter entity model (data/starter/)
about-model-notice = Trained by Hashiya's own trainer on the NewsFANE Gold corpus: { $newsfane }
about-close = Close
open-missing-article = The article of { $annotations } is missing: { $article } does not exist. An annotation file opens with its article, which must be beside it under the same name without .hashiya.ron.

## Notices of the editor (keyed by the editor, said here in the window's words)

notice-saved = Saved { $path }
notice-saved-note = Saved { $path }; { $note }
notice-decoded-as = { $path }: decoded as { $encoding }
notice-reloaded = { $path } changed on disk after it was opened or last saved: reloaded
notice-accepted = accepted { $n } { $label }
notice-rejected = rejected { $n } { $label }
notice-restored = Restored { $n ->
    [one] { $n } edit
   *[other] { $n } edits
} made after the last save
notice-suggest-report = { $source ->
    [gazetteer] { source-gazetteer }
    [corpus] { source-corpus }
    [model] { source-model }
    [external] { source-external }
    [merge] { source-merge }
    [starter] { source-starter }
   *[other] { $source }
}: { $n ->
    [one] { $n } suggestion
   *[other] { $n } suggestions
}{ $covered ->
    [0] {""}
   *[other] , { $covered } already entities
}{ $rejected ->
    [0] {""}
   *[other] , { $rejected } rejected before (left out)
}
notice-layer-report = suggestions: { $n ->
    [one] { $n } suggestion
   *[other] { $n } suggestions
}{ $covered ->
    [0] {""}
   *[other] , { $covered } already entities
}{ $rejected ->
    [0] {""}
   *[other] , { $rejected } rejected before (left out)
}
notice-tag-all = { $label }: tagged { $tagged }{ $already ->
    [0] {""}
   *[other] , { $already } already tagged
}{ $overlapping ->
    [0] {""}
   *[other] , { $overlapping } overlapped other entities (skipped)
}
corpus-tag-all-report = tagged { $tagged }{ $already ->
    [0] {""}
   *[other] , { $already } already tagged
}{ $overlapping ->
    [0] {""}
   *[other] , { $overlapping } overlapped other entities (skipped)
} in { $documents } other documents{ $failed ->
    [0] {""}
   *[other] ; { $failed } failed, first: { $first }
}
notice-relabel-report = labels changed in { $changed } other documents ({ $unchanged } unchanged{ $failed ->
    [0] {""}
   *[other] ; { $failed } failed, first: { $first }
})
notice-reanchored = the article changed since the annotations were saved: { $kept } entities kept their place, { $moved } moved{ $restored ->
    [0] {""}
   *[other] , { $restored } orphans found their place again
}{ $lost ->
    [0] {""}
   *[other] ; { $lost } could not be placed and are kept as orphans: { $orphans }
}{ $tokens ->
    [0] {""}
   *[other] ; the imported token boundaries no longer fit and were dropped
}
notice-journal-not-written = { $why }. Your edits are kept in memory; the journal is tried again after the next save
notice-journal-in-use = { $path } is in use: another Hashiya has this article open. Its unsaved edits are not shown here and edits made here are not journaled; saving asks before writing over its saves
notice-journal-held = { $path }: edits made after the last save are not applied while the annotation file cannot be read; the journal is kept
notice-journal-damaged = { $path } is damaged at record { $record } ({ $why }): restored the { $n ->
    [one] { $n } edit
   *[other] { $n } edits
} before it; the damaged journal is kept as { $detail }
notice-journal-damaged-kept = { $path } is damaged at record { $record } ({ $why }): restored the { $n ->
    [one] { $n } edit
   *[other] { $n } edits
} before it; it could not be set aside ({ $detail }), so new edits are not journaled
notice-journal-set-aside = { $path } was not applied: { $why }. It is kept as { $to }
notice-journal-not-set-aside = { $path } was not applied: { $why }; it could not be set aside ({ $detail }), so new edits are not journaled
