//! The Open API over real HTTP, on each engine, with the bundled data.

use std::collections::HashSet;

use serde_json::Value;

use crate::on_both_engines;
use crate::support::{Engine, client, server};

async fn get_json(url: &str) -> (u16, Value) {
    let response = client().get(url).send().await.expect("request");
    let status = response.status().as_u16();
    (status, response.json().await.expect("JSON body"))
}

async fn port_kaohsiung_is_typed(engine: Engine) {
    let Some(server) = server(engine) else { return };
    let (status, port) = get_json(&format!("{}/api/v1/ports/57920", server.base)).await;
    assert_eq!(status, 200);
    assert_eq!(port["name"], "Kao-Hsiung");
    assert_eq!(port["country"], "TW");
    assert_eq!(port["locode"], "TWKHH");
    assert_eq!(port["harbor_size"], "large");
    assert!(
        port["names_zh"]
            .as_array()
            .unwrap()
            .contains(&Value::from("高雄港"))
    );
    assert!(port["latitude"].as_f64().unwrap() > 22.0 && port["latitude"].as_f64().unwrap() < 23.0);
    // The consular fields exist and are unknown until someone fills them in.
    assert_eq!(port["morgue"], Value::Null);
    assert_eq!(port["autopsy"], Value::Null);
}

async fn unknown_ids_are_404_problems(engine: Engine) {
    let Some(server) = server(engine) else { return };
    for path in [
        "/api/v1/ports/1",
        "/api/v1/ports/abc",
        "/api/v1/countries/XX",
        "/api/v1/nothing",
    ] {
        let response = client()
            .get(format!("{}{path}", server.base))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 404, "{path}");
        assert_eq!(
            response.headers()["content-type"],
            "application/problem+json",
            "{path}"
        );
        let problem: Value = response.json().await.unwrap();
        assert_eq!(problem["code"], "not_found", "{path}");
        assert_eq!(problem["detail"], "找不到這筆資料。", "{path}");
    }
}

async fn bad_parameters_are_400_naming_the_parameter(engine: Engine) {
    let Some(server) = server(engine) else { return };
    let cases = [
        ("/api/v1/ports?limit=0", "limit"),
        ("/api/v1/ports?limit=abc", "limit"),
        ("/api/v1/ports?limit=5001", "limit"),
        ("/api/v1/ports?size=huge", "size"),
        ("/api/v1/ports?country=Taiwan", "country"),
        ("/api/v1/ports?country=XX", "country"),
        ("/api/v1/ports?facility=morgue", "facility"),
        ("/api/v1/ports?cursor=garbage", "cursor"),
        ("/api/v1/ports?sort=size", "sort"),
        ("/api/v1/ports?format=pdf", "format"),
        ("/api/v1/ports?limit=1&limit=2", "limit"),
        ("/api/v1/ports?colour=red", "query"),
        ("/api/v1/search", "q"),
        ("/api/v1/search?q=%20%20", "q"),
    ];
    for (path, param) in cases {
        let response = client()
            .get(format!("{}{path}", server.base))
            .header("accept-language", "en-GB,en;q=0.9")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 400, "{path}");
        assert_eq!(response.headers()["content-language"], "en", "{path}");
        let problem: Value = response.json().await.unwrap();
        assert_eq!(problem["code"], "bad_parameter", "{path}");
        assert_eq!(problem["parameter"], param, "{path}");
        assert!(
            problem["detail"].as_str().unwrap().contains(param),
            "{path}: {problem}"
        );
    }
    // Without a language asked for, the message is in zh-TW.
    let (_, problem) = get_json(&format!("{}/api/v1/ports?limit=0", server.base)).await;
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .starts_with("參數「limit」不正確"),
        "{problem}"
    );
}

async fn writes_are_refused_as_problems(engine: Engine) {
    let Some(server) = server(engine) else { return };
    let response = client()
        .delete(format!("{}/api/v1/ports/57920", server.base))
        .header("accept-language", "en")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 405);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let problem: Value = response.json().await.unwrap();
    assert_eq!(problem["code"], "method_not_allowed");
}

async fn index_numbers_with_a_tenth_are_their_own_ports(engine: Engine) {
    let Some(server) = server(engine) else { return };
    let (status, port) = get_json(&format!("{}/api/v1/ports/49454.5", server.base)).await;
    assert_eq!(status, 200);
    assert_eq!(port["wpi_number"], "49454.5");
    assert_eq!(port["name"], "Kattupalli Port");
    let (_, same) = get_json(&format!("{}/api/v1/ports/{}", server.base, port["id"])).await;
    assert_eq!(same["wpi_number"], "49454.5");
}

