//! The briefing list: date as written, title with matched characters, country codes.
//!
//! The title column takes what the date and a compact code column leave. A
//! title too long for it keeps its end (`début…fin`), so briefings whose
//! titles differ only at the end stay apart; the selected row shows its
//! title whole on two lines.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use brief_core::text::{char_width, pad, sanitize, width};

use super::{Theme, marked_spans};
use crate::tui::state::layout::{LIST_LEAD, codes_shown, codes_width, title_width};
use crate::tui::state::{Focus, State};

/// A piece of a title as shown: chars of the title, or the cut mark.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Chars(Range<usize>),
    Cut,
}

/// The chars of `chars[range]` that fit `cells`, from the start (or from the
/// end when `from_end`), as a range.
fn fit(chars: &[char], range: Range<usize>, cells: usize, from_end: bool) -> Range<usize> {
    let mut used = 0;
    if from_end {
        let mut start = range.end;
        while start > range.start && used + char_width(chars[start - 1]) <= cells {
            start -= 1;
            used += char_width(chars[start]);
        }
        start..range.end
    } else {
        let mut end = range.start;
        while end < range.end && used + char_width(chars[end]) <= cells {
            used += char_width(chars[end]);
            end += 1;
        }
        range.start..end
    }
}

fn cells(chars: &[char], range: &Range<usize>) -> usize {
    chars[range.clone()].iter().map(|c| char_width(*c)).sum()
}

/// The longest start of `chars[range]` within `cells` that ends at the end
/// of a word; mid-word only when the first word alone is too long.
fn words_from_start(chars: &[char], range: Range<usize>, cells: usize) -> Range<usize> {
    let fitted = fit(chars, range.clone(), cells, false);
    if fitted.end == range.end || chars[fitted.end].is_whitespace() {
        return fitted;
    }
    match chars[fitted.clone()]
        .iter()
        .rposition(|c| c.is_whitespace())
    {
        Some(space) if space > 0 => fitted.start..fitted.start + space,
        _ => fitted,
    }
}

/// The longest end of `chars[range]` within `cells` that starts at the start
/// of a word; mid-word only when the last word alone is too long.
fn words_from_end(chars: &[char], range: Range<usize>, cells: usize) -> Range<usize> {
    let fitted = fit(chars, range.clone(), cells, true);
    if fitted.start == range.start || chars[fitted.start - 1].is_whitespace() {
        return fitted;
    }
    match chars[fitted.clone()].iter().position(|c| c.is_whitespace()) {
        Some(space) if fitted.start + space + 1 < fitted.end => {
            fitted.start + space + 1..fitted.end
        }
        _ => fitted,
    }
}

/// `chars[range]` in `w` cells: whole, or its start and its end around `…`,
/// each made of whole words (the end gets a third of the room first: where
/// near-identical titles differ; the start what is left).
fn middle_cut(chars: &[char], range: Range<usize>, w: usize) -> Vec<Piece> {
    if cells(chars, &range) <= w {
        return vec![Piece::Chars(range)];
    }
    if w == 0 {
        return Vec::new();
    }
    let room = w - 1;
    let tail = words_from_end(chars, range.clone(), room / 3);
    let head = words_from_start(chars, range.start..tail.start, room - cells(chars, &tail));
    // What the start's last word left goes back to the end, word by word.
    let tail = words_from_end(chars, head.end..range.end, room - cells(chars, &head));
    let head = trim_end(chars, head);
    vec![Piece::Chars(head), Piece::Cut, Piece::Chars(tail)]
}

/// `range` without the whitespace at its end.
fn trim_end(chars: &[char], mut range: Range<usize>) -> Range<usize> {
    while range.end > range.start && chars[range.end - 1].is_whitespace() {
        range.end -= 1;
    }
    range
}

