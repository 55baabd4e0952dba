//! `/api/v1/organizations…`, `/api/v1/statements` and `/api/v1/countries/{code}/memberships`,
//! served from the in-memory catalogue in JSON, CSV and XML.
//!
//! Memberships are the spells readers see, made from ranked statements; statements are the
//! facts themselves, deprecated ones included, each with its source.

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;

use super::error::{ApiError, Detail};
use super::org_tables::{self, MembershipRow};
use super::params::{ItemRequest, Params, path_text};
use super::{page_in_memory, paged, respond};
use crate::countries::CountryCode;
use crate::formats::{Format, Listing};
use crate::orgs::{Catalogue, OrgKind, Organization, Property, Rank, Statement};
use crate::web::AppState;

/// Lists organizations, filtered by type and whether they still exist.
pub async fn list(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let params = Params::parse(
        query.as_deref(),
        &["type", "alive", "sort", "cursor", "limit"],
    )?;
    let format = params.format(&headers, &Format::TABULAR)?;
    // `non_governmental` and `non-governmental` both name the type, as on the pages.
    let kind = params
        .one("type")?
        .map(|text| {
            OrgKind::parse(text.trim()).ok_or_else(|| {
                let kinds: Vec<&str> = OrgKind::ALL.iter().map(|k| k.code()).collect();
                ApiError::bad(
                    "type",
                    Detail::new("one_of").arg("choices", kinds.join(", ")),
                )
            })
        })
        .transpose()?;

    let alive = params
        .one("alive")?
        .map(|_| params.flag("alive"))
        .transpose()?;
    let by_name = params.choice("sort", &["id", "name"])? == Some("name");
    let (limit, after) = (params.limit()?, params.cursor()?);

    let derived = state.derived();
    let catalogue = &derived.orgs;
    let mut matching: Vec<&Organization> = catalogue
        .organizations()
        .iter()
        .filter(|org| kind.is_none_or(|kind| org.kinds.contains(&kind)))
        .filter(|org| alive.is_none_or(|alive| org.ended.is_none() == alive))
        .collect();
    let key = |org: &&Organization| {
        if by_name {
            format!(
                "{}\u{0}{:010}",
                crate::text::normalise(catalogue.name_en(org)),
                org.id.0
            )
        } else {
            format!("{:010}", org.id.0)
        }
    };
    matching.sort_by_cached_key(key);
    let total = matching.len() as u64;
    let (page, next) = page_in_memory(matching, key, after.as_ref(), limit);
    let listing = paged(
        org_tables::organizations(catalogue, page),
        total,
        limit,
        ("/api/v1/organizations", query.as_deref()),
        next,
    );
    Ok(respond::listing(&listing, format, params.flag("bom")?))
}

/// One organization by its abbreviation (any case) or its number.
pub async fn one(
    State(state): State<AppState>,
    key: Result<Path<String>, PathRejection>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let request = ItemRequest::read_in(key, query.as_deref(), &headers, &Format::TABULAR)?;
    let derived = state.derived();
    let org = derived.orgs.find(&request.id).ok_or(ApiError::NotFound)?;
    Ok(respond::item(
        org_tables::organizations(&derived.orgs, [org]),
        request.format,
        request.bom,
    ))
}

const STATEMENT_PARAMS: &[&str] = &["property", "party", "rank", "cursor", "limit"];

/// Every statement about one organization, deprecated ones included.
pub async fn org_statements(
    State(state): State<AppState>,
    key: Result<Path<String>, PathRejection>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let key = path_text(key)?;
    let params = Params::parse(query.as_deref(), STATEMENT_PARAMS)?;
    let derived = state.derived();
    let org = derived.orgs.find(&key).ok_or(ApiError::NotFound)?;
    let path = format!("/api/v1/organizations/{}/statements", org.abbr);
    statement_listing(
        &derived.orgs,
        derived.orgs.statements_of(org.id),
        &params,
        &headers,
        (&path, query.as_deref()),
    )
}

/// Statements about every organization, filtered.
pub async fn statements(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let known = [STATEMENT_PARAMS, &["organization"]].concat();
    let params = Params::parse(query.as_deref(), &known)?;
    let derived = state.derived();
    let all = match params.one("organization")? {
        None => derived.orgs.statements(),
        Some(key) => {
            let org = derived
                .orgs
                .find(key)
                .ok_or_else(|| ApiError::bad("organization", Detail::new("organization")))?;
            derived.orgs.statements_of(org.id)
        }
    };
    statement_listing(
        &derived.orgs,
        all,
        &params,
        &headers,
        ("/api/v1/statements", query.as_deref()),
    )
}

