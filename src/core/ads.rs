//! Ad slots: where they go in an article (a pure rule) and what each slot is.
//!
//! The default rule: a slot after every third paragraph, only between two
//! paragraphs (so never right before or after a heading, quote, image, list
//! or related link), never among the last two paragraphs, none in an article
//! shorter than six paragraphs, at most three.

use super::article::Block;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AdRules {
    /// All slots on or off.
    pub enabled: bool,
    /// Paragraphs between in-article slots (at least).
    pub every: usize,
    /// At most this many in-article slots.
    pub max: usize,
    /// No in-article slots in an article with fewer paragraphs.
    pub min_paragraphs: usize,
    /// The leaderboard above the article.
    pub leaderboard: bool,
    /// How near the viewport (in CSS pixels) a slot must come to be activated.
    pub margin_px: u32,
}

impl Default for AdRules {
    fn default() -> Self {
        AdRules {
            enabled: true,
            every: 3,
            max: 3,
            min_paragraphs: 6,
            leaderboard: false,
            margin_px: 200,
        }
    }
}

/// Paragraphs that must follow the last in-article slot.
pub const TRAILING_PARAGRAPHS: usize = 2;

/// Indexes of the blocks after which an in-article slot goes.
pub fn placements(body: &[Block], rules: &AdRules) -> Vec<usize> {
    let is_para = |i: usize| matches!(body.get(i), Some(Block::Paragraph(_)));
    let total = (0..body.len()).filter(|&i| is_para(i)).count();
    if !rules.enabled || rules.max == 0 || total < rules.min_paragraphs.max(1) {
        return Vec::new();
    }
    let every = rules.every.max(1);
    let mut out = Vec::new();
    let mut seen = 0; // paragraphs up to and including block i
    let mut since_last = 0;
    for i in 0..body.len() {
        if !is_para(i) {
            continue;
        }
        seen += 1;
        since_last += 1;
        let remaining = total - seen;
        if since_last >= every && is_para(i + 1) && remaining >= TRAILING_PARAGRAPHS {
            out.push(i);
            since_last = 0;
            if out.len() == rules.max {
                break;
            }
        }
    }
    out
}

/// The kinds of slot, each with its sizes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlotKind {
    /// 728×90 on wide screens, 320×50 on phones, above the article.
    Leaderboard,
    /// 300×250 between paragraphs.
    InArticle,
    /// 300×250 in the sidebar (the seed page's `spot_img`).
    Sidebar,
}

/// The viewport width from which the leaderboard is 728×90.
pub const LEADERBOARD_WIDE_FROM: u32 = 768;

impl SlotKind {
    pub fn name(self) -> &'static str {
        match self {
            SlotKind::Leaderboard => "leaderboard",
            SlotKind::InArticle => "in-article",
            SlotKind::Sidebar => "sidebar",
        }
    }

    /// Every size the slot may take, at any width.
    pub fn all_sizes(self) -> &'static [(u32, u32)] {
        match self {
            SlotKind::Leaderboard => &[(728, 90), (320, 50)],
            SlotKind::InArticle | SlotKind::Sidebar => &[(300, 250)],
        }
    }

    /// Sizes the slot accepts at a viewport width; its reserved box fits the largest.
    pub fn sizes(self, viewport_width: u32) -> &'static [(u32, u32)] {
        match self {
            SlotKind::Leaderboard if viewport_width >= LEADERBOARD_WIDE_FROM => &[(728, 90)],
            SlotKind::Leaderboard => &[(320, 50)],
            SlotKind::InArticle | SlotKind::Sidebar => &[(300, 250)],
        }
    }
}

/// `300x250,336x280`, as in the slot's `data-sizes` attribute.
pub fn sizes_attr(sizes: &[(u32, u32)]) -> String {
    sizes
        .iter()
        .map(|(w, h)| format!("{w}x{h}"))
        .collect::<Vec<_>>()
        .join(",")
}

