//! The OpenAPI 3.1 document and a readable page made from it.
//!
//! The document is written by hand (`openapi.json`) except the port fields, which are filled in
//! from the field catalogue at start, so the schema can never drift from what is served.

use std::sync::LazyLock;

use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Response};
use serde_json::{Value, json};

use crate::ports::{ConsularInfo, FIELDS, FieldKind};

static DOCUMENT: LazyLock<Value> = LazyLock::new(|| {
    let mut document: Value =
        serde_json::from_str(include_str!("openapi.json")).unwrap_or_default();
    let properties = &mut document["components"]["schemas"]["Port"]["properties"];
    for spec in FIELDS {
        let schema = match spec.kind {
            FieldKind::Flag => json!({"type": ["boolean", "null"]}),
            FieldKind::Metres => json!({"type": ["number", "null"], "description": "metres"}),
            FieldKind::List { .. } => json!({"type": "array", "items": {"type": "string"}}),
            _ => json!({"type": ["string", "null"]}),
        };
        properties[spec.key] = schema;
    }
    let facilities: Vec<&str> = FIELDS
        .iter()
        .filter(|spec| matches!(spec.kind, FieldKind::Flag))
        .map(|spec| spec.key)
        .collect();
    for parameter in document["paths"]["/api/v1/ports"]["get"]["parameters"]
        .as_array_mut()
        .into_iter()
        .flatten()
    {
        if parameter["name"] == "facility" {
            parameter["schema"]["items"]["enum"] = json!(facilities);
        }
    }
    let properties = &mut document["components"]["schemas"]["Port"]["properties"];
    for key in ConsularInfo::KEYS {
        properties[key] =
            json!({"type": ["string", "null"], "description": "null: unknown, help fill this in"});
    }
    document
});

pub async fn openapi() -> Response {
    let mut response = serde_json::to_vec(&*DOCUMENT)
        .unwrap_or_default()
        .into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Resolves a `$ref` inside the document.
fn resolve(value: &Value) -> &Value {
    match value.get("$ref").and_then(Value::as_str) {
        Some(path) => path
            .trim_start_matches("#/")
            .split('/')
            .fold(&*DOCUMENT, |node, part| &node[part]),
        None => value,
    }
}

fn operation_html(path: &str, operation: &Value) -> String {
    let mut html = format!(
        "<section class=\"op\"><h2><code>GET {}</code></h2><p><strong>{}</strong></p>",
        escape(path),
        escape(operation["summary"].as_str().unwrap_or(""))
    );
    if let Some(description) = operation["description"].as_str() {
        html.push_str(&format!("<p>{}</p>", escape(description)));
    }
    html.push_str(
        "<table><thead><tr><th>parameter</th><th>in</th><th>meaning</th></tr></thead><tbody>",
    );
    for parameter in operation["parameters"].as_array().into_iter().flatten() {
        let parameter = resolve(parameter);
        html.push_str(&format!(
            "<tr><td><code>{}</code>{}</td><td>{}</td><td>{}</td></tr>",
            escape(parameter["name"].as_str().unwrap_or("")),
            if parameter["required"] == json!(true) {
                " *"
            } else {
                ""
            },
            escape(parameter["in"].as_str().unwrap_or("")),
            escape(parameter["description"].as_str().unwrap_or("")),
        ));
    }
    html.push_str("</tbody></table>");
    let example = example_url(path, operation);
    html.push_str(&format!(
        "<p>Example: <a href=\"{0}\"><code>{0}</code></a></p></section>",
        escape(&example)
    ));
    html
}

fn example_url(path: &str, operation: &Value) -> String {
    let mut url = path.to_owned();
    let mut query = Vec::new();
    for parameter in operation["parameters"].as_array().into_iter().flatten() {
        let parameter = resolve(parameter);
        let (Some(name), Some(example)) = (parameter["name"].as_str(), parameter.get("example"))
        else {
            continue;
        };
        let example = example
            .as_str()
            .map_or_else(|| example.to_string(), str::to_owned);
        if parameter["in"] == "path" {
            url = url.replace(&format!("{{{name}}}"), &example);
        } else {
            query.push(format!("{name}={example}"));
        }
    }
    if !query.is_empty() {
        url = format!("{url}?{}", query.join("&"));
    }
    url
}

/// The documentation page: the description, then every operation with its parameters.
pub async fn page() -> Html<String> {
    let info = &DOCUMENT["info"];
    let mut body = String::new();
    for paragraph in info["description"].as_str().unwrap_or("").split("\n\n") {
        body.push_str(&format!("<p>{}</p>", escape(paragraph)));
    }
    for (path, item) in DOCUMENT["paths"].as_object().into_iter().flatten() {
        body.push_str(&operation_html(path, &item["get"]));
    }
    body.push_str("<section id=\"errors\"><h2>Errors</h2><ul>");
    for code in [
        "not_found",
        "bad_parameter",
        "not_acceptable",
        "method_not_allowed",
        "internal",
    ] {
        body.push_str(&format!("<li id=\"error-{code}\"><code>{code}</code></li>"));
    }
    body.push_str("</ul></section>");
    Html(format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><style>body{{font-family:system-ui,sans-serif;max-width:60rem;margin:auto;padding:1rem;line-height:1.5}}\
         table{{border-collapse:collapse;width:100%}}td,th{{border-bottom:1px solid #ddd;padding:.3rem;text-align:left;vertical-align:top}}\
         code{{background:#f4f4f4;padding:0 .2rem}}.op{{border-top:2px solid #1d4e89;margin-top:2rem}}</style></head>\
         <body><header><a href=\"/\">開放外交 Open Diplomacy</a></header><main><h1>{title} <small>{version}</small></h1>\
         <p><a href=\"/api/openapi.json\">OpenAPI 3.1 document</a></p>{body}</main></body></html>",
        title = escape(info["title"].as_str().unwrap_or("")),
        version = escape(info["version"].as_str().unwrap_or("")),
    ))
}
