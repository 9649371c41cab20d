//! `y` and `Y`: what to copy and what the status line says. Pure: the copy
//! itself is an `Effect::Copy` the event loop carries out (see `clipboard`).

use crate::text::{is_dangerous, truncate};

use super::clipboard::{LARGE, thousands};
use super::state::{Effect, State};

/// `y`: the selected briefing as Markdown, the same as `brief show ID --markdown`.
pub fn markdown(state: &mut State, effects: &mut Vec<Effect>) {
    let corpus = state.corpus.clone();
    let Some(b) = state
        .selected_doc()
        .and_then(|d| corpus.as_ref().and_then(|c| c.briefings.get(d)))
    else {
        state.message = Some("no briefing selected: nothing copied".into());
        return;
    };
    let Some(corpus) = corpus.as_ref() else {
        return;
    };
    let text = crate::markdown::briefing(corpus, b);
    let mut message = format!(
        "copied '{}' as Markdown ({} bytes) to the clipboard (OSC 52)",
        truncate(&b.title, 40),
        thousands(text.len())
    );
    if text.len() > LARGE {
        message.push_str("; over 100 KB, some terminals refuse that much");
    }
    state.message = Some(message);
    effects.push(Effect::Copy { text });
}

/// `Y`: the selected briefing's source URL, unless it has none or it holds
/// control characters (which a paste could run).
pub fn url(state: &mut State, effects: &mut Vec<Effect>) {
    let corpus = state.corpus.clone();
    let Some(b) = state
        .selected_doc()
        .and_then(|d| corpus.as_ref().and_then(|c| c.briefings.get(d)))
    else {
        state.message = Some("no briefing selected: nothing copied".into());
        return;
    };
    let url = b.source.url.as_deref().map(str::trim).unwrap_or_default();
    if url.is_empty() {
        state.message = Some("this briefing has no source URL".into());
        return;
    }
    if url.chars().any(is_dangerous) {
        state.message =
            Some("this briefing's source URL holds control characters: not copied".into());
        return;
    }
    state.message = Some(format!(
        "copied the source URL {} to the clipboard (OSC 52)",
        truncate(url, 60)
    ));
    effects.push(Effect::Copy {
        text: url.to_string(),
    });
}
