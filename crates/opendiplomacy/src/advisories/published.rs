//! Reading the dates sources give: kept as written, and turned into an instant only when the
//! text names its zone (`Z`, `+01:00`). A naive timestamp (Canada's, Ireland's, the US's) has
//! no instant: guessing a zone would invent a fact.

use std::time::{Duration, UNIX_EPOCH};

/// The instant a date names, in UTC as RFC 3339; `Ok(None)` when it names no zone; an error
/// saying what is wrong when the text is not a date at all.
pub fn instant(text: &str) -> Result<Option<String>, String> {
    let bad = || format!("expected a date such as 2025-04-15T09:13:00Z, found {text:?}");
    let (date, rest) = text.split_at_checked(10).ok_or_else(bad)?;
    let days = days_of(date).ok_or_else(bad)?;
    if rest.is_empty() {
        return Ok(None);
    }
    let rest = rest
        .strip_prefix('T')
        .or_else(|| rest.strip_prefix(' '))
        .ok_or_else(bad)?;
    let (time, zone) = rest.split_at_checked(8).ok_or_else(bad)?;
    let seconds = seconds_of(time).ok_or_else(bad)?;
    let zone = skip_fraction(zone);
    let offset = match zone {
        "" => return Ok(None),
        "Z" | "z" => 0,
        _ => offset_of(zone).ok_or_else(bad)?,
    };
    let total = days * 86_400 + seconds - offset;
    let Ok(total) = u64::try_from(total) else {
        return Ok(None);
    };
    let at = UNIX_EPOCH + Duration::from_secs(total);
    Ok(Some(humantime::format_rfc3339_seconds(at).to_string()))
}

/// Whether a text is a calendar date written YYYY-MM-DD.
pub fn is_date(text: &str) -> bool {
    text.len() == 10 && days_of(text).is_some()
}

fn number(text: &str) -> Option<i64> {
    text.bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| text.parse().ok())
        .flatten()
}

/// Days since 1970-01-01 of a YYYY-MM-DD date (the civil-from-days algorithm run backwards).
fn days_of(date: &str) -> Option<i64> {
    let bytes = date.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let (year, month, day) = (
        number(&date[..4])?,
        number(&date[5..7])?,
        number(&date[8..])?,
    );
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let length = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return None,
    };
    if !(1..=length).contains(&day) {
        return None;
    }
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let shifted_month = (month + 9) % 12;
    let day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    Some(era * 146_097 + day_of_era - 719_468)
}

fn seconds_of(time: &str) -> Option<i64> {
    let bytes = time.as_bytes();
    if bytes.len() != 8 || bytes[2] != b':' || bytes[5] != b':' {
        return None;
    }
    let (h, m, s) = (
        number(&time[..2])?,
        number(&time[3..5])?,
        number(&time[6..])?,
    );
    (h < 24 && m < 60 && s < 61).then_some(h * 3600 + m * 60 + s)
}

fn skip_fraction(zone: &str) -> &str {
    match zone.strip_prefix('.') {
        Some(rest) => rest.trim_start_matches(|c: char| c.is_ascii_digit()),
        None => zone,
    }
}

/// `+01:00` as +3600 seconds.
fn offset_of(zone: &str) -> Option<i64> {
    let sign = match zone.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let rest = &zone[1..];
    let (h, m) = rest.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    let (h, m) = (number(h)?, number(m)?);
    (h < 24 && m < 60).then_some(sign * (h * 3600 + m * 60))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones_are_honoured_and_naive_times_have_no_instant() {
        assert_eq!(
            instant("2024-09-26T10:28:32+01:00").unwrap().as_deref(),
            Some("2024-09-26T09:28:32Z")
        );
        assert_eq!(
            instant("2024-12-04T12:00:00Z").unwrap().as_deref(),
            Some("2024-12-04T12:00:00Z")
        );
        assert_eq!(instant("2025-04-08T14:08:48").unwrap(), None);
        assert_eq!(instant("2024-02-29").unwrap(), None);
        assert!(instant("2023-02-29").is_err());
        assert!(instant("yesterday").is_err());
        assert!(instant("2025-04-08T14:08").is_err());
        assert!(instant("2025-04-08T14:08:48+1").is_err());
        assert!(instant("２０２５-04-08").is_err());
    }
}
