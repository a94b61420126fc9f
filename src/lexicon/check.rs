//! Checking a user dictionary line by line: every problem, not only the
//! first, with its line number and how serious it is.
//!
//! [`LexiconBuilder::add_reader`](super::LexiconBuilder::add_reader) stops
//! at the first malformed line; [`check`] goes on to the end and also
//! reports what loads but is probably a mistake (an entry listed twice, a
//! text given two different kinds). `govkg dict check` prints its findings.

use super::{LexClass, Text, parse};
use crate::error::{Error, Result};
use std::collections::HashMap;
use std::fmt;
use std::io::BufRead;
use std::path::Path;

/// How serious a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Loads, but is probably a mistake: the dictionary still loads.
    Warning,
    /// The dictionary does not load (the loader stops at this line).
    Error,
}

/// One problem of a dictionary.
///
/// Its `Display` is `NAME:LINE: message` for an error (the very message the
/// loader gives) and `NAME:LINE: warning: message` for a warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The dictionary's name, as given to [`check`] (usually its path).
    pub source_name: String,
    /// 1-based line number.
    pub line: usize,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.severity {
            Severity::Error => write!(f, "{}:{}: {}", self.source_name, self.line, self.message),
            Severity::Warning => write!(
                f,
                "{}:{}: warning: {}",
                self.source_name, self.line, self.message
            ),
        }
    }
}

/// Every problem of the dictionary `reader` (the line format of
/// `dictionaries/README.md`), in line order; `name` names it in the
/// diagnostics. Empty when the dictionary is clean.
///
/// - **Errors**: a malformed line (no tab, unknown kind or attribute, empty
///   text, control characters, more than three columns, …), a line that is
///   not UTF-8, a read failure. The loader refuses such a dictionary.
/// - **Warnings**: an entry listed again with the same kind (the loader keeps
///   one); a text given different kinds on different lines (the loader keeps
///   both, and the recognisers then see the text as both, which is seldom
///   what was meant).
///
/// ```
/// use govkg::lexicon::{check, Severity};
/// let dict = "宝龙美术馆\torg\n七宝镇\n宝龙美术馆\torg\n宝龙美术馆\tplace.site\n";
/// let found: Vec<String> = check("my.txt", dict.as_bytes()).iter().map(|d| d.to_string()).collect();
/// assert_eq!(found, [
///     "my.txt:2: expected `TEXT<TAB>KIND`, found no tab in `七宝镇`",
///     "my.txt:3: warning: `宝龙美术馆` (org) is listed again; first at line 1",
///     "my.txt:4: warning: `宝龙美术馆` is place.site here but org at line 1",
/// ]);
/// ```
pub fn check<R: BufRead>(name: &str, mut reader: R) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let diag = |line: usize, severity: Severity, message: String| Diagnostic {
        source_name: name.to_string(),
        line,
        severity,
        message,
    };
    // (text, kind, full) → first line, as the loader keys its entries.
    let mut entries: HashMap<(Text, LexClass, Option<Text>), usize> = HashMap::new();
    // text → the first line and kind of every kind it has been given.
    let mut kinds: HashMap<Text, Vec<(LexClass, usize)>> = HashMap::new();
    let mut buf = Vec::new();
    for line_no in 1.. {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                out.push(diag(
                    line_no,
                    Severity::Error,
                    format!("cannot read the line: {e}"),
                ));
                break;
            }
        }
        let line = match std::str::from_utf8(&buf) {
            Ok(l) => l,
            Err(e) => {
                out.push(diag(
                    line_no,
                    Severity::Error,
                    format!(
                        "not UTF-8 (invalid byte at column {}); save the dictionary as UTF-8",
                        e.valid_up_to() + 1
                    ),
                ));
                continue;
            }
        };
        let parsed = match parse::parse_line(line) {
            Ok(p) => p,
            Err(message) => {
                out.push(diag(line_no, Severity::Error, message));
                continue;
            }
        };
        // The line's own entry, then the short form `short=` derives.
        for (i, entry) in parsed.into_iter().enumerate() {
            let label = match entry.full.as_deref().filter(|_| i > 0) {
                Some(full) => format!("the short form `{}` of `{full}`", entry.text),
                None => format!("`{}` ({})", entry.text, entry.class),
            };
            let key = (entry.text.clone(), entry.class, entry.full.clone());
            if let Some(&first) = entries.get(&key) {
                out.push(diag(
                    line_no,
                    Severity::Warning,
                    format!("{label} is listed again; first at line {first}"),
                ));
                continue;
            }
            entries.insert(key, line_no);
            let given = kinds.entry(entry.text.clone()).or_default();
            // A trigger or grammar word may play several parts (`调研` is a
            // verb of inspection and a purpose, `线` a route's and a road's
            // word): only a second kind of entry warns.
            let word = |c: LexClass| matches!(c, LexClass::Trigger(_) | LexClass::Grammar(_));
            if let Some(&(other, at)) = given
                .iter()
                .find(|(c, _)| *c != entry.class && !(word(*c) && word(entry.class)))
                && !given.iter().any(|(c, _)| *c == entry.class)
            {
                out.push(diag(
                    line_no,
                    Severity::Warning,
                    format!(
                        "`{}` is {} here but {other} at line {at}",
                        entry.text, entry.class
                    ),
                ));
            }
            if !given.iter().any(|(c, _)| *c == entry.class) {
                given.push((entry.class, line_no));
            }
        }
    }
    out
}

