//! Marked briefings, a working set for the session (`state/picks.rs`), and
//! the report key.

use super::*;
use brief::tui::state::ReportTo;

/// The report asked for in an update's effects, if any.
fn report(up: &brief::tui::state::Update) -> Option<(Vec<usize>, Option<String>, ReportTo)> {
    up.effects.iter().find_map(|e| match e {
        Effect::Report { docs, query, to } => Some((docs.clone(), query.clone(), *to)),
        _ => None,
    })
}

fn search(state: &mut State, text: &str) {
    act(state, Action::FocusSearch);
    act(state, Action::ClearLine);
    type_text(state, text);
    act(state, Action::Submit);
    assert_eq!(state.focus(), Focus::List);
}

#[test]
fn space_and_m_mark_in_the_list_and_m_in_the_reader() {
    let space = KeyEvent::new(KeyCode::Char(' '), KeyModifiers::NONE);
    let m = KeyEvent::new(KeyCode::Char('m'), KeyModifiers::NONE);
    assert_eq!(
        dispatch(&[Scope::List, Scope::Global], &space),
        Some(Action::Mark)
    );
    assert_eq!(
        dispatch(&[Scope::List, Scope::Global], &m),
        Some(Action::Mark)
    );
    assert_eq!(
        dispatch(&[Scope::Reader, Scope::Global], &m),
        Some(Action::Mark)
    );
    // In a facet pane Space still (un)selects a value.
    assert_eq!(
        dispatch(&[Scope::Facets, Scope::Global], &space),
        Some(Action::Toggle)
    );
}

#[test]
fn marking_moves_on_counts_and_unmarks() {
    let mut state = loaded(120, 40);
    let first = state.selected_id().unwrap().to_string();
    act(&mut state, Action::Mark);
    assert!(state.is_marked(&first));
    assert_eq!(
        state.cursor(),
        1,
        "marking moves on to the next result, as fzf's Tab"
    );
    assert!(state.message().unwrap().contains("(1 marked)"));
    act(&mut state, Action::Mark);
    assert_eq!(state.marked().len(), 2);
    act(&mut state, Action::First);
    act(&mut state, Action::Mark);
    assert!(!state.is_marked(&first));
    assert_eq!(state.marked().len(), 1);
    let status = brief::tui::view::status::summary(&state);
    assert!(status.contains("1 marked"), "{status}");
}

#[test]
fn mark_all_marks_the_results_and_x_clears_them() {
    let mut state = loaded(120, 40);
    search(&mut state, "tunisie");
    let hits = hit_ids(&state);
    assert!(hits.len() >= 2);
    act(&mut state, Action::MarkAll);
    assert_eq!(state.marked(), hits.as_slice());
    // Again: nothing marked twice.
    act(&mut state, Action::MarkAll);
    assert_eq!(state.marked().len(), hits.len());
    act(&mut state, Action::ClearMarks);
    assert!(state.marked().is_empty());
    assert!(state.message().unwrap().contains("cleared"));
    act(&mut state, Action::ClearMarks);
    assert_eq!(state.message(), Some("nothing is marked"));
}

#[test]
fn marks_survive_a_new_query_clearing_the_filters_and_a_reload() {
    let mut state = loaded(120, 40);
    search(&mut state, "manche");
    act(&mut state, Action::Mark);
    search(&mut state, "tunisie");
    act(&mut state, Action::Mark);
    assert_eq!(state.marked().len(), 2);
    assert_eq!(state.marked()[0], CHANNEL);
    act(&mut state, Action::ClearFilters);
    assert_eq!(
        state.marked().len(),
        2,
        "x clears the filters, not the marks"
    );
    // The marked rows are the ones drawn with the mark.
    assert!(state.is_marked(CHANNEL));
    // A live reload keeps them, by id: every position shifts.
    let (dir, mut state) = super::reload::loaded_copy(120, 40);
    act(&mut state, Action::Mark);
    let id = state.marked()[0].clone();
    std::fs::write(
        dir.path().join("toute-nouvelle.yaml"),
        "id: toute-nouvelle\ntitle: \"Réunion toute nouvelle\"\ndate: 2030-01-01\nbody: |\n  Un paragraphe.\n",
    )
    .unwrap();
    super::reload::reload_into(&mut state);
    assert_eq!(state.hits().len(), 9);
    assert_eq!(state.marked(), std::slice::from_ref(&id));
    assert_eq!(
        state
            .marked_docs()
            .iter()
            .map(|&d| id_of(&state, d))
            .collect::<Vec<_>>(),
        vec![id]
    );
}

