//! What reading a query refused (`QueryError`) or changed (`Notice`), each
//! said in the interface language.

use super::{MAX_TERMS, MAX_WORD_CHARS};
use crate::lang::Lang;
use crate::model::CountryCode;

/// What was cut from an oversized query. `message` says it in the interface
/// language, `Display` in English (the CLI's notes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// Terms beyond the first `MAX_TERMS` were left unread.
    TermsCut,
    /// Words were cut to `MAX_WORD_CHARS` letters.
    WordsCut,
}

impl Notice {
    pub fn message(self, lang: Lang) -> String {
        let t = lang.text();
        match self {
            Notice::TermsCut => (t.query_cut)(MAX_TERMS),
            Notice::WordsCut => (t.words_cut)(MAX_WORD_CHARS),
        }
    }
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// Why a query or a typed value was refused. `message` says it in the
/// interface language; it quotes what was typed, so `Display` (English)
/// shows it neutralised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryError {
    UnclosedQuote,
    UnknownCountry {
        value: String,
        suggestion: Option<CountryCode>,
    },
    UnknownActor {
        value: String,
        suggestion: Option<String>,
    },
    InvalidYear {
        value: String,
    },
    InvalidYearRange {
        value: String,
        from: u16,
        to: u16,
    },
    UnknownFilter {
        key: String,
    },
    NeedsValue {
        key: String,
        example: &'static str,
    },
    InvalidDate {
        /// The filter as typed: `date:2021-13`, `--since 21`.
        value: String,
        reason: String,
    },
    /// Only operators or empty quotes: `-`, `""`, `*`, `:`.
    NothingToSearch {
        input: String,
    },
}

impl QueryError {
    /// What went wrong, in `lang`, with what was typed quoted as typed.
    pub fn message(&self, lang: Lang) -> String {
        let t = lang.text();
        match self {
            QueryError::UnclosedQuote => t.unclosed_quote.to_string(),
            QueryError::UnknownCountry {
                value,
                suggestion: Some(c),
            } => (t.unknown_country_hint)(value, c.name(lang), c.as_str()),
            QueryError::UnknownCountry { value, .. } => (t.unknown_country)(value),
            QueryError::UnknownActor {
                value,
                suggestion: Some(a),
            } => (t.unknown_actor_hint)(value, a),
            QueryError::UnknownActor { value, .. } => (t.unknown_actor)(value),
            QueryError::InvalidYear { value } => (t.invalid_year)(value),
            QueryError::InvalidYearRange { value, from, to } => {
                (t.invalid_year_range)(value, *from, *to)
            }
            QueryError::UnknownFilter { key } => (t.unknown_filter)(key),
            QueryError::NeedsValue { key, example } => (t.filter_needs_value)(key, example),
            QueryError::InvalidDate { value, reason } => format!("{value}: {reason}"),
            QueryError::NothingToSearch { input } => (t.nothing_to_search)(input),
        }
    }

    /// True when the query is well formed but names nothing known: an
    /// answer of 0 results, not a usage error.
    pub fn is_unknown_value(&self) -> bool {
        matches!(self, QueryError::UnknownActor { .. })
    }
}

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", crate::text::Neutral(&self.message(Lang::En)))
    }
}

impl std::error::Error for QueryError {}
