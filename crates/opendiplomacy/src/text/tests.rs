use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use super::{compact, compact_words, normalise, variants};

#[test]
fn full_width_letters_and_digits_become_ascii() {
    assert_eq!(normalise("ＫＡＯ"), "kao");
    assert_eq!(normalise("ｋａｏｈｓｉｕｎｇ"), "kaohsiung");
    assert_eq!(normalise("５７９２０"), "57920");
    assert_eq!(normalise("Ｐｏｒｔ　Ｋｅｌａｎｇ"), "port kelang");
}

#[test]
fn case_and_accents_are_folded() {
    assert_eq!(normalise("São Tomé and Príncipe"), "sao tome and principe");
    assert_eq!(normalise("Curaçao"), "curacao");
    assert_eq!(normalise("ÅLESUND"), "alesund");
    assert_eq!(normalise("Reykjavík"), "reykjavik");
    assert_eq!(normalise("Straße"), "strasse");
    assert_eq!(normalise("Tromsø"), "tromso");
    assert_eq!(normalise("Gdańsk"), "gdansk");
    assert_eq!(normalise("Łódź"), "lodz");
    assert_eq!(normalise("İzmir"), "izmir");
}

#[test]
fn decomposed_input_equals_composed_input() {
    let decomposed: String = "Curaçao".nfd().collect();
    assert_ne!(decomposed, "Curaçao");
    assert_eq!(normalise(&decomposed), "curacao");
}

#[test]
fn apostrophes_and_dashes_are_unified() {
    assert_eq!(normalise("Côte d’Ivoire"), "cote d'ivoire");
    assert_eq!(normalise("cote d'ivoire"), "cote d'ivoire");
    assert_eq!(normalise("Hawaiʻi"), "hawai'i");
    assert_eq!(normalise("Kao‐Hsiung"), "kao-hsiung");
    assert_eq!(normalise("Kao–Hsiung"), "kao-hsiung");
}

#[test]
fn whitespace_and_control_characters_collapse() {
    assert_eq!(normalise("  Sao \t\n Tome\u{3000} "), "sao tome");
    assert_eq!(normalise("Sao\u{0}\u{7}Tome"), "sao tome");
    assert_eq!(normalise("Kao\u{200B}hsiung\u{FEFF}"), "kaohsiung");
    assert_eq!(normalise(" \t\r\n\u{0}\u{1F} "), "");
    assert_eq!(normalise(""), "");
}

#[test]
fn chinese_variants_fold_to_one_form() {
    assert_eq!(normalise("臺中港"), normalise("台中港"));
    assert_eq!(normalise("臺灣"), "台灣");
    assert_eq!(normalise("台湾"), "台灣");
    assert_eq!(normalise("中华民国"), "中華民國");
    assert_eq!(normalise("横浜"), "橫濱");
    assert_eq!(normalise("峯"), normalise("峰"));
    assert_eq!(normalise("裏"), normalise("裡"));
    assert_eq!(normalise("着"), normalise("著"));
    assert_eq!(normalise("高雄港"), "高雄港");
}

#[test]
fn kana_and_hangul_stay_whole() {
    assert_eq!(normalise("ガ"), "ガ");
    assert_ne!(normalise("ガ"), normalise("カ"));
    assert_eq!(normalise("부산"), "부산");
}

#[test]
fn marks_emoji_and_compatibility_forms_are_safe() {
    assert_eq!(normalise("\u{0301}\u{0308}"), "");
    assert_eq!(normalise("a\u{0301}\u{0301}\u{0301}"), "a");
    assert_eq!(normalise("🇹🇼 Taiwan"), "🇹🇼 taiwan");
    assert_eq!(normalise("㍿"), "株式會社");
    assert_eq!(normalise("ﬁji"), "fiji");
}

#[test]
fn compact_drops_spaces_hyphens_and_punctuation() {
    assert_eq!(compact("Kao-Hsiung"), "kaohsiung");
    assert_eq!(compact("kao hsiung"), "kaohsiung");
    assert_eq!(compact("Côte d’Ivoire"), "cotedivoire");
    assert_eq!(
        compact("Republic of China (Taiwan)"),
        "republicofchinataiwan"
    );
    assert_eq!(compact("St. John's"), "stjohns");
    assert_eq!(compact("🇹🇼 · ---"), "");
}

#[test]
fn compact_words_records_where_words_begin() {
    let words = compact_words("São Tomé and Príncipe");
    assert_eq!(words.text, "saotomeandprincipe");
    assert_eq!(words.word_starts, vec![0, 3, 7, 10]);
    let chinese = compact_words("聖多美普林西比");
    assert_eq!(chinese.word_starts, vec![0]);
    assert_eq!(compact_words("  ").word_starts, Vec::<usize>::new());
}

#[test]
fn every_variant_belongs_to_one_group_and_folding_is_stable() {
    let mut seen: HashMap<char, &str> = HashMap::new();
    for group in variants::groups() {
        assert!(
            group.chars().count() >= 2,
            "group {group} has nothing to fold"
        );
        let canonical = group.chars().next().unwrap_or_default();
        for c in group.chars() {
            if let Some(other) = seen.insert(c, group) {
                panic!("{c} is in both {other} and {group}");
            }
            assert_eq!(variants::fold(c), canonical, "{c} in {group}");
            assert_eq!(
                c.to_string().nfkc().collect::<String>(),
                c.to_string(),
                "{c}"
            );
        }
    }
}
