//! Table test of number expressions: value, qualifier, ordinal and the exact text the span covers.

use marsad_model::Qualifier::{self, About, AtLeast, Exact, UpTo};
use marsad_text::{NumberMention, analyze};

/// (text, span text of the first number, value, qualifier, ordinal)
const CASES: &[(&str, &str, f64, Qualifier, bool)] = &[
    // The seed's figures.
    (
        "مقتل ما لا يقل عن 49 جنديًا",
        "ما لا يقل عن 49",
        49.0,
        AtLeast,
        false,
    ),
    ("عانت من قرابة خمسين جنديًا", "قرابة خمسين", 50.0, About, false),
    ("في خريف عام 2020 ،", "2020", 2020.0, Exact, false),
    ("اليوم الساعة التاسعة صباحًا", "التاسعة", 9.0, Exact, true),
    ("وعقد ستين محادثات", "ستين", 60.0, Exact, false),
    ("أقل بساعة واحدة في إسبانيا", "واحدة", 1.0, Exact, false),
    // Digits.
    ("قتل 7 أشخاص", "7", 7.0, Exact, false),
    ("قتل ٤٩ شخصا", "٤٩", 49.0, Exact, false),
    ("قتل ۴۹ شخصا", "۴۹", 49.0, Exact, false),
    ("نزح 1,200 شخص", "1,200", 1200.0, Exact, false),
    ("نزح ١٬٢٠٠ شخص", "١٬٢٠٠", 1200.0, Exact, false),
    ("ارتفع بنسبة 3.5 بالمئة", "3.5", 3.5, Exact, false),
    ("ارتفع بنسبة ٣٫٥ بالمئة", "٣٫٥", 3.5, Exact, false),
    ("و49 جريحا", "49", 49.0, Exact, false),
    ("نحو 3 آلاف لاجئ", "نحو 3 آلاف", 3000.0, About, false),
    (
        "أكثر من 1.5 مليون نازح",
        "أكثر من 1.5 مليون",
        1_500_000.0,
        AtLeast,
        false,
    ),
    ("قتل 20 ألف شخص", "20 ألف", 20000.0, Exact, false),
    // Units, teens, tens.
    ("قتل ثلاثة جنود", "ثلاثة", 3.0, Exact, false),
    ("قتلت خمس نساء", "خمس", 5.0, Exact, false),
    ("أصيب اثنان من الجنود", "اثنان", 2.0, Exact, false),
    ("قتل شخصان اثنين", "اثنين", 2.0, Exact, false),
    ("قتل عشرة مدنيين", "عشرة", 10.0, Exact, false),
    ("قتل أحد عشر جنديا", "أحد عشر", 11.0, Exact, false),
    ("قتلت إحدى عشرة امرأة", "إحدى عشرة", 11.0, Exact, false),
    ("قتل اثنا عشر جنديا", "اثنا عشر", 12.0, Exact, false),
    ("بين اثني عشر قتيلا", "اثني عشر", 12.0, Exact, false),
    ("قتل ثلاثة عشر شخصا", "ثلاثة عشر", 13.0, Exact, false),
    ("قتلت تسع عشرة امرأة", "تسع عشرة", 19.0, Exact, false),
    ("قتل عشرون شخصا", "عشرون", 20.0, Exact, false),
    ("قتل ثلاثين شخصا", "ثلاثين", 30.0, Exact, false),
    ("قتل تسعة وأربعين جنديا", "تسعة وأربعين", 49.0, Exact, false),
    ("قتل خمسة وعشرون شخصا", "خمسة وعشرون", 25.0, Exact, false),
    ("قتل واحد وعشرين", "واحد وعشرين", 21.0, Exact, false),
    ("وخمسون قتيلا", "خمسون", 50.0, Exact, false),
    ("أفاد بخمسين قتيلا", "خمسين", 50.0, Exact, false),
    // Hundreds, thousands, millions.
    ("قتل مائة شخص", "مائة", 100.0, Exact, false),
    ("قتل مئة شخص", "مئة", 100.0, Exact, false),
    ("قتل مئتان", "مئتان", 200.0, Exact, false),
    ("قتل مائتين", "مائتين", 200.0, Exact, false),
    ("قتل ثلاثمائة شخص", "ثلاثمائة", 300.0, Exact, false),
    ("قتل ثلاثمئة شخص", "ثلاثمئة", 300.0, Exact, false),
    ("قتل ثلاث مئة شخص", "ثلاث مئة", 300.0, Exact, false),
    ("قتل مائة وخمسون شخصا", "مائة وخمسون", 150.0, Exact, false),
    (
        "قتل مئتين وخمسة وعشرين",
        "مئتين وخمسة وعشرين",
        225.0,
        Exact,
        false,
    ),
    ("نزح ألف شخص", "ألف", 1000.0, Exact, false),
    ("نزح ألفان", "ألفان", 2000.0, Exact, false),
    ("نزح ألفي شخص", "ألفي", 2000.0, Exact, false),
    ("نزح ثلاثة آلاف شخص", "ثلاثة آلاف", 3000.0, Exact, false),
    (
        "نزح ثلاثة آلاف وخمسمائة شخص",
        "ثلاثة آلاف وخمسمائة",
        3500.0,
        Exact,
        false,
    ),
    ("نزح خمسون ألفا", "خمسون ألفا", 50000.0, Exact, false),
    ("نزح مائة ألف", "مائة ألف", 100_000.0, Exact, false),
    ("نزح مليون شخص", "مليون", 1_000_000.0, Exact, false),
    ("نزح مليونا شخص", "مليونا", 1_000_000.0, Exact, false),
    ("نزح ثلاثة ملايين", "ثلاثة ملايين", 3_000_000.0, Exact, false),
    ("ألف وخمسمائة", "ألف وخمسمائة", 1500.0, Exact, false),
    // Vague quantities.
    ("عشرات القتلى", "عشرات", 10.0, About, false),
    ("مئات الجرحى", "مئات", 100.0, About, false),
    ("آلاف النازحين", "آلاف", 1000.0, About, false),
    ("عشرات الآلاف من النازحين", "عشرات الآلاف", 10000.0, About, false),
    ("مئات الآلاف", "مئات الآلاف", 100_000.0, About, false),
    ("بضعة جنود", "بضعة", 3.0, About, false),
    ("ملايين اللاجئين", "ملايين", 1_000_000.0, About, false),
    // Qualifiers.
    ("قتل نحو 30 شخصا", "نحو 30", 30.0, About, false),
    ("قدرت بنحو 30 قتيلا", "نحو 30", 30.0, About, false),
    ("قتل حوالي 30", "حوالي 30", 30.0, About, false),
    ("قتل حوالى 30", "حوالى 30", 30.0, About, false),
    ("قتل زهاء 30", "زهاء 30", 30.0, About, false),
    ("ما يقرب من 30 قتيلا", "ما يقرب من 30", 30.0, About, false),
    ("ما يناهز 30 قتيلا", "ما يناهز 30", 30.0, About, false),
    ("قتل 30 تقريبا", "30 تقريبا", 30.0, About, false),
    ("لا يقل عن عشرين", "لا يقل عن عشرين", 20.0, AtLeast, false),
    ("قتل 49 جنديا على الأقل", "49 جنديا على الأقل", 49.0, AtLeast, false),
    ("قتل على الأقل 49", "على الأقل 49", 49.0, AtLeast, false),
    ("قتل أكثر من مائة", "أكثر من مائة", 100.0, AtLeast, false),
    ("قتل ما يزيد عن 70", "ما يزيد عن 70", 70.0, AtLeast, false),
    ("قتل ما يزيد على 70", "ما يزيد على 70", 70.0, AtLeast, false),
    ("قتل حتى 40 شخصا", "حتى 40", 40.0, UpTo, false),
    ("ما يصل إلى 40 شخصا", "ما يصل إلى 40", 40.0, UpTo, false),
    ("أقل من 40 شخصا", "أقل من 40", 40.0, UpTo, false),
    ("ووفقا لذلك قتل وقرابة 12 جريحا", "قرابة 12", 12.0, About, false),
    // Ordinals.
    ("الحرب العالمية الأولى", "الأولى", 1.0, Exact, true),
    ("للمرة الثالثة", "الثالثة", 3.0, Exact, true),
    ("الساعة العاشرة", "العاشرة", 10.0, Exact, true),
    ("الساعة الحادية عشرة", "الحادية عشرة", 11.0, Exact, true),
    ("الساعة الثانية عشرة", "الثانية عشرة", 12.0, Exact, true),
    ("القرن الثالث عشر", "الثالث عشر", 13.0, Exact, true),
    ("والثالث", "الثالث", 3.0, Exact, true),
    // English.
    ("at least 49 soldiers", "at least 49", 49.0, AtLeast, false),
    ("nearly 50 soldiers", "nearly 50", 50.0, About, false),
    ("dozens of people", "dozens", 12.0, About, false),
    ("hundreds of people", "hundreds", 100.0, About, false),
    (
        "tens of thousands fled",
        "tens of thousands",
        10000.0,
        About,
        false,
    ),
    ("forty-nine soldiers", "forty-nine", 49.0, Exact, false),
    ("twenty one dead", "twenty one", 21.0, Exact, false),
    (
        "two hundred and five",
        "two hundred and five",
        205.0,
        Exact,
        false,
    ),
    ("a thousand people", "a thousand", 1000.0, Exact, false),
    ("3 million people", "3 million", 3_000_000.0, Exact, false),
    (
        "more than 1,200 people",
        "more than 1,200",
        1200.0,
        AtLeast,
        false,
    ),
    ("up to 30 people", "up to 30", 30.0, UpTo, false),
    (
        "killed 12 people or more",
        "12 people or more",
        12.0,
        AtLeast,
        false,
    ),
    ("killed 12 or more people", "12 or more", 12.0, AtLeast, false),
    ("the third attack", "third", 3.0, Exact, true),
    ("the twenty-first century", "twenty-first", 21.0, Exact, true),
    ("a dozen rockets", "a dozen", 12.0, Exact, false),
];

