//! Marsad's lexicons (actors, sectors, reporting verbs, time words) compiled from data/*.tsv.
