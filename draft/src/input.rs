//! What a draft is made from: the article's bytes, bounded, decoded by the
//! charset they declare or the one they look like, and refused when they are
//! no article at all (empty, or not text).

use encoding_rs::{Encoding, UTF_8};

/// The most bytes a draft reads: a saved article is well under 1 MiB, a saved
/// page with its inline scripts and styles a few. Beyond, nothing is drafted.
pub const MAX_INPUT: usize = 16 * 1024 * 1024;

/// Why an input gives no draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Nothing but white space (or nothing at all).
    Empty,
    /// Over `MAX_INPUT` bytes.
    TooLarge,
    /// Binary data: `bad` of the first `seen` characters are control
    /// characters or bytes the charset cannot decode.
    NotText { bad: usize, seen: usize },
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Empty => f.write_str("is empty: there is no article to draft from"),
            Refusal::TooLarge => write!(
                f,
                "is over {} MiB ({MAX_INPUT} bytes), the most a draft reads; nothing drafted",
                MAX_INPUT >> 20
            ),
            Refusal::NotText { bad, seen } => write!(
                f,
                "is not text ({bad} of its first {seen} characters are control characters or \
                 undecodable bytes); nothing drafted"
            ),
        }
    }
}

/// The article as text, and the charset it was read in.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
}

/// The text of `bytes`: by its byte order mark, as UTF-8 when it is valid
/// UTF-8, else by the charset an HTML page declares (`<meta charset=…>`,
/// `content="text/html; charset=…"`), else by the charset it looks like
/// (chardetng). Refused when over `MAX_INPUT`, empty, or not text.
pub fn decode(bytes: &[u8]) -> Result<Decoded, Refusal> {
    if bytes.len() > MAX_INPUT {
        return Err(Refusal::TooLarge);
    }
    let (text, encoding) = if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        (enc.decode_without_bom_handling(&bytes[bom..]).0, enc)
    } else if let Ok(s) = std::str::from_utf8(bytes) {
        (std::borrow::Cow::Borrowed(s), UTF_8)
    } else {
        let enc = declared(bytes).unwrap_or_else(|| detected(bytes));
        (enc.decode_without_bom_handling(bytes).0, enc)
    };
    if text.trim().is_empty() {
        return Err(Refusal::Empty);
    }
    not_text(&text)?;
    Ok(Decoded {
        text: text.into_owned(),
        encoding,
    })
}

/// How much of a text is looked at to tell whether it is text.
const SAMPLE: usize = 64 * 1024;

/// Refuses binary data: more than 1 % of the first characters are C0
/// controls other than tab, line feed, form feed and carriage return (NUL
/// included), DEL, or U+FFFD (bytes the charset could not decode).
fn not_text(text: &str) -> Result<(), Refusal> {
    let mut seen = 0;
    let mut bad = 0;
    for c in text.chars().take(SAMPLE) {
        seen += 1;
        let control = (c < ' ' && !matches!(c, '\t' | '\n' | '\r' | '\x0c')) || c == '\x7f';
        if control || c == char::REPLACEMENT_CHARACTER {
            bad += 1;
        }
    }
    if bad * 100 > seen {
        Err(Refusal::NotText { bad, seen })
    } else {
        Ok(())
    }
}

/// The charset an HTML page declares in its first 4 KiB: `charset=NAME` in
/// a `<meta>` tag. A page declaring UTF-16 in a meta tag is read as UTF-8
/// (as browsers do: such a declaration cannot be read in UTF-16).
fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta") {
        let start = from + at;
        let end = find(&lower[start..], b">").map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let rest = &tag[c + b"charset".len()..];
            let rest = trim_start(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = trim_start(rest);
                let rest = rest.strip_prefix(b"\"").unwrap_or(rest);
                let rest = rest.strip_prefix(b"'").unwrap_or(rest);
                let len = rest
                    .iter()
                    .position(|b| !(b.is_ascii_alphanumeric() || b"-_.:".contains(b)))
                    .unwrap_or(rest.len());
                if let Some(enc) = Encoding::for_label(&rest[..len]) {
                    return Some(
                        if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                            UTF_8
                        } else {
                            enc
                        },
                    );
                }
            }
        }
        from = end;
    }
    None
}

fn trim_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The charset the bytes look like (not UTF-8: they are not valid UTF-8).
fn detected(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Deny)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_by_its_declaration_and_without_one() {
        let page = b"<html><head><meta charset=iso-8859-1></head><body>R\xe9union \xe0 Niamey</body></html>";
        let d = decode(page).map(|d| d.text);
        assert!(
            d.as_deref().is_ok_and(|t| t.contains("Réunion à Niamey")),
            "{d:?}"
        );
        let quoted = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset='ISO-8859-1'\">R\xe9union";
        let d = decode(quoted).map(|d| d.text);
        assert!(d.as_deref().is_ok_and(|t| t.contains("Réunion")), "{d:?}");
        let bare = b"La r\xe9union s'est tenue \xe0 Niamey le 6 mars, avec les experts du Niger.";
        let d = decode(bare).map(|d| d.text);
        assert!(
            d.as_deref()
                .is_ok_and(|t| t.contains("réunion s'est tenue à Niamey")),
            "{d:?}"
        );
    }

    #[test]
    fn a_byte_order_mark_decides() {
        let utf16: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("Réunion".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(&utf16).map(|d| d.text).as_deref(), Ok("Réunion"));
    }

    #[test]
    fn empty_binary_and_oversized_inputs_are_refused() {
        assert_eq!(decode(b"").map(|d| d.text), Err(Refusal::Empty));
        assert_eq!(decode(b" \n\t\r\n").map(|d| d.text), Err(Refusal::Empty));
        let mut x: u32 = 12345;
        let random: Vec<u8> = (0..20_000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                (x >> 24) as u8
            })
            .collect();
        assert!(matches!(decode(&random), Err(Refusal::NotText { .. })));
        assert!(matches!(decode(&[0u8; 100]), Err(Refusal::NotText { .. })));
        assert_eq!(
            decode(&vec![b'a'; MAX_INPUT + 1]).map(|d| d.text),
            Err(Refusal::TooLarge)
        );
    }
}
