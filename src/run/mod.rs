//! Batch runs of `zglint check`: [`discover`] the files to check (folders walked), check them
//! on several threads and hand the results on in path order ([`batch`]), and show how far the
//! run has got ([`progress`]). Each file goes through [`crate::check()`].

pub mod batch;
pub mod discover;
pub mod progress;
pub mod replace;
