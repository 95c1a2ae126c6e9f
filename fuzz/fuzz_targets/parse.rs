//! Fuzz target: the properties of `zglint::fuzzing::parse`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    zglint::fuzzing::parse(&zglint::fuzzing::text(data));
});
