//! Word lists indexed by a character, for trying many words at one position: only the words
//! whose indexing character is the one in the text are compared.

/// Items keyed by a character; those of one character keep the order they were given in.
#[derive(Debug)]
pub struct ByChar<T> {
    entries: Vec<(char, T)>,
}

impl<T> ByChar<T> {
    /// Index the items by their characters.
    pub fn new(items: impl IntoIterator<Item = (char, T)>) -> Self {
        let mut entries: Vec<(char, T)> = items.into_iter().collect();
        // A stable sort: the items of one character stay in the given order.
        entries.sort_by_key(|&(c, _)| c);
        ByChar { entries }
    }

    /// The items of `c`, in the given order.
    pub fn get(&self, c: char) -> impl Iterator<Item = &T> {
        let lo = self.entries.partition_point(|&(k, _)| k < c);
        let hi = self.entries.partition_point(|&(k, _)| k <= c);
        self.entries[lo..hi].iter().map(|(_, t)| t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_of_a_character_in_order() {
        let index = ByChar::new([('b', 1), ('a', 2), ('b', 3), ('c', 4), ('b', 5)]);
        assert_eq!(index.get('b').copied().collect::<Vec<_>>(), [1, 3, 5]);
        assert_eq!(index.get('a').copied().collect::<Vec<_>>(), [2]);
        assert_eq!(index.get('z').count(), 0);
    }
}
