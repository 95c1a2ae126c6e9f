//! Analyses that several rules share, computed once per report while a pack checks it.
//!
//! Rules of one kind often start from the same reading of the report: the sentences and their
//! figures (`ratio`, `parts_sum`), the walk through the headings (`numbering`), the paired marks
//! (`pairing`); and a pack runs each rule on its own. While a [`Scope`] is open
//! (`Pack::check_with` opens one per report), [`shared`] keeps the first result of each analysis
//! by name and hands it to the rules after; outside a scope it computes every time. Results are
//! owned values kept with the addresses of the report and facts they were read from, which the
//! scope borrows, so one report's analysis never reaches another.

use super::Context;
use crate::document::Document;
use crate::facts::Facts;
use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;
use std::marker::PhantomData;
use std::rc::Rc;

/// The analyses of one report.
struct Memo {
    key: (usize, usize),
    values: HashMap<String, Rc<dyn Any>>,
}

thread_local! {
    /// Open scopes, innermost last.
    static MEMO: RefCell<Vec<Memo>> = const { RefCell::new(Vec::new()) };
}

fn key(cx: &Context) -> (usize, usize) {
    (
        std::ptr::from_ref::<Document>(cx.doc) as usize,
        std::ptr::from_ref::<Facts>(cx.facts) as usize,
    )
}

/// While it lives, [`shared`] keeps the analyses of the report it was opened on. It borrows the
/// report and its facts, which therefore stay where they are until it closes.
pub struct Scope<'a> {
    _report: PhantomData<&'a Document>,
}

impl<'a> Scope<'a> {
    /// Open a scope for the report of `cx`.
    pub fn open(cx: &Context<'a>) -> Self {
        let memo = Memo {
            key: key(cx),
            values: HashMap::new(),
        };
        MEMO.with_borrow_mut(|m| m.push(memo));
        Scope {
            _report: PhantomData,
        }
    }
}

impl Drop for Scope<'_> {
    fn drop(&mut self) {
        MEMO.with_borrow_mut(|m| m.pop());
    }
}

/// The analysis `name` of the report of `cx`: computed by `compute` the first time in a scope,
/// kept for the next. `name` must say everything the result depends on besides the report
/// (a rule parameter it reads, for one).
pub fn shared<T: 'static>(cx: &Context, name: &str, compute: impl FnOnce() -> T) -> Rc<T> {
    let k = key(cx);
    let kept = MEMO.with_borrow(|m| {
        m.last()
            .filter(|memo| memo.key == k)
            .and_then(|memo| memo.values.get(name).cloned())
    });
    if let Some(value) = kept.and_then(|v| v.downcast::<T>().ok()) {
        return value;
    }
    // Computed outside the borrow: an analysis may use another.
    let value = Rc::new(compute());
    MEMO.with_borrow_mut(|m| {
        if let Some(memo) = m.last_mut().filter(|memo| memo.key == k) {
            memo.values
                .insert(name.to_string(), Rc::clone(&value) as Rc<dyn Any>);
        }
    });
    value
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn computed_once_in_a_scope_and_every_time_outside() {
        let (doc, facts) = crate::analyse("一、总体情况\n共整改问题3个。\n");
        let (other_doc, other_facts) = crate::analyse("一、总体情况\n共整改问题4个。\n");
        let cx = Context {
            doc: &doc,
            facts: &facts,
        };
        let other = Context {
            doc: &other_doc,
            facts: &other_facts,
        };
        let runs = Cell::new(0);
        let count = |cx: &Context| {
            *shared(cx, "test", || {
                runs.set(runs.get() + 1);
                cx.doc.source.len()
            })
        };
        count(&cx);
        count(&cx);
        assert_eq!(runs.get(), 2, "no scope: computed each time");
        {
            let _scope = Scope::open(&cx);
            assert_eq!(count(&cx), doc.source.len());
            assert_eq!(count(&cx), doc.source.len());
            assert_eq!(runs.get(), 3, "in a scope: computed once");
            // Another report is never handed this one's analysis.
            assert_eq!(count(&other), other_doc.source.len());
            assert_eq!(runs.get(), 4);
        }
        count(&cx);
        assert_eq!(runs.get(), 5, "the scope closed");
    }
}
