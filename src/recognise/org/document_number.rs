//! The issuer's code of a document number (`某政办〔2023〕12号`), which is
//! no mention of a body (`reject.document-number`).

use super::super::Scan;
use crate::recognise::lengths::YEAR_DIGITS;
use crate::span::Span;

/// True when `span` is the issuer's code of a document number
/// (`某政办〔2023〕12号`, `区府办[2022]5号`): a code, not a mention of a
/// body.
pub(crate) fn opens_document_number(scan: &Scan<'_>, span: Span) -> bool {
    let rest = &scan.text[span.end..];
    let Some(after) = rest.strip_prefix(['〔', '[', '【', '(', '\u{FF08}', '\u{FF3B}']) else {
        return false;
    };
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    digits == YEAR_DIGITS
        && after[digits..].starts_with(['〕', ']', '】', ')', '\u{FF09}', '\u{FF3D}'])
}
