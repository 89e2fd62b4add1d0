//! The corpus overview: charts where people would rather look than read (egui_plot): entities
//! per label across the corpus, documents by status, and how many entities documents hold.

use egui::Color32;
use egui_plot::{Bar, BarChart, Plot};

use crate::formats::store::DocStatus;

use super::documents::{status_color, status_name};
use crate::app::state::CorpusState;

/// The overview window (closed with its title bar's button).
pub fn overview_ui(ctx: &egui::Context, state: &mut CorpusState) {
    let mut open = state.overview_open;
    egui::Window::new("Corpus overview").open(&mut open).default_size([560.0, 620.0]).show(ctx, |ui| {
        ui.label("Entities per label");
        chart_ui(ui, "labels", label_bars(state));
        ui.label("Documents by status");
        chart_ui(ui, "status", status_bars(state));
        ui.label("Documents by number of entities");
        chart_ui(ui, "entities", entity_histogram(state));
    });
    state.overview_open = open;
}

/// A bar chart with named bars along x (names on hover and under the bars), with room above
/// the tallest bar for its value shown on hover. Returns the range of values it shows.
fn chart_ui(ui: &mut egui::Ui, id: &str, bars: Vec<Bar>) -> egui_plot::PlotBounds {
    let names: Vec<String> = bars.iter().map(|b| b.name.clone()).collect();
    let tallest = bars.iter().map(|b| b.value).fold(0.0, f64::max);
    Plot::new(id)
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
                names.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .show(ui, |plot| plot.bar_chart(BarChart::new(id, bars).width(0.7)))
        .transform
        .bounds()
        .to_owned()
}

/// The top of a chart whose tallest bar is `tallest`: a quarter more (at least one more), so
/// that the bar and the value egui_plot writes above it on hover are never cut.
fn headroom(tallest: f64) -> f64 {
    (tallest * 1.25).max(tallest + 1.0)
}

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
