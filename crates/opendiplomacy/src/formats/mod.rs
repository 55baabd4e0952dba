//! Representations: every list becomes one [`Table`], which each writer turns into its format,
//! so that JSON, CSV, XML and GeoJSON never disagree.
