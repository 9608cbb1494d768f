//! Cross-article fusion of Marsad events, contested claims and ceasefire tracking.