#[test]
fn j_and_k_go_through_the_marked_even_outside_the_results() {
    let mut state = loaded(120, 40);
    search(&mut state, "manche");
    act(&mut state, Action::Mark);
    search(&mut state, "tunisie");
    let tunisia = hit_ids(&state);
    act(&mut state, Action::Mark);
    act(&mut state, Action::Mark);
    assert_eq!(state.marked().len(), 3);
    act(&mut state, Action::First);
    act(&mut state, Action::Open);
    assert_eq!(state.focus(), Focus::Reader);
    // The reader shows the first of the results; J goes to the first marked
    // briefing after it in the order they were marked.
    let shown = |s: &State| s.reader().doc.map(|d| id_of(s, d));
    assert_eq!(shown(&state).as_deref(), Some(tunisia[0].as_str()));
    act(&mut state, Action::NextBriefing);
    assert_eq!(shown(&state).as_deref(), Some(tunisia[1].as_str()));
    act(&mut state, Action::NextBriefing);
    assert_eq!(state.message(), Some("this is the last marked briefing"));
    act(&mut state, Action::PrevBriefing);
    act(&mut state, Action::PrevBriefing);
    // The Channel meeting is not among the results: the reader shows it anyway.
    assert_eq!(shown(&state).as_deref(), Some(CHANNEL));
    assert!(!hit_ids(&state).contains(&CHANNEL.to_string()));
    assert!(state.message().unwrap().starts_with("1/3"));
    act(&mut state, Action::PrevBriefing);
    assert_eq!(state.message(), Some("this is the first marked briefing"));
    // Back to the list: the cursor's briefing again.
    act(&mut state, Action::Back);
    assert_eq!(state.focus(), Focus::List);
    act(&mut state, Action::Open);
    assert_eq!(shown(&state).as_deref(), Some(tunisia[0].as_str()));
}

#[test]
fn b_u_and_y_act_on_the_marked() {
    let mut state = loaded(120, 40);
    act(&mut state, Action::Mark);
    act(&mut state, Action::Mark);
    let marked = state.marked().to_vec();
    let up = act(&mut state, Action::ToggleBookmark);
    let changes: Vec<Change> = up
        .effects
        .iter()
        .filter_map(|e| match e {
            Effect::Remember(c) => Some(c.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(changes.len(), 2);
    assert!(marked.iter().all(|id| state.is_bookmarked(id)));
    act(&mut state, Action::ToggleBookmark);
    assert!(marked.iter().all(|id| !state.is_bookmarked(id)));
    act(&mut state, Action::ToggleRead);
    assert!(marked.iter().all(|id| state.is_read(id)));
    let up = act(&mut state, Action::CopyMarkdown);
    let (docs, _, to) = report(&up).expect("y copies the marked as a report");
    assert_eq!(to, ReportTo::Clipboard);
    let ids: Vec<String> = docs.iter().map(|&d| id_of(&state, d)).collect();
    assert_eq!(ids, marked);
}

#[test]
fn e_reports_the_marked_or_else_the_results_with_the_query() {
    let mut state = loaded(120, 40);
    search(&mut state, "tunisie");
    let up = act(&mut state, Action::Report);
    let (docs, query, to) = report(&up).expect("E asks for a report");
    assert_eq!(to, ReportTo::File);
    assert_eq!(docs.len(), state.hits().len());
    assert_eq!(query.as_deref(), Some("tunisie"));
    act(&mut state, Action::Mark);
    let up = act(&mut state, Action::Report);
    let (docs, query, _) = report(&up).unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(
        query, None,
        "the marked were picked, not found by the query"
    );
    // Nothing to report: said, no effect.
    act(&mut state, Action::ClearMarks);
    search(&mut state, "zzzzqqq");
    let up = act(&mut state, Action::Report);
    assert!(report(&up).is_none());
}

#[test]
fn the_report_file_is_new_every_time() {
    let dir = tempfile::tempdir().unwrap();
    let date = brief_core::PartialDate::parse("2026-12-07").unwrap();
    let a = brief::tui::report::write_new(dir.path(), date, "one").unwrap();
    let b = brief::tui::report::write_new(dir.path(), date, "two").unwrap();
    let c = brief::tui::report::write_new(dir.path(), date, "three").unwrap();
    assert!(a.ends_with("brief-report-2026-12-07.md"));
    assert!(b.ends_with("brief-report-2026-12-07-2.md"));
    assert!(c.ends_with("brief-report-2026-12-07-3.md"));
    assert_eq!(std::fs::read_to_string(a).unwrap(), "one");
    let corpus = corpus();
    let md = brief::tui::report::markdown(&corpus, &[1, 0], None, None, brief_core::Lang::Fr);
    assert!(md.starts_with("---\ntitle: Fiches\n"), "{md}");
    assert!(md.contains("2 fiches."), "{md}");
}
