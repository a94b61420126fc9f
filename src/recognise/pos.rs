//! jieba's part-of-speech tags as an enum: read once from jieba's string
//! where a token is made or a word looked up, then compared as values by
//! the rules (a variant, or a predicate for a family of tags).

/// One of jieba's part-of-speech tags (its dictionary's and its HMM
/// tagger's), and `eng`, which it gives to Latin words. The variants are
/// in the order of their tags' strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Pos {
    A,
    Ad,
    Ag,
    An,
    B,
    Bg,
    C,
    D,
    Df,
    Dg,
    E,
    En,
    Eng,
    F,
    G,
    H,
    I,
    In,
    J,
    Jn,
    K,
    L,
    Ln,
    M,
    Mg,
    Mq,
    N,
    Ng,
    Nr,
    Nrfg,
    Nrt,
    Ns,
    Nt,
    Nz,
    O,
    P,
    Q,
    Qe,
    Qg,
    R,
    Rg,
    Rr,
    Rz,
    S,
    T,
    Tg,
    U,
    Ud,
    Ug,
    Uj,
    Ul,
    Uv,
    Uz,
    V,
    Vd,
    Vg,
    Vi,
    Vn,
    Vq,
    W,
    /// jieba's `x`, a non-word (punctuation, symbols); a tag outside
    /// jieba's set (unknown) reads as this too, which every rule treats as
    /// "not a word class it knows".
    X,
    Y,
    Yg,
    Z,
    Zg,
}

/// Every tag, in the order of their strings.
const ALL: [Pos; 65] = {
    use Pos::*;
    [
        A, Ad, Ag, An, B, Bg, C, D, Df, Dg, E, En, Eng, F, G, H, I, In, J, Jn, K, L, Ln, M, Mg, Mq,
        N, Ng, Nr, Nrfg, Nrt, Ns, Nt, Nz, O, P, Q, Qe, Qg, R, Rg, Rr, Rz, S, T, Tg, U, Ud, Ug, Uj,
        Ul, Uv, Uz, V, Vd, Vg, Vi, Vn, Vq, W, X, Y, Yg, Z, Zg,
    ]
};

impl Pos {
    /// The tag of jieba's string `tag`; a tag outside jieba's set reads as
    /// [`Pos::X`] (unknown).
    #[inline]
    pub fn from_jieba(tag: &str) -> Pos {
        // Nearly every tag is one or two lower-case letters: those are
        // looked up by their letters in a table built at compile time;
        // longer ones by a binary search.
        match slot(tag.as_bytes()) {
            Some(i) => SHORT[i],
            None => ALL
                .binary_search_by(|p| p.as_str().cmp(tag))
                .map_or(Pos::X, |i| ALL[i]),
        }
    }

