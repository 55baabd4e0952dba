//! The organizations as readers ask about them: effective membership spells made from ranked
//! statements, members in a given year, and every organization a party is or was in.
//!
//! How statements combine into spells, for one organization and one party: every statement
//! that counts (not deprecated) covers its years, an open end running to the present. Where
//! statements overlap, the higher rank wins, then the stronger status. Consecutive years of
//! the same status make one spell, its ends as precise as the statements that give them. So a
//! cited UN membership of the ROC from 1945-10-24 to 1971-10-25 joins COW's two spells
//! (710 to 1948, 713 from 1949) into one, and a spell the data stops recording in 2014 ends
//! "not recorded after 2014" unless a cited statement carries it on.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::model::{MemberStatus, OrgId, Organization, Party, Property, Rank, Statement, When};
use crate::countries::Country;

/// A continuous stretch of one status.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Spell {
    pub party: String,
    pub status: MemberStatus,
    pub start: When,
    /// `None`: holds to the present, as a cited statement says.
    pub end: Option<When>,
    /// The source stopped recording at `end`; the membership may go on.
    pub unrecorded_after: bool,
    /// The highest rank among the statements the spell is made of.
    pub rank: Rank,
    pub statements: Vec<String>,
}

impl Spell {
    pub fn covers(&self, year: i32) -> bool {
        self.start.year <= year && self.end.is_none_or(|end| year <= end.year)
    }
}

/// A party's standing in an organization in one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Standing {
    pub party: String,
    pub status: MemberStatus,
    /// False when the data stopped recording before the year and nothing cited carries it on.
    pub recorded: bool,
    /// When not recorded: the last year the data recorded the membership.
    pub last_recorded: Option<i32>,
}

/// A party's display names, and its ISO numeric code for maps.
#[derive(Debug, Clone, PartialEq)]
pub struct PartyName {
    pub name_zh: String,
    pub name_en: String,
    pub numeric: Option<String>,
    pub iso: Option<String>,
}

/// Everything the pages and the API ask of the organizations, built once from the store.
#[derive(Debug, Default)]
pub struct Catalogue {
    organizations: Vec<Organization>,
    statements: Vec<Statement>,
    by_org: HashMap<OrgId, (usize, usize)>,
    spells: HashMap<OrgId, Vec<Spell>>,
    by_party: HashMap<String, Vec<OrgId>>,
    parties: HashMap<String, PartyName>,
    now: i32,
}

impl Catalogue {
    /// `now` is the present year: open spells run to it.
    pub fn build(
        mut organizations: Vec<Organization>,
        mut statements: Vec<Statement>,
        parties: &[Party],
        countries: &[Country],
        now: i32,
    ) -> Self {
        organizations.sort_by_key(|org| org.id);
        statements.sort_by(|a, b| {
            (a.org, a.property, &a.party, a.start, &a.id)
                .cmp(&(b.org, b.property, &b.party, b.start, &b.id))
        });
        let mut by_org = HashMap::new();
        let mut start = 0;
        for (index, statement) in statements.iter().enumerate() {
            if statements
                .get(index + 1)
                .is_none_or(|next| next.org != statement.org)
            {
                by_org.insert(statement.org, (start, index + 1));
                start = index + 1;
            }
        }
        let mut catalogue = Self {
            organizations,
            statements,
            by_org,
            now,
            ..Self::default()
        };
        catalogue.parties = countries
            .iter()
            .map(|c| {
                (
                    c.code.as_str().to_owned(),
                    PartyName {
                        name_zh: c.name_zh.clone(),
                        name_en: c.name_en.clone(),
                        numeric: Some(c.numeric.clone()),
                        iso: Some(c.code.as_str().to_owned()),
                    },
                )
            })
            .chain(parties.iter().map(|p| {
                (
                    p.key.clone(),
                    PartyName {
                        name_zh: p.name_zh.clone(),
                        name_en: p.name_en.clone(),
                        numeric: None,
                        iso: None,
                    },
                )
            }))
            .collect();
        for org in &catalogue.organizations {
            let spells = catalogue.compute_spells(org);
            let named: Vec<String> = catalogue
                .statements_of(org.id)
                .iter()
                .filter(|s| s.property == Property::NameUsed)
                .filter_map(|s| s.party.clone())
                .collect();
            for party in spells.iter().map(|s| s.party.clone()).chain(named) {
                let orgs = catalogue.by_party.entry(party).or_default();
                if orgs.last() != Some(&org.id) {
                    orgs.push(org.id);
                }
            }
            catalogue.spells.insert(org.id, spells);
        }
        catalogue
    }

