//! Fuzz target: the properties of `zglint::fuzzing::decode`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    zglint::fuzzing::decode(data);
});
