//! Prints what the text layer finds in a text: sentences, numbers, and the clitic analyses of each
//! Arabic word (a debugging aid).
//!
//! `cargo run -p marsad-text --example show -- FILE` (or the text on standard input).

use marsad_text::analyze;
use std::io::Read;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut text = String::new();
    match std::env::args().nth(1) {
        Some(path) => text = std::fs::read_to_string(path)?,
        None => {
            std::io::stdin().read_to_string(&mut text)?;
        }
    }
    let a = analyze(&text, None);
    println!("lang: {}", a.lang);
    for (i, s) in a.sentences.iter().enumerate() {
        println!("sentence {i} {:?}: {}", s.span, &text[s.bytes.clone()]);
    }
    for n in &a.numbers {
        let q = format!("{:?}", n.qualifier);
        println!(
            "number {:?} {:>12} {q:<8} ordinal={:<5} {}",
            n.span,
            n.value,
            n.ordinal,
            &text[n.bytes.clone()]
        );
    }
    if std::env::var_os("SHOW_CLITICS").is_some() {
        for t in a.tokens.iter().filter(|t| !t.analyses.is_empty()) {
            let stems: Vec<String> = t
                .analyses
                .iter()
                .map(|c| format!("{}+[{}]+{}", c.prefixes.join("+"), c.stem, c.suffix.unwrap_or("")))
                .collect();
            println!("{} → {}", &text[t.bytes.clone()], stems.join("  "));
        }
    }
    Ok(())
}
