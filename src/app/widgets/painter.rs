//! The thin bridge from the text layer to egui: keeps the glyph atlas in one egui texture
//! (uploading only the changed region) and turns glyph quads and rectangles into meshes.

use egui::{Color32, ColorImage, Mesh, Pos2, Rect, TextureHandle, TextureOptions, pos2, vec2};

use crate::text::{GlyphAtlas, GlyphQuad};

/// The atlas texture and its upload state.
#[derive(Default)]
pub struct AtlasTexture {
    texture: Option<TextureHandle>,
    uploaded_size: u32,
}

impl AtlasTexture {
    /// Uploads what changed in `atlas` since the last call and returns the texture.
    pub fn sync(&mut self, ctx: &egui::Context, atlas: &mut GlyphAtlas) -> Option<&TextureHandle> {
        let size = atlas.size() as usize;
        let options = TextureOptions::NEAREST;
        let dirty = atlas.take_dirty();
        if self.texture.is_none() || self.uploaded_size != atlas.size() {
            let image = ColorImage::from_rgba_premultiplied([size, size], atlas.pixels());
            self.texture = Some(ctx.load_texture("hashiya-glyph-atlas", image, options));
            self.uploaded_size = atlas.size();
        } else if let (Some(tex), Some([x, y, w, h])) = (&mut self.texture, dirty) {
            let (x, y, w, h) = (x as usize, y as usize, w as usize, h as usize);
            let mut rgba = Vec::with_capacity(w * h * 4);
            for row in y..y + h {
                let start = (row * size + x) * 4;
                rgba.extend_from_slice(&atlas.pixels()[start..start + w * 4]);
            }
            tex.set_partial([x, y], ColorImage::from_rgba_premultiplied([w, h], &rgba), options);
        }
        self.texture.as_ref()
    }
}

/// Builds one textured mesh for glyph quads. `origin` is the article's top-left in points,
/// `ppp` pixels per point (quads are in physical pixels).
pub fn glyph_mesh(
    tex: &TextureHandle,
    size: u32,
    quads: &[GlyphQuad],
    origin: Pos2,
    ppp: f32,
    color: Color32,
) -> Mesh {
    let mut mesh = Mesh::with_texture(tex.id());
    let s = size as f32;
    for q in quads {
        let rect = Rect::from_min_max(
            origin + vec2(q.dst.x0, q.dst.y0) / ppp,
            origin + vec2(q.dst.x1, q.dst.y1) / ppp,
        );
        let uv = Rect::from_min_max(
            pos2(q.src.x as f32 / s, q.src.y as f32 / s),
            pos2((q.src.x + q.src.w) as f32 / s, (q.src.y + q.src.h) as f32 / s),
        );
        let tint = if q.src.color { Color32::WHITE } else { color };
        mesh.add_rect_with_uv(rect, uv, tint);
    }
    mesh
}

/// Converts a layout rectangle (physical pixels) to screen points.
pub fn to_screen(r: &crate::text::Rect, origin: Pos2, ppp: f32) -> Rect {
    Rect::from_min_max(origin + vec2(r.x0, r.y0) / ppp, origin + vec2(r.x1, r.y1) / ppp)
}
