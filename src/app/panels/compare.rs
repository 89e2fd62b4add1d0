//! What Compare with… shows in its side panel: their name and file, the agreement figures,
//! the differences by label with "Theirs" / "Mine" buttons, the label-confusion heatmap.
//! (Their spans in the article are painted by the view, `view/overlays.rs`.)

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

use egui::{Color32, RichText, Ui};
use egui_plot::{GridMark, Heatmap, Plot, PlotPoint, Text};

use crate::agree::Report;
use crate::agree::diff::{Diff, DiffKind};
use crate::app::command::Command;
use crate::app::state::{Compare, CorpusFigures};
use crate::app::view::TheirMark;
use crate::app::widgets::{Txt, label_ui, link_ui, selectable_ui, shaped_label_ui, small_button_ui, tip};
use crate::app::widgets::{column_ui, is_rtl, row_ui};
use crate::corpus::Corpus;
use crate::editor::Article;
use crate::t;

/// The comparison's side panel (when one is open); returns their spans for the article view.
pub fn compare_panel_ui(
    ui: &mut Ui,
    compare: Option<&mut Compare>,
    key: u64,
    (article, corpus): (Option<&Article>, Option<&Corpus>),
    cmds: &mut Vec<Command>,
) -> Option<Arc<Vec<TheirMark>>> {
    let (Some(compare), Some(article)) = (compare, article) else { return None };
    compare.update(key, article, corpus);
    if compare.poll() {
        ui.ctx().request_repaint_after(std::time::Duration::from_millis(100));
    }
    let panel = if is_rtl() { egui::Panel::left("compare") } else { egui::Panel::right("compare") };
    panel.resizable(true).default_size(380.0).show(ui, |ui| {
        column_ui(ui, |ui| compare_ui(ui, compare, article, cmds));
    });
    Some(compare.marks.clone())
}

/// The comparison panel.
fn compare_ui(ui: &mut Ui, compare: &mut Compare, article: &Article, cmds: &mut Vec<Command>) {
    row_ui(ui, |ui| {
        label_ui(ui, Txt::new(t!("compare-title", name = &compare.name)).heading());
        if tip(small_button_ui(ui, t!("compare-close")), t!("compare-close-tip")).clicked() {
            cmds.push(Command::CompareClose);
        }
    });
    let path = compare.their_path().unwrap_or(&compare.source);
    ui.label(RichText::new(path.display().to_string()).small().weak());
    if let Some(why) = compare.problem() {
        ui.colored_label(ui.visuals().warn_fg_color, why);
        return;
    }
    label_ui(ui, Txt::new(t!("compare-their-spans")).small().weak());
    figures_ui(ui, compare);
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("compare-diffs")
        .max_height(ui.available_height() * 0.55)
        .show(ui, |ui| differences_ui(ui, compare, article, cmds));
    ui.separator();
    heatmap_section_ui(ui, compare);
}

/// One line of figures: exact and partial F1, Cohen's κ, Krippendorff's α.
fn figures_line(report: &Report) -> String {
    let f = |x: Option<f64>| x.map_or("–".to_string(), |v| format!("{v:.3}"));
    let pair = report.pairs.first();
    t!(
        "compare-figures",
        exact = f(pair.and_then(|p| p.exact.f1)),
        partial = f(pair.and_then(|p| p.partial.f1)),
        kappa = f(pair.and_then(|p| p.cohen_kappa)),
        alpha = f(report.krippendorff_alpha),
    )
}

fn figures_ui(ui: &mut Ui, compare: &Compare) {
    if let Some(report) = &compare.doc_report {
        label_ui(ui, Txt::new(t!("compare-this-document")).strong());
        label_ui(ui, figures_line(report));
    }
    match &compare.corpus {
        CorpusFigures::None => {}
        CorpusFigures::Running(_) => {
            row_ui(ui, |ui| {
                ui.spinner();
                label_ui(ui, t!("compare-corpus-running"));
            });
        }
        CorpusFigures::Done(report, unmatched) => {
            label_ui(ui, Txt::new(t!("compare-corpus", n = report.documents)).strong());
            label_ui(ui, figures_line(report));
            if *unmatched > 0 {
                label_ui(ui, Txt::new(t!("compare-unmatched", n = *unmatched)).small().weak());
            }
        }
        CorpusFigures::Failed(why) => {
            label_ui(
                ui,
                Txt::new(t!("compare-corpus-failed", detail = why)).color(ui.visuals().warn_fg_color),
            );
        }
    }
}

