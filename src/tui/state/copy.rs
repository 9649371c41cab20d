//! `y` and `Y`: what to copy and what the status line says. Pure: the copy
//! itself is an `Effect::Copy` the event loop carries out (see `clipboard`).

use brief_core::text::{is_dangerous, truncate};

use super::{Effect, State};
use crate::tui::clipboard::{LARGE, thousands};

const NOTHING: &str = "no briefing selected: nothing copied";

/// `y`: the selected briefing as Markdown, the same as `brief show ID --markdown`.
pub fn markdown(state: &mut State, effects: &mut Vec<Effect>) {
    let (Some(corpus), Some(b)) = (state.corpus.clone(), state.acted_on()) else {
        state.message = Some(NOTHING.into());
        return;
    };
    let text = brief_core::markdown::briefing(&corpus, &b);
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
    let Some(b) = state.acted_on() else {
        state.message = Some(NOTHING.into());
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
