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
    let (mut best, mut best_at) = (score, 0);
    for i in k..text.len() {
        score = score + hit[i] - hit[i - k];
        if score > best {
            best = score;
            best_at = i + 1 - k;
        }
    }
    if best == 0 {
        return None;
    }
    Some((text[best_at].0, text[best_at + k - 1].1, best))
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
