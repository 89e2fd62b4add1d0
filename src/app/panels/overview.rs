//! The corpus overview: charts where people would rather look than read (egui_plot): entities
//! per label across the corpus, documents by status, and how many entities documents hold.

use egui::Color32;
use egui_plot::{Bar, BarChart, Plot, PlotPoint};

use crate::formats::store::DocStatus;

use super::documents::{status_color, status_name};
use crate::app::state::CorpusState;
use crate::app::widgets::{Txt, is_rtl, label_ui, paint_shaped, shaped_size, window_ui};
use crate::t;

/// The overview window (closed with its title bar's button).
pub fn overview_ui(ctx: &egui::Context, state: &mut CorpusState) {
    let mut open = state.overview_open;
    let title = ("corpus-overview", Txt::new(t!("overview-title")));
    window_ui(
        ctx,
        title,
        Some(&mut open),
        |w| w.default_size([560.0, 620.0]),
        |ui| {
            label_ui(ui, t!("overview-labels"));
            chart_ui(ui, "labels", label_bars(state));
            label_ui(ui, t!("overview-status"));
            chart_ui(ui, "status", status_bars(state));
            label_ui(ui, t!("overview-entities"));
            chart_ui(ui, "entities", entity_histogram(state));
        },
    );
    state.overview_open = open;
}

/// A bar chart with named bars along x (names on hover and under the bars). In the Arabic
/// interface the bars read from the right and their names are shaped under them.
fn chart_ui(ui: &mut egui::Ui, id: &str, mut bars: Vec<Bar>) {
    let n = bars.len();
    let rtl = is_rtl();
    if rtl {
        bars.iter_mut().for_each(|b| b.argument = (n - 1) as f64 - b.argument);
    }
    let mut names = vec![String::new(); n];
    for b in &bars {
        if let Some(slot) = names.get_mut(b.argument.round().max(0.0) as usize) {
            slot.clone_from(&b.name);
        }
    }
    let axis_names = if rtl { Vec::new() } else { names.clone() };
    let shown = Plot::new(id)
        .height(150.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .show_grid([false, true])
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                axis_names.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .show(ui, |plot| plot.bar_chart(BarChart::new(id, bars).width(0.7)));
    if rtl {
        let frame = *shown.transform.frame();
        let color = ui.visuals().text_color();
        for (i, name) in names.iter().enumerate() {
            let x = shown.transform.position_from_point(&PlotPoint::new(i as f64, 0.0)).x;
            let size = shaped_size(ui.ctx(), name, AXIS_PT, None);
            let pos = egui::pos2(x - size.x / 2.0, frame.bottom() + 2.0);
            paint_shaped(ui, pos, name, (AXIS_PT, None), color);
        }
    }
}

/// Size of the shaped bar names, in points.
const AXIS_PT: f32 = 11.0;

fn label_bars(state: &CorpusState) -> Vec<Bar> {
    state
        .corpus
        .labels()
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let n: usize = state.summaries.iter().map(|s| s.count(&l.name)).sum();
            Bar::new(i as f64, n as f64)
                .name(&l.name)
                .fill(Color32::from_rgb(l.color.0, l.color.1, l.color.2))
        })
        .collect()
}

fn status_bars(state: &CorpusState) -> Vec<Bar> {
    DocStatus::ALL
        .iter()
        .enumerate()
        .map(|(i, &s)| {
            let n = state.summaries.iter().filter(|d| d.status == s).count();
            Bar::new(i as f64, n as f64).name(status_name(s)).fill(status_color(s))
        })
        .collect()
}

/// Documents bucketed by entity count: 0, 1–4, 5–9, 10–19, 20–49, 50+.
fn entity_histogram(state: &CorpusState) -> Vec<Bar> {
    const BUCKETS: [(usize, usize, &str); 6] = [
        (0, 0, "0"),
        (1, 4, "1–4"),
        (5, 9, "5–9"),
        (10, 19, "10–19"),
        (20, 49, "20–49"),
        (50, usize::MAX, "50+"),
    ];
    BUCKETS
        .iter()
        .enumerate()
        .map(|(i, (lo, hi, name))| {
            let n = state.summaries.iter().filter(|s| (*lo..=*hi).contains(&s.entities)).count();
            Bar::new(i as f64, n as f64).name(name).fill(Color32::from_rgb(0x00, 0x72, 0xb2))
        })
        .collect()
}