    pub fn now(&self) -> i32 {
        self.now
    }

    /// Every organization, ordered by id.
    pub fn organizations(&self) -> &[Organization] {
        &self.organizations
    }

    pub fn organization(&self, id: OrgId) -> Option<&Organization> {
        self.organizations
            .binary_search_by_key(&id, |org| org.id)
            .ok()
            .map(|index| &self.organizations[index])
    }

    /// An organization by its abbreviation in any case, or by its number.
    pub fn find(&self, key: &str) -> Option<&Organization> {
        if let Ok(number) = key.parse::<u32>() {
            return self.organization(OrgId(number));
        }
        self.organizations
            .iter()
            .find(|org| org.abbr.eq_ignore_ascii_case(key))
    }

    /// Every statement about an organization, ordered by property, party and start.
    pub fn statements_of(&self, id: OrgId) -> &[Statement] {
        self.by_org
            .get(&id)
            .map_or(&[], |(from, to)| &self.statements[*from..*to])
    }

    pub fn statements(&self) -> &[Statement] {
        &self.statements
    }

    /// The value readers see for a property of the organization itself: the best-ranked
    /// statement, and among equals the one that started last.
    pub fn best(&self, id: OrgId, property: Property) -> Option<&Statement> {
        self.statements_of(id)
            .iter()
            .filter(|s| s.property == property && s.party.is_none() && s.counts())
            .max_by(|a, b| (a.rank, a.start).cmp(&(b.rank, b.start)))
    }

    pub fn name_zh(&self, id: OrgId) -> Option<&str> {
        self.best(id, Property::NameZh)
            .and_then(|s| s.value_zh.as_deref())
    }

    /// The English name, without the abbreviation COW's long names often end with ("World
    /// Trade Organization (WTO)"): pages and lists show the abbreviation beside it.
    pub fn name_en<'a>(&'a self, org: &'a Organization) -> &'a str {
        let name = self
            .best(org.id, Property::NameEn)
            .and_then(|s| s.value_en.as_deref())
            .unwrap_or(&org.name_en);
        name.strip_suffix(&format!(" ({})", org.abbr))
            .map_or(name, str::trim_end)
    }

    /// Effective spells of every party in the organization, ordered by party and start.
    pub fn spells(&self, id: OrgId) -> &[Spell] {
        self.spells.get(&id).map_or(&[], Vec::as_slice)
    }

    pub fn spells_of(&self, id: OrgId, party: &str) -> Vec<&Spell> {
        self.spells(id)
            .iter()
            .filter(|s| s.party == party)
            .collect()
    }

    /// The names a party was listed under in the organization, best rank first.
    pub fn names_used(&self, id: OrgId, party: &str) -> Vec<&Statement> {
        let mut names: Vec<&Statement> = self
            .statements_of(id)
            .iter()
            .filter(|s| s.property == Property::NameUsed && s.party.as_deref() == Some(party))
            .collect();
        names.sort_by_key(|s| std::cmp::Reverse((s.counts(), s.rank, s.start)));
        names
    }

    /// The name a party was listed under during a spell: of the names that count, the one
    /// whose years overlap the spell most, then the better ranked.
    pub fn name_used_during(&self, id: OrgId, spell: &Spell) -> Option<&Statement> {
        let (from, to) = (spell.start.year, spell.end.map_or(self.now, |w| w.year));
        self.names_used(id, &spell.party)
            .into_iter()
            .filter(|s| s.counts())
            .filter_map(|s| {
                let start = s.start.map_or(from, |w| w.year).max(from);
                let end = s.end.map_or(self.now, |w| w.year).min(to);
                (start <= end).then_some((end - start, s.rank, s))
            })
            .max_by_key(|(overlap, rank, _)| (*overlap, *rank))
            .map(|(_, _, s)| s)
    }

    /// Who was a member in `year`, and with which status. After the data stops, a member it
    /// last recorded is listed with `recorded: false`.
    pub fn members_in(&self, id: OrgId, year: i32) -> Vec<Standing> {
        // Spells are ordered by party, and one party's spells never overlap.
        self.spells(id)
            .chunk_by(|a, b| a.party == b.party)
            .filter_map(|spells| {
                if let Some(spell) = spells.iter().find(|spell| spell.covers(year)) {
                    return Some((spell, true));
                }
                let last = spells.last()?;
                let unrecorded =
                    last.unrecorded_after && last.end.is_some_and(|end| end.year < year);
                unrecorded.then_some((last, false))
            })
            .map(|(spell, recorded)| Standing {
                party: spell.party.clone(),
                status: spell.status,
                recorded,
                last_recorded: (!recorded).then(|| spell.end.map(|end| end.year)).flatten(),
            })
            .collect()
    }

