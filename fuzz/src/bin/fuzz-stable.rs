//! A fuzz runner for the stable toolchain: mutates a seed corpus (the repository's bad-input corpus and
//! fixtures, plus `fuzz/corpus/TARGET/` when present) and feeds every target for a time budget.
//!
//! `cargo run --release --bin fuzz-stable -- [TARGET...]`, with `FUZZ_SECONDS` (per target, default 10)
//! and `FUZZ_SEED` (default 1). A panic saves the input to `fuzz/artifacts/TARGET/` and exits 1.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Fragments worth splicing in: Arabic words, digits, markup, JSON, invisible and bidi characters.
const TOKENS: &[&str] = &[
    "قصف",
    "القوات",
    "الأذربيجانية",
    "غوريس",
    "49",
    "٤٩",
    "تسعة وأربعين",
    "قتيلا",
    "على الأقل",
    "وقال",
    "\u{200b}",
    "\u{200c}",
    "\u{200d}",
    "\u{200f}",
    "\u{202b}",
    "\u{feff}",
    "\u{064e}",
    "\u{0651}",
    "ﻻ",
    "\r\n",
    "\n\n",
    ".",
    "،",
    "؟",
    "<div>",
    "</div>",
    "<p>",
    "<title>",
    "<meta property=\"og:title\" content=\"",
    "<time datetime=\"2022-09-13\">",
    "<script>",
    "{\"text\": \"",
    "\"}",
    "\\u0000",
    "\\ud800",
    "\"id\": 1",
    "\u{0}",
    "\u{fffd}",
    "2022-09-13",
    "Goris",
    "shelled",
    "at least",
    "killed",
];

/// xorshift64*: small, deterministic, good enough for mutation choices.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn mutate(rng: &mut Rng, input: &mut Vec<u8>, seeds: &[Vec<u8>]) {
    for _ in 0..=rng.below(8) {
        let at = rng.below(input.len() + 1);
        match rng.below(7) {
            0 if !input.is_empty() => {
                let i = rng.below(input.len());
                input[i] ^= 1 << rng.below(8);
            }
            1 => input.insert(at, rng.next() as u8),
            2 => {
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                input.splice(at..at, t.iter().copied());
            }
            3 if at < input.len() => {
                let end = (at + rng.below(64)).min(input.len());
                input.drain(at..end);
            }
            4 if at < input.len() => {
                let end = (at + rng.below(256)).min(input.len());
                let copy = input[at..end].to_vec();
                input.splice(at..at, copy);
            }
            5 if !seeds.is_empty() => {
                let other = &seeds[rng.below(seeds.len())];
                let from = rng.below(other.len());
                let end = (from + rng.below(512)).min(other.len());
                input.splice(at..at, other[from..end].iter().copied());
            }
            _ => input.truncate(at),
        }
    }
    input.truncate(1 << 16);
}

fn load_seeds(root: &Path, target: &str) -> Vec<Vec<u8>> {
    let mut dirs = vec![root.join("tests/bad-inputs"), root.join("tests/fixtures")];
    dirs.push(root.join("fuzz/corpus").join(target));
    let mut seeds = vec![Vec::new()];
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            if let Ok(bytes) = std::fs::read(&p) {
                seeds.push(bytes.into_iter().take(1 << 16).collect());
            }
        }
    }
    seeds
}

fn save_crash(root: &Path, target: &str, input: &[u8]) -> PathBuf {
    let dir = root.join("fuzz/artifacts").join(target);
    let hash = input.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    let path = dir.join(format!("crash-{hash:016x}"));
    if std::fs::create_dir_all(&dir)
        .and_then(|()| std::fs::write(&path, input))
        .is_err()
    {
        eprintln!("cannot save the crashing input to {}", path.display());
    }
    path
}

fn run_target(root: &Path, name: &str, f: fn(&[u8]), budget: Duration, seed: u64) -> bool {
    let seeds = load_seeds(root, name);
    let mut rng = Rng(seed.max(1));
    let start = Instant::now();
    let mut runs = 0u64;
    while start.elapsed() < budget {
        let mut input = seeds[rng.below(seeds.len())].clone();
        if runs > 0 {
            mutate(&mut rng, &mut input, &seeds);
        }
        runs += 1;
        if std::panic::catch_unwind(|| f(&input)).is_err() {
            let path = save_crash(root, name, &input);
            eprintln!(
                "{name}: panic after {runs} runs; input saved to {}",
                path.display()
            );
            return false;
        }
    }
    println!(
        "{name}: {runs} runs in {:.1}s, no panic",
        start.elapsed().as_secs_f64()
    );
    true
}

fn main() -> ExitCode {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let env_num = |k: &str, d: u64| std::env::var(k).ok().and_then(|v| v.parse().ok()).unwrap_or(d);
    let budget = Duration::from_secs(env_num("FUZZ_SECONDS", 10));
    let seed = env_num("FUZZ_SEED", 1);
    let wanted: Vec<String> = std::env::args().skip(1).collect();
    if let Some(bad) = wanted
        .iter()
        .find(|w| !marsad_fuzz::TARGETS.iter().any(|(n, _)| n == w))
    {
        let names: Vec<&str> = marsad_fuzz::TARGETS.iter().map(|(n, _)| *n).collect();
        eprintln!("unknown target {bad:?}; targets: {}", names.join(", "));
        return ExitCode::from(2);
    }
    let mut ok = true;
    for (name, f) in marsad_fuzz::TARGETS {
        if wanted.is_empty() || wanted.iter().any(|w| w == name) {
            ok &= run_target(&root, name, *f, budget, seed);
        }
    }
    if ok { ExitCode::SUCCESS } else { ExitCode::from(1) }
}
