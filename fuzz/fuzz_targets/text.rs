//! cargo-fuzz target `text`: see `marsad_fuzz::text`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| marsad_fuzz::text(data));
