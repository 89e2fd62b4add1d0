//! `hashiya render`: the article view (with entity highlights when the article has an
//! annotation file or unsaved edits in its journal) to a PNG, headlessly, with the same layout and rasteriser as the window.

use std::fs::File;
use std::io::BufWriter;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

use super::RenderArgs;
use crate::editor::read_document;
use crate::text::{TextStyle, render_png_rgba};

/// Renders the article to a PNG.
pub fn run(args: &RenderArgs) -> anyhow::Result<ExitCode> {
    if !(6.0..=200.0).contains(&args.font_size) || !(100..=20_000).contains(&args.width) {
        anyhow::bail!("--width must be 100..20000 px and --font-size 6..200 px");
    }
    if !(1.2..=3.0).contains(&args.line_height) {
        anyhow::bail!("--line-height must be 1.2..3 (times the font size)");
    }
    let style =
        TextStyle { font: args.font.into(), line_height: args.line_height, tashkeel: !args.hide_tashkeel };
    let reading = read_document(&args.file)?;
    super::check::note_journal(&reading);
    let (doc, ann) = (&reading.article.doc, reading.article.ann());
    let mut highlights = Vec::new();
    for e in ann.entities().iter() {
        let c = ann.labels().get(e.label).map_or(crate::model::Rgb(128, 128, 128), |l| l.color);
        highlights.push((e.range(), [c.0, c.1, c.2]));
    }
    let (w, h, rgba) = render_png_rgba(doc.text(), args.width, args.font_size, style, &highlights);
    write_png(&args.out, w, h, &rgba).with_context(|| format!("writing {}", args.out.display()))?;
    eprintln!("wrote {} ({w}×{h} px, {} entities highlighted)", args.out.display(), highlights.len());
    Ok(ExitCode::SUCCESS)
}

/// Writes RGBA pixels as a PNG.
pub fn write_png(path: &Path, w: u32, h: u32, rgba: &[u8]) -> anyhow::Result<()> {
    let file = BufWriter::new(File::create(path)?);
    let mut encoder = png::Encoder::new(file, w, h);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(rgba)?;
    writer.finish()?;
    Ok(())
}