async fn walking_every_page_sees_each_port_once(engine: Engine) {
    let Some(server) = server(engine) else { return };
    for sort in ["id", "name"] {
        let mut seen = HashSet::new();
        let mut totals = HashSet::new();
        let mut url = format!("{}/api/v1/ports?limit=700&sort={sort}", server.base);
        let mut pages = 0;
        loop {
            let (status, page) = get_json(&url).await;
            assert_eq!(status, 200);
            pages += 1;
            totals.insert(page["total"].as_u64().unwrap());
            for port in page["items"].as_array().unwrap() {
                assert!(
                    seen.insert(port["id"].as_u64().unwrap()),
                    "port {} seen twice",
                    port["id"]
                );
            }
            match page["next"].as_str() {
                Some(next) => url = format!("{}{next}", server.base),
                None => break,
            }
        }
        assert_eq!(pages, 6, "sort={sort}");
        assert_eq!(seen.len(), 3801, "sort={sort}");
        assert_eq!(
            totals.into_iter().collect::<Vec<_>>(),
            vec![3801],
            "sort={sort}"
        );
    }
}

async fn filters_narrow_the_list(engine: Engine) {
    let Some(server) = server(engine) else { return };
    let (_, taiwan) = get_json(&format!("{}/api/v1/ports?country=tw", server.base)).await;
    assert_eq!(taiwan["total"], 8);
    let names: HashSet<&str> = taiwan["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains("Kao-Hsiung") && names.contains("Chi-Lung"),
        "{names:?}"
    );

    let (_, large) = get_json(&format!("{}/api/v1/ports?size=large&limit=1", server.base)).await;
    assert_eq!(large["total"], 174);
    let (_, both) = get_json(&format!(
        "{}/api/v1/ports?size=large,medium&limit=1",
        server.base
    ))
    .await;
    assert_eq!(both["total"], 174 + 366);
    let (_, medical) = get_json(&format!(
        "{}/api/v1/ports?country=TW&facility=medical_facilities",
        server.base
    ))
    .await;
    for port in medical["items"].as_array().unwrap() {
        assert_eq!(port["medical_facilities"], true);
    }
}

async fn formats_agree(engine: Engine) {
    let Some(server) = server(engine) else { return };
    let base = format!("{}/api/v1/ports?country=TW&sort=name", server.base);

    let csv = client()
        .get(&base)
        .header("accept", "text/csv")
        .send()
        .await
        .unwrap();
    assert_eq!(csv.headers()["content-type"], "text/csv; charset=utf-8");
    assert_eq!(csv.headers()["x-total-count"], "8");
    let text = csv.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 8);
    let name_at = headers.iter().position(|h| h == "name").unwrap();
    assert_eq!(&rows[0][name_at], "Chi-Lung");

    let bom = client()
        .get(format!("{base}&format=csv&bom=true"))
        .send()
        .await
        .unwrap();
    assert!(bom.bytes().await.unwrap().starts_with(b"\xEF\xBB\xBF"));

    let xml = client()
        .get(format!("{base}&format=xml"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut ports = 0;
    loop {
        match reader.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Start(e) if e.name().as_ref() == b"port" => ports += 1,
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(ports, 8);

    let geo = client()
        .get(format!("{}/api/v1/ports/57920", server.base))
        .header("accept", "application/geo+json")
        .send()
        .await
        .unwrap();
    assert_eq!(geo.headers()["content-type"], "application/geo+json");
    let feature: Value = geo.json().await.unwrap();
    let coordinates = feature["geometry"]["coordinates"].as_array().unwrap();
    // GeoJSON is [longitude, latitude]: Kaohsiung lies near 120.3 E, 22.6 N.
    assert!(
        (coordinates[0].as_f64().unwrap() - 120.3).abs() < 0.2,
        "{coordinates:?}"
    );
    assert!(
        (coordinates[1].as_f64().unwrap() - 22.6).abs() < 0.2,
        "{coordinates:?}"
    );

    let refused = client()
        .get(&base)
        .header("accept", "image/png")
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 406);
}

async fn etags_answer_304(engine: Engine) {
    let Some(server) = server(engine) else { return };
    let url = format!("{}/api/v1/countries/TW", server.base);
    let first = client().get(&url).send().await.unwrap();
    let tag = first.headers()["etag"].clone();
    let again = client()
        .get(&url)
        .header("if-none-match", tag.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);
    assert_eq!(again.headers()["etag"], tag);
    let other = client()
        .get(format!("{url}?format=csv"))
        .send()
        .await
        .unwrap();
    assert_ne!(other.headers()["etag"], tag);
}

async fn taiwan_is_named_as_taiwan(engine: Engine) {
    let Some(server) = server(engine) else { return };
    let (_, taiwan) = get_json(&format!("{}/api/v1/countries/tw", server.base)).await;
    assert_eq!(taiwan["name_zh"], "台灣");
    assert_eq!(taiwan["name_en"], "Taiwan");
    for format in ["json", "csv", "xml", "geojson"] {
        let body = client()
            .get(format!(
                "{}/api/v1/countries?limit=5000&format={format}",
                server.base
            ))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(body.contains("Taiwan"), "{format}");
        assert!(!body.contains("Province of China"), "{format}");
        assert!(!body.contains("中国台湾省"), "{format}");
    }
    let (_, all) = get_json(&format!("{}/api/v1/countries?limit=5000", server.base)).await;
    assert_eq!(all["total"], 250);
}

async fn search_finds_across_scripts(engine: Engine) {
    let Some(server) = server(engine) else { return };
    let first = |q: &'static str| {
        let base = server.base.clone();
        async move {
            let url = format!("{base}/api/v1/search?q={}", urlencode(q));
            let (status, body) = get_json(&url).await;
            assert_eq!(status, 200, "{q}");
            body["items"][0].clone()
        }
    };
    assert_eq!(first("高雄").await["id"], "57920");
    assert_eq!(first("Kaohsiung").await["id"], "57920");
    assert_eq!(first("kao hsiung").await["id"], "57920");
    assert_eq!(first("日本").await["id"], "JP");
    // Accents are ignored: the country is "São Tomé and Príncipe"; the port of São Tomé is
    // named exactly "Sao Tome" in the index, so it ranks first for that query.
    assert_eq!(first("Sao Tome and Principe").await["id"], "ST");
    assert_eq!(first("sao tome").await["id"], "46380");
    assert_eq!(first("SÃO TOMÉ").await["id"], "46380");
    assert_eq!(first("臺中").await["id"], "57955");
    assert_eq!(first("台中").await["id"], "57955");
    assert_eq!(first("Taiwan").await["id"], "TW");

    // Links lead to the item; the total counts every match, not just those returned.
    let (_, japan) = get_json(&format!("{}/api/v1/search?q=Japan&limit=2", server.base)).await;
    assert_eq!(japan["items"][0]["url"], "/countries/JP");
    assert!(japan["total"].as_u64().unwrap() > 2, "{japan}");
}

