//! cargo-fuzz target `html`: see `marsad_fuzz::html`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| marsad_fuzz::html(data));
