//! The crate's data tables: sorted TSV files in `data/`, compiled into the binary with `include_str!`.

/// The rows of a TSV table: comment lines (`#`) and blank lines skipped, fields split at tabs.
pub(crate) fn rows(table: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::trim).collect())
}

#[cfg(test)]
mod tests {
    use super::rows;
    use crate::normalize_key;

    const TABLES: [(&str, &str); 3] = [
        ("abbreviations", include_str!("../data/abbreviations.tsv")),
        ("number-words", include_str!("../data/number-words.tsv")),
        ("number-qualifiers", include_str!("../data/number-qualifiers.tsv")),
    ];

    #[test]
    fn tables_have_source_and_licence() {
        for (name, table) in TABLES {
            assert!(table.contains("Source:"), "{name}");
            assert!(table.contains("Licence:"), "{name}");
        }
    }

    #[test]
    fn tables_sorted_unique_and_stable() {
        for (name, table) in TABLES {
            let keys: Vec<&str> = rows(table).map(|r| r[0]).collect();
            for w in keys.windows(2) {
                assert!(w[0] < w[1], "{name}: {:?} before {:?}", w[0], w[1]);
            }
            for k in keys {
                let n = normalize_key(k);
                assert!(!n.is_empty(), "{name}: empty key {k:?}");
                assert_eq!(normalize_key(&n), n, "{name}: {k:?}");
            }
        }
    }
}
