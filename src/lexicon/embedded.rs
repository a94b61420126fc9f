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
];
