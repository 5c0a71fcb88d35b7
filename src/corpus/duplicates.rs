//! Near-duplicates: the same report in two files — printed by another PDF
//! producer, re-scanned, given another cover page or a few edited lines —
//! recognised from its text.
//!
//! Each document's words become overlapping shingles of [`SHINGLE_WORDS`]
//! words; a MinHash signature of [`HASHES`] values estimates the Jaccard
//! similarity of two shingle sets (Broder 1997), and banding ([`BANDS`] bands)
//! finds the pairs worth comparing without comparing all pairs. Pairs whose
//! estimate reaches [`THRESHOLD`] are the same report. An ansökan and the
//! slutrapport of one insats share a background text but little else, so
//! they stay apart (the threshold was measured on real variants, see
//! BENCHMARKS.md).

use std::collections::HashMap;

/// Words per shingle: short enough that an OCR misreading spoils few shingles.
pub const SHINGLE_WORDS: usize = 4;
/// Hash functions in a signature.
pub const HASHES: usize = 128;
/// Bands for locality-sensitive hashing (rows per band = HASHES / BANDS).
pub const BANDS: usize = 32;
/// Estimated Jaccard similarity from which two documents are one report.
pub const THRESHOLD: f64 = 0.5;
/// Documents with fewer words than this are never merged (too little to tell).
pub const MIN_WORDS: usize = 60;

/// A document's MinHash signature (`None` for a text too short to compare).
pub type Signature = Option<Vec<u64>>;

/// The signature of a text: the minimum of each hash function over its shingles.
pub fn signature(text: &str) -> Signature {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.len() < MIN_WORDS {
        return None;
    }
    let mut mins = vec![u64::MAX; HASHES];
    for shingle in words.windows(SHINGLE_WORDS) {
        let base = mix(hash_of(shingle));
        for (i, min) in mins.iter_mut().enumerate() {
            *min = (*min).min(permute(base, i));
        }
    }
    Some(mins)
}

/// The fraction of equal positions: an estimate of the Jaccard similarity.
pub fn similarity(a: &[u64], b: &[u64]) -> f64 {
    let equal = a.iter().zip(b).filter(|(x, y)| x == y).count();
    equal as f64 / a.len().max(1) as f64
}

/// Groups of documents (indexes into `signatures`) that are the same report;
/// every document is in exactly one group, most alone.
pub fn groups(signatures: &[Signature]) -> Vec<Vec<usize>> {
    let mut sets = DisjointSets::new(signatures.len());
    for band in 0..BANDS {
        for members in buckets(signatures, band) {
            for (a, b) in candidates(&members) {
                let (Some(x), Some(y)) = (&signatures[a], &signatures[b]) else {
                    continue;
                };
                if sets.find(a) != sets.find(b) && similarity(x, y) >= THRESHOLD {
                    sets.join(a, b);
                }
            }
        }
    }
    sets.groups()
}

/// Buckets of all pairs up to this many members; in a larger one (a band
/// many documents share: a template, a common background text) each member
/// is compared with its [`NEIGHBOURS`] next ones, so the work grows with the
/// bucket, not with its square. Copies of one report still end in one
/// group, joined link by link.
pub const ALL_PAIRS_UP_TO: usize = 32;
/// Members each member of a large bucket is compared with.
pub const NEIGHBOURS: usize = 8;

/// The documents sharing one band of their signatures, in buckets of two or more.
fn buckets(signatures: &[Signature], band: usize) -> Vec<Vec<usize>> {
    let rows = HASHES / BANDS;
    let mut buckets: HashMap<&[u64], Vec<usize>> = HashMap::new();
    for (i, signature) in signatures.iter().enumerate() {
        if let Some(values) = signature {
            buckets
                .entry(&values[band * rows..(band + 1) * rows])
                .or_default()
                .push(i);
        }
    }
    buckets.into_values().filter(|m| m.len() > 1).collect()
}

/// The pairs of a bucket worth comparing (see [`ALL_PAIRS_UP_TO`]).
fn candidates(members: &[usize]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let reach = if members.len() <= ALL_PAIRS_UP_TO {
        members.len()
    } else {
        NEIGHBOURS
    };
    members.iter().enumerate().flat_map(move |(n, &a)| {
        let end = (n + 1 + reach).min(members.len());
        members[n + 1..end].iter().map(move |&b| (a, b))
    })
}

