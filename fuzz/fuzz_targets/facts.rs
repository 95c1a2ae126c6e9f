//! Fuzz target: the properties of `zglint::fuzzing::facts`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    zglint::fuzzing::facts(&zglint::fuzzing::text(data));
});
