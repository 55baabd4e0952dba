//! The organization pages over real HTTP, on each engine, with the bundled data: the values a
//! reader comes for, the answers to bad addresses and values, and inert hostile text.

use crate::on_both_engines;
use crate::support::{Engine, client, server};

/// GETs a path without following redirects: status, the Location header, and the body.
async fn get(base: &str, path: &str) -> (u16, String, String) {
    let response = client()
        .get(format!("{base}{path}"))
        .send()
        .await
        .expect("request");
    let status = response.status().as_u16();
    let location = response
        .headers()
        .get("location")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    (status, location, response.text().await.expect("body"))
}

/// The part of a page from the element whose opening tag contains `opening` to the first
/// `closing` after it.
fn part<'a>(page: &'a str, opening: &str, closing: &str) -> &'a str {
    let start = page
        .find(opening)
        .unwrap_or_else(|| panic!("no {opening} in the page"));
    let rest = &page[start..];
    let end = rest.find(closing).unwrap_or(rest.len());
    &rest[..end]
}

/// One organization's card on a participation page.
fn card<'a>(page: &'a str, abbr: &str) -> &'a str {
    part(page, &format!(r#"data-abbr="{abbr}""#), "\n    </li>")
}

async fn the_un_page_shows_each_chinese_government_in_turn(engine: Engine) {
    let Some(server) = server(engine) else { return };
    let (status, _, page) = get(&server.base, "/en/organizations/UN").await;
    assert_eq!(status, 200);
    let roc = part(&page, r#"id="timeline-TW""#, "</section>");
    assert!(roc.contains("Republic of China (Taiwan)"), "{roc}");
    assert!(
        roc.contains("<time>1945-10-24</time> – <time>1971-10-25</time>"),
        "{roc}"
    );
    let prc = part(&page, r#"id="timeline-CN""#, "</section>");
    assert!(prc.contains("People&#39;s Republic of China"), "{prc}");
    assert!(
        prc.contains("<time>1971-10-25</time> – to the present"),
        "{prc}"
    );
    assert!(page.contains("Journal of Peace Research 57(3), 2020: 492–503."));

    let (_, _, chinese) = get(&server.base, "/organizations/UN").await;
    assert!(chinese.contains("<h1>聯合國 <span class=\"code\">UN</span></h1>"));
    assert!(chinese.contains("中華民國（台灣）") && chinese.contains("中華人民共和國"));
}

async fn taiwans_participation_gives_the_name_used_in_each_organization(engine: Engine) {
    let Some(server) = server(engine) else { return };
    let (status, _, page) = get(&server.base, "/en/countries/TW/organizations").await;
    assert_eq!(status, 200);
    assert!(page.contains("<h1>Taiwan&#39;s participation in international organizations</h1>"));
    assert!(page.contains("never the country&#39;s name"));
    let wto = card(&page, "WTO");
    assert!(
        wto.contains("Separate Customs Territory of Taiwan, Penghu, Kinmen and Matsu"),
        "{wto}"
    );
    assert!(wto.contains("<strong>Full member</strong>"), "{wto}");
    assert!(card(&page, "APEC").contains("Chinese Taipei"));
    assert!(card(&page, "UN").contains("Not now"));

    let (_, _, current) = get(
        &server.base,
        "/countries/TW/organizations?status=current&sort=name",
    )
    .await;
    assert!(current.contains("<h1>台灣的國際參與</h1>"));
    assert!(current.contains(r#"data-abbr="WTO""#) && !current.contains(r#"data-abbr="UN""#));
    assert!(!current.contains(r#"data-abbr="ICAO-A""#));

    let (status, location, _) = get(&server.base, "/en/taiwan").await;
    assert_eq!(
        (status, location.as_str()),
        (307, "/en/countries/TW/organizations")
    );
    let (_, _, country) = get(&server.base, "/countries/TW").await;
    assert!(country.contains(r#"href="/countries/TW/organizations""#));
}

async fn japan_in_the_wto_is_not_recorded_after_2014(engine: Engine) {
    let Some(server) = server(engine) else { return };
    let (status, _, page) = get(&server.base, "/en/organizations/WTO?year=2026").await;
    assert_eq!(status, 200);
    let japan = part(&page, r#"href="/en/countries/JP/organizations""#, "</tr>");
    assert!(japan.contains("not recorded after 2014"), "{japan}");
    let taiwan = part(
        &page,
        r#"href="/en/countries/TW/organizations">Taiwan"#,
        "</tr>",
    );
    assert!(!taiwan.contains("not recorded"), "{taiwan}");
    // The map fills Taiwan (ISO 3166-1 numeric 158) in among the members.
    assert!(page.contains(r#""numeric":"158""#));

    let (_, _, in_1960) = get(&server.base, "/en/organizations/UN?year=1960").await;
    let members = part(&in_1960, r#"class="members""#, "</section>");
    assert!(members.contains("/en/countries/TW/organizations"));
    assert!(!members.contains("/en/countries/CN/organizations"));
}

async fn a_bad_year_is_named_with_status_400(engine: Engine) {
    let Some(server) = server(engine) else { return };
    for year in ["1700", "2999", "abc", "1960.5"] {
        let (status, _, page) =
            get(&server.base, &format!("/en/organizations/WTO?year={year}")).await;
        assert_eq!(status, 400, "{year}");
        assert!(page.contains("(parameter year)"), "{year}");
    }
    let (status, _, page) = get(&server.base, "/en/organizations?type=military&sort=size").await;
    assert_eq!(status, 400);
    assert!(page.contains("(parameter type)") && page.contains("(parameter sort)"));
    let (status, _, page) = get(&server.base, "/countries/TW/organizations?status=now").await;
    assert_eq!(status, 400);
    assert!(page.contains("參數 status"));
}

async fn unknown_organizations_are_404_and_other_cases_redirect(engine: Engine) {
    let Some(server) = server(engine) else { return };
    for path in [
        "/organizations/NOPE",
        "/en/organizations/%FF",
        "/organizations/99999999",
        "/countries/ZZ/organizations",
    ] {
        assert_eq!(get(&server.base, path).await.0, 404, "{path}");
    }
    let (status, location, _) = get(&server.base, "/en/organizations/wto?year=2000").await;
    assert_eq!(
        (status, location.as_str()),
        (308, "/en/organizations/WTO?year=2000")
    );
    let (status, location, _) = get(&server.base, "/organizations/4580").await;
    assert_eq!((status, location.as_str()), (308, "/organizations/WTO"));
}

async fn the_list_filters_sorts_and_keeps_hostile_text_inert(engine: Engine) {
    let Some(server) = server(engine) else { return };
    let (status, _, all) = get(&server.base, "/en/organizations").await;
    assert_eq!(status, 200);
    assert!(all.contains("538 of 538 organizations"));
    assert!(all.contains(r#"href="/en/countries/TW/organizations""#));

    let (_, _, trade) = get(
        &server.base,
        "/en/organizations?type=economic&alive=true&q=world%20trade&sort=founded",
    )
    .await;
    assert!(trade.contains(r#"href="/en/organizations/WTO""#), "{trade}");
    assert!(!trade.contains(r#"href="/en/organizations/UN""#));

    let hostile = "%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%27";
    let (status, _, page) = get(&server.base, &format!("/en/organizations?q={hostile}")).await;
    assert_eq!(status, 200);
    assert!(!page.contains("<script>alert(1)"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;"));
    let (status, _, page) = get(&server.base, &format!("/en/organizations?sort={hostile}")).await;
    assert_eq!(status, 400);
    assert!(!page.contains("<script>alert(1)"));
}

async fn statements_show_their_rank_origin_and_source(engine: Engine) {
    let Some(server) = server(engine) else { return };
    let (_, _, apo) = get(&server.base, "/en/organizations/APO").await;
    let sources = part(&apo, r#"id="sources-title""#, "</section>");
    assert!(sources.contains("Deprecated: COW codes the Republic of China"));
    assert!(sources.contains(r#"<span class="badge unverified">unverified</span>"#));
    assert!(sources.contains(r#"<a href="https://www.apo-tokyo.org/history/""#));
    assert!(sources.contains("read 2026-12-03"));

    let (_, _, jinr) = get(&server.base, "/en/organizations/JINR").await;
    assert!(jinr.contains("Needs review: coded as China (710)"));

    let (_, _, icao) = get(&server.base, "/organizations/ICAO-A").await;
    let roc = part(&icao, r#"id="timeline-TW""#, "</section>");
    assert!(
        roc.contains("貴賓") && roc.contains("<time>2013-09-24</time>"),
        "{roc}"
    );

    let (_, _, search) = get(&server.base, "/en/search?q=WTO").await;
    let hit = part(&search, r#"href="/en/organizations/WTO""#, "</li>");
    assert!(hit.contains("International organization"), "{hit}");
}

on_both_engines!(
    the_un_page_shows_each_chinese_government_in_turn,
    taiwans_participation_gives_the_name_used_in_each_organization,
    japan_in_the_wto_is_not_recorded_after_2014,
    a_bad_year_is_named_with_status_400,
    unknown_organizations_are_404_and_other_cases_redirect,
    the_list_filters_sorts_and_keeps_hostile_text_inert,
    statements_show_their_rank_origin_and_source,
);
