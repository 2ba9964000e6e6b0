//! The archives: months with article counts grouped by year, and the
//! paginated listing of one month.

use super::article::Summary;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MonthCount {
    pub year: i32,
    pub month: u32,
    pub count: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearGroup {
    pub year: i32,
    pub total: u32,
    /// Newest month first.
    pub months: Vec<MonthCount>,
}

/// Groups months by year, newest first; repeated months are added together
/// and empty months left out.
pub fn group_by_year(months: &[MonthCount]) -> Vec<YearGroup> {
    let mut sorted: Vec<MonthCount> = Vec::with_capacity(months.len());
    for m in months.iter().filter(|m| m.count > 0) {
        match sorted.iter_mut().find(|s| s.year == m.year && s.month == m.month) {
            Some(s) => s.count = s.count.saturating_add(m.count),
            None => sorted.push(*m),
        }
    }
    sorted.sort_unstable_by_key(|m| std::cmp::Reverse((m.year, m.month)));
    let mut groups: Vec<YearGroup> = Vec::new();
    for m in sorted {
        match groups.last_mut() {
            Some(g) if g.year == m.year => {
                g.total = g.total.saturating_add(m.count);
                g.months.push(m);
            }
            _ => groups.push(YearGroup {
                year: m.year,
                total: m.count,
                months: vec![m],
            }),
        }
    }
    groups
}

/// The archives of a WordPress site as first loaded: each year's count,
/// newest first, and the months of its oldest and newest posts; a year's
/// months are counted when it is opened (core::wpsite).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteYears {
    pub years: Vec<(i32, u32)>,
    pub oldest: (i32, u32),
    pub newest: (i32, u32),
}

/// Pages given by the server (WordPress), as opposed to a whole month that
/// the widget pages through itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ServerPage {
    pub page: u32,
    pub pages: u32,
    pub total: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listing {
    pub year: i32,
    pub month: u32,
    pub items: Vec<Summary>,
    pub server_page: Option<ServerPage>,
}

/// One page of a listing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListingPage<'a> {
    pub items: &'a [Summary],
    pub page: u32,
    pub pages: u32,
    pub total: u32,
}

impl Listing {
    /// A listing holding the whole month, sorted newest first (undated last).
    pub fn whole_month(year: i32, month: u32, mut items: Vec<Summary>) -> Listing {
        items.sort_unstable_by_key(|s| std::cmp::Reverse(s.published));
        Listing {
            year,
            month,
            items,
            server_page: None,
        }
    }

    /// Page `page` (1-based, clamped to the pages there are).
    pub fn page(&self, page: u32, per_page: usize) -> ListingPage<'_> {
        if let Some(sp) = self.server_page {
            return ListingPage {
                items: &self.items,
                page: sp.page,
                pages: sp.pages.max(1),
                total: sp.total,
            };
        }
        let per_page = per_page.max(1);
        let total = self.items.len();
        let pages = total.div_ceil(per_page).max(1) as u32;
        let page = page.clamp(1, pages);
        let start = (page as usize - 1) * per_page;
        let end = (start + per_page).min(total);
        ListingPage {
            items: &self.items[start.min(end)..end],
            page,
            pages,
            total: total as u32,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::time::Timestamp;

    fn mc(year: i32, month: u32, count: u32) -> MonthCount {
        MonthCount { year, month, count }
    }

    #[test]
    fn huge_counts_saturate_instead_of_overflowing() {
        let groups = group_by_year(&[mc(2024, 4, u32::MAX), mc(2024, 4, 7), mc(2024, 3, u32::MAX)]);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].months[0].count, u32::MAX);
        assert_eq!(groups[0].total, u32::MAX);
    }

    #[test]
    fn groups_newest_first_merging_repeats() {
        let groups = group_by_year(&[
            mc(2023, 11, 4),
            mc(2024, 1, 2),
            mc(2024, 4, 12),
            mc(2023, 12, 0),
            mc(2024, 1, 1),
        ]);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].year, 2024);
        assert_eq!(groups[0].total, 15);
        assert_eq!(groups[0].months, vec![mc(2024, 4, 12), mc(2024, 1, 3)]);
        assert_eq!(groups[1].months, vec![mc(2023, 11, 4)]);
        assert!(group_by_year(&[]).is_empty());
    }

    fn summary(i: i64) -> Summary {
        Summary {
            slug: Some(format!("a{i}")),
            url: format!("https://x/a{i}"),
            headline: format!("A{i}"),
            kicker: None,
            standfirst: None,
            section: None,
            author: None,
            published: Some(Timestamp::from_unix_ms(i * 1000)),
            language: None,
            image: None,
        }
    }

    #[test]
    fn pages_a_whole_month_newest_first() {
        let listing = Listing::whole_month(2024, 4, (1..=23).map(summary).collect());
        let p1 = listing.page(1, 10);
        assert_eq!((p1.page, p1.pages, p1.total, p1.items.len()), (1, 3, 23, 10));
        assert_eq!(p1.items[0].headline, "A23");
        let p3 = listing.page(3, 10);
        assert_eq!(p3.items.len(), 3);
        assert_eq!(p3.items[2].headline, "A1");
        assert_eq!(listing.page(99, 10).page, 3);
        assert_eq!(listing.page(0, 10).page, 1);
        let empty = Listing::whole_month(2024, 4, vec![]);
        let p = empty.page(1, 10);
        assert_eq!((p.page, p.pages, p.total, p.items.len()), (1, 1, 0, 0));
    }

    #[test]
    fn server_pages_are_taken_as_given() {
        let listing = Listing {
            year: 2024,
            month: 4,
            items: (1..=10).map(summary).collect(),
            server_page: Some(ServerPage {
                page: 2,
                pages: 5,
                total: 47,
            }),
        };
        let p = listing.page(7, 10);
        assert_eq!((p.page, p.pages, p.total, p.items.len()), (2, 5, 47, 10));
    }
}
