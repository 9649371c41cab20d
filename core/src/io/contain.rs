//! Panics from code brief does not own (tantivy reading a damaged index),
//! caught where they happen: `contain(f)` runs `f` and turns a panic into
//! an error holding its message. While it runs, [`is_contained`] is true on
//! that thread, so a panic hook can stay silent: the caller reports it.

use std::any::Any;
use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};

thread_local! {
    static CONTAINING: Cell<u32> = const { Cell::new(0) };
}

/// Runs `f`; a panic in it comes back as `Err(its message)`.
pub fn contain<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    CONTAINING.with(|c| c.set(c.get() + 1));
    let result = catch_unwind(AssertUnwindSafe(f));
    CONTAINING.with(|c| c.set(c.get().saturating_sub(1)));
    result.map_err(|p| payload_text(p.as_ref()))
}

/// Whether a panic on this thread now would be caught by `contain` (for a
/// panic hook, which then prints nothing).
pub fn is_contained() -> bool {
    CONTAINING.with(Cell::get) > 0
}

/// A panic's message, as `panic!` formatted it.
pub fn payload_text(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "an unknown failure".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::panic)]
    fn a_panic_is_an_error_with_its_message_and_is_contained_meanwhile() {
        let r: Result<(), String> = contain(|| {
            assert!(is_contained());
            panic!("flipped {}", 3)
        });
        assert_eq!(r, Err("flipped 3".to_string()));
        assert!(!is_contained());
        assert_eq!(contain(|| 2), Ok(2));
    }
}