/// `chars` in `w` cells showing the word at `at`, where it differs from a
/// title that would otherwise look the same: `début…mot qui diffère…`.
fn cut_showing(chars: &[char], at: usize, w: usize) -> Vec<Piece> {
    if w < 3 {
        return middle_cut(chars, 0..chars.len(), w);
    }
    let room = w - 2;
    let word = chars[..at]
        .iter()
        .rposition(|c| c.is_whitespace())
        .map_or(0, |s| s + 1);
    let head = trim_end(chars, words_from_start(chars, 0..word, room / 3));
    let rest = room - cells(chars, &head);
    let middle = if word == head.end {
        head.end..head.end
    } else {
        word..word
    };
    let shown = words_from_start(chars, middle.start..chars.len(), rest + 1);
    let mut pieces = vec![Piece::Chars(head)];
    if shown.start > 0 && !chars[..shown.start].iter().all(|c| c.is_whitespace()) {
        pieces.push(Piece::Cut);
    }
    pieces.push(Piece::Chars(shown.clone()));
    if shown.end < chars.len() {
        pieces.push(Piece::Cut);
    }
    // Two cut marks may not both fit the room: fall back to the plain cut.
    let used: usize = pieces
        .iter()
        .map(|p| match p {
            Piece::Chars(r) => cells(chars, r),
            Piece::Cut => 1,
        })
        .sum();
    if used > w {
        return middle_cut(chars, 0..chars.len(), w);
    }
    pieces
}

/// The one-line cuts of several titles, none two the same on screen unless
/// the titles are: a cut that would show two different titles alike shows
/// the word where they differ instead.
fn distinct_cuts(titles: &[Vec<char>], w: usize) -> Vec<Vec<Piece>> {
    let mut cuts: Vec<Vec<Piece>> = titles
        .iter()
        .map(|t| middle_cut(t, 0..t.len(), w))
        .collect();
    let looks: Vec<String> = titles.iter().zip(&cuts).map(|(t, c)| shown(t, c)).collect();
    for i in 0..titles.len() {
        let differ_at = (0..titles.len())
            .filter(|&j| j != i && looks[j] == looks[i] && titles[j] != titles[i])
            .map(|j| {
                titles[i]
                    .iter()
                    .zip(&titles[j])
                    .take_while(|(a, b)| a == b)
                    .count()
            })
            .min();
        if let Some(at) = differ_at {
            cuts[i] = cut_showing(&titles[i], at.min(titles[i].len()), w);
        }
    }
    cuts
}

/// The text a cut shows, `…` for the cut marks.
fn shown(chars: &[char], pieces: &[Piece]) -> String {
    pieces
        .iter()
        .map(|p| match p {
            Piece::Cut => "…".to_string(),
            Piece::Chars(r) => chars[r.clone()].iter().collect(),
        })
        .collect()
}

/// The title of the selected row on two lines of `w` cells: broken at the
/// last space that fits, the rest cut in the middle if still too long.
fn two_lines(chars: &[char], w: usize) -> [Vec<Piece>; 2] {
    let first = fit(chars, 0..chars.len(), w, false);
    let mut end = first.end;
    if end < chars.len()
        && let Some(space) = chars[..end].iter().rposition(|c| c.is_whitespace())
        && space > 0
    {
        end = space;
    }
    let mut rest = end;
    while rest < chars.len() && chars[rest].is_whitespace() {
        rest += 1;
    }
    [
        vec![Piece::Chars(0..end)],
        middle_cut(chars, rest..chars.len(), w),
    ]
}

/// `FR BE NL +2`: the first codes that fit `shown`, then how many more.
fn compact_codes(codes: &[&str], shown: usize) -> String {
    if codes.len() <= shown {
        return codes.join(" ");
    }
    format!("{} +{}", codes[..shown].join(" "), codes.len() - shown)
}

/// Spans for the pieces of a title, its matched chars highlighted.
fn piece_spans<'a>(
    chars: &[char],
    pieces: &[Piece],
    marks: &[Range<usize>],
    style: Style,
    mark: Style,
) -> (Vec<Span<'a>>, usize) {
    let mut spans = Vec::new();
    let mut used = 0;
    for p in pieces {
        match p {
            Piece::Cut => {
                spans.push(Span::styled("…", style));
                used += 1;
            }
            Piece::Chars(r) => {
                let text: String = chars[r.clone()].iter().collect();
                used += width(&text);
                let local: Vec<Range<usize>> = marks
                    .iter()
                    .filter(|m| m.start < r.end && m.end > r.start)
                    .map(|m| m.start.max(r.start) - r.start..m.end.min(r.end) - r.start)
                    .collect();
                spans.extend(marked_spans(&text, &local, style, mark));
            }
        }
    }
    (spans, used)
}