    /// jieba's string of the tag (as debug output prints it).
    pub const fn as_str(self) -> &'static str {
        use Pos::*;
        match self {
            A => "a",
            Ad => "ad",
            Ag => "ag",
            An => "an",
            B => "b",
            Bg => "bg",
            C => "c",
            D => "d",
            Df => "df",
            Dg => "dg",
            E => "e",
            En => "en",
            Eng => "eng",
            F => "f",
            G => "g",
            H => "h",
            I => "i",
            In => "in",
            J => "j",
            Jn => "jn",
            K => "k",
            L => "l",
            Ln => "ln",
            M => "m",
            Mg => "mg",
            Mq => "mq",
            N => "n",
            Ng => "ng",
            Nr => "nr",
            Nrfg => "nrfg",
            Nrt => "nrt",
            Ns => "ns",
            Nt => "nt",
            Nz => "nz",
            O => "o",
            P => "p",
            Q => "q",
            Qe => "qe",
            Qg => "qg",
            R => "r",
            Rg => "rg",
            Rr => "rr",
            Rz => "rz",
            S => "s",
            T => "t",
            Tg => "tg",
            U => "u",
            Ud => "ud",
            Ug => "ug",
            Uj => "uj",
            Ul => "ul",
            Uv => "uv",
            Uz => "uz",
            V => "v",
            Vd => "vd",
            Vg => "vg",
            Vi => "vi",
            Vn => "vn",
            Vq => "vq",
            W => "w",
            X => "x",
            Y => "y",
            Yg => "yg",
            Z => "z",
            Zg => "zg",
        }
    }

    /// A person's name: `nr`, `nrfg`, `nrt` (the tags starting `nr`).
    pub const fn is_name(self) -> bool {
        matches!(self, Pos::Nr | Pos::Nrfg | Pos::Nrt)
    }

    /// Any noun tag, names included: the tags starting `n` (`n`, `ng`,
    /// `nr`, `nrfg`, `nrt`, `ns`, `nt`, `nz`).
    pub const fn is_noun(self) -> bool {
        matches!(
            self,
            Pos::N | Pos::Ng | Pos::Nr | Pos::Nrfg | Pos::Nrt | Pos::Ns | Pos::Nt | Pos::Nz
        )
    }

    /// Any verb tag, the verbal noun `vn` included: the tags starting `v`
    /// (`v`, `vd`, `vg`, `vi`, `vn`, `vq`).
    pub const fn is_verbal(self) -> bool {
        matches!(
            self,
            Pos::V | Pos::Vd | Pos::Vg | Pos::Vi | Pos::Vn | Pos::Vq
        )
    }

    /// A verb used as a verb: the tags starting `v` except the verbal noun
    /// `vn` (`v`, `vd`, `vg`, `vi`, `vq`).
    pub const fn is_verb(self) -> bool {
        matches!(self, Pos::V | Pos::Vd | Pos::Vg | Pos::Vi | Pos::Vq)
    }

    /// Any adjective tag: the tags starting `a` (`a`, `ad`, `ag`, `an`).
    pub const fn is_adjective(self) -> bool {
        matches!(self, Pos::A | Pos::Ad | Pos::Ag | Pos::An)
    }

    /// Any adverb tag: the tags starting `d` (`d`, `df`, `dg`).
    pub const fn is_adverb(self) -> bool {
        matches!(self, Pos::D | Pos::Df | Pos::Dg)
    }

    /// Any numeral tag: the tags starting `m` (`m`, `mg`, `mq`).
    pub const fn is_numeral(self) -> bool {
        matches!(self, Pos::M | Pos::Mg | Pos::Mq)
    }

    /// An aspect particle after a verb: `了` (`ul`), `着` (`uz`), `过` (`ug`).
    pub const fn is_aspect(self) -> bool {
        matches!(self, Pos::Ul | Pos::Uz | Pos::Ug)
    }
}

/// The place of a tag of one or two lower-case letters in [`SHORT`].
const fn slot(t: &[u8]) -> Option<usize> {
    const fn letter(c: u8) -> Option<usize> {
        if c.is_ascii_lowercase() {
            Some((c - b'a') as usize)
        } else {
            None
        }
    }
    match *t {
        [a] => match letter(a) {
            Some(a) => Some(a * 27),
            None => None,
        },
        [a, b] => match (letter(a), letter(b)) {
            (Some(a), Some(b)) => Some(a * 27 + b + 1),
            _ => None,
        },
        _ => None,
    }
}

/// Every tag of [`ALL`] of one or two letters at its [`slot`], [`Pos::X`]
/// elsewhere.
static SHORT: [Pos; 26 * 27] = {
    let mut table = [Pos::X; 26 * 27];
    let mut k = 0;
    while k < ALL.len() {
        if let Some(i) = slot(ALL[k].as_str().as_bytes()) {
            table[i] = ALL[k];
        }
        k += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tag_reads_back_as_itself() {
        assert!(ALL.windows(2).all(|w| w[0].as_str() < w[1].as_str()));
        assert_eq!(Pos::from_jieba("ns"), Pos::Ns);
        assert_eq!(Pos::from_jieba("nrfg"), Pos::Nrfg);
        assert_eq!(Pos::from_jieba("???"), Pos::X);
        assert!(ALL.iter().all(|&p| Pos::from_jieba(p.as_str()) == p));
        for unknown in ["", "A", "zz", "nX", "qq", "ab", "é", "nrx"] {
            assert_eq!(Pos::from_jieba(unknown), Pos::X, "{unknown}");
        }
    }

    #[test]
    fn families_are_the_tags_with_their_letters() {
        for p in ALL {
            let s = p.as_str();
            assert_eq!(p.is_name(), s.starts_with("nr"), "{s}");
            assert_eq!(p.is_noun(), s.starts_with('n'), "{s}");
            assert_eq!(p.is_verbal(), s.starts_with('v'), "{s}");
            assert_eq!(p.is_verb(), s.starts_with('v') && s != "vn", "{s}");
            assert_eq!(p.is_adjective(), s.starts_with('a'), "{s}");
            assert_eq!(p.is_adverb(), s.starts_with('d'), "{s}");
            assert_eq!(p.is_numeral(), s.starts_with('m'), "{s}");
            // `p` and `c` are the only tags of their letters.
            assert_eq!(p == Pos::P, s.starts_with('p'), "{s}");
            assert_eq!(p == Pos::C, s.starts_with('c'), "{s}");
        }
    }
}
