//! The dictionary line format and its errors.

use super::{Entry, LexClass};
use crate::error::{Error, Result};
use std::io::BufRead;

/// Reads every line of a dictionary; the first bad line is an error naming
/// `name:LINE`.
pub(crate) fn read<R: BufRead>(name: &str, reader: R) -> Result<Vec<Entry>> {
    let mut out = Vec::new();
    for (i, line) in reader.lines().enumerate() {
        let line_no = i + 1;
        let line = line.map_err(|e| Error::Dictionary {
            source_name: name.to_string(),
            line: line_no,
            message: format!("cannot read the line: {e}"),
        })?;
        let mut entries = parse_line(&line).map_err(|message| Error::Dictionary {
            source_name: name.to_string(),
            line: line_no,
            message,
        })?;
        out.append(&mut entries);
    }
    Ok(out)
}

/// Parses one line: nothing for blanks and comments, one entry, or two when
/// the line names a short form.
pub(crate) fn parse_line(line: &str) -> std::result::Result<Vec<Entry>, String> {
    let line = line.trim_end_matches(['\r', '\n']);
    let line = line.strip_prefix('\u{feff}').unwrap_or(line);
    if line.trim().is_empty() || line.trim_start().starts_with('#') {
        return Ok(Vec::new());
    }
    let mut cols = line.split('\t');
    let text = cols.next().unwrap_or("").trim();
    let kind = cols
        .next()
        .ok_or_else(|| format!("expected `TEXT<TAB>KIND`, found no tab in `{line}`"))?
        .trim();
    let attrs = cols.next().unwrap_or("").trim();
    if cols.next().is_some() {
        return Err(format!(
            "too many tab-separated columns in `{line}` (at most 3)"
        ));
    }
    if text.is_empty() {
        return Err("empty entry text".to_string());
    }
    if text.chars().any(|c| c.is_control()) {
        return Err(format!(
            "entry `{}` holds a control character",
            text.escape_debug()
        ));
    }
    let class = LexClass::parse(kind).ok_or_else(|| {
        format!(
            "unknown kind `{kind}` (expected one of: {})",
            LexClass::NAMES.join(", ")
        )
    })?;
    let mut entry = Entry {
        text: text.to_string(),
        class,
        parent: None,
        full: None,
        ambiguous: false,
    };
    let mut short = None;
    for attr in attrs.split(';').map(str::trim).filter(|a| !a.is_empty()) {
        let (k, v) = attr
            .split_once('=')
            .ok_or_else(|| format!("attribute `{attr}` is not KEY=VALUE"))?;
        let v = v.trim();
        if v.is_empty() {
            return Err(format!("attribute `{k}` has an empty value"));
        }
        match k.trim() {
            "parent" => entry.parent = Some(v.to_string()),
            "short" => short = Some(v.to_string()),
            "full" => entry.full = Some(v.to_string()),
            "ambiguous" => entry.ambiguous = v == "1" || v == "true",
            // Informational attributes of the generated gazetteers.
            "continent" => {}
            other => {
                return Err(format!(
                    "unknown attribute `{other}` (expected parent, short, full, ambiguous or continent)"
                ));
            }
        }
    }
    let mut out = Vec::with_capacity(2);
    if let Some(s) = short {
        if s == entry.text {
            return Err(format!("short form `{s}` equals the entry itself"));
        }
        out.push(Entry {
            text: s,
            class: LexClass::PlaceShort,
            parent: entry.parent.clone(),
            full: Some(entry.text.clone()),
            ambiguous: false,
        });
    }
    out.insert(0, entry);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_lines() {
        assert!(parse_line("# comment").unwrap().is_empty());
        assert!(parse_line("   ").unwrap().is_empty());
        let e = parse_line("七宝镇\tplace.town\tparent=上海市/闵行区;short=七宝").unwrap();
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].parent.as_deref(), Some("上海市/闵行区"));
        assert_eq!(e[1].text, "七宝");
        assert_eq!(e[1].full.as_deref(), Some("七宝镇"));
    }

    #[test]
    fn bad_lines_say_why() {
        assert!(parse_line("七宝镇").unwrap_err().contains("no tab"));
        assert!(
            parse_line("七宝镇\tcity")
                .unwrap_err()
                .contains("unknown kind")
        );
        assert!(parse_line("\torg").unwrap_err().contains("empty"));
        assert!(
            parse_line("a\torg\tcolour=red")
                .unwrap_err()
                .contains("unknown attribute")
        );
        assert!(parse_line("a\torg\tx\ty").unwrap_err().contains("too many"));
    }

    #[test]
    fn errors_name_file_and_line() {
        let err = read("user.txt", "ok\torg\n\nbad line\n".as_bytes()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "user.txt:3: expected `TEXT<TAB>KIND`, found no tab in `bad line`"
        );
    }
}
