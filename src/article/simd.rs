//! What the byte scanners' SSE2 code shares (the parser's word and class
//! counts, the sanitizer's plain-text check): every x86-64 processor has
//! SSE2, so these run wherever the crate is built for x86-64; other targets
//! keep the portable code beside each caller.

#[cfg(target_arch = "x86_64")]
use std::arch::x86_64::{__m128i, _mm_set_epi64x};

/// Sixteen bytes as one vector, byte k in lane k, read through safe slice
/// copies (no unaligned pointer load). Panics if `chunk` is shorter than 16
/// bytes; callers pass `chunks_exact(16)` pieces.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
#[inline]
pub(crate) fn load16(chunk: &[u8]) -> __m128i {
    let half = |from: usize| {
        let mut word = [0u8; 8];
        word.copy_from_slice(&chunk[from..from + 8]);
        i64::from_le_bytes(word)
    };
    _mm_set_epi64x(half(8), half(0))
}