/// A 64-bit hash of a shingle (FNV-1a over its words, a separator between).
fn hash_of(shingle: &[String]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for word in shingle {
        for byte in word.bytes().chain(std::iter::once(b' ')) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash
}

/// The `i`-th hash function: the shingle's hash mixed once (so similar
/// shingles spread), then a multiply-add with odd constants of its own —
/// a cheap universal family, one multiplication per function and shingle.
fn permute(mixed: u64, i: usize) -> u64 {
    let a = (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let b = (i as u64 + 1).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    mixed.wrapping_mul(a).wrapping_add(b)
}

/// splitmix64's finaliser: spreads a hash's bits.
fn mix(value: u64) -> u64 {
    let mut z = value;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Union-find over `0..n`.
pub struct DisjointSets {
    parent: Vec<usize>,
}

impl DisjointSets {
    /// `n` singletons.
    pub fn new(n: usize) -> DisjointSets {
        DisjointSets {
            parent: (0..n).collect(),
        }
    }

    /// The representative of `i`'s set.
    pub fn find(&mut self, i: usize) -> usize {
        let mut root = i;
        while self.parent[root] != root {
            root = self.parent[root];
        }
        let mut node = i;
        while self.parent[node] != root {
            (node, self.parent[node]) = (self.parent[node], root);
        }
        root
    }

    /// Puts `a` and `b` in one set.
    pub fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }

    /// The sets, each sorted, ordered by their first member.
    pub fn groups(mut self) -> Vec<Vec<usize>> {
        let mut by_root: HashMap<usize, Vec<usize>> = HashMap::new();
        for i in 0..self.parent.len() {
            let root = self.find(i);
            by_root.entry(root).or_default().push(i);
        }
        let mut groups: Vec<Vec<usize>> = by_root.into_values().collect();
        groups.sort();
        groups
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `words` pseudo-random words from a vocabulary of 2,000, by `seed`.
    fn text(seed: u64, words: usize) -> String {
        let mut state = seed.wrapping_mul(0x2545_F491_4F6C_DD1D) | 1;
        (0..words)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                format!("ord{}", state % 2_000)
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_copy_with_edits_and_another_cover_is_the_same_report() {
        let original = text(1, 600);
        let mut copy = format!("Styrelsebilaga 2024 till styrelsemötet den 12 mars {original}");
        copy = copy.replacen("ord62", "ord999 ord998", 1);
        let other = format!("{} {}", &original[..original.len() / 4], text(2, 500));
        let signatures = [signature(&original), signature(&copy), signature(&other)];
        let groups = groups(&signatures);
        assert_eq!(groups, vec![vec![0, 1], vec![2]]);
    }

    #[test]
    fn many_copies_of_one_report_form_one_group_among_others() {
        let original = text(1, 400);
        let mut signatures: Vec<Signature> = (0..100)
            .map(|i| signature(&format!("Omslag nummer {i}. {original}")))
            .collect();
        signatures.extend((2..40).map(|seed| signature(&text(seed, 400))));
        let groups = groups(&signatures);
        assert_eq!(
            groups[0],
            (0..100).collect::<Vec<_>>(),
            "one group of copies"
        );
        assert_eq!(groups.len(), 1 + 38, "the others stay alone");
    }

    #[test]
    fn a_large_bucket_is_compared_member_to_neighbours() {
        let members: Vec<usize> = (0..1_000).collect();
        assert_eq!(
            candidates(&members).count(),
            1_000 * NEIGHBOURS - NEIGHBOURS * (NEIGHBOURS + 1) / 2
        );
        assert_eq!(
            candidates(&members[..10]).count(),
            45,
            "a small bucket: all pairs"
        );
    }

    #[test]
    fn short_texts_are_never_merged() {
        let short = "Kvartalsrapport kvartal 1";
        assert_eq!(signature(short), None);
        assert_eq!(groups(&[signature(short), signature(short)]).len(), 2);
    }

    #[test]
    fn similarity_estimates_shared_shingles() {
        let a = signature(&text(3, 800)).unwrap();
        assert_eq!(similarity(&a, &a), 1.0);
        let b = signature(&text(4, 800)).unwrap();
        assert!(similarity(&a, &b) < 0.2);
    }
}
