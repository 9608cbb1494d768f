//! cargo-fuzz target `extract`: see `marsad_fuzz::extract`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| marsad_fuzz::extract(data));
