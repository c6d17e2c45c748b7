//! Containing a panic to the one input that caused it: a bug the parser hits on
//! one hostile file skips that file with a reason instead of ending the loader
//! (or the reader around it).

use std::any::Any;
use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};

thread_local! {
    /// How many [`contain`] calls this thread is inside.
    static DEPTH: Cell<usize> = const { Cell::new(0) };
}

/// Runs `work`, turning a panic inside it into `Err(message)`.
///
/// While it runs, [`is_contained`] is true on this thread, so a panic hook
/// that would otherwise end the process (the reader's: it restores the
/// terminal and exits on a panic off the main thread) lets this panic unwind
/// to here instead. `work` must leave nothing half-changed that the caller
/// reads afterwards: the loader passes in one file and gets back an article or
/// nothing.
pub fn contain<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    quiet_contained_panics();
    DEPTH.with(|depth| depth.set(depth.get() + 1));
    let outcome = catch_unwind(AssertUnwindSafe(work));
    DEPTH.with(|depth| depth.set(depth.get() - 1));
    outcome.map_err(|payload| panic_message(payload.as_ref()))
}

/// Whether the current thread is inside [`contain`]: a panic hook should then
/// neither print nor exit (the caller reports the panic as a problem).
pub fn is_contained() -> bool {
    DEPTH.with(|depth| depth.get() > 0)
}

/// The text a `panic!` carried, if any.
pub fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "a panic without a message".to_owned()
    }
}

/// Installs, once, a panic hook that stays silent for contained panics and
/// hands every other one to the hook that was there before, so the command
/// line does not print a backtrace notice for a file it skips with a reason.
pub fn quiet_contained_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !is_contained() {
                previous(info);
            }
        }));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_its_message_and_the_thread_goes_on() {
        assert!(!is_contained());
        let caught = contain(|| -> u8 { panic!("bad input at byte {}", 7) });
        assert_eq!(caught, Err("bad input at byte 7".to_owned()));
        assert!(!is_contained(), "the depth is restored after a panic");
        assert_eq!(contain(is_contained), Ok(true));
        assert_eq!(contain(|| 5), Ok(5));
    }
}
