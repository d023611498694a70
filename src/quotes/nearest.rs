//! The passage of a text most like a quote that is not in it, so a typo is easy to fix: the
//! run of as many words as the quote has that shares the most words with it.
use std::collections::HashSet;

/// Word spans of `chars`: (start, end, lowercased word), words being runs of letters/digits.
fn words(chars: &[char]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_alphanumeric() {
            let start = i;
            while i < chars.len() && chars[i].is_alphanumeric() {
                i += 1;
            }
            let w: String = chars[start..i]
                .iter()
                .flat_map(|c| c.to_lowercase())
                .collect();
            out.push((start, i, w));
        } else {
            i += 1;
        }
    }
    out
}

/// Character offsets [start, end) of the passage of `chars` most like `quote`, and how many
/// of its words are the quote's; None when no word of the quote occurs in the text.
pub fn nearest(chars: &[char], quote: &str) -> Option<(usize, usize, usize)> {
    let qchars: Vec<char> = quote.chars().collect();
    let qwords = words(&qchars);
    if qwords.is_empty() {
        return None;
    }
    let wanted: HashSet<&str> = qwords.iter().map(|(_, _, w)| w.as_str()).collect();
    let text = words(chars);
    if text.is_empty() {
        return None;
    }
    let k = qwords.len().min(text.len());
    let hit: Vec<usize> = text
        .iter()
        .map(|(_, _, w)| usize::from(wanted.contains(w.as_str())))
        .collect();
    let mut score: usize = hit[..k].iter().sum();
    let mut scores = Vec::with_capacity(text.len() + 1 - k);
    scores.push(score);
    for i in k..text.len() {
        score = score + hit[i] - hit[i - k];
        scores.push(score);
    }
    let best = scores.iter().copied().max().unwrap_or(0);
    if best == 0 {
        return None;
    }
    // Among the windows sharing the most words, the one spelt most like the quote.
    let quote_lower = quote.to_lowercase();
    let at = scores
        .iter()
        .enumerate()
        .filter(|(_, s)| **s == best)
        .take(50)
        .map(|(i, _)| {
            let (s, e) = (text[i].0, text[i + k - 1].1);
            let window: String = chars[s..e].iter().flat_map(|c| c.to_lowercase()).collect();
            (strsim::normalized_levenshtein(&window, &quote_lower), i)
        })
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
        .map_or(0, |(_, i)| i);
    Some((text[at].0, text[at + k - 1].1, best))
}

#[cfg(test)]
mod tests {
    use super::nearest;

    #[test]
    fn finds_the_passage_sharing_most_words() {
        let text: Vec<char> = "One thing. Kick out all Russian/CSTO troops! Another thing."
            .chars()
            .collect();
        let (s, e, _) = nearest(&text, "Kick out all Rusian/CSTO troops!").expect("found");
        let got: String = text[s..e].iter().collect();
        assert_eq!(got, "Kick out all Russian/CSTO troops");
        assert_eq!(nearest(&text, "zzz qqq"), None);
    }
}
