//! End-to-end tests: they run the `marsad` binary.

mod bad_inputs;
mod cli;
mod demo;
mod export;
mod extract;
mod schema;
mod store;
mod web;