/// The differences grouped by label, each group and each difference with Theirs / Mine.
fn differences_ui(ui: &mut Ui, compare: &Compare, article: &Article, cmds: &mut Vec<Command>) {
    let n = compare.diffs.len();
    row_ui(ui, |ui| {
        tip(label_ui(ui, Txt::new(t!("compare-differences", n = n)).strong()), t!("compare-differences-tip"));
        if n > 0 {
            let (theirs, mine) = (t!("compare-all-theirs"), t!("compare-all-mine"));
            accept_keep_ui(ui, compare, article, &compare.diffs, &theirs, &mine, cmds);
        }
    });
    if n == 0 {
        label_ui(ui, t!("compare-none"));
        return;
    }
    let mut groups: BTreeMap<&str, Vec<&Diff>> = BTreeMap::new();
    compare.diffs.iter().for_each(|d| groups.entry(d.label()).or_default().push(d));
    for (label, diffs) in groups {
        row_ui(ui, |ui| {
            let color = label_color(article, label);
            label_ui(ui, Txt::new(format!("{label} ({})", diffs.len())).strong().color(color));
            let owned: Vec<Diff> = diffs.iter().map(|d| (*d).clone()).collect();
            accept_keep_ui(
                ui,
                compare,
                article,
                &owned,
                &t!("compare-label-theirs", label = label),
                &t!("compare-label-mine", label = label),
                cmds,
            );
        });
        for d in diffs {
            diff_row_ui(ui, compare, article, d, cmds);
        }
    }
}

/// Buttons adopting their version of `diffs` (one undo step) or keeping mine.
fn accept_keep_ui(
    ui: &mut Ui,
    compare: &Compare,
    article: &Article,
    diffs: &[Diff],
    theirs: &str,
    mine: &str,
    cmds: &mut Vec<Command>,
) {
    if tip(small_button_ui(ui, theirs), t!("compare-accept-step-tip")).clicked() {
        cmds.extend(compare.accept_theirs(article, diffs).map(Command::Edit));
    }
    if tip(small_button_ui(ui, mine), t!("compare-keep-list-tip")).clicked() {
        cmds.push(Command::KeepMine(diffs.to_vec()));
    }
}

/// One difference: the buttons, its kind, mine | theirs labels, and the text.
fn diff_row_ui(ui: &mut Ui, compare: &Compare, article: &Article, d: &Diff, cmds: &mut Vec<Command>) {
    row_ui(ui, |ui| {
        ui.add_space(8.0);
        // The buttons first, so that a long text never pushes them out of the panel.
        if tip(small_button_ui(ui, t!("compare-theirs")), t!("compare-accept-tip")).clicked() {
            cmds.extend(compare.accept_theirs(article, std::slice::from_ref(d)).map(Command::Edit));
        }
        if tip(small_button_ui(ui, t!("compare-mine")), t!("compare-keep-tip")).clicked() {
            cmds.push(Command::KeepMine(vec![d.clone()]));
        }
        let kind = Txt::new(kind_name(d.kind)).color(kind_color(d.kind));
        let link = link_ui(ui, [64.0, 18.0], kind);
        if tip(link, t!("compare-show-tip")).clicked() {
            match d.mine {
                Some(e) => cmds.push(Command::Reveal(e.id)),
                None => cmds.push(Command::ScrollTo(d.start())),
            }
        }
        let mine = d.mine.map_or("–", |_| d.mine_label.as_str());
        let theirs = d.theirs.as_ref().map_or("–", |t| t.label.as_str());
        let labels = egui::Label::new(Txt::new(format!("{mine} | {theirs}")).small().rich());
        ui.add_sized([84.0, 18.0], labels).on_hover_text(detail(article, d));
        let range = d.theirs.as_ref().map(|t| t.range.clone()).or(d.mine.map(|e| e.range()));
        let surface = range.and_then(|r| article.doc.slice(r)).unwrap_or("");
        shaped_label_ui(ui, &ellipsize(surface, 20)).on_hover_text(detail(article, d));
    });
}

/// Mine and theirs with their texts, for the hover.
fn detail(article: &Article, d: &Diff) -> String {
    let text = |r: Range<usize>| article.doc.slice(r).unwrap_or("").to_string();
    let mine = d.mine.map_or_else(
        || t!("compare-detail-mine-nothing"),
        |e| t!("compare-detail-mine", label = &d.mine_label, text = text(e.range())),
    );
    let theirs = d.theirs.as_ref().map_or_else(
        || t!("compare-detail-theirs-nothing"),
        |t| t!("compare-detail-theirs", label = &t.label, text = text(t.range.clone())),
    );
    format!("{mine}\n{theirs}")
}