/// A slot id unique on the page: instance number, kind, position.
pub fn slot_id(instance: u32, kind: SlotKind, index: usize) -> String {
    format!("herald-{instance}-{}-{index}", kind.name())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::article::{Image, Run};

    fn p() -> Block {
        Block::Paragraph(vec![Run::plain("text")])
    }
    fn h() -> Block {
        Block::Heading {
            level: 2,
            text: "h".into(),
        }
    }
    fn q() -> Block {
        Block::Quote {
            paragraphs: vec![vec![Run::plain("q")]],
            attribution: None,
        }
    }
    fn img() -> Block {
        Block::Image(Image::new("https://x/a.jpg".into(), String::new()))
    }

    fn place(body: &[Block]) -> Vec<usize> {
        placements(body, &AdRules::default())
    }

    #[test]
    fn short_articles_get_none() {
        assert!(place(&[]).is_empty());
        assert!(place(&vec![p(); 5]).is_empty());
        assert_eq!(place(&vec![p(); 6]), vec![2]);
        let rules = AdRules {
            min_paragraphs: 2,
            ..AdRules::default()
        };
        assert!(
            placements(&vec![p(); 4], &rules).is_empty(),
            "needs two paragraphs after and three before"
        );
        assert_eq!(placements(&vec![p(); 5], &rules), vec![2]);
    }

    #[test]
    fn long_articles_get_one_every_third_paragraph_up_to_the_maximum() {
        assert_eq!(place(&vec![p(); 30]), vec![2, 5, 8]);
        let rules = AdRules {
            max: 10,
            ..AdRules::default()
        };
        assert_eq!(placements(&vec![p(); 12], &rules), vec![2, 5, 8]);
        assert_eq!(
            placements(&vec![p(); 30], &rules),
            vec![2, 5, 8, 11, 14, 17, 20, 23, 26]
        );
        let rules = AdRules {
            every: 2,
            ..AdRules::default()
        };
        assert_eq!(placements(&vec![p(); 12], &rules), vec![1, 3, 5]);
    }

    #[test]
    fn never_next_to_a_heading_quote_or_image() {
        // p p p h p p p q p p p img p p p
        let body = vec![
            p(),
            p(),
            p(),
            h(),
            p(),
            p(),
            p(),
            q(),
            p(),
            p(),
            p(),
            img(),
            p(),
            p(),
            p(),
        ];
        let slots = place(&body);
        for &i in &slots {
            assert!(matches!(body[i], Block::Paragraph(_)), "after {i}");
            assert!(matches!(body[i + 1], Block::Paragraph(_)), "before {}", i + 1);
        }
        // The third paragraph is followed by a heading, so the slot moves to after the fourth.
        assert_eq!(slots, vec![4, 8, 12]);
    }

    #[test]
    fn heading_dense_articles_get_fewer_or_none() {
        let body: Vec<Block> = (0..10).flat_map(|_| [h(), p()]).collect();
        assert!(place(&body).is_empty(), "no two paragraphs are adjacent");
        let body: Vec<Block> = (0..6).flat_map(|_| [h(), p(), p()]).collect();
        let slots = place(&body);
        assert_eq!(slots, vec![4, 10]);
    }

    #[test]
    fn never_among_the_last_two_paragraphs() {
        for n in 6..40 {
            let body = vec![p(); n];
            for i in place(&body) {
                assert!(n - (i + 1) >= TRAILING_PARAGRAPHS, "n={n} i={i}");
            }
        }
    }

    #[test]
    fn switched_off_or_zero_max_means_none() {
        let off = AdRules {
            enabled: false,
            ..AdRules::default()
        };
        assert!(placements(&vec![p(); 30], &off).is_empty());
        let zero = AdRules {
            max: 0,
            ..AdRules::default()
        };
        assert!(placements(&vec![p(); 30], &zero).is_empty());
    }

    #[test]
    fn slots_have_sizes_and_stable_ids() {
        assert_eq!(SlotKind::Leaderboard.sizes(1024), &[(728, 90)]);
        assert_eq!(SlotKind::Leaderboard.sizes(375), &[(320, 50)]);
        assert_eq!(sizes_attr(SlotKind::Sidebar.sizes(375)), "300x250");
        assert_eq!(sizes_attr(SlotKind::Leaderboard.all_sizes()), "728x90,320x50");
        assert_eq!(sizes_attr(&[(300, 250), (336, 280)]), "300x250,336x280");
        assert_eq!(slot_id(2, SlotKind::InArticle, 1), "herald-2-in-article-1");
    }
}
