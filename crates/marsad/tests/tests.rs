//! End-to-end tests: they run the `marsad` binary.

mod cli;
mod web;