pub fn render(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let focused = matches!(state.focus(), Focus::List | Focus::Search);
    let total = state.corpus().as_ref().map_or(0, |c| c.briefings.len());
    let t = state.text();
    let lang = state.lang();
    let mut title = format!(
        "{} {}/{}",
        t.briefings,
        lang.number(state.hits().len()),
        lang.number(total)
    );
    match state.only() {
        Some(brief_core::model::Only::Unread) => {
            title = format!("{title} · {}", t.only_unread);
        }
        Some(brief_core::model::Only::Bookmarked) => {
            title = format!("{title} · {}", t.only_bookmarked);
        }
        None => {}
    }
    if state.sort() == brief_core::model::Sort::Date && !state.query().is_unranked() {
        title = format!("{title} · {}", t.by_date);
    }
    let block = theme.pane(title, focused);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(corpus) = &state.corpus() else {
        let msg = match state.loading() {
            Some((done, total)) if total > 0 => {
                (t.loading_files)(&lang.number(done), &lang.number(total))
            }
            _ => t.loading.to_string(),
        };
        frame.render_widget(Paragraph::new(msg).style(theme.dim()), inner);
        return;
    };
    if state.hits().is_empty() {
        // An empty folder has its own screen (`empty.rs`).
        let msg = super::empty::no_results(state, theme);
        frame.render_widget(
            Paragraph::new(msg).wrap(ratatui::widgets::Wrap { trim: false }),
            inner,
        );
        return;
    }
    let w = usize::from(inner.width);
    let height = usize::from(inner.height);
    // A fixed column for the codes keeps the titles aligned.
    let codes_w = codes_width(w);
    let title_w = title_width(w, codes_w);
    let mut lines = Vec::with_capacity(height);
    // The titles that can be on screen, cut so that no two look the same.
    let visible = state.hits().iter().skip(state.offset()).take(height);
    let titles: Vec<Vec<char>> = visible
        .map(|h| {
            corpus
                .briefings
                .get(h.doc)
                .map_or_else(Vec::new, |b| sanitize(&b.title, false).chars().collect())
        })
        .collect();
    let cuts = distinct_cuts(&titles, title_w);
    for (row, hit) in state.hits().iter().enumerate().skip(state.offset()) {
        if lines.len() >= height {
            break;
        }
        let Some(b) = corpus.briefings.get(hit.doc) else {
            continue;
        };
        let selected = row == state.cursor();
        let marker = if selected { theme.marker() } else { " " };
        // A marked row shows a glyph in the cell after the cursor's: seen
        // without colour.
        let picked = if state.is_marked(&b.id) {
            theme.mark_sign()
        } else {
            " "
        };
        let unread = !state.is_read(&b.id);
        // Marker, unread dot and bookmark star, each followed by a space: five cells.
        let flags = format!(
            "{}{} ",
            if unread { theme.unread_sign() } else { " " },
            if state.is_bookmarked(&b.id) {
                theme.bookmark_sign()
            } else {
                " "
            }
        );
        // Undated: the same word as the reader's date line.
        let date = b
            .date
            .map_or_else(|| state.text().undated.to_string(), |d| d.to_string());
        let codes: Vec<&str> = b.countries.iter().map(|c| c.as_str()).collect();
        let codes = if codes_w == 0 {
            String::new()
        } else {
            pad(&compact_codes(&codes, codes_shown(w)), codes_w)
        };
        let at = row - state.offset();
        let Some(chars) = titles.get(at) else {
            break;
        };
        let rows = if selected && cells(chars, &(0..chars.len())) > title_w {
            two_lines(chars, title_w).to_vec()
        } else {
            cuts.get(at).cloned().into_iter().collect()
        };
        let base = if selected {
            theme.selected()
        } else {
            Style::new()
        };
        let title_style = if unread {
            base.patch(theme.unread())
        } else {
            base
        };
        let marks = brief_core::search::title_ranges(state.query(), &b.title);
        for (i, pieces) in rows.iter().enumerate() {
            if lines.len() >= height {
                break;
            }
            let mut spans = if i == 0 {
                vec![
                    Span::styled(marker.to_string(), base),
                    Span::styled(picked.to_string(), base.patch(theme.marked())),
                    Span::styled(flags.clone(), base.patch(theme.marked())),
                    Span::styled(format!("{date:<10} "), base.patch(theme.dim())),
                ]
            } else {
                vec![Span::styled(" ".repeat(LIST_LEAD), base)]
            };
            let (title_spans, used) = piece_spans(
                chars,
                pieces,
                &marks,
                title_style,
                title_style.patch(theme.highlight()),
            );
            spans.extend(title_spans);
            let used = LIST_LEAD + used;
            let right = if i == 0 { codes.as_str() } else { "" };
            let gap = w.saturating_sub(used + width(right));
            spans.push(Span::styled(" ".repeat(gap), base));
            spans.push(Span::styled(right.to_string(), base.patch(theme.accent())));
            lines.push(Line::from(spans));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
    if state.hits().len() > height {
        let mut sb =
            ScrollbarState::new(state.hits().len().saturating_sub(height)).position(state.offset());
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight),
            area,
            &mut sb,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_title_shows_whole_words() {
        for (title, w) in [
            (
                "Visite d’étude en Italie sur la gestion des frontières de Méditerranéen Central",
                40,
            ),
            ("France : la crise frappe les petites entreprises", 24),
        ] {
            let chars: Vec<char> = title.chars().collect();
            let s = shown(&chars, &middle_cut(&chars, 0..chars.len(), w));
            assert!(width(&s) <= w, "{s}");
            let words: Vec<&str> = title.split_whitespace().collect();
            for part in s.split('…') {
                for word in part.split_whitespace() {
                    assert!(words.contains(&word), "'{word}' of '{s}' is cut");
                }
            }
        }
    }

    #[test]
    fn two_titles_never_look_the_same() {
        let titles: Vec<Vec<char>> = [
            "Patinage artistique : résultats de la finale du Grand Prix saison 2018-2019",
            "Patinage artistique : résultats des championnats d'Europe saison 2018-2019",
        ]
        .iter()
        .map(|t| t.chars().collect())
        .collect();
        for w in [20, 30, 40, 50] {
            let cuts = distinct_cuts(&titles, w);
            let a = shown(&titles[0], &cuts[0]);
            let b = shown(&titles[1], &cuts[1]);
            assert_ne!(a, b, "at {w}");
            assert!(width(&a) <= w && width(&b) <= w, "{a} / {b}");
        }
    }

    #[test]
    fn a_long_title_keeps_its_end() {
        let chars: Vec<char> = "Réunion du groupe de travail, session 12".chars().collect();
        let s = shown(&chars, &middle_cut(&chars, 0..chars.len(), 20));
        assert!(width(&s) <= 20);
        assert!(s.ends_with(" 12") || s.ends_with("…12"), "{s}");
        assert!(s.starts_with("Réunion"), "{s}");
    }

    #[test]
    fn the_selected_title_breaks_at_a_space() {
        let chars: Vec<char> = "un deux trois quatre cinq".chars().collect();
        let [a, b] = two_lines(&chars, 12);
        assert_eq!(shown(&chars, &a), "un deux");
        let b = shown(&chars, &b);
        assert!(width(&b) <= 12);
        assert!(b.starts_with("trois") && b.ends_with("inq"), "{b}");
    }

    #[test]
    fn codes_are_compact() {
        assert_eq!(compact_codes(&["FR", "BE"], 3), "FR BE");
        assert_eq!(
            compact_codes(&["FR", "BE", "NL", "DE", "GB"], 3),
            "FR BE NL +2"
        );
        assert_eq!(compact_codes(&["FR", "BE"], 1), "FR +1");
    }
}
