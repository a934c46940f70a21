//! Small pieces of Java's standard library whose exact behaviour shows in ONR's answers.

/// `String.hashCode()`: the 31-polynomial over UTF-16 code units, wrapping.
pub(crate) fn string_hash(s: &str) -> i32 {
    s.encode_utf16()
        .fold(0i32, |h, u| h.wrapping_mul(31).wrapping_add(i32::from(u)))
}

/// The iteration order of a `java.util.HashSet<String>` after adding `items` in order
/// (duplicates dropped), as `HashSet.toString()` and `Collectors.toSet()` show it: buckets of
/// the final table in order, insertion order within a bucket. The table starts at 16 buckets
/// and doubles when the size exceeds three quarters of it, or when a bucket reaches 8 entries
/// while the table has fewer than 64 buckets. (Within a bucket that Java turns into a tree,
/// at 8 entries in a table of 64 or more, the order may differ; no code list comes near.)
pub(crate) fn hash_set_order<'a>(items: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let spread = |h: i32| (h ^ ((h as u32) >> 16) as i32) as u32;
    let mut table: Vec<Vec<(u32, &str)>> = vec![Vec::new(); 16];
    let mut size = 0usize;
    let resize = |table: &mut Vec<Vec<(u32, &'a str)>>| {
        let n = table.len() * 2;
        let mut next: Vec<Vec<(u32, &str)>> = vec![Vec::new(); n];
        for bucket in table.drain(..) {
            for (h, s) in bucket {
                next[(h as usize) & (n - 1)].push((h, s));
            }
        }
        *table = next;
    };
    for s in items {
        let h = spread(string_hash(s));
        let i = (h as usize) & (table.len() - 1);
        if table[i].iter().any(|&(_, t)| t == s) {
            continue;
        }
        table[i].push((h, s));
        if table[i].len() >= 9 && table.len() < 64 {
            resize(&mut table);
        }
        size += 1;
        if size > table.len() * 3 / 4 {
            resize(&mut table);
        }
    }
    table.into_iter().flatten().map(|(_, s)| s).collect()
}

/// `String.trim()`: removes leading and trailing characters up to U+0020.
pub(crate) fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c <= ' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_hash_matches_java() {
        // "246".hashCode() == 49_716, "".hashCode() == 0, "FI".hashCode() == 2_243.
        assert_eq!(string_hash("246"), 49_716);
        assert_eq!(string_hash(""), 0);
        assert_eq!(string_hash("FI"), 2_243);
        assert_eq!(string_hash("polygenelubricants"), i32::MIN);
    }

    #[test]
    fn hash_set_order_is_bucket_order() {
        // "b" (98 -> bucket 2) comes before "c" (99 -> bucket 3) whatever the insertion order;
        // "a" (97 -> bucket 1) first.
        assert_eq!(hash_set_order(["c", "a", "b"]), ["a", "b", "c"]);
        assert_eq!(hash_set_order(["x", "x"]), ["x"]);
        // "foo" 101_574 -> bucket 7, "bar" 97_299 -> bucket 2.
        assert_eq!(hash_set_order(["foo", "bar"]), ["bar", "foo"]);
    }

    #[test]
    fn trim_is_java_trim() {
        assert_eq!(trim("\u{1} 2001-02-03\t"), "2001-02-03");
        assert_eq!(trim("\u{a0}x"), "\u{a0}x");
    }
}
