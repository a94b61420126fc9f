//! The dictionaries compiled into the binary.

/// `(file name, contents)` of every embedded dictionary, in load order.
pub(crate) const DICTIONARIES: &[(&str, &str)] = &[
    (
        "places-china.txt",
        include_str!("../../dictionaries/places-china.txt"),
    ),
    (
        "places-shanghai-villages.txt",
        include_str!("../../dictionaries/places-shanghai-villages.txt"),
    ),
    (
        "places-world.txt",
        include_str!("../../dictionaries/places-world.txt"),
    ),
    (
        "places-world-cities.txt",
        include_str!("../../dictionaries/places-world-cities.txt"),
    ),
    (
        "places-regions.txt",
        include_str!("../../dictionaries/places-regions.txt"),
    ),
    (
        "suffixes.txt",
        include_str!("../../dictionaries/suffixes.txt"),
    ),
    ("titles.txt", include_str!("../../dictionaries/titles.txt")),
    ("orgs.txt", include_str!("../../dictionaries/orgs.txt")),
    (
        "surnames.txt",
        include_str!("../../dictionaries/surnames.txt"),
    ),
    (
        "surnames-jionlp.txt",
        include_str!("../../dictionaries/surnames-jionlp.txt"),
    ),
    (
        "persons.txt",
        include_str!("../../dictionaries/persons.txt"),
    ),
    ("cues.txt", include_str!("../../dictionaries/cues.txt")),
    (
        "triggers.txt",
        include_str!("../../dictionaries/triggers.txt"),
    ),
    ("grammar.txt", GRAMMAR),
];

/// The grammar of names (`grammar.*` kinds).
const GRAMMAR: &str = include_str!("../../dictionaries/grammar.txt");

/// The embedded grammar of names alone, as a lexicon: for the rules that
/// ask about a word's grammar where no document's lexicon is at hand (a
/// shared helper called with a name's text). Built once, on first use.
pub(crate) fn grammar() -> &'static super::Lexicon {
    static LEX: std::sync::OnceLock<super::Lexicon> = std::sync::OnceLock::new();
    LEX.get_or_init(|| {
        let mut b = super::LexiconBuilder::new();
        for e in super::parse::read_static("grammar.txt", GRAMMAR)
            .expect("embedded dictionaries are valid (tested)")
        {
            b.push(e);
        }
        b.build()
    })
}
