//! Numbers, distances, positions and query strings written out for pages.
//!
//! Rule: words come from the message catalogue; these functions only shape numbers and
//! put them into a message's `{v}` placeholder.

use crate::i18n::Lang;
use crate::ports::Position;

/// `3803` as `3,803`; both languages of the site group digits by three with commas.
pub fn group_digits(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// A measured value with at most `places` decimals and no trailing zeros: `12`, `12.5`.
pub fn decimal(value: f64, places: usize) -> String {
    let text = format!("{value:.places$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        &text
    };
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// Fills a message's `{v}` placeholder.
pub fn fill(lang: Lang, key: &str, value: &str) -> String {
    lang.text(key).replace("{v}", value)
}

/// A depth or length in metres, or `None` for a value that is not a number at all.
pub fn metres(lang: Lang, value: f64) -> Option<String> {
    value
        .is_finite()
        .then(|| fill(lang, "ui.value.metres", &decimal(value, 2)))
}

/// A distance in kilometres: one decimal under ten, whole kilometres above.
pub fn kilometres(lang: Lang, km: f64) -> String {
    let places = if km < 10.0 { 1 } else { 0 };
    fill(lang, "ui.value.km", &decimal(km, places))
}

/// A position in words: `北緯 22.6134°，東經 120.2836°` or `22.6134° N, 120.2836° E`.
pub fn position(lang: Lang, position: Position) -> String {
    let lat_key = if position.latitude < 0.0 {
        "ui.geo.lat_s"
    } else {
        "ui.geo.lat_n"
    };
    let lon_key = if position.longitude < 0.0 {
        "ui.geo.lon_w"
    } else {
        "ui.geo.lon_e"
    };
    let lat = fill(lang, lat_key, &decimal(position.latitude.abs(), 4));
    let lon = fill(lang, lon_key, &decimal(position.longitude.abs(), 4));
    format!("{lat}{}{lon}", lang.text("ui.geo.separator"))
}

/// Percent-encodes a query value, leaving only unreserved characters as they are.
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A query string from name–value pairs, names and values encoded.
pub fn query_string<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    pairs
        .into_iter()
        .map(|(name, value)| format!("{}={}", encode_component(name), encode_component(value)))
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_grouped_by_three() {
        assert_eq!(group_digits(0), "0");
        assert_eq!(group_digits(999), "999");
        assert_eq!(group_digits(3803), "3,803");
        assert_eq!(group_digits(1234567), "1,234,567");
    }

    #[test]
    fn decimals_lose_trailing_zeros() {
        assert_eq!(decimal(12.0, 2), "12");
        assert_eq!(decimal(12.5, 2), "12.5");
        assert_eq!(decimal(0.004, 2), "0");
        assert_eq!(decimal(-0.001, 2), "0");
        assert_eq!(decimal(120.28361, 4), "120.2836");
    }

    #[test]
    fn metres_need_a_real_number() {
        assert!(metres(Lang::En, f64::NAN).is_none());
        let text = metres(Lang::En, 14.0).unwrap();
        assert!(text.contains("14") && !text.contains("14.0"), "{text}");
    }

    #[test]
    fn positions_name_their_hemispheres() {
        let south_west = Position {
            latitude: -33.9,
            longitude: -18.4,
        };
        let text = position(Lang::En, south_west);
        assert!(
            text.contains("33.9") && text.contains("18.4") && !text.contains('-'),
            "{text}"
        );
        assert_ne!(
            text,
            position(
                Lang::En,
                Position {
                    latitude: 33.9,
                    longitude: 18.4
                }
            )
        );
    }

    #[test]
    fn query_values_are_encoded() {
        assert_eq!(encode_component("高"), "%E9%AB%98");
        assert_eq!(encode_component("a b&c=d"), "a%20b%26c%3Dd");
        assert_eq!(
            query_string([("country", "TW"), ("size", "very_small")]),
            "country=TW&size=very_small"
        );
    }
}
