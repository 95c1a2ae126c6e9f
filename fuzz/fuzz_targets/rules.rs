//! Fuzz target: the properties of `zglint::fuzzing::rules`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    zglint::fuzzing::rules(&zglint::fuzzing::text(data));
});
