//! The `opendiplomacy` binary: `serve` runs the site, `import` reloads a dataset from a file,
//! `advisories` imports or refreshes travel advisories.
//!
//! Errors from the library are rendered here, once, as a message naming what went wrong.

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use opendiplomacy::advisories::{Source, refresh, taken_from_path};
use opendiplomacy::config::{DEFAULT_DATABASE_URL, DEFAULT_LISTEN};
use opendiplomacy::orgs::{NamedFile, OrgFiles};
use opendiplomacy::seed::{self, Dataset, Progress};
use opendiplomacy::store;
use opendiplomacy::web::{self, AppState, Derived};

#[derive(Parser)]
#[command(
    name = "opendiplomacy",
    version,
    about = "Open Diplomacy (開放外交): the site and its Open API"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the site and the API; on first start, load the bundled data.
    Serve {
        /// Address to listen on.
        #[arg(long, env = "OPENDIPLOMACY_LISTEN", default_value = DEFAULT_LISTEN)]
        listen: String,
        /// sqlite://PATH or postgres://USER@HOST/DB.
        #[arg(long, env = "OPENDIPLOMACY_DATABASE_URL", default_value = DEFAULT_DATABASE_URL)]
        database: String,
    },
    /// Reload a dataset from a file; a malformed file changes nothing.
    Import {
        /// Which dataset the file holds.
        dataset: Dataset,
        /// The file: the ISO 3166-1 table or the World Port Index CSV, as bundled in data/; for
        /// organizations, a directory holding the files of data/intl_orgs/.
        file: std::path::PathBuf,
        #[arg(long, env = "OPENDIPLOMACY_DATABASE_URL", default_value = DEFAULT_DATABASE_URL)]
        database: String,
    },
    /// Travel advisories: import one source's file, or read every source's official address.
    Advisories {
        #[command(subcommand)]
        command: AdvisoriesCommand,
    },
}

#[derive(Subcommand)]
enum AdvisoriesCommand {
    /// Import one source's file as a snapshot (works offline); a malformed file changes nothing.
    Import {
        /// tw (BOCA), us, ca, uk, au or ie.
        #[arg(value_parser = parse_source)]
        source: Source,
        /// The file, in the format of data/travel_advisories/.
        file: std::path::PathBuf,
        /// The day the file was taken (YYYY-MM-DD); read from the path when it names one.
        #[arg(long)]
        taken: Option<String>,
        #[arg(long, env = "OPENDIPLOMACY_DATABASE_URL", default_value = DEFAULT_DATABASE_URL)]
        database: String,
    },
    /// Fetch every source from its official address; says plainly which could not be read.
    Refresh {
        /// Seconds to wait for each address.
        #[arg(long, default_value_t = 20)]
        timeout: u64,
    },
}

fn parse_source(text: &str) -> Result<Source, String> {
    Source::parse(text).ok_or_else(|| format!("{text:?} is not a source: tw, us, ca, uk, au or ie"))
}

/// A terminal progress bar; hidden when output is not a terminal.
struct Bar(ProgressBar);

impl Progress for Bar {
    fn start(&self, dataset: &str, rows: u64) {
        self.0.reset();
        self.0.set_length(rows);
        self.0.set_message(format!("loading {dataset}"));
    }
    fn advance(&self, rows: u64) {
        self.0.inc(rows);
    }
    fn finish(&self) {
        self.0.finish_with_message("loaded");
    }
}

