//! Integration tests of the text layer, in one binary.

mod corpus;
mod numbers;
mod props;
mod seed;
