//! The list of World Port Index columns read as port attributes, in display order.
//!
//! One entry a column: key, exact header, kind, group. Keys are published (store, API,
//! translations), so a key is added or its label improved, never renamed.

use super::fields::{
    CodeSet, FACILITY_SIZE, FieldKind, FieldSpec, Group, HARBOR_TYPE, HARBOR_USE, NAVAREA, REPAIRS,
    SHELTER, UNDERKEEL_CLEARANCE,
};

const fn flag(key: &'static str, column: &'static str, group: Group) -> FieldSpec {
    FieldSpec {
        key,
        column,
        kind: FieldKind::Flag,
        group,
    }
}

const fn metres(key: &'static str, column: &'static str, group: Group) -> FieldSpec {
    FieldSpec {
        key,
        column,
        kind: FieldKind::Metres,
        group,
    }
}

const fn code(
    key: &'static str,
    column: &'static str,
    set: &'static CodeSet,
    group: Group,
) -> FieldSpec {
    FieldSpec {
        key,
        column,
        kind: FieldKind::Code(set),
        group,
    }
}

const fn text(key: &'static str, column: &'static str, group: Group) -> FieldSpec {
    FieldSpec {
        key,
        column,
        kind: FieldKind::Text,
        group,
    }
}

const fn list(key: &'static str, column: &'static str, separator: char, group: Group) -> FieldSpec {
    FieldSpec {
        key,
        column,
        kind: FieldKind::List { separator },
        group,
    }
}

use Group::*;

