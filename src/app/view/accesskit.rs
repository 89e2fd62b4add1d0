//! The article for screen readers (and egui_kittest): a Document node holding the text, and
//! one node per visible paragraph with its direction and bounds.

use egui::accesskit::{Role, TextDirection};
use egui::{Rect, Ui, UiBuilder};

use crate::editor::Article;
use crate::text::{ArticleLayout, ParaKind};

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
        let _text_ui = para_ui
            .new_child(UiBuilder::new().scope_id(text_id).max_rect(bounds).accessibility_role(Role::Label));
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
