//! Great-circle distances between ports.

use super::{Port, Position};

pub fn distance_km(_a: Position, _b: Position) -> f64 {
    0.0
}

pub fn nearest<'a>(_from: &Port, _ports: &'a [Port], _count: usize) -> Vec<(&'a Port, f64)> {
    Vec::new()
}
