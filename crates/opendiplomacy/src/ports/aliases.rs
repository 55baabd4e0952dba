//! Chinese names and today's spellings of ports, from the bundled alias table.

pub struct PortAliases {}

impl PortAliases {
    pub fn bundled() -> Self {
        Self {}
    }
}