fn first_number(text: &str) -> Option<NumberMention> {
    analyze(text, None).numbers.into_iter().next()
}

#[test]
fn number_table() {
    assert!(CASES.len() >= 60);
    let mut failures = Vec::new();
    for &(text, span, value, qualifier, ordinal) in CASES {
        let Some(m) = first_number(text) else {
            failures.push(format!("{text}: no number"));
            continue;
        };
        let got_span = &text[m.bytes.clone()];
        let chars: String = text.chars().skip(m.span.start).take(m.span.len()).collect();
        if got_span != span
            || chars != span
            || m.value != value
            || m.qualifier != qualifier
            || m.ordinal != ordinal
        {
            failures.push(format!(
                "{text}: got {got_span:?} {} {:?} ordinal={}; want {span:?} {value} {qualifier:?} ordinal={ordinal}",
                m.value, m.qualifier, m.ordinal
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn not_numbers() {
    for text in [
        "يوم الاثنين",
        "يوم الأحد",
        "أحد الجنود",
        "طائرة F16",
        "فيروس كوفيد-19",
        "الثلاثاء والأربعاء والخميس",
        "a man",
        "السبت",
    ] {
        let a = analyze(text, None);
        assert!(a.numbers.is_empty(), "{text}: {:?}", a.numbers);
    }
}

#[test]
fn several_numbers_and_token_ranges() {
    let text = "قتل 5 وأصيب ما لا يقل عن عشرين، ونزح ثلاثة آلاف";
    let a = analyze(text, None);
    let got: Vec<(&str, f64)> = a
        .numbers
        .iter()
        .map(|m| (&text[m.bytes.clone()], m.value))
        .collect();
    assert_eq!(
        got,
        [("5", 5.0), ("ما لا يقل عن عشرين", 20.0), ("ثلاثة آلاف", 3000.0)]
    );
    for m in &a.numbers {
        let first = &a.tokens[m.tokens.start];
        let last = &a.tokens[m.tokens.end - 1];
        assert!(first.bytes.start <= m.bytes.start && m.bytes.start < first.bytes.end);
        assert_eq!(last.bytes.end, m.bytes.end);
    }
}
