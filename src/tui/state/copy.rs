//! `y` and `Y`: what to copy and what the status line says. Pure: the copy
//! itself is an `Effect::Copy` the event loop carries out (see `clipboard`).

use brief_core::text::{is_dangerous, truncate};

use super::{Effect, State};

/// Beyond this many bytes some terminals drop an OSC 52 sequence (xterm,
/// hterm and others cap it): the copy is still sent (see `tui::clipboard`),
/// with a warning.
const LARGE: usize = 100_000;

/// `y`: the selected briefing as Markdown, the same as `brief show ID --markdown`.
pub(super) fn markdown(state: &mut State, effects: &mut Vec<Effect>) {
    let (Some(corpus), Some(b)) = (state.folder.corpus.clone(), state.acted_on()) else {
        state.message = Some(state.text().nothing_copied.into());
        return;
    };
    let (t, lang) = (state.text(), state.prefs.lang);
    let text = brief_core::markdown::briefing(&corpus, &b, lang);
    // Sent, not copied: brief cannot know whether the terminal took it.
    let mut message = (t.sent_markdown)(&truncate(&b.title, 40), &lang.number(text.len()));
    if text.len() > LARGE {
        message.push_str(t.copy_large);
    }
    state.message = Some(message);
    effects.push(Effect::Copy { text });
}

/// `Y`: the selected briefing's source URL, unless it has none or it holds
/// control characters (which a paste could run).
pub(super) fn url(state: &mut State, effects: &mut Vec<Effect>) {
    let Some(b) = state.acted_on() else {
        state.message = Some(state.text().nothing_copied.into());
        return;
    };
    let t = state.text();
    let url = b.source.url.as_deref().map(str::trim).unwrap_or_default();
    if url.is_empty() {
        state.message = Some(t.no_url.into());
        return;
    }
    if url.chars().any(is_dangerous) {
        state.message = Some(t.url_dangerous.into());
        return;
    }
    state.message = Some((t.sent_url)(&truncate(url, 60)));
    effects.push(Effect::Copy {
        text: url.to_string(),
    });
}
