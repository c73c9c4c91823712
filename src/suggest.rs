//! "Did you mean ...?": the closest known word to a mistyped one.

/// Words longer than this get no suggestion: they are not typos of a name.
const MAX_WORD_CHARS: usize = 64;

/// How many candidates one suggestion looks at. A policy has far fewer names
/// of one kind.
const MAX_CANDIDATES: usize = 2_000;

/// How many comparisons the suggestions of one compilation may make in all
/// (per thread). Thousands of unknown references against thousands of
/// names took 36 s; past this budget, mistakes get no "did you mean", and
/// the time stays linear in the policy. A policy with a few typos uses a
/// tiny part of it.
const BUDGET: usize = 200_000;

thread_local! {
    static SPENT: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Gives the current thread its whole budget of comparisons again: called
/// at the start of each compilation.
pub fn reset_budget() {
    SPENT.with(|spent| spent.set(0));
}

/// How many comparisons the current thread has made since the last
/// [`reset_budget`] (the language server keeps the lowering of a file that
/// made none: what it suggests cannot depend on what came before).
pub(crate) fn spent() -> usize {
    SPENT.with(std::cell::Cell::get)
}

/// Takes `n` comparisons from the budget; `false` when it is spent.
fn spend(n: usize) -> bool {
    SPENT.with(|spent| {
        let total = spent.get().saturating_add(n);
        spent.set(total);
        total <= BUDGET
    })
}

/// The candidate closest to `word` by edit distance, when it is close enough
/// to be a likely typo: within a third of the word's length (at least 1,
/// at most 3 edits). Ties go to the earlier candidate, so suggestions are
/// stable. Only the first [`MAX_CANDIDATES`] candidates are looked at, a
/// word of more than [`MAX_WORD_CHARS`] characters gets no suggestion, and
/// none is made once the thread's [`BUDGET`] is spent.
#[must_use]
pub fn closest<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let chars = word.chars().count();
    if chars > MAX_WORD_CHARS {
        return None;
    }
    let limit = (chars / 3).clamp(1, 3);
    let lower = word.to_lowercase();
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates.into_iter().take(MAX_CANDIDATES) {
        if !spend(1) {
            return None;
        }
        if candidate == word {
            continue;
        }
        // A length difference alone costs that many edits.
        if candidate.len().abs_diff(word.len()) > limit * 4
            || candidate.chars().count().abs_diff(chars) > limit
        {
            continue;
        }
        let distance = if candidate.to_lowercase() == lower {
            0
        } else {
            edit_distance(&lower, &candidate.to_lowercase())
        };
        if distance <= limit && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// Levenshtein distance, in characters, with transpositions counted as one
/// edit (optimal string alignment): `cosnent` is one edit from `consent`.
#[must_use]
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev2 = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(prev2[j - 2] + 1);
            }
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::{closest, edit_distance};

    #[test]
    fn distances() {
        assert_eq!(edit_distance("consent", "cosnent"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn suggests_only_close_words() {
        let words = ["consent", "contract", "legitimate_interest"];
        assert_eq!(closest("consnet", words), Some("consent"));
        assert_eq!(
            closest("legitimate_interests", words),
            Some("legitimate_interest")
        );
        assert_eq!(closest("banana", words), None);
    }
}