    /// The organizations a party has a spell or a name used in, ordered by id.
    pub fn organizations_of(&self, party: &str) -> Vec<&Organization> {
        self.by_party
            .get(party)
            .map(|ids| ids.iter().filter_map(|id| self.organization(*id)).collect())
            .unwrap_or_default()
    }

    /// A party's standing in the organization now, if any.
    pub fn standing_now(&self, id: OrgId, party: &str) -> Option<Standing> {
        self.members_in(id, self.now)
            .into_iter()
            .find(|s| s.party == party)
    }

    pub fn party(&self, key: &str) -> Option<&PartyName> {
        self.parties.get(key)
    }

    fn compute_spells(&self, org: &Organization) -> Vec<Spell> {
        let mut by_party: BTreeMap<&str, Vec<&Statement>> = BTreeMap::new();
        for statement in self.statements_of(org.id) {
            if statement.property == Property::Membership
                && statement.counts()
                && let (Some(party), Some(_)) = (&statement.party, statement.status)
            {
                by_party.entry(party).or_default().push(statement);
            }
        }
        by_party
            .into_iter()
            .flat_map(|(party, statements)| spells_of_party(party, &statements, self.now))
            .collect()
    }
}

/// The spells one party's membership statements make (see the module documentation).
fn spells_of_party(party: &str, statements: &[&Statement], now: i32) -> Vec<Spell> {
    // A statement with no start says the membership holds, not since when: it carries on what
    // the other statements begin, and never reaches back to the founding on its own.
    let earliest = statements
        .iter()
        .filter_map(|s| s.start.map(|w| w.year))
        .min()
        .unwrap_or(now);
    let mut years: BTreeMap<i32, &Statement> = BTreeMap::new();
    for statement in statements {
        let from = statement.start.map_or(earliest, |w| w.year);
        let to = statement.end.map_or(now.max(from), |w| w.year);
        for year in from..=to {
            let better = years.get(&year).is_none_or(|held| {
                (statement.rank, std::cmp::Reverse(statement.status))
                    > (held.rank, std::cmp::Reverse(held.status))
            });
            if better {
                years.insert(year, statement);
            }
        }
    }
    let mut spells: Vec<Spell> = Vec::new();
    // The statement each spell's last year came from, to place its end precisely.
    let mut last: Vec<&Statement> = Vec::new();
    let mut previous: Option<i32> = None;
    for (&year, &statement) in &years {
        let status = statement.status.unwrap_or(MemberStatus::Full);
        let continues =
            previous == Some(year - 1) && spells.last().is_some_and(|spell| spell.status == status);
        if !continues {
            spells.push(Spell {
                party: party.to_owned(),
                status,
                start: statement
                    .start
                    .filter(|w| w.year == year)
                    .unwrap_or(When::year(year)),
                end: None,
                unrecorded_after: false,
                rank: statement.rank,
                statements: Vec::new(),
            });
            last.push(statement);
        }
        if let (Some(spell), Some(held)) = (spells.last_mut(), last.last_mut()) {
            *held = statement;
            spell.rank = spell.rank.max(statement.rank);
            if !spell.statements.contains(&statement.id) {
                spell.statements.push(statement.id.clone());
            }
            let open = statement.end.is_none() && year >= now;
            spell.end = if open {
                None
            } else {
                Some(
                    statement
                        .end
                        .filter(|w| w.year == year)
                        .unwrap_or(When::year(year)),
                )
            };
            spell.unrecorded_after = !open
                && statement.unrecorded_after
                && statement.end.is_some_and(|w| w.year == year);
        }
        previous = Some(year);
    }
    // Where a status gives way to another within a year (an observer admitted as a member on
    // 27 August), the earlier spell ends on its own statement's date, not the year before.
    for index in 1..spells.len() {
        let next_start = spells[index].start;
        let ended = last[index - 1].end;
        if let Some(end) = ended
            && end.year == next_start.year
            && spells[index - 1]
                .end
                .is_some_and(|w| w.year + 1 == end.year)
        {
            spells[index - 1].end = Some(end);
            spells[index - 1].unrecorded_after = false;
        }
    }
    spells
}
