//! `opendiplomacy advisories refresh`: reads each source from its official address.
//!
//! Rule: the store changes only through an import of a file this binary can read. Fetching
//! reports, per source, whether the address answered; what it answered is not imported until
//! that official format has an importer (TODO(#6): the official feeds differ from the
//! snapshot files bundled in `data/travel_advisories/`). Offline, every source fails plainly.

use std::time::Duration;

use super::model::Source;

/// What fetching one source came to.
#[derive(Debug)]
pub enum Fetched {
    /// The address answered with this many bytes.
    Answered { bytes: usize },
    /// The address could not be read: no network, a refused connection, an HTTP error.
    Failed { reason: String },
}

/// Fetches every source's official address, one after another, each within `timeout`.
pub async fn fetch_all(timeout: Duration) -> Vec<(Source, Fetched)> {
    let client = match reqwest::Client::builder()
        .timeout(timeout)
        .user_agent(concat!("opendiplomacy/", env!("CARGO_PKG_VERSION")))
        .build()
    {
        Ok(client) => client,
        Err(error) => {
            let reason = format!("no HTTP client: {error}");
            return Source::ALL
                .into_iter()
                .map(|source| {
                    (
                        source,
                        Fetched::Failed {
                            reason: reason.clone(),
                        },
                    )
                })
                .collect();
        }
    };
    let mut results = Vec::new();
    for source in Source::ALL {
        results.push((source, fetch(&client, source).await));
    }
    results
}

async fn fetch(client: &reqwest::Client, source: Source) -> Fetched {
    let response = match client.get(source.official_url()).send().await {
        Ok(response) => response,
        Err(error) => {
            return Fetched::Failed {
                reason: plain_reason(&error),
            };
        }
    };
    if !response.status().is_success() {
        return Fetched::Failed {
            reason: format!("the address answered {}", response.status()),
        };
    }
    match response.bytes().await {
        Ok(body) => Fetched::Answered { bytes: body.len() },
        Err(error) => Fetched::Failed {
            reason: plain_reason(&error),
        },
    }
}

/// The reason a request failed, in words an operator can act on.
fn plain_reason(error: &reqwest::Error) -> String {
    if error.is_timeout() {
        "no answer in time (is there a network?)".to_owned()
    } else if error.is_connect() {
        "cannot connect (no network, or the address is blocked)".to_owned()
    } else {
        error.to_string()
    }
}