async fn openapi_document_describes_what_is_served(engine: Engine) {
    let Some(server) = server(engine) else { return };
    let (status, document) = get_json(&format!("{}/api/openapi.json", server.base)).await;
    assert_eq!(status, 200);
    assert_eq!(document["openapi"], "3.1.0");
    let port_schema = &document["components"]["schemas"]["Port"]["properties"];
    assert_eq!(port_schema["medical_facilities"]["type"][0], "boolean");
    assert!(port_schema["morgue"].is_object());
    // Every documented path answers its own example.
    for (path, item) in document["paths"].as_object().unwrap() {
        let mut url = path.clone();
        let mut query = Vec::new();
        for parameter in item["get"]["parameters"].as_array().unwrap() {
            if let Some(example) = parameter.get("example") {
                let value = example
                    .as_str()
                    .map_or_else(|| example.to_string(), str::to_owned);
                let name = parameter["name"].as_str().unwrap();
                if parameter["in"] == "path" {
                    url = url.replace(&format!("{{{name}}}"), &value);
                } else {
                    query.push(format!("{name}={}", urlencode(&value)));
                }
            }
        }
        let full = format!("{}{url}?{}", server.base, query.join("&"));
        let response = client().get(&full).send().await.unwrap();
        assert_eq!(response.status(), 200, "{full}");
    }
    let docs = client()
        .get(format!("{}/api/docs", server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(docs.status(), 200);
    assert!(docs.text().await.unwrap().contains("/api/v1/ports/{id}"));
}

async fn health_answers(engine: Engine) {
    let Some(server) = server(engine) else { return };
    let (status, health) = get_json(&format!("{}/healthz", server.base)).await;
    assert_eq!(status, 200);
    assert_eq!(health["ports"], 3801);
    let expected = match engine {
        Engine::Sqlite => "sqlite",
        Engine::Postgres => "postgres",
    };
    assert_eq!(health["engine"], expected);
}

pub fn urlencode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

on_both_engines!(
    port_kaohsiung_is_typed,
    unknown_ids_are_404_problems,
    writes_are_refused_as_problems,
    index_numbers_with_a_tenth_are_their_own_ports,
    bad_parameters_are_400_naming_the_parameter,
    walking_every_page_sees_each_port_once,
    filters_narrow_the_list,
    formats_agree,
    etags_answer_304,
    taiwan_is_named_as_taiwan,
    search_finds_across_scripts,
    openapi_document_describes_what_is_served,
    health_answers,
);