/// [`check`] on a file; the diagnostics name it by its path. Only a file
/// that cannot be opened is an `Err`.
pub fn check_file(path: impl AsRef<Path>) -> Result<Vec<Diagnostic>> {
    let path = path.as_ref();
    let file = std::fs::File::open(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(check(
        &path.display().to_string(),
        std::io::BufReader::new(file),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &[u8]) -> Vec<String> {
        check("d.txt", text).iter().map(|d| d.to_string()).collect()
    }

    #[test]
    fn a_clean_dictionary_has_no_diagnostics() {
        let dict = "\u{feff}# places\r\n七宝镇\tplace.town\tparent=上海市/闵行区;short=七宝\r\n\n七宝村\tplace.village\tshort=七宝\n和\tsurname\tambiguous=1";
        assert_eq!(found(dict.as_bytes()), Vec::<String>::new());
    }

    #[test]
    fn every_malformed_line_is_an_error_with_its_line() {
        let dict = "a\torg\nno tab\n\torg\nb\tcity\nc\torg\tcolour=red\nd\torg\tx\ty\ne\tplace.town\tshort=e\nf\x01g\torg\n";
        let d = check("d.txt", dict.as_bytes());
        let lines: Vec<usize> = d.iter().map(|d| d.line).collect();
        assert_eq!(lines, [2, 3, 4, 5, 6, 7, 8]);
        assert!(d.iter().all(|d| d.severity == Severity::Error));
        // The same message the loader gives for the first of them.
        let loader = crate::Lexicon::builder()
            .add_reader("d.txt", dict.as_bytes())
            .map(|_| ())
            .unwrap_err()
            .to_string();
        assert_eq!(d[0].to_string(), loader);
    }

    #[test]
    fn bytes_that_are_not_utf8_are_an_error_and_the_check_goes_on() {
        let f = found(b"a\torg\n\xff\xfe\torg\nb\tcity\n");
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(f[0].starts_with("d.txt:2: not UTF-8"), "{f:?}");
        assert!(f[1].starts_with("d.txt:3: unknown kind `city`"), "{f:?}");
    }

    #[test]
    fn duplicates_and_conflicting_kinds_are_warnings() {
        let dict = "区委\torg\n区委\torg\n区委\ttitle.org\n区委\torg\n七宝镇\tplace.town\tshort=七宝\n七宝\tplace.town\n";
        let d = check("d.txt", dict.as_bytes());
        assert!(d.iter().all(|d| d.severity == Severity::Warning));
        let f: Vec<String> = d.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            f,
            [
                "d.txt:2: warning: `区委` (org) is listed again; first at line 1",
                "d.txt:3: warning: `区委` is title.org here but org at line 1",
                "d.txt:4: warning: `区委` (org) is listed again; first at line 1",
                "d.txt:6: warning: `七宝` is place.town here but place.short at line 5",
            ]
        );
    }

    #[test]
    fn one_short_form_of_two_places_is_no_duplicate() {
        let dict = "七宝镇\tplace.town\tshort=七宝\n七宝村\tplace.village\tshort=七宝\n七宝镇\tplace.town\tshort=七宝\n";
        let f = found(dict.as_bytes());
        assert_eq!(
            f,
            [
                "d.txt:3: warning: `七宝镇` (place.town) is listed again; first at line 1",
                "d.txt:3: warning: the short form `七宝` of `七宝镇` is listed again; first at line 1",
            ]
        );
    }

    #[test]
    fn an_unopenable_file_is_an_io_error() {
        let err = check_file("/nonexistent/dict.txt").unwrap_err();
        assert!(
            err.to_string().starts_with("/nonexistent/dict.txt: "),
            "{err}"
        );
    }
}
