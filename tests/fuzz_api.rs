//! A seeded generator of random and hostile `/api/search` requests: brackets,
//! quotes, colons, operators, Unicode, control characters, long words and
//! bad parameter values. Never a 500, never a crash, never far over the time
//! budget. `FUZZ_API_ITERATIONS=20000 cargo test --release --test fuzz_api
//! -- --nocapture` runs a longer campaign.

mod common;

use common::{Ingested, enc, get, sample_corpus};
use std::time::{Duration, Instant};

/// A small, seeded xorshift generator (the same requests on every run).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: [&str; 16] = [
    "nollplacerade",
    "samverkan",
    "IPS",
    "FK",
    "unga",
    "hur",
    "mycket",
    "SFI:s",
    "AND",
    "OR",
    "NOT",
    "title",
    "heading:",
    "body:",
    "år",
    "arbetsförmågebedömning",
];
const SYNTAX: [&str; 24] = [
    "(", ")", "\"", ":", "-", "+", "*", "~", "~2", "^3", "[", "]", "{", "}", "!", "\\", ">", "<",
    "=", "'", "`", " ", "  ", "\t",
];
const ODD: [&str; 10] = [
    "\u{0}", "\u{7}", "\u{202e}", "😀", "ß", "Ω", "\u{fffd}", "\u{200b}", "ﬁ", "é",
];
const PARAMETERS: [&str; 12] = [
    "limit",
    "offset",
    "year_from",
    "year_to",
    "forbund",
    "malgrupp",
    "report_type",
    "explain",
    "format",
    "section_kind",
    "owner",
    "partner",
];
const VALUES: [&str; 12] = [
    "0",
    "1",
    "20",
    "100",
    "101",
    "-1",
    "99999999999999999999",
    "2020",
    "abc",
    "csv",
    "true",
    "",
];

/// One random query text.
fn query(rng: &mut Rng) -> String {
    let mut q = String::new();
    for _ in 0..rng.below(12) {
        match rng.below(10) {
            0..=3 => q.push_str(rng.pick(&WORDS)),
            4..=7 => q.push_str(rng.pick(&SYNTAX)),
            8 => q.push_str(rng.pick(&ODD)),
            _ => q.push_str(&"(".repeat(rng.below(40))),
        }
    }
    match rng.below(50) {
        0 => "x".repeat(rng.below(3_000)),
        1 => "ord ".repeat(rng.below(400)),
        _ => q,
    }
}

/// One random request URI.
fn uri(rng: &mut Rng) -> String {
    let mut uri = format!("/api/search?q={}", enc(&query(rng)));
    for _ in 0..rng.below(3) {
        let (key, value) = (rng.pick(&PARAMETERS), rng.pick(&VALUES));
        uri += &format!("&{key}={}", enc(value));
    }
    uri
}

#[tokio::test]
async fn random_and_hostile_searches_never_fail_on_our_side() {
    let iterations: usize = std::env::var("FUZZ_API_ITERATIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(3_000);
    let corpus = Ingested::new(&sample_corpus());
    let router = corpus.router();
    let mut rng = Rng(0x5eed_f1a5_0c0d_e5a1);
    let mut statuses = std::collections::BTreeMap::new();
    let mut slowest = Duration::ZERO;
    for _ in 0..iterations {
        let uri = uri(&mut rng);
        let started = Instant::now();
        let (status, _, body) = get(&router, &uri).await;
        let took = started.elapsed();
        slowest = slowest.max(took);
        assert!(
            matches!(status.as_u16(), 200 | 400 | 503),
            "{uri} → {status}: {}",
            String::from_utf8_lossy(&body)
        );
        // The budget is 2 s; a debug build on a shared machine gets slack.
        assert!(took < Duration::from_secs(6), "{uri} took {took:?}");
        *statuses.entry(status.as_u16()).or_insert(0) += 1;
    }
    eprintln!("{iterations} requests: {statuses:?}, slowest {slowest:?}");
}