fn ellipsize(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// The difference's kind in the window's words.
fn kind_name(kind: DiffKind) -> String {
    match kind {
        DiffKind::Missing => t!("diff-missing"),
        DiffKind::Extra => t!("diff-extra"),
        DiffKind::Boundary => t!("diff-boundary"),
        DiffKind::Label => t!("diff-label"),
    }
}

fn kind_color(kind: DiffKind) -> Color32 {
    match kind {
        DiffKind::Missing => Color32::from_rgb(0x00, 0x72, 0xb2),
        DiffKind::Extra => Color32::from_rgb(0xd5, 0x5e, 0x00),
        DiffKind::Boundary => Color32::from_rgb(0x00, 0x9e, 0x73),
        DiffKind::Label => Color32::from_rgb(0xcc, 0x79, 0xa7),
    }
}

fn label_color(article: &Article, name: &str) -> Color32 {
    article
        .ann()
        .labels()
        .by_name(name)
        .map_or(Color32::GRAY, |l| Color32::from_rgb(l.color.0, l.color.1, l.color.2))
}

/// The label-confusion heatmap (rows: mine, columns: theirs), of the document or the corpus.
fn heatmap_section_ui(ui: &mut Ui, compare: &mut Compare) {
    let corpus = match &compare.corpus {
        CorpusFigures::Done(report, _) => Some(report),
        _ => None,
    };
    row_ui(ui, |ui| {
        label_ui(ui, Txt::new(t!("compare-confusion")).strong());
        if corpus.is_some() {
            if selectable_ui(ui, !compare.corpus_heatmap, t!("compare-heatmap-document")).clicked() {
                compare.corpus_heatmap = false;
            }
            if selectable_ui(ui, compare.corpus_heatmap, t!("compare-heatmap-corpus")).clicked() {
                compare.corpus_heatmap = true;
            }
        }
    });
    let report = match (compare.corpus_heatmap, corpus) {
        (true, Some(r)) => Some(r),
        _ => compare.doc_report.as_ref(),
    };
    if let Some(report) = report {
        heatmap_ui(ui, report);
    }
}

fn heatmap_ui(ui: &mut Ui, report: &Report) {
    let Some(pair) = report.pairs.first() else { return };
    label_ui(ui, Txt::new(t!("compare-heatmap-axes", theirs = &pair.second)).small().weak());
    let names = report.confusion_labels.clone();
    let n = names.len();
    // Plot rows go upwards: put the first row (O) at the top.
    let values: Vec<f64> =
        pair.confusion.iter().rev().flat_map(|row| row.iter().map(|&v| v as f64)).collect();
    let max = values.iter().copied().fold(1.0, f64::max);
    let map = Heatmap::new(values, n)
        .palette(&[Color32::from_rgb(0xe8, 0xee, 0xf4), Color32::from_rgb(0x08, 0x30, 0x6b)])
        .range(0.0, max)
        .formatter(Box::new(|v| if v > 0.0 { format!("{v:.0}") } else { String::new() }))
        .at(PlotPoint::new(-0.5, -0.5))
        .name("confusion");
    let (xs, ys) = (names.clone(), names);
    let axis = move |names: &[String], v: f64, flip: bool| {
        // Tiles are centred on whole numbers.
        let i = v.round();
        if (v - i).abs() > 1e-6 || i < 0.0 {
            return String::new();
        }
        let i = i as usize;
        let i = if flip { n.checked_sub(i + 1) } else { Some(i) };
        i.and_then(|i| names.get(i)).cloned().unwrap_or_default()
    };
    Plot::new("confusion")
        .height((28.0 * n as f32 + 40.0).min(320.0))
        .data_aspect(1.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .show_grid(false)
        // egui_plot draws its axis label unshaped: in Arabic the caption above names the axes.
        .y_axis_label(if is_rtl() { String::new() } else { t!("compare-heatmap-mine") })
        .y_grid_spacer(move |_| every_cell(n))
        .show_axes([false, true])
        .include_y(-1.4)
        .y_axis_formatter(move |mark, _| axis(&ys, mark.value, true))
        .show(ui, |plot| {
            plot.heatmap(map);
            // Column names under the grid (the x axis would drop crowded ones).
            for (i, name) in xs.iter().enumerate() {
                let pos = PlotPoint::new(i as f64, -0.8);
                plot.text(Text::new(name.clone(), pos, RichText::new(name).small()));
            }
        });
}

/// One grid mark per heatmap cell (so every label is named on the axes).
fn every_cell(n: usize) -> Vec<GridMark> {
    (0..n).map(|i| GridMark { value: i as f64, step_size: 1.0 }).collect()
}
