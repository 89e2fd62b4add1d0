//! The article for screen readers (and egui_kittest): a Document node holding the text, one
//! node per visible paragraph with its direction and bounds, and each paragraph's lines as
//! AccessKit text runs (characters, words, extents, direction, language), which gives the
//! paragraph and the article the platform's text interface (AT-SPI Text on Linux).

use egui::accesskit::{Role, TextDirection};
use egui::{Rect, Ui, UiBuilder};

use crate::editor::Article;
use crate::text::{ArticleLayout, ParaKind, TextRun};

use super::viewport::Viewport;
use crate::t;

/// Exposes the article to screen readers (and to egui_kittest): a Document node holding the
/// text, right-to-left. False if accessibility is off this frame.
pub(super) fn accesskit_document(ui: &Ui, response: &egui::Response, article: &Article) -> bool {
    const MAX_VALUE: usize = 256 * 1024;
    let built = ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_role(Role::Document);
        node.set_label(t!("article-accessible-name"));
        let text = article.doc.text();
        let cut = text.floor_char_boundary(MAX_VALUE.min(text.len()));
        node.set_value(&text[..cut]);
        node.set_text_direction(TextDirection::RightToLeft);
    });
    built.is_some()
}

/// Gives the article's Document node (`article`) one child per visible paragraph: a level-1
/// Heading for the headline (named by its text), a Paragraph otherwise, each holding a Label
/// whose value is the paragraph's text (screen readers read a Label's value as its name), with
/// the paragraph's direction and on-screen bounds. Like any egui scroll area, only what is visible has nodes;
/// the Document's value keeps the whole text.
///
/// Each node is a child [`Ui`] with a stable id: egui parents a child Ui's node to the
/// [`UiBuilder::accessibility_parent`] and gives it the builder's role, which is the public way
/// to hang nodes under a widget's node.
pub(super) fn accesskit_paragraphs_ui(
    ui: &mut Ui,
    article: egui::Id,
    layout: &ArticleLayout,
    view: &Viewport,
) {
    let (Some(first), Some(last)) = (layout.para_at_y(view.y0.max(0.0)), layout.para_at_y(view.y1.max(0.0)))
    else {
        return;
    };
    for i in first..=last {
        let (Some((_, kind)), Some(bounds)) = (layout.para(i), para_bounds(layout, i, view)) else {
            continue;
        };
        let rtl = layout.para_lines(i).next().is_some_and(|l| l.rtl);
        let direction = if rtl { TextDirection::RightToLeft } else { TextDirection::LeftToRight };
        let role = if kind == ParaKind::Headline { Role::Heading } else { Role::Paragraph };
        let id = article.with(("paragraph", i));
        let builder = UiBuilder::new().scope_id(id).max_rect(bounds).accessibility_parent(article);
        let mut para_ui = ui.new_child(builder.accessibility_role(role));
        let text_id = id.with("text");
        let mut text_ui = para_ui
            .new_child(UiBuilder::new().scope_id(text_id).max_rect(bounds).accessibility_role(Role::Label));
        text_runs_ui(&mut text_ui, text_id, (layout, i), view);
        let rect = accesskit_rect(bounds);
        ui.ctx().accesskit_node_builder(id, |node| {
            node.set_bounds(rect);
            node.set_text_direction(direction);
            if kind == ParaKind::Headline {
                // A heading is named by its text, so heading navigation reads the headline.
                node.set_level(1);
                node.push_labelled_by(text_id.accesskit_id());
            }
        });
        ui.ctx().accesskit_node_builder(text_id, |node| {
            node.set_bounds(rect);
            node.set_text_direction(direction);
            node.set_value(layout.para_text(i));
        });
    }
}

/// Hangs a paragraph's lines under its Label node (`text_id`) as AccessKit text runs, which
/// gives the Label (and the article's Document node) the platform's text interface: reading
/// by character, word and line, with each character's extent.
fn text_runs_ui(text_ui: &mut Ui, text_id: egui::Id, (layout, i): (&ArticleLayout, usize), view: &Viewport) {
    let (Some((para, _)), text) = (layout.para(i), layout.para_text(i)) else { return };
    let runs = layout.text_runs(i);
    let last = runs.len().saturating_sub(1);
    for (k, run) in runs.into_iter().enumerate() {
        let Some(value) = text.get(run.range.start - para.start..run.range.end - para.start) else {
            continue;
        };
        let run_id = text_id.with(("run", k));
        let rect = view.to_screen(&run.rect);
        let builder = UiBuilder::new().scope_id(run_id).max_rect(rect).accessibility_parent(text_id);
        let _run_ui = text_ui.new_child(builder.accessibility_role(Role::TextRun));
        text_ui.ctx().accesskit_node_builder(run_id, |node| {
            node.set_bounds(accesskit_rect(rect));
            fill_run(node, &run, value, k == last, view.ppp);
        });
    }
}

/// A text run node's text, characters, words and direction; the paragraph's last run ends
/// with a line break, so reading the article goes from paragraph to paragraph.
fn fill_run(node: &mut egui::accesskit::Node, run: &TextRun, value: &str, ends_paragraph: bool, ppp: f32) {
    // AccessKit counts characters and word starts in u8 (`text_runs` splits longer graphemes).
    let mut lengths: Vec<u8> = run.lengths.iter().map(|&l| u8::try_from(l).unwrap_or(u8::MAX)).collect();
    let mut positions: Vec<f32> = run.positions.iter().map(|p| p / ppp).collect();
    let mut widths: Vec<f32> = run.widths.iter().map(|w| w / ppp).collect();
    let mut value = value.to_string();
    if ends_paragraph {
        let end = positions.last().zip(widths.last()).map_or(0.0, |(p, w)| p + w);
        value.push('\n');
        lengths.push(1);
        positions.push(end);
        widths.push(0.0);
    }
    node.set_value(value);
    node.set_character_lengths(lengths);
    node.set_character_positions(positions);
    node.set_character_widths(widths);
    node.set_word_starts(run.word_starts.iter().filter_map(|&w| u8::try_from(w).ok()).collect::<Vec<_>>());
    node.set_text_direction(if run.rtl { TextDirection::RightToLeft } else { TextDirection::LeftToRight });
    if run.rtl {
        node.set_language(crate::app::i18n::Lang::Arabic.langid().to_string());
    }
}

fn accesskit_rect(r: Rect) -> egui::accesskit::Rect {
    egui::accesskit::Rect { x0: r.min.x.into(), y0: r.min.y.into(), x1: r.max.x.into(), y1: r.max.y.into() }
}

/// Screen rectangle of paragraph `i`'s lines, across the column.
fn para_bounds(layout: &ArticleLayout, i: usize, view: &Viewport) -> Option<Rect> {
    let mut lines = layout.para_lines(i);
    let first = lines.next()?;
    let bottom = lines.last().map_or(first.top + first.height, |l| l.top + l.height);
    let width = layout.params().width_px;
    Some(view.to_screen(&crate::text::Rect { x0: 0.0, y0: first.top, x1: width, y1: bottom }))
}
