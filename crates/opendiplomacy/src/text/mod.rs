//! Text normalisation for matching, used both when indexing and when querying.
//!
//! Two strings that a reader would call the same name must normalise to the same text:
//! `ＫＡＯ-HSIUNG` and `Kao‐hsiung`, `São Tomé` and `sao tome`, `臺中` and `台中`,
//! `Côte d’Ivoire` and `cote d'ivoire`. [`normalise`] keeps word breaks and punctuation for
//! sorting and display-like uses; [`compact`] drops them as well, so that `Kao-Hsiung`,
//! `kao hsiung` and `Kaohsiung` become one string.
//!
//! Rules: the same function serves the index and the query, so any rule added here applies to
//! both; the output is for comparing, never for showing; every input, including control
//! characters, lone combining marks and emoji, gives a string and never a panic.

mod variants;

#[cfg(test)]
mod tests;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Text folded for comparing: compatibility forms unified (full-width letters and digits become
/// ASCII), lower case, accents removed, Chinese variant characters folded to one form, every
/// apostrophe an ASCII `'`, every dash an ASCII `-`, invisible formatting removed, and
/// whitespace and control characters collapsed to single spaces with none at either end.
pub fn normalise(text: &str) -> String {
    let mut out = Collapsed::with_capacity(text.len());
    for c in text.nfkc() {
        for lower in c.to_lowercase() {
            push_without_accents(lower, &mut out);
        }
    }
    out.text
}

/// [`normalise`]d text with everything but letters and digits removed: the form in which
/// spellings that differ only in spacing, hyphens or punctuation are equal.
pub fn compact(text: &str) -> String {
    compact_words(text).text
}

/// A [`compact`] form that remembers where the words of the original began.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CompactWords {
    pub text: String,
    /// Byte offsets in `text` at which a word of the original begins, ascending; the first is
    /// always 0 when `text` is not empty.
    pub word_starts: Vec<usize>,
}

/// Compacts text and records word starts, so that a match can be told apart as starting a
/// word ("tome" in "São Tomé") or falling inside one ("ome"). A run of Chinese characters is
/// one word: without spaces there is no cheaper reliable break.
pub fn compact_words(text: &str) -> CompactWords {
    let normalised = normalise(text);
    let mut out = CompactWords {
        text: String::with_capacity(normalised.len()),
        word_starts: Vec::new(),
    };
    let mut in_word = false;
    for c in normalised.chars() {
        if c.is_alphanumeric() {
            if !in_word {
                out.word_starts.push(out.text.len());
            }
            in_word = true;
            out.text.push(c);
        } else {
            in_word = false;
        }
    }
    out
}

/// Pushes a lower-case character, stripped of accents and folded, onto the output.
///
/// A character whose canonical decomposition has no mark to drop is kept whole, so that
/// Hangul syllables and kana with voicing marks stay composed.
fn push_without_accents(c: char, out: &mut Collapsed) {
    if c.is_ascii() {
        out.push(c);
        return;
    }
    let mut parts = ['\0'; 4];
    let mut count = 0;
    let mut dropped = false;
    let mut overflow = false;
    decompose_canonical(c, |part| {
        if is_combining_mark(part) && !is_kana_voicing(part) {
            dropped = true;
        } else if let Some(slot) = parts.get_mut(count) {
            *slot = part;
            count += 1;
        } else {
            overflow = true;
        }
    });
    if !dropped || overflow {
        if !is_combining_mark(c) || is_kana_voicing(c) {
            push_letter(c, out);
        }
        return;
    }
    for &part in &parts[..count] {
        push_letter(part, out);
    }
}

/// Kana voicing marks change the word (か is not が), unlike accents on Latin letters.
fn is_kana_voicing(c: char) -> bool {
    matches!(c, '\u{3099}' | '\u{309A}')
}

/// Pushes one accent-free character: letters without a decomposition spelt out, punctuation
/// unified, invisible formatting dropped, Chinese variants folded.
fn push_letter(c: char, out: &mut Collapsed) {
    let spelt: &str = match c {
        'ø' => "o",
        'đ' | 'ð' => "d",
        'ħ' => "h",
        'ł' => "l",
        'ı' => "i",
        'ŧ' => "t",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '\u{02BB}' | '\u{02BC}'
        | '\u{02BD}' | '\u{02B9}' | '`' => "'",
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{2E3A}' | '\u{2E3B}' => "-",
        '\u{00AD}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}'
        | '\u{FEFF}' => "",
        _ => {
            out.push(variants::fold(c));
            return;
        }
    };
    spelt.chars().for_each(|c| out.push(c));
}

/// Output under construction: whitespace and control characters become one space between
/// words and none at the ends.
struct Collapsed {
    text: String,
    space_pending: bool,
}

impl Collapsed {
    fn with_capacity(capacity: usize) -> Self {
        Self {
            text: String::with_capacity(capacity),
            space_pending: false,
        }
    }

    fn push(&mut self, c: char) {
        if c.is_whitespace() || c.is_control() {
            self.space_pending = !self.text.is_empty();
            return;
        }
        if self.space_pending {
            self.text.push(' ');
            self.space_pending = false;
        }
        self.text.push(c);
    }
}