/// Every attribute column, grouped as a port page shows them.
pub static FIELDS: &[FieldSpec] = &[
    // The water body cell joins several bodies with ';' ("South China Sea; North Pacific Ocean").
    list("world_water_body", "World Water Body", ';', Identity),
    code("navarea", "NAVAREA", &NAVAREA, Identity),
    text(
        "sailing_directions",
        "Sailing Direction or Publication",
        Charts,
    ),
    text("publication_link", "Publication Link", Charts),
    list(
        "standard_nautical_chart",
        "Standard Nautical Chart",
        ',',
        Charts,
    ),
    list(
        "digital_nautical_chart",
        "Digital Nautical Chart",
        ',',
        Charts,
    ),
    metres("tidal_range_m", "Tidal Range (m)", Depths),
    metres("channel_depth_m", "Channel Depth (m)", Depths),
    metres("anchorage_depth_m", "Anchorage Depth (m)", Depths),
    metres("cargo_pier_depth_m", "Cargo Pier Depth (m)", Depths),
    metres("oil_terminal_depth_m", "Oil Terminal Depth (m)", Depths),
    metres(
        "lng_terminal_depth_m",
        "Liquified Natural Gas Terminal Depth (m)",
        Depths,
    ),
    metres(
        "max_vessel_length_m",
        "Maximum Vessel Length (m)",
        VesselLimits,
    ),
    metres("max_vessel_beam_m", "Maximum Vessel Beam (m)", VesselLimits),
    metres(
        "max_vessel_draft_m",
        "Maximum Vessel Draft (m)",
        VesselLimits,
    ),
    metres(
        "offshore_max_vessel_length_m",
        "Offshore Maximum Vessel Length (m)",
        VesselLimits,
    ),
    metres(
        "offshore_max_vessel_beam_m",
        "Offshore Maximum Vessel Beam (m)",
        VesselLimits,
    ),
    metres(
        "offshore_max_vessel_draft_m",
        "Offshore Maximum Vessel Draft (m)",
        VesselLimits,
    ),
    code("harbor_type", "Harbor Type", &HARBOR_TYPE, Harbour),
    code("harbor_use", "Harbor Use", &HARBOR_USE, Harbour),
    code("shelter_afforded", "Shelter Afforded", &SHELTER, Harbour),
    flag("good_holding_ground", "Good Holding Ground", Harbour),
    flag("turning_area", "Turning Area", Harbour),
    flag("port_security", "Port Security", Harbour),
    code(
        "underkeel_clearance_management",
        "Underkeel Clearance Management System",
        &UNDERKEEL_CLEARANCE,
        Harbour,
    ),
    metres("entrance_width_m", "Entrance Width (m)", Entrance),
    flag(
        "entrance_restriction_tide",
        "Entrance Restriction - Tide",
        Entrance,
    ),
    flag(
        "entrance_restriction_swell",
        "Entrance Restriction - Heavy Swell",
        Entrance,
    ),
    flag(
        "entrance_restriction_ice",
        "Entrance Restriction - Ice",
        Entrance,
    ),
    flag(
        "entrance_restriction_other",
        "Entrance Restriction - Other",
        Entrance,
    ),
    flag("overhead_limits", "Overhead Limits", Entrance),
    flag(
        "traffic_separation_scheme",
        "Traffic Separation Scheme",
        Entrance,
    ),
    flag("vessel_traffic_service", "Vessel Traffic Service", Entrance),
    flag("eta_message", "Estimated Time of Arrival Message", Arrival),
    flag("first_port_of_entry", "First Port of Entry", Arrival),
    flag("us_representative", "US Representative", Arrival),
    flag("quarantine_pratique", "Quarantine - Pratique", Quarantine),
    flag(
        "quarantine_sanitation",
        "Quarantine - Sanitation",
        Quarantine,
    ),
    flag("quarantine_other", "Quarantine - Other", Quarantine),
    flag(
        "pilotage_compulsory",
        "Pilotage - Compulsory",
        PilotageAndTugs,
    ),
    flag(
        "pilotage_available",
        "Pilotage - Available",
        PilotageAndTugs,
    ),
    flag(
        "pilotage_local_assistance",
        "Pilotage - Local Assistance",
        PilotageAndTugs,
    ),
    flag(
        "pilotage_advisable",
        "Pilotage - Advisable",
        PilotageAndTugs,
    ),
    flag("tugs_salvage", "Tugs - Salvage", PilotageAndTugs),
    flag("tugs_assistance", "Tugs - Assistance", PilotageAndTugs),
    flag("telephone", "Communications - Telephone", Communications),
    flag("telefax", "Communications - Telefax", Communications),
    flag("radio", "Communications - Radio", Communications),
    flag(
        "radiotelephone",
        "Communications - Radiotelephone",
        Communications,
    ),
    flag(
        "airport_connection",
        "Communications - Airport",
        Communications,
    ),
    flag("rail_connection", "Communications - Rail", Communications),
    flag("wharves", "Facilities - Wharves", Facilities),
    flag("anchorage", "Facilities - Anchorage", Facilities),
    flag(
        "dangerous_cargo_anchorage",
        "Facilities - Dangerous Cargo Anchorage",
        Facilities,
    ),
    flag("med_mooring", "Facilities - Med Mooring", Facilities),
    flag("beach_mooring", "Facilities - Beach Mooring", Facilities),
    flag("ice_mooring", "Facilities - Ice Mooring", Facilities),
    flag("ro_ro", "Facilities - Ro-Ro", Facilities),
    flag("solid_bulk", "Facilities - Solid Bulk", Facilities),
    flag("liquid_bulk", "Facilities - Liquid Bulk", Facilities),
    flag("container", "Facilities - Container", Facilities),
    flag("breakbulk", "Facilities - Breakbulk", Facilities),
    flag("oil_terminal", "Facilities - Oil Terminal", Facilities),
    flag("lng_terminal", "Facilities - LNG Terminal", Facilities),
    flag("other_facilities", "Facilities - Other", Facilities),
    flag("cranes_fixed", "Cranes - Fixed", CranesAndLifts),
    flag("cranes_mobile", "Cranes - Mobile", CranesAndLifts),
    flag("cranes_floating", "Cranes - Floating", CranesAndLifts),
    flag("cranes_container", "Cranes Container", CranesAndLifts),
    flag("lifts_100_tons_plus", "Lifts - 100+ Tons", CranesAndLifts),
    flag("lifts_50_100_tons", "Lifts - 50-100 Tons", CranesAndLifts),
    flag("lifts_25_49_tons", "Lifts - 25-49 Tons", CranesAndLifts),
    flag("lifts_0_24_tons", "Lifts - 0-24 Tons", CranesAndLifts),
    flag("medical_facilities", "Medical Facilities", Services),
    flag("search_and_rescue", "Search and Rescue", Services),
    flag("garbage_disposal", "Garbage Disposal", Services),
    flag(
        "chemical_holding_tank_disposal",
        "Chemical Holding Tank Disposal",
        Services,
    ),
    flag("dirty_ballast_disposal", "Dirty Ballast Disposal", Services),
    flag("degaussing", "Degaussing", Services),
    flag("longshoremen", "Services - Longshoremen", Services),
    flag("electricity", "Services - Electricity", Services),
    flag("steam", "Services -Steam", Services),
    flag(
        "navigation_equipment",
        "Services - Navigation Equipment",
        Services,
    ),
    flag(
        "electrical_repair",
        "Services - Electrical Repair",
        Services,
    ),
    flag("ice_breaking", "Services - Ice Breaking", Services),
    flag("diving", "Services -Diving", Services),
    flag("provisions", "Supplies - Provisions", Supplies),
    flag("potable_water", "Supplies - Potable Water", Supplies),
    flag("fuel_oil", "Supplies - Fuel Oil", Supplies),
    flag("diesel_oil", "Supplies - Diesel Oil", Supplies),
    flag("aviation_fuel", "Supplies - Aviation Fuel", Supplies),
    flag("deck_supplies", "Supplies - Deck", Supplies),
    flag("engine_supplies", "Supplies - Engine", Supplies),
    code("repairs", "Repairs", &REPAIRS, Repairs),
    code("dry_dock", "Dry Dock", &FACILITY_SIZE, Repairs),
    code("marine_railway", "Railway", &FACILITY_SIZE, Repairs),
];

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::super::fields::{ARTEFACTS, CODE_SETS, identity};
    use super::*;
    use crate::i18n::Lang;
    use crate::ports::{BUNDLED_CSV, ConsularInfo, HarborSize};

    #[test]
    fn every_column_of_the_index_is_read_or_set_aside_once() {
        let mut reader = csv::Reader::from_reader(BUNDLED_CSV);
        let header = reader.headers().expect("header").clone();
        assert_eq!(header.len(), 109);
        for column in header.iter().map(|c| c.trim_start_matches('\u{feff}')) {
            let uses = identity::ALL.iter().filter(|c| **c == column).count()
                + ARTEFACTS.iter().filter(|c| **c == column).count()
                + FIELDS.iter().filter(|spec| spec.column == column).count();
            assert_eq!(uses, 1, "{column}");
        }
        assert_eq!(FIELDS.len(), 109 - identity::ALL.len() - ARTEFACTS.len());
    }

    #[test]
    fn keys_are_unique_snake_case() {
        let mut seen = HashSet::new();
        for spec in FIELDS {
            assert!(seen.insert(spec.key), "{} twice", spec.key);
            let snake = spec
                .key
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
            assert!(snake, "{}", spec.key);
        }
        assert_eq!(
            super::super::field("channel_depth_m").map(|s| s.column),
            Some("Channel Depth (m)")
        );
    }

    #[test]
    fn every_label_exists_in_both_languages() {
        let mut keys: Vec<String> = FIELDS.iter().map(FieldSpec::label_key).collect();
        keys.extend(Group::ALL.iter().map(|group| group.label_key()));
        for set in CODE_SETS {
            keys.extend(set.codes.iter().map(|(code, _)| set.label_key(code)));
        }
        keys.extend(
            HarborSize::ALL
                .iter()
                .map(|size| format!("ports.code.harbor_size.{}", size.code())),
        );
        keys.extend(
            ConsularInfo::KEYS
                .iter()
                .map(|key| format!("ports.consular.{key}")),
        );
        keys.push("ports.consular.unknown".to_owned());

        for lang in Lang::ALL {
            let missing: Vec<&String> = keys
                .iter()
                .filter(|key| lang.lookup(key).is_none())
                .collect();
            assert!(missing.is_empty(), "{}: {missing:?}", lang.tag());
        }
        assert_eq!(
            Lang::ZhTw.lookup("ports.field.channel_depth_m"),
            Some("航道水深")
        );
        assert_eq!(
            Lang::En.lookup("ports.code.harbor_size.very_small"),
            Some("Very small")
        );
    }

    #[test]
    fn every_group_has_fields() {
        for group in Group::ALL {
            assert!(group.fields().next().is_some(), "{}", group.key());
        }
    }
}
