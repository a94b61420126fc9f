//! The frame both pages share: the head with its Content-Security-Policy,
//! one inline style sheet and at most one inline script.
//!
//! The policy allows nothing from anywhere (`default-src 'none'`) but the
//! page's own style sheet and script, each named by its SHA-256 hash: no
//! remote load, no other inline script, no `on…=` handler attribute and no
//! `style=` attribute can run, even if some text escaped the escaping.

use super::escape;
use base64::Engine as _;
use sha2::{Digest, Sha256};
use std::io::{self, Write};

/// The colours of the entity and node types, shared by both pages.
const COMMON_CSS: &str = include_str!("assets/common.css");

/// A CSP source naming `content` by hash (`'sha256-…'`).
pub(crate) fn csp_hash(content: &str) -> String {
    let digest = Sha256::digest(content.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The Content-Security-Policy of a page with this style sheet and script.
pub(crate) fn policy(style: &str, script: Option<&str>) -> String {
    let script = script.map_or_else(|| "'none'".to_string(), csp_hash);
    format!(
        "default-src 'none'; style-src {}; script-src {script}; img-src 'none'; \
         base-uri 'none'; form-action 'none'",
        csp_hash(style)
    )
}

/// One page: its title, its own style sheet (after the common one) and its
/// script, if any.
pub(crate) struct Page<'a> {
    /// The `<title>`; escaped here.
    pub title: &'a str,
    /// The page's own CSS.
    pub css: &'static str,
    /// The page's JavaScript, placed at the end of the body.
    pub script: Option<&'static str>,
}

impl Page<'_> {
    fn style(&self) -> String {
        format!("{COMMON_CSS}{}", self.css)
    }

    /// Writes everything up to and including `<body>`.
    pub fn head<W: Write + ?Sized>(&self, w: &mut W) -> io::Result<()> {
        let style = self.style();
        write!(
            w,
            "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"generator\" content=\"govkg {}\">\n\
             <title>{}</title>\n<style>{style}</style>\n</head>\n<body>\n",
            // Only ASCII letters, digits, quotes and `+/=;-` (no `"`, `&`,
            // `<`): it needs no escaping in the attribute.
            policy(&style, self.script),
            env!("CARGO_PKG_VERSION"),
            escape::html(self.title),
        )
    }

    /// Writes the script, if any, and closes the page.
    pub fn tail<W: Write + ?Sized>(&self, w: &mut W) -> io::Result<()> {
        if let Some(js) = self.script {
            writeln!(w, "<script>{js}</script>")?;
        }
        w.write_all(b"</body>\n</html>\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_sha256_in_base64() {
        // printf '' | openssl dgst -sha256 -binary | base64
        assert_eq!(
            csp_hash(""),
            "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
        );
    }

    #[test]
    fn policy_names_exactly_the_page_style_and_script() {
        let p = Page {
            title: "<t>",
            css: "b{}",
            script: Some("1;"),
        };
        let mut out = Vec::new();
        p.head(&mut out).unwrap();
        p.tail(&mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(s.contains(&csp_hash(&p.style())), "style hash");
        assert!(s.contains(&csp_hash("1;")), "script hash");
        assert!(s.contains("content=\"default-src 'none'; "));
        let csp = policy(&p.style(), p.script);
        assert!(!csp.contains(['"', '&', '<', '>']), "{csp}");
        assert!(!s.contains("unsafe-inline"));
        assert!(s.contains("<title>&lt;t&gt;</title>"));
        assert!(s.contains("<script>1;</script>"));
        assert!(policy("", None).contains("script-src 'none'"));
    }
}
