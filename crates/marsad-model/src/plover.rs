//! PLOVER's categories, modes and sectors, and the status and precision enums of the contract.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Generates an enum with a fixed string form used for serde, `Display` and `FromStr`.
macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The contract's string for this value.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($text => Ok($name::$variant),)+
                    other => Err(format!("unknown {} {other:?}", stringify!($name))),
                }
            }
        }
    };
}

string_enum! {
    /// The 16 PLOVER event categories.
    Category {
        Agree = "AGREE", Consult = "CONSULT", Support = "SUPPORT", Concede = "CONCEDE",
        Cooperate = "COOPERATE", Aid = "AID", Retreat = "RETREAT",
        Request = "REQUEST", Accuse = "ACCUSE", Reject = "REJECT", Threaten = "THREATEN",
        Protest = "PROTEST", Sanction = "SANCTION", Mobilize = "MOBILIZE", Coerce = "COERCE", Assault = "ASSAULT",
    }
}

string_enum! {
    /// PLOVER's four quad classes.
    Quad {
        VerbalCooperation = "verbal-cooperation", MaterialCooperation = "material-cooperation",
        VerbalConflict = "verbal-conflict", MaterialConflict = "material-conflict",
    }
}

impl Category {
    /// The quad class this category belongs to.
    pub fn quad(self) -> Quad {
        use Category::*;
        match self {
            Agree | Consult | Support | Concede => Quad::VerbalCooperation,
            Cooperate | Aid | Retreat => Quad::MaterialCooperation,
            Request | Accuse | Reject | Threaten => Quad::VerbalConflict,
            Protest | Sanction | Mobilize | Coerce | Assault => Quad::MaterialConflict,
        }
    }

    /// The modes PLOVER defines for this category (empty where it defines none).
    pub fn modes(self) -> &'static [Mode] {
        use Mode::*;
        match self {
            Category::Assault => &[
                Abduct,
                Beat,
                Torture,
                Sexual,
                Targeted,
                Destroy,
                Primitive,
                Firearms,
                Explosives,
                SuicideAttack,
                Aerial,
                Drone,
                HeavyWeapons,
                CrowdControl,
                Unconventional,
            ],
            Category::Protest => &[Demo, Riot, Strike, Hunger, Boycott, Obstruct],
            Category::Coerce => &[
                Seize,
                Restrict,
                Censor,
                Curfew,
                MartialLaw,
                Arrest,
                Deport,
                Withhold,
                Misinformation,
                Cyber,
            ],
            Category::Mobilize => &[Troops, Weapons, Police, Militia],
            Category::Retreat => &[Withdraw, Release, Disarm, Ceasefire, Access, Resign],
            Category::Request | Category::Reject => &[Assist, Change, Yield, Meet],
            Category::Accuse => &[Disapprove, Investigate, Allege],
            Category::Threaten => &[Restrict, Arrest, Relations, Expel, Territory, Violence],
            Category::Consult => &[Visit, ThirdParty, Multilateral, Phone],
            Category::Sanction => &[Convict, Expel, Withdraw, Discontinue],
            _ => &[],
        }
    }

    /// True for the material-conflict quad (what conflict analysts count first).
    pub fn is_material_conflict(self) -> bool {
        self.quad() == Quad::MaterialConflict
    }
}

string_enum! {
    /// PLOVER modes. One enum for all categories: [`Category::modes`] says which belong where.
    Mode {
        Abduct = "abduct", Beat = "beat", Torture = "torture", Sexual = "sexual", Targeted = "targeted",
        Destroy = "destroy", Primitive = "primitive", Firearms = "firearms", Explosives = "explosives",
        SuicideAttack = "suicide-attack", Aerial = "aerial", Drone = "drone", HeavyWeapons = "heavy-weapons",
        CrowdControl = "crowd-control", Unconventional = "unconventional",
        Demo = "demo", Riot = "riot", Strike = "strike", Hunger = "hunger", Boycott = "boycott",
        Obstruct = "obstruct",
        Seize = "seize", Restrict = "restrict", Censor = "censor", Curfew = "curfew",
        MartialLaw = "martial-law", Arrest = "arrest", Deport = "deport", Withhold = "withhold",
        Misinformation = "misinformation", Cyber = "cyber",
        Troops = "troops", Weapons = "weapons", Police = "police", Militia = "militia",
        Withdraw = "withdraw", Release = "release", Disarm = "disarm", Ceasefire = "ceasefire",
        Access = "access", Resign = "resign",
        Assist = "assist", Change = "change", Yield = "yield", Meet = "meet",
        Disapprove = "disapprove", Investigate = "investigate", Allege = "allege",
        Relations = "relations", Expel = "expel", Territory = "territory", Violence = "violence",
        Visit = "visit", ThirdParty = "third-party", Multilateral = "multilateral", Phone = "phone",
        Convict = "convict", Discontinue = "discontinue",
    }
}

string_enum! {
    /// PLOVER actor sectors (CAMEO-era `MED` for media is mapped to `JRN` when read).
    Sector {
        Gov = "GOV", Mil = "MIL", Cop = "COP", Jrn = "JRN", Med = "MED", Reb = "REB", Uaf = "UAF",
        Cvl = "CVL", Opp = "OPP", Pty = "PTY", Ref = "REF", Rel = "REL", Leg = "LEG", Jud = "JUD",
        Spy = "SPY", Bus = "BUS", Lab = "LAB", Edu = "EDU", Crm = "CRM", Hri = "HRI", Agr = "AGR",
        Elt = "ELT", Env = "ENV", Ins = "INS", Igo = "IGO", Ngo = "NGO", Mnc = "MNC", Spr = "SPR",
        Ter = "TER", Pol = "POL",
    }
}

string_enum! {
    /// How the article presents an event (default: asserted).
    Status {
        Asserted = "asserted", Negated = "negated", Future = "future", Hypothetical = "hypothetical",
        Historical = "historical",
    }
}

// The macro cannot derive `Default` for one enum only.
#[allow(clippy::derivable_impls)]
impl Default for Status {
    fn default() -> Self {
        Status::Asserted
    }
}

string_enum! {
    /// What an event's `date` (and `time`) pin down.
    DatePrecision { Hour = "hour", Day = "day", Month = "month", Year = "year" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sixteen_categories_four_quads() {
        assert_eq!(Category::ALL.len(), 16);
        for q in Quad::ALL {
            assert!(Category::ALL.iter().filter(|c| c.quad() == *q).count() >= 3);
        }
    }

    #[test]
    fn strings_round_trip() {
        for m in Mode::ALL {
            assert_eq!(m.as_str().parse::<Mode>(), Ok(*m));
        }
        for c in Category::ALL {
            let json = serde_json::to_string(c).unwrap_or_default();
            assert_eq!(json, format!("\"{c}\""));
        }
    }

    #[test]
    fn every_mode_belongs_to_a_category() {
        for m in Mode::ALL {
            assert!(
                Category::ALL.iter().any(|c| c.modes().contains(m)),
                "{m} has no category"
            );
        }
    }
}
