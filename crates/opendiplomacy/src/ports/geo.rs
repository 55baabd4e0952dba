//! Great-circle distances between ports, for "the nearest ports to this one".
//!
//! The Earth is taken as a sphere of the mean radius; the error against the ellipsoid stays
//! under 0.5 %, far below what matters when an officer asks which harbour is closest.

use super::{Port, Position};

/// The IUGG mean Earth radius, in kilometres.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// The haversine distance between two positions, in kilometres.
pub fn distance_km(a: Position, b: Position) -> f64 {
    let (lat_a, lat_b) = (a.latitude.to_radians(), b.latitude.to_radians());
    let half_dlat = (lat_b - lat_a) / 2.0;
    let half_dlon = (b.longitude - a.longitude).to_radians() / 2.0;
    let h = half_dlat.sin().powi(2) + lat_a.cos() * lat_b.cos() * half_dlon.sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// The `count` ports nearest to `from`, nearest first, with their distance in kilometres.
/// The port itself and ports without a position are left out; so is everything when `from`
/// has no position. Equal distances are ordered by port id, so the answer is stable.
pub fn nearest<'a>(from: &Port, ports: &'a [Port], count: usize) -> Vec<(&'a Port, f64)> {
    let Some(origin) = from.position else {
        return Vec::new();
    };
    let mut found: Vec<(&Port, f64)> = ports
        .iter()
        .filter(|port| port.id != from.id)
        .filter_map(|port| Some((port, distance_km(origin, port.position?))))
        .collect();
    found.sort_by(|(a, da), (b, db)| da.total_cmp(db).then(a.id.cmp(&b.id)));
    found.truncate(count);
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::countries::CountryResolver;
    use crate::ports::{PortAliases, PortId, parse_ports};

    const SAMPLE: &[u8] = include_bytes!("../../../../data/ports/wpi_fixture_sample.csv");

    fn sample() -> Vec<Port> {
        let countries = CountryResolver::default();
        let aliases = PortAliases::default();
        let (ports, _) = parse_ports("sample.csv", SAMPLE, &countries, &aliases).expect("sample");
        ports
    }

    fn port(ports: &[Port], id: u32) -> &Port {
        ports
            .iter()
            .find(|port| port.id == PortId(id))
            .expect("port in the sample")
    }

    #[test]
    fn kao_hsiung_to_chi_lung() {
        let ports = sample();
        let kaohsiung = port(&ports, 57920).position.expect("position");
        let keelung = port(&ports, 57890).position.expect("position");
        assert_eq!(
            keelung,
            Position {
                latitude: 25.133333,
                longitude: 121.766667
            }
        );
        // Worked out apart from this code with the spherical law of cosines on the same
        // radius: 319.510 km.
        let distance = distance_km(kaohsiung, keelung);
        assert!((distance - 319.510).abs() < 0.01, "{distance}");
        assert_eq!(distance_km(keelung, kaohsiung), distance);
        assert_eq!(distance_km(keelung, keelung), 0.0);
    }

    #[test]
    fn nearest_ports_leave_out_the_port_itself_and_unplaced_ports() {
        let mut ports = sample();
        let kaohsiung = port(&ports, 57920).clone();
        let mut unplaced = kaohsiung.clone();
        unplaced.id = PortId(1);
        unplaced.position = None;
        ports.push(unplaced);

        let found: Vec<(u32, i64)> = nearest(&kaohsiung, &ports, 3)
            .into_iter()
            .map(|(port, km)| (port.id.0, km.round() as i64))
            .collect();
        assert_eq!(found, [(57953, 130), (57950, 130), (57955, 189)]);
        assert!(nearest(&ports[ports.len() - 1], &ports, 3).is_empty());
    }
}
