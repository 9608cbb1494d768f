//! cargo-fuzz target `jsonl`: see `marsad_fuzz::jsonl`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| marsad_fuzz::jsonl(data));
