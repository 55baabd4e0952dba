//! Open Diplomacy: the community site and Open API beside the foreign ministry's own.
//!
//! Data flows one way: real files are read by importers into domain values (`countries`,
//! `ports`), kept by a [`store::Store`], indexed by [`search`], and served by [`web`] in every
//! representation [`formats`] knows. Text normalisation for matching lives in [`text`] alone.

pub mod advisories;
pub mod config;
pub mod countries;
pub mod csv_source;
pub mod formats;
pub mod i18n;
pub mod orgs;
pub mod ports;
pub mod search;
pub mod seed;
pub mod store;
pub mod text;
pub mod web;
