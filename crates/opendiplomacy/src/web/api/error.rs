//! Errors of the Open API as `application/problem+json` (RFC 9457), rendered here and only here.
//!
//! Each error has a stable `code` that clients can rely on and a message in zh-TW or English.
//! A client's mistake is a 4xx naming what was wrong; only our own faults are 500s, and their
//! details go to the log, never to the client.

use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::i18n::Lang;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("not found")]
    NotFound,
    #[error("bad parameter {param}: {detail}")]
    BadParameter { param: &'static str, detail: Detail },
    #[error("no acceptable format")]
    NotAcceptable,
    #[error("method not allowed")]
    MethodNotAllowed,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What was wrong with a parameter: a message key of `i18n/*/api.toml` (`[detail]`) and the
/// values it names, put into words in the request's language when the problem is rendered.
#[derive(Debug, Clone)]
pub struct Detail {
    key: &'static str,
    args: Vec<(&'static str, String)>,
}

impl Detail {
    pub fn new(key: &'static str) -> Self {
        Self {
            key,
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.push((name, value.to_string()));
        self
    }

    fn render(&self, lang: Lang) -> String {
        let mut text = lang.text(&format!("api.detail.{}", self.key)).to_owned();
        for (name, value) in &self.args {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }
}

impl From<&'static str> for Detail {
    fn from(key: &'static str) -> Self {
        Detail::new(key)
    }
}

impl std::fmt::Display for Detail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl ApiError {
    pub fn bad(param: &'static str, detail: impl Into<Detail>) -> Self {
        ApiError::BadParameter {
            param,
            detail: detail.into(),
        }
    }

    fn code(&self) -> &'static str {
        match self {
            ApiError::NotFound => "not_found",
            ApiError::BadParameter { .. } => "bad_parameter",
            ApiError::NotAcceptable => "not_acceptable",
            ApiError::MethodNotAllowed => "method_not_allowed",
            ApiError::Store(_) => "internal",
        }
    }

    fn status(&self) -> StatusCode {
        match self {
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::BadParameter { .. } => StatusCode::BAD_REQUEST,
            ApiError::NotAcceptable => StatusCode::NOT_ACCEPTABLE,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Store(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// Renders a problem recorded by [`IntoResponse`] in the request's language.
    pub fn render(problem: &Problem, lang: Lang) -> Response {
        let mut message = lang.text(&format!("api.error.{}", problem.code)).to_owned();
        let mut body = json!({
            "type": format!("/api/docs#error-{}", problem.code),
            "title": lang.text(&format!("api.title.{}", problem.code)),
            "status": problem.status.as_u16(),
            "code": problem.code,
        });
        if let Some((param, detail)) = &problem.parameter {
            message = message
                .replace("{param}", param)
                .replace("{detail}", &detail.render(lang));
            body["parameter"] = json!(param);
        }
        body["detail"] = json!(message);
        let mut response = (problem.status, body.to_string()).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        headers.insert(
            header::CONTENT_LANGUAGE,
            HeaderValue::from_static(lang.tag()),
        );
        response
    }
}

/// What a handler's error leaves on its response for [`render_problems`] to put into words.
#[derive(Debug, Clone)]
pub struct Problem {
    status: StatusCode,
    code: &'static str,
    parameter: Option<(&'static str, Detail)>,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let ApiError::Store(error) = &self {
            tracing::error!(error = %error, "request failed in the store");
        }
        let problem = Problem {
            status: self.status(),
            code: self.code(),
            parameter: match self {
                ApiError::BadParameter { param, detail } => Some((param, detail)),
                _ => None,
            },
        };
        let mut response = problem.status.into_response();
        response.extensions_mut().insert(problem);
        response
    }
}

/// Middleware: turns a recorded [`Problem`] into its document, in the language the request
/// asked for with `?lang=` or `Accept-Language` (zh-TW when it asked for neither).
pub async fn render_problems(request: Request, next: Next) -> Response {
    let lang = request_lang(&request);
    let mut response = next.run(request).await;
    match response.extensions_mut().remove::<Problem>() {
        Some(problem) => ApiError::render(&problem, lang),
        None => response,
    }
}

/// The language an API request asked for.
pub fn request_lang(request: &Request) -> Lang {
    let from_query = request.uri().query().and_then(|query| {
        form_urlencoded::parse(query.as_bytes())
            .find(|(key, _)| key == "lang")
            .and_then(|(_, value)| Lang::parse(&value))
    });
    from_query
        .or_else(|| {
            request
                .headers()
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|value| value.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or_default()
}
