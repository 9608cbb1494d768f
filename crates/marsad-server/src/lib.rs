//! Marsad's HTTP API and web map.
