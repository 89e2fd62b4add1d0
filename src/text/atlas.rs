//! A shelf-packed glyph atlas on the CPU: each cosmic-text `CacheKey` is rasterised once with
//! swash and copied into one RGBA (premultiplied, white for masks) image that a renderer uploads
//! as a texture. It records the region changed since the last upload.

use cosmic_text::{CacheKey, FontSystem, SwashCache, SwashContent};
use rustc_hash::FxHashMap;

/// Where a glyph image lives in the atlas and how to place it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AtlasEntry {
    /// Left of the image in the atlas.
    pub x: u32,
    /// Top of the image in the atlas.
    pub y: u32,
    /// Width in pixels.
    pub w: u32,
    /// Height in pixels.
    pub h: u32,
    /// Offset from the glyph origin to the image's left edge.
    pub left: i32,
    /// Offset from the baseline up to the image's top edge.
    pub top: i32,
    /// A colour glyph (emoji): draw untinted.
    pub color: bool,
}

/// The atlas image plus the index of rasterised glyphs.
pub struct GlyphAtlas {
    size: u32,
    pixels: Vec<u8>,
    entries: FxHashMap<CacheKey, Option<AtlasEntry>>,
    swash: SwashCache,
    shelf_x: u32,
    shelf_y: u32,
    shelf_h: u32,
    dirty: Option<[u32; 4]>,
    generation: u64,
}

const PAD: u32 = 1;
const MAX_SIZE: u32 = 8192;

impl GlyphAtlas {
    /// An empty atlas of `size`×`size` pixels.
    pub fn new(size: u32) -> Self {
        Self {
            size,
            pixels: vec![0; (size * size * 4) as usize],
            entries: FxHashMap::default(),
            swash: SwashCache::new(),
            shelf_x: 0,
            shelf_y: 0,
            shelf_h: 0,
            dirty: None,
            generation: 0,
        }
    }

    /// Side length in pixels.
    pub fn size(&self) -> u32 {
        self.size
    }

    /// RGBA premultiplied pixels, row-major.
    pub fn pixels(&self) -> &[u8] {
        &self.pixels
    }

    /// Increases whenever the atlas is cleared (all entries and the texture are invalid).
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The region `[x, y, w, h]` written since the last call, if any.
    pub fn take_dirty(&mut self) -> Option<[u32; 4]> {
        self.dirty.take()
    }

    /// Forgets every glyph (e.g. the scale changed), keeping the size.
    pub fn clear(&mut self) {
        self.entries.clear();
        self.pixels.fill(0);
        self.shelf_x = 0;
        self.shelf_y = 0;
        self.shelf_h = 0;
        self.generation += 1;
        self.dirty = Some([0, 0, self.size, self.size]);
    }

    /// The entry of a glyph, rasterising it on first use. `None` for glyphs with no pixels.
    /// When the atlas is full it grows (and is cleared, bumping [`Self::generation`]).
    pub fn get(&mut self, fs: &mut FontSystem, key: CacheKey) -> Option<AtlasEntry> {
        if let Some(e) = self.entries.get(&key) {
            return *e;
        }
        let image = self.swash.get_image_uncached(fs, key)?;
        let (w, h) = (image.placement.width, image.placement.height);
        if w == 0 || h == 0 {
            self.entries.insert(key, None);
            return None;
        }
        let (x, y) = self.allocate(w, h)?;
        let color = matches!(image.content, SwashContent::Color);
        for row in 0..h {
            for col in 0..w {
                let src = (row * w + col) as usize;
                let px = match image.content {
                    SwashContent::Mask => [image.data[src]; 4],
                    SwashContent::SubpixelMask => {
                        let a = image.data[src * 4..src * 4 + 3].iter().map(|&v| v as u32).max();
                        [a.unwrap_or(0) as u8; 4]
                    }
                    SwashContent::Color => premultiply(&image.data[src * 4..src * 4 + 4]),
                };
                let dst = (((y + row) * self.size + x + col) * 4) as usize;
                self.pixels[dst..dst + 4].copy_from_slice(&px);
            }
        }
        self.mark_dirty(x, y, w, h);
        let entry = AtlasEntry { x, y, w, h, left: image.placement.left, top: image.placement.top, color };
        self.entries.insert(key, Some(entry));
        Some(entry)
    }

    fn allocate(&mut self, w: u32, h: u32) -> Option<(u32, u32)> {
        if w + PAD > self.size || h + PAD > self.size {
            return None;
        }
        if self.shelf_x + w + PAD > self.size {
            self.shelf_y += self.shelf_h;
            self.shelf_x = 0;
            self.shelf_h = 0;
        }
        if self.shelf_y + h + PAD > self.size {
            if self.size >= MAX_SIZE {
                self.clear();
            } else {
                *self = Self { generation: self.generation + 1, ..Self::new(self.size * 2) };
                self.dirty = Some([0, 0, self.size, self.size]);
            }
        }
        let pos = (self.shelf_x, self.shelf_y);
        self.shelf_x += w + PAD;
        self.shelf_h = self.shelf_h.max(h + PAD);
        Some(pos)
    }

    fn mark_dirty(&mut self, x: u32, y: u32, w: u32, h: u32) {
        self.dirty = Some(match self.dirty {
            None => [x, y, w, h],
            Some([dx, dy, dw, dh]) => {
                let (x0, y0) = (dx.min(x), dy.min(y));
                let (x1, y1) = ((dx + dw).max(x + w), (dy + dh).max(y + h));
                [x0, y0, x1 - x0, y1 - y0]
            }
        });
    }
}

fn premultiply(rgba: &[u8]) -> [u8; 4] {
    let a = rgba[3] as u32;
    let m = |c: u8| ((c as u32 * a + 127) / 255) as u8;
    [m(rgba[0]), m(rgba[1]), m(rgba[2]), rgba[3]]
}
