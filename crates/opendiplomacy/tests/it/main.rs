//! The integration tests: one binary, real engines, real HTTP, real data.

mod advisories;
mod api;
mod browser;
mod import;
mod orgs;
mod pages;
mod support;