fn progress_bar() -> Bar {
    let bar = ProgressBar::new(0);
    if let Ok(style) = ProgressStyle::with_template("{msg:>16} [{bar:40}] {pos}/{len} {elapsed}") {
        bar.set_style(style.progress_chars("=> "));
    }
    Bar(bar)
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn,tower_http=info".into()),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    let result = match Cli::parse().command {
        Command::Serve { listen, database } => serve(&listen, &database).await,
        Command::Import {
            dataset,
            file,
            database,
        } => import(dataset, &file, &database).await,
        Command::Advisories { command } => advisories(command).await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("opendiplomacy: {error:#}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(listen: &str, database: &str) -> anyhow::Result<()> {
    let store = store::open(database).await?;
    let runs = seed::load_missing(store.as_ref(), &progress_bar()).await?;
    for run in &runs {
        tracing::info!(dataset = %run.dataset, rows = run.rows, inserted = run.inserted, notes = run.notes.len(), "bundled dataset loaded");
    }
    let derived = Derived::load(store.as_ref()).await?;
    let state = AppState::new(store.clone(), derived);
    state.spawn_refresh(std::time::Duration::from_secs(2));
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .map_err(|error| anyhow::anyhow!("cannot listen on {listen}: {error}"))?;
    let address = listener.local_addr()?;
    tracing::info!(%address, engine = store.engine(), "serving");
    println!("Open Diplomacy is serving at http://{address}/");
    axum::serve(listener, web::router(state))
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    Ok(())
}

async fn import(dataset: Dataset, file: &std::path::Path, database: &str) -> anyhow::Result<()> {
    let read = |path: &std::path::Path| {
        std::fs::read(path)
            .map_err(|error| anyhow::anyhow!("cannot read {}: {error}", path.display()))
    };
    let store = store::open(database).await?;
    if dataset != Dataset::Countries {
        // Ports are matched to countries; a fresh database gets the bundled countries first.
        if !store.has_dataset("countries").await? {
            let (name, bundled) = Dataset::Countries.bundled();
            seed::load(
                store.as_ref(),
                Dataset::Countries,
                name,
                bundled,
                &seed::Quiet,
            )
            .await?;
        }
    }
    let run = if dataset == Dataset::Organizations {
        let contents = OrgFiles::NAMES.map(|name| (file.join(name), read(&file.join(name))));
        let mut loaded = Vec::new();
        for (path, bytes) in contents {
            loaded.push((path.display().to_string(), bytes?));
        }
        let named = |index: usize| NamedFile {
            name: &loaded[index].0,
            bytes: &loaded[index].1,
        };
        let files = OrgFiles {
            organizations: named(0),
            spells: named(1),
            states: named(2),
            extra: named(3),
            statements: named(4),
        };
        seed::load_organizations(
            store.as_ref(),
            &files,
            &file.display().to_string(),
            &progress_bar(),
        )
        .await?
    } else {
        let bytes = read(file)?;
        seed::load(
            store.as_ref(),
            dataset,
            &file.display().to_string(),
            &bytes,
            &progress_bar(),
        )
        .await?
    };
    println!(
        "{}: {} rows read from {}; {} new, {} changed, {} unchanged",
        run.dataset, run.rows, run.source, run.inserted, run.updated, run.unchanged
    );
    for note in &run.notes {
        println!("  note: {note}");
    }
    Ok(())
}

async fn advisories(command: AdvisoriesCommand) -> anyhow::Result<()> {
    match command {
        AdvisoriesCommand::Import {
            source,
            file,
            taken,
            database,
        } => {
            let path = file.display().to_string();
            let taken = taken.or_else(|| taken_from_path(&path)).ok_or_else(|| {
                anyhow::anyhow!(
                    "{path} names no day; give the day it was taken as --taken YYYY-MM-DD"
                )
            })?;
            let bytes = std::fs::read(&file)
                .map_err(|error| anyhow::anyhow!("cannot read {path}: {error}"))?;
            let store = store::open(&database).await?;
            if !store.has_dataset("countries").await? {
                let (name, bundled) = Dataset::Countries.bundled();
                seed::load(
                    store.as_ref(),
                    Dataset::Countries,
                    name,
                    bundled,
                    &seed::Quiet,
                )
                .await?;
            }
            let run = seed::load_advisories(
                store.as_ref(),
                source,
                (&path, &bytes),
                &taken,
                &progress_bar(),
            )
            .await?;
            println!(
                "{}: {} rows read from {}, taken {taken}; {} countries",
                run.dataset, run.rows, run.source, run.inserted
            );
            for note in &run.notes {
                println!("  note: {note}");
            }
            Ok(())
        }
        AdvisoriesCommand::Refresh { timeout } => {
            let results = refresh::fetch_all(std::time::Duration::from_secs(timeout)).await;
            let mut failed = 0;
            for (source, fetched) in &results {
                match fetched {
                    refresh::Fetched::Failed { reason } => {
                        failed += 1;
                        println!(
                            "{source}: could not fetch {}: {reason}",
                            source.official_url()
                        );
                    }
                    refresh::Fetched::Answered { bytes } => {
                        failed += 1;
                        println!(
                            "{source}: {} answered ({bytes} bytes), but this official format has no importer yet; \
                             import a file with `opendiplomacy advisories import {source} FILE`",
                            source.official_url()
                        );
                    }
                }
            }
            if failed > 0 {
                anyhow::bail!(
                    "{failed} of {} sources were not refreshed; the database is unchanged",
                    results.len()
                );
            }
            Ok(())
        }
    }
}

/// Ctrl-C or SIGTERM (a service manager stopping the site): finish the requests under way, then
/// stop.
async fn shutdown_signal() {
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = terminate => {}
    }
    tracing::info!("shutting down");
}
