//! Scroll restoration after back and forward: the position the history
//! entry remembers is restored once the page navigated back to has
//! rendered its main content (not before: the page would be too short).

use std::cell::Cell;

thread_local! {
    /// The scroll position to restore once the main content has rendered.
    static PENDING: Cell<Option<f64>> = const { Cell::new(None) };
}

/// Restores `y` once the next main content has rendered ([`restore_soon`]).
pub fn restore_later(y: f64) {
    PENDING.with(|p| p.set(Some(y)));
}

/// Restores a pending scroll position, if any, once the main content that
/// is being rendered is in the document (in the next microtask).
pub fn restore_soon() {
    if PENDING.with(|p| p.get()).is_none() {
        return;
    }
    leptos::task::spawn_local(async {
        if let Some(y) = PENDING.with(|p| p.take()) {
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, y);
            }
        }
    });
}