fn statement_listing(
    catalogue: &Catalogue,
    statements: &[Statement],
    params: &Params,
    headers: &HeaderMap,
    (path, query): (&str, Option<&str>),
) -> Result<Response, ApiError> {
    let format = params.format(headers, &Format::TABULAR)?;
    let properties: Vec<&str> = Property::ALL.iter().map(|p| p.code()).collect();
    let property = params
        .choice("property", &properties)?
        .and_then(Property::parse);
    let rank = params
        .choice("rank", &["preferred", "normal", "deprecated"])?
        .and_then(Rank::parse);
    let party = params.one("party")?.map(party_key);
    let (limit, after) = (params.limit()?, params.cursor()?);

    let mut matching: Vec<&Statement> = statements
        .iter()
        .filter(|s| property.is_none_or(|p| s.property == p))
        .filter(|s| rank.is_none_or(|r| s.rank == r))
        .filter(|s| party.as_ref().is_none_or(|p| s.party.as_ref() == Some(p)))
        .collect();
    matching.sort_by(|a, b| a.id.cmp(&b.id));
    let total = matching.len() as u64;
    let (page, next) = page_in_memory(matching, |s| s.id.clone(), after.as_ref(), limit);
    let listing = paged(
        org_tables::statements(catalogue, page),
        total,
        limit,
        (path, query),
        next,
    );
    Ok(respond::listing(&listing, format, params.flag("bom")?))
}

/// The membership spells of one organization; with `year`, the members in that year (after the
/// data stops, those last recorded come with `recorded: false`).
pub async fn org_memberships(
    State(state): State<AppState>,
    key: Result<Path<String>, PathRejection>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let key = path_text(key)?;
    let params = Params::parse(query.as_deref(), &["year", "party", "cursor", "limit"])?;
    let format = params.format(&headers, &Format::TABULAR)?;
    let derived = state.derived();
    let catalogue = &derived.orgs;
    let org = catalogue.find(&key).ok_or(ApiError::NotFound)?;
    let now = u32::try_from(catalogue.now()).unwrap_or(u32::MAX);
    let year = params
        .one("year")?
        .map(|_| params.number("year", 0, 1815, now))
        .transpose()?;
    let party = params.one("party")?.map(party_key);
    let spells = catalogue.spells(org.id);
    let rows: Vec<MembershipRow> = match year {
        None => spells
            .iter()
            .map(|spell| MembershipRow {
                org,
                spell,
                recorded: true,
            })
            .collect(),
        Some(year) => {
            let year = i32::try_from(year).unwrap_or(i32::MAX);
            catalogue
                .members_in(org.id, year)
                .into_iter()
                .filter_map(|standing| {
                    let spell = spells.iter().rev().find(|s| {
                        s.party == standing.party
                            && (s.covers(year) || !standing.recorded && s.unrecorded_after)
                    })?;
                    Some(MembershipRow {
                        org,
                        spell,
                        recorded: standing.recorded,
                    })
                })
                .collect()
        }
    };
    let rows: Vec<MembershipRow> = rows
        .into_iter()
        .filter(|row| party.as_ref().is_none_or(|p| &row.spell.party == p))
        .collect();
    let path = format!("/api/v1/organizations/{}/memberships", org.abbr);
    let listing = membership_listing(catalogue, rows, &params, (&path, query.as_deref()))?;
    Ok(respond::listing(&listing, format, params.flag("bom")?))
}

/// Every organization a country is or was in, with its spells there.
pub async fn country_memberships(
    State(state): State<AppState>,
    code: Result<Path<String>, PathRejection>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let code = path_text(code)?;
    let params = Params::parse(query.as_deref(), &["status", "cursor", "limit"])?;
    let format = params.format(&headers, &Format::TABULAR)?;
    let status = params
        .choice("status", &["all", "current", "unrecorded", "former"])?
        .unwrap_or("all");
    let derived = state.derived();
    let code = CountryCode::parse(&code).ok_or(ApiError::NotFound)?;
    derived.country(&code).ok_or(ApiError::NotFound)?;
    let catalogue = &derived.orgs;
    let party = code.as_str();
    let mut rows = Vec::new();
    for org in catalogue.organizations_of(party) {
        let now = catalogue.standing_now(org.id, party);
        let state = match now {
            Some(standing) if standing.recorded => "current",
            Some(_) => "unrecorded",
            None => "former",
        };
        if status != "all" && status != state {
            continue;
        }
        for spell in catalogue.spells_of(org.id, party) {
            rows.push(MembershipRow {
                org,
                spell,
                recorded: true,
            });
        }
    }
    let path = format!("/api/v1/countries/{party}/memberships");
    let listing = membership_listing(catalogue, rows, &params, (&path, query.as_deref()))?;
    Ok(respond::listing(&listing, format, params.flag("bom")?))
}

fn membership_listing<'a>(
    catalogue: &'a Catalogue,
    rows: Vec<MembershipRow<'a>>,
    params: &Params,
    (path, query): (&str, Option<&str>),
) -> Result<Listing<'a>, ApiError> {
    let (limit, after) = (params.limit()?, params.cursor()?);
    let total = rows.len() as u64;
    let key = |row: &MembershipRow| {
        format!(
            "{:010}/{}/{:05}",
            row.org.id.0, row.spell.party, row.spell.start.year
        )
    };
    let (page, next) = page_in_memory(rows, key, after.as_ref(), limit);
    Ok(paged(
        org_tables::memberships(catalogue, page),
        total,
        limit,
        (path, query),
        next,
    ))
}

/// A party as a client writes it: an ISO code in any case, or a key such as `cow-265`.
fn party_key(text: &str) -> String {
    CountryCode::parse(text).map_or_else(|| text.trim().to_owned(), |code| code.as_str().to_owned())
}
