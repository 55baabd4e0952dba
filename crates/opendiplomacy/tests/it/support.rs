//! Real servers for the tests: the site on SQLite always, and on PostgreSQL when
//! `OPENDIPLOMACY_TEST_POSTGRES_URL` names a server (CI always sets it).
//!
//! Each engine's server loads the bundled data once and serves over real HTTP on a free port,
//! in a thread of its own, so that every test (each with its own runtime) can share it.
//! Tests that write get a fresh database of their own from [`fresh_database`].

use std::sync::{Arc, OnceLock};

use opendiplomacy::seed::{self, Quiet};
use opendiplomacy::store::{self, Store};
use opendiplomacy::web::{self, AppState, Derived};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// A server's base URL, such as `http://127.0.0.1:41234`.
pub struct Server {
    pub base: String,
}

static SQLITE: OnceLock<Option<Server>> = OnceLock::new();
static POSTGRES: OnceLock<Option<Server>> = OnceLock::new();

/// The PostgreSQL server for tests, if one is configured. Under CI it must be.
pub fn postgres_url() -> Option<String> {
    let url = std::env::var("OPENDIPLOMACY_TEST_POSTGRES_URL")
        .ok()
        .filter(|u| !u.is_empty());
    if url.is_none() && std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!(
            "CI=true but OPENDIPLOMACY_TEST_POSTGRES_URL is not set: the PostgreSQL tests must run in CI"
        );
    }
    url
}

/// The shared server of an engine, started on first use; `None` when PostgreSQL is not
/// configured (the test then says so and passes only outside CI).
pub fn server(engine: Engine) -> Option<&'static Server> {
    let cell = match engine {
        Engine::Sqlite => &SQLITE,
        Engine::Postgres => &POSTGRES,
    };
    cell.get_or_init(|| {
        let target = match engine {
            Engine::Sqlite => {
                let dir = tempfile::tempdir().expect("temporary directory");
                let path = dir.keep().join("shared.sqlite3");
                Target::Url(format!("sqlite://{}", path.display()))
            }
            Engine::Postgres => Target::NewPostgres(postgres_url()?),
        };
        Some(start(target))
    })
    .as_ref()
    .or_else(|| {
        eprintln!("PostgreSQL not configured (OPENDIPLOMACY_TEST_POSTGRES_URL): test skipped");
        None
    })
}

enum Target {
    Url(String),
    /// A new database on the PostgreSQL server this admin URL reaches.
    NewPostgres(String),
}

fn start(target: Target) -> Server {
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Runtime::new().expect("runtime");
        runtime.block_on(async move {
            let url = match target {
                Target::Url(url) => url,
                Target::NewPostgres(admin) => create_postgres_database(&admin).await,
            };
            let store = store::open(&url).await.expect("open store");
            seed::load_missing(store.as_ref(), &Quiet)
                .await
                .expect("load bundled data");
            let derived = Derived::load(store.as_ref()).await.expect("derived values");
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("bind");
            let base = format!("http://{}", listener.local_addr().expect("address"));
            sender.send(base).expect("report address");
            axum::serve(listener, web::router(AppState::new(store, derived)))
                .await
                .expect("serve");
        });
    });
    let base = receiver.recv().expect("server started");
    Server { base }
}

/// A new empty database of the engine, migrated, for a test that writes.
pub async fn fresh_database(engine: Engine) -> Option<(String, Arc<dyn Store>)> {
    let url = match engine {
        Engine::Sqlite => {
            let dir = tempfile::tempdir().expect("temporary directory");
            format!("sqlite://{}", dir.keep().join("fresh.sqlite3").display())
        }
        Engine::Postgres => create_postgres_database(&postgres_url()?).await,
    };
    let store = store::open(&url).await.expect("open fresh store");
    Some((url, store))
}

/// Creates a uniquely named database on the server and returns its URL.
async fn create_postgres_database(admin_url: &str) -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let name = format!(
        "od_test_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst)
    );
    use sqlx::Connection;
    let mut admin = sqlx::PgConnection::connect(admin_url)
        .await
        .expect("connect to PostgreSQL");
    sqlx::query(&format!("DROP DATABASE IF EXISTS {name}"))
        .execute(&mut admin)
        .await
        .expect("drop old test database");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut admin)
        .await
        .expect("create test database");
    let (base, _) = admin_url
        .rsplit_once('/')
        .expect("URL with a database name");
    format!("{base}/{name}")
}

/// A plain HTTP client that neither follows redirects nor decompresses, to see what a server
/// really sends.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

/// GETs a URL: the status and the body as text.
pub async fn get(url: &str) -> (u16, String) {
    let response = client().get(url).send().await.expect("request");
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

/// GETs a URL that must answer 200 with JSON.
pub async fn json(url: &str) -> serde_json::Value {
    let (status, body) = get(url).await;
    assert_eq!(status, 200, "{url}: {body}");
    serde_json::from_str(&body).expect("JSON")
}

/// Declares a test once and runs it on each engine, as `<name>::sqlite` and `<name>::postgres`.
#[macro_export]
macro_rules! on_both_engines {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    super::$name($crate::support::Engine::Sqlite).await;
                }
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    super::$name($crate::support::Engine::Postgres).await;
                }
            }
        )*
    };
}
