//! Maglev consistent hashing (Eisenbud et al., "Maglev: A Fast and Reliable Software
//! Network Load Balancer", NSDI 2016), with weights: real servers -> a lookup table of a
//! prime size that a flow's hash indexes. Pure and deterministic: the same servers give the
//! same table on every director, whatever order they were configured or recovered in (the
//! table is built from the servers sorted by identity), and a change of the set moves only
//! about 1/N of the slots.
//!
//! Each server's permutation of the slots comes from two hashes of its identity (its
//! address and port): `offset` and `skip`, so slot j of its preference list is
//! `(offset + j * skip) mod size`. Servers take turns claiming their next free preferred
//! slot, `weight / gcd(weights)` claims per round, until every slot is taken.

/// The table size hakit uses: a prime larger than 100 x the largest pool it expects.
pub const SIZE: u32 = 65537;

/// A stable 64-bit hash of `data` under `seed` (FNV-1a, then a splitmix64 finaliser so that
/// close identities land far apart). Fixed forever: directors of different versions must
/// agree on the table.
pub fn hash(seed: u64, data: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ seed;
    for b in data {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

fn gcd(a: u32, b: u32) -> u32 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// The lookup table for `servers` (identity, weight): for each of `size` slots, the index
/// of the server (in the caller's order) that owns it. Servers of weight 0 own no slot;
/// with none of weight above 0 the table is empty. `size` must be prime (and larger than
/// the number of servers) for every permutation to reach every slot.
pub fn table(servers: &[(Vec<u8>, u32)], size: u32) -> Vec<u32> {
    let mut order: Vec<usize> = (0..servers.len()).filter(|&i| servers[i].1 > 0).collect();
    if order.is_empty() || size == 0 {
        return Vec::new();
    }
    // Canonical order: by identity, so the caller's order never matters.
    order.sort_by(|&a, &b| servers[a].0.cmp(&servers[b].0));
    let g = order.iter().fold(0, |g, &i| gcd(g, servers[i].1));
    let size64 = u64::from(size);
    let perm: Vec<(u64, u64)> = order
        .iter()
        .map(|&i| {
            let id = &servers[i].0;
            let offset = hash(0x6d61_676c_6576_0001, id) % size64;
            let skip = if size > 1 {
                hash(0x6d61_676c_6576_0002, id) % (size64 - 1) + 1
            } else {
                1
            };
            (offset, skip)
        })
        .collect();
    let turns: Vec<u32> = order.iter().map(|&i| servers[i].1 / g).collect();
    let mut next = vec![0u64; order.len()];
    let mut entry = vec![u32::MAX; size as usize];
    let mut filled = 0u32;
    'fill: loop {
        for (k, &server) in order.iter().enumerate() {
            for _ in 0..turns[k] {
                let (offset, skip) = perm[k];
                let mut c = (offset + next[k] * skip) % size64;
                while entry[c as usize] != u32::MAX {
                    next[k] += 1;
                    c = (offset + next[k] * skip) % size64;
                }
                entry[c as usize] = server as u32;
                next[k] += 1;
                filled += 1;
                if filled == size {
                    break 'fill;
                }
            }
        }
    }
    entry
}

#[cfg(test)]
mod tests {
    use super::*;

    fn servers(n: u8, weight: u32) -> Vec<(Vec<u8>, u32)> {
        (1..=n)
            .map(|i| (format!("10.0.0.{i}:80").into_bytes(), weight))
            .collect()
    }

    fn share(t: &[u32], n: usize) -> Vec<f64> {
        let mut c = vec![0usize; n];
        for &s in t {
            c[s as usize] += 1;
        }
        c.iter().map(|&x| x as f64 / t.len() as f64).collect()
    }

    #[test]
    fn every_slot_is_owned_and_shares_are_even() {
        let s = servers(3, 1);
        let t = table(&s, SIZE);
        assert_eq!(t.len(), SIZE as usize);
        for f in share(&t, 3) {
            assert!((f - 1.0 / 3.0).abs() < 0.01, "{f}");
        }
    }

    #[test]
    fn weights_are_honoured() {
        let mut s = servers(3, 1);
        s[1].1 = 2;
        s[2].1 = 5;
        let f = share(&table(&s, SIZE), 3);
        for (got, want) in f.iter().zip([1.0 / 8.0, 2.0 / 8.0, 5.0 / 8.0]) {
            assert!((got - want).abs() < 0.01, "{f:?}");
        }
        // Weight 0: no slot (no new flows).
        s[0].1 = 0;
        let t = table(&s, SIZE);
        assert!(!t.contains(&0));
        assert!(table(&servers(2, 0), SIZE).is_empty());
    }

    #[test]
    fn the_order_of_the_servers_does_not_matter() {
        let s = servers(5, 1);
        let mut r = s.clone();
        r.reverse();
        let a = table(&s, SIZE);
        let b = table(&r, SIZE);
        // The same server owns each slot, whatever index the caller gave it.
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(s[*x as usize].0, r[*y as usize].0);
        }
    }

    #[test]
    fn removing_one_of_n_moves_about_one_nth() {
        for n in [3u8, 5, 10] {
            let s = servers(n, 1);
            let before = table(&s, SIZE);
            let mut less = s.clone();
            less.remove(1);
            let after = table(&less, SIZE);
            let moved = before
                .iter()
                .zip(&after)
                .filter(|(b, a)| s[**b as usize].0 != less[**a as usize].0)
                .count();
            let frac = moved as f64 / SIZE as f64;
            // The removed server's share must move; Maglev moves little else.
            assert!(frac < 1.0 / f64::from(n) + 0.03, "n={n}: {frac}");
            assert!(frac >= 1.0 / f64::from(n) - 0.01, "n={n}: {frac}");
        }
    }

    #[test]
    fn the_hash_is_fixed() {
        // Pinned values: directors of different versions must compute the same tables.
        // (Computed independently from the definition above.)
        assert_eq!(hash(0, b""), 0xf52a_15e9_a9b5_e89b);
        assert_eq!(
            hash(0x6d61_676c_6576_0001, b"10.0.0.1:80"),
            0xcd04_7e9b_3bee_2e56
        );
        assert_eq!(hash(1, b"10.0.0.1:80"), hash(1, b"10.0.0.1:80"));
        assert_ne!(hash(1, b"10.0.0.1:80"), hash(2, b"10.0.0.1:80"));
        let t = table(&servers(3, 1), 13);
        assert_eq!(t.len(), 13);
    }
}
