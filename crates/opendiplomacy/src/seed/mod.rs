//! The bundled real data, embedded in the binary, and loading a dataset into a store.
//!
//! Loading parses the whole file first and writes only if it parsed: a malformed file changes
//! nothing. The same path serves the first start (bundled bytes) and `opendiplomacy import`
//! (a file the operator names).

mod advisories;

pub use advisories::{
    BOCA_AREAS, BUNDLED_ADVISORIES, DESTINATION_ALIASES, destination_names, load_advisories,
    load_bundled_advisories,
};

use crate::advisories::AdvisoryImportError;
use crate::countries::{Country, CountryImportError, CountryResolver, parse_countries};
use crate::orgs::{OrgFiles, OrgImportError, parse_organizations};
use crate::ports::{PortAliasError, PortAliases, PortImportError, parse_ports};
use crate::store::{ImportRun, Store, StoreError};

/// `data/countries/countries_iso3166_zh_hant.csv`, CLDR zh-Hant names.
pub const COUNTRIES_CSV: &[u8] =
    include_bytes!("../../../../data/countries/countries_iso3166_zh_hant.csv");
/// `data/ports/UpdatedPub150.csv`, the World Port Index (NGA Pub. 150).
pub const PORTS_CSV: &[u8] = include_bytes!("../../../../data/ports/UpdatedPub150.csv");

/// `data/intl_orgs/`: the COW IGO data as published, and the project's cited additions.
macro_rules! org_file {
    ($name:literal) => {
        crate::orgs::NamedFile {
            name: concat!("data/intl_orgs/", $name),
            bytes: include_bytes!(concat!("../../../../data/intl_orgs/", $name)),
        }
    };
}

/// The bundled organizations dataset.
pub fn bundled_org_files() -> crate::orgs::OrgFiles<'static> {
    crate::orgs::OrgFiles {
        organizations: org_file!("cow_igo_v3_organizations.csv"),
        spells: org_file!("cow_igo_v3_membership_spells.csv"),
        states: org_file!("cow_states_iso.csv"),
        extra: org_file!("organizations_extra.csv"),
        statements: org_file!("statements.csv"),
    }
}

/// A dataset this binary can load.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Dataset {
    Countries,
    Ports,
    /// A directory of five files, as `data/intl_orgs/` (see [`crate::orgs::OrgFiles::NAMES`]).
    Organizations,
}

