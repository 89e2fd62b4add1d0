//! Text direction from characters alone, where no layout is at hand (keyboard arrows in the
//! article, whether a short UI text needs shaping): the script of a character and a
//! paragraph's first strong character (UAX #9 P2).

/// Direction of the paragraph around `pos`, from its first strong character (UAX #9 P2).
pub fn first_strong_rtl(text: &str, pos: usize) -> bool {
    let pos = text.floor_char_boundary(pos.min(text.len()));
    let start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    for c in text[start..].chars().take_while(|&c| c != '\n') {
        if is_rtl_char(c) {
            return true;
        }
        if c.is_alphabetic() {
            return false;
        }
    }
    false
}

/// True for characters of right-to-left scripts (Hebrew, Arabic and their presentation forms).
pub fn is_rtl_char(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_strong_character_decides() {
        assert!(first_strong_rtl("«إيران» said", 0));
        assert!(!first_strong_rtl("Iran «إيران»", 3));
        assert!(!first_strong_rtl("123 …", 0));
        // The paragraph around the position, not the text's first.
        assert!(first_strong_rtl("Latin\nعربي", 8));
        assert!(is_rtl_char('ب') && is_rtl_char('ﻻ') && !is_rtl_char('b'));
    }
}
