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

/// A bar chart with named bars along x (names on hover and under the bars), with room above
/// the tallest bar for its value shown on hover. Returns the range of values it shows. In the
/// Arabic interface the bars read from the right and their names are shaped under them.
fn chart_ui(ui: &mut egui::Ui, id: &str, mut bars: Vec<Bar>) -> egui_plot::PlotBounds {
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
    let tallest = bars.iter().map(|b| b.value).fold(0.0, f64::max);
    let shown = Plot::new(id)
        .height(150.0)
        .include_y(0.0)
        .include_y(headroom(tallest))
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
        shaped_names_ui(ui, &shown.transform, &names);
    }
    shown.transform.bounds().to_owned()
}

/// The bars' names under a chart, shaped (egui_plot's own axis text has no bidi).
fn shaped_names_ui(ui: &egui::Ui, transform: &egui_plot::PlotTransform, names: &[String]) {
    let frame = *transform.frame();
    let color = ui.visuals().text_color();
    for (i, name) in names.iter().enumerate() {
        let x = transform.position_from_point(&PlotPoint::new(i as f64, 0.0)).x;
        let size = shaped_size(ui.ctx(), name, AXIS_PT, None);
        let pos = egui::pos2(x - size.x / 2.0, frame.bottom() + 2.0);
        paint_shaped(ui, pos, name, (AXIS_PT, None), color);
    }
}

/// The top of a chart whose tallest bar is `tallest`: a quarter more (at least one more), so
/// that the bar and the value egui_plot writes above it on hover are never cut.
fn headroom(tallest: f64) -> f64 {
    (tallest * 1.25).max(tallest + 1.0)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The tallest bar ends well below the top of its chart, leaving a line's room for the value
    /// egui_plot writes above it on hover (the chart used to end just above it, cutting both).
    #[test]
    fn the_tallest_bar_and_its_value_fit_in_the_chart() {
        let ctx = egui::Context::default();
        for tallest in [1.0, 3.0, 48.0, 1200.0] {
            let mut shown = None;
            let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
                let bars = vec![Bar::new(0.0, tallest), Bar::new(1.0, tallest / 2.0), Bar::new(2.0, 0.0)];
                shown = Some(chart_ui(ui, "test", bars));
            });
            out.textures_delta.clear();
            let bounds = shown.expect("drawn");
            // 150 points high: a text line of ~14 points is under a tenth of it.
            assert!(bounds.max()[1] >= tallest * 1.2, "{tallest}: {bounds:?}");
            assert!(bounds.min()[1] <= 0.0, "{tallest}: bars start at the axis: {bounds:?}");
        }
    }
}