impl Dataset {
    pub fn name(self) -> &'static str {
        match self {
            Dataset::Countries => "countries",
            Dataset::Ports => "ports",
            Dataset::Organizations => "organizations",
        }
    }

    /// The bundled file of a one-file dataset; the organizations' files are
    /// [`bundled_org_files`].
    pub fn bundled(self) -> (&'static str, &'static [u8]) {
        match self {
            Dataset::Organizations => ("data/intl_orgs/", &[]),
            Dataset::Countries => (
                "data/countries/countries_iso3166_zh_hant.csv",
                COUNTRIES_CSV,
            ),
            Dataset::Ports => ("data/ports/UpdatedPub150.csv", PORTS_CSV),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error(transparent)]
    Countries(CountryImportError),
    #[error(transparent)]
    Ports(PortImportError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Aliases(PortAliasError),
    #[error(transparent)]
    Organizations(OrgImportError),
    #[error(transparent)]
    Advisories(AdvisoryImportError),
    #[error("{0:?} is not a date; give the day the file was taken as --taken YYYY-MM-DD")]
    NoDate(String),
    #[error("load the countries first: ports and members are matched to countries")]
    NoCountries,
    #[error("the organizations dataset is a directory of files; load it with load_organizations")]
    NotOneFile,
}

/// Progress of a load, for a progress bar: the rows written so far out of the total.
pub trait Progress: Send + Sync {
    fn start(&self, dataset: &str, rows: u64);
    fn advance(&self, rows: u64);
    fn finish(&self);
}

/// No progress shown (tests, `serve` without a terminal).
pub struct Quiet;

impl Progress for Quiet {
    fn start(&self, _: &str, _: u64) {}
    fn advance(&self, _: u64) {}
    fn finish(&self) {}
}

/// Parses `bytes` as the dataset and writes it in one transaction.
pub async fn load(
    store: &dyn Store,
    dataset: Dataset,
    file: &str,
    bytes: &[u8],
    progress: &dyn Progress,
) -> Result<ImportRun, SeedError> {
    let run = ImportRun {
        dataset: dataset.name().to_owned(),
        source: file.to_owned(),
        rows: 0,
        inserted: 0,
        updated: 0,
        unchanged: 0,
        notes: Vec::new(),
    };
    match dataset {
        Dataset::Countries => {
            let countries = parse_countries(file, bytes).map_err(SeedError::Countries)?;
            progress.start(dataset.name(), countries.len() as u64);
            let run = ImportRun {
                rows: countries.len() as u64,
                ..run
            };
            let run = store.import_countries(&countries, run).await?;
            progress.advance(countries.len() as u64);
            progress.finish();
            Ok(run)
        }
        Dataset::Ports => {
            let countries: Vec<Country> = store.countries().await?;
            if countries.is_empty() {
                return Err(SeedError::NoCountries);
            }
            let resolver = CountryResolver::new(&countries);
            let aliases = PortAliases::bundled().map_err(SeedError::Aliases)?;
            let (ports, mut report) =
                parse_ports(file, bytes, &resolver, &aliases).map_err(SeedError::Ports)?;
            report.notes.extend(kept_note(store, &ports).await?);
            progress.start(dataset.name(), ports.len() as u64);
            let run = ImportRun {
                rows: report.rows,
                notes: report.notes,
                ..run
            };
            let run = store
                .import_ports(&ports, run, &|n| progress.advance(n))
                .await?;
            progress.finish();
            Ok(run)
        }
        Dataset::Organizations => Err(SeedError::NotOneFile),
    }
}

/// Parses the organizations dataset whole and writes it in one transaction. `source` names
/// where the files came from, for the import log.
pub async fn load_organizations(
    store: &dyn Store,
    files: &OrgFiles<'_>,
    source: &str,
    progress: &dyn Progress,
) -> Result<ImportRun, SeedError> {
    let countries: std::collections::HashSet<String> = store
        .countries()
        .await?
        .into_iter()
        .map(|country| country.code.as_str().to_owned())
        .collect();
    if countries.is_empty() {
        return Err(SeedError::NoCountries);
    }
    let data = parse_organizations(files, &countries).map_err(SeedError::Organizations)?;
    let rows = data.statements.len() as u64;
    progress.start(Dataset::Organizations.name(), rows);
    let run = ImportRun {
        dataset: Dataset::Organizations.name().to_owned(),
        source: source.to_owned(),
        rows,
        inserted: 0,
        updated: 0,
        unchanged: 0,
        notes: data.notes.clone(),
    };
    let run = store.import_organizations(&data, run).await?;
    progress.advance(rows);
    progress.finish();
    Ok(run)
}

/// Says how many stored ports the file does not mention: they are kept, since an edition of
/// the index that leaves a port out does not prove the port is gone.
async fn kept_note(
    store: &dyn Store,
    ports: &[crate::ports::Port],
) -> Result<Option<String>, SeedError> {
    let in_file: std::collections::HashSet<_> = ports.iter().map(|port| port.id).collect();
    let kept = store
        .all_ports()
        .await?
        .iter()
        .filter(|port| !in_file.contains(&port.id))
        .count();
    Ok((kept > 0)
        .then(|| format!("{kept} stored ports are not in this file and are kept as they were")))
}

/// Loads each bundled dataset the store has never had, in dependency order.
pub async fn load_missing(
    store: &dyn Store,
    progress: &dyn Progress,
) -> Result<Vec<ImportRun>, SeedError> {
    let mut runs = Vec::new();
    for dataset in [Dataset::Countries, Dataset::Ports, Dataset::Organizations] {
        if store.has_dataset(dataset.name()).await? {
            continue;
        }
        let run = match dataset {
            Dataset::Organizations => {
                load_organizations(store, &bundled_org_files(), "data/intl_orgs/", progress).await?
            }
            _ => {
                let (file, bytes) = dataset.bundled();
                load(store, dataset, file, bytes, progress).await?
            }
        };
        runs.push(run);
    }
    runs.extend(load_bundled_advisories(store, progress).await?);
    Ok(runs)
}
