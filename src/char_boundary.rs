//! Cutting text at a byte count without splitting a character (what
//! `str::floor_char_boundary` does from Rust 1.91; the crate builds on 1.88).

/// The largest character boundary of `text` at or before `at` (its length
/// when `at` is past the end).
pub fn floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::floor;

    #[test]
    fn a_cut_inside_a_character_moves_before_it() {
        let text = "aåb"; // 'å' is bytes 1..3
        assert_eq!(floor(text, 2), 1);
        assert_eq!(floor(text, 3), 3);
        assert_eq!(floor(text, 0), 0);
        assert_eq!(floor(text, 99), text.len());
    }
}
