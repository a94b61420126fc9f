//! Reading with a size limit: a line or a whole input is never buffered
//! beyond the limit, so an input of any size (a 1 GB file without a
//! newline) costs at most the limit in memory.

use std::io::{self, BufRead, Read};

/// What [`read_line`] found.
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    /// A line (without its `\n`) is in the buffer.
    Read,
    /// The line was longer than the limit; its bytes (this many, without
    /// the `\n`) were skipped and the buffer holds nothing useful.
    TooLong(u64),
    /// End of input.
    Eof,
}

/// Reads one line into `buf` (cleared first), keeping at most `max` bytes.
/// A longer line is skipped to its end without being stored.
pub fn read_line(r: &mut impl BufRead, buf: &mut Vec<u8>, max: usize) -> io::Result<Line> {
    buf.clear();
    let mut len: u64 = 0;
    let mut any = false;
    let mut too_long = false;
    loop {
        let chunk = match r.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        any = true;
        let (part, done) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (&chunk[..i], Some(i + 1)),
            None => (chunk, None),
        };
        len += part.len() as u64;
        if !too_long {
            if buf.len() + part.len() > max {
                too_long = true;
                buf.clear();
                buf.shrink_to(64 << 10);
            } else {
                buf.extend_from_slice(part);
            }
        }
        let used = done.unwrap_or(chunk.len());
        r.consume(used);
        if done.is_some() {
            break;
        }
    }
    Ok(if !any {
        Line::Eof
    } else if too_long {
        Line::TooLong(len)
    } else {
        Line::Read
    })
}

/// What [`read_all`] found.
#[derive(Debug, PartialEq, Eq)]
pub enum All {
    /// The whole input is in the buffer.
    Read,
    /// The input has more than the limit; reading stopped there.
    TooLong,
}

/// Reads all of `r` into `buf`, or stops (and clears `buf`) once it holds
/// more than `max` bytes.
pub fn read_all(r: &mut impl Read, buf: &mut Vec<u8>, max: usize) -> io::Result<All> {
    let limit = (max as u64).saturating_add(1);
    r.take(limit).read_to_end(buf)?;
    if buf.len() > max {
        *buf = Vec::new();
        return Ok(All::TooLong);
    }
    Ok(All::Read)
}

/// A byte count for messages: `1.5 MiB`, `64 MiB`, `900 bytes`.
pub fn human(n: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if n < 1024 {
        return format!("{n} bytes");
    }
    let mut v = n as f64 / 1024.0;
    let mut unit = 0;
    while v >= 1024.0 && unit + 1 < UNITS.len() {
        v /= 1024.0;
        unit += 1;
    }
    if v.fract() == 0.0 {
        format!("{v:.0} {}", UNITS[unit])
    } else {
        format!("{v:.1} {}", UNITS[unit])
    }
}

/// Parses a size such as `65536`, `64K`, `64MiB`, `1G` (binary units).
pub fn parse_size(s: &str) -> Result<usize, String> {
    let t = s.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(digits);
    let n: usize = num
        .parse()
        .map_err(|_| format!("{s:?} is no size (try 65536, 64K, 64M or 1G)"))?;
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => return Err(format!("{s:?}: unknown unit (use K, M or G)")),
    };
    let v = n
        .checked_mul(1usize << shift)
        .ok_or_else(|| format!("{s:?} is too large"))?;
    if v == 0 {
        return Err("the size must be at least 1 byte".into());
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::BufReader;

    #[test]
    fn lines_within_and_over_the_limit() {
        let data = b"short\nthis line is too long\n\nlast";
        // A tiny buffer, so lines cross buffer refills.
        let mut r = BufReader::with_capacity(4, &data[..]);
        let mut buf = Vec::new();
        assert_eq!(read_line(&mut r, &mut buf, 8).unwrap(), Line::Read);
        assert_eq!(buf, b"short");
        assert_eq!(read_line(&mut r, &mut buf, 8).unwrap(), Line::TooLong(21));
        assert_eq!(read_line(&mut r, &mut buf, 8).unwrap(), Line::Read);
        assert_eq!(buf, b"");
        assert_eq!(read_line(&mut r, &mut buf, 8).unwrap(), Line::Read);
        assert_eq!(buf, b"last");
        assert_eq!(read_line(&mut r, &mut buf, 8).unwrap(), Line::Eof);
    }

    #[test]
    fn whole_input_limit() {
        let mut buf = Vec::new();
        assert_eq!(
            read_all(&mut &b"12345"[..], &mut buf, 5).unwrap(),
            All::Read
        );
        assert_eq!(buf, b"12345");
        let mut buf = Vec::new();
        assert_eq!(
            read_all(&mut &b"123456"[..], &mut buf, 5).unwrap(),
            All::TooLong
        );
        assert!(buf.is_empty());
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("65536"), Ok(65536));
        assert_eq!(parse_size("64K"), Ok(64 << 10));
        assert_eq!(parse_size("64MiB"), Ok(64 << 20));
        assert_eq!(parse_size("1g"), Ok(1 << 30));
        assert!(parse_size("0").is_err());
        assert!(parse_size("12X").is_err());
        assert!(parse_size("").is_err());
        assert_eq!(human(900), "900 bytes");
        assert_eq!(human(64 << 20), "64 MiB");
        assert_eq!(human(1536), "1.5 KiB");
    }
}
