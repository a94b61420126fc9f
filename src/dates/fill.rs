//! Filling a document's date values: the article's date, every DATE's
//! value and every VISIT's `when`.

use super::normalize;
use crate::document::{Context, Document, Entity, Relation};
use crate::span::EntityKind;

/// Sets the normalised value of each DATE among `entities`, whose
/// article's date is `article`.
pub(crate) fn fill_entity_dates(entities: &mut [Entity], article: Option<&str>) {
    for e in entities.iter_mut().filter(|e| e.kind == EntityKind::Date) {
        e.value = normalize(&e.text, article);
    }
}

/// Sets `when` of each dated VISIT of `doc`, and the article's date
/// `article` in its context (created when missing, only if there is one).
pub(crate) fn fill_relation_dates(doc: &mut Document, article: Option<String>) {
    for r in &mut doc.relations {
        if let Relation::Visit {
            date: Some(date),
            when,
            ..
        } = r
        {
            *when = normalize(date, article.as_deref());
        }
    }
    if let Some(date) = article {
        doc.context.get_or_insert_with(Context::default).date = Some(date);
    }
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    #[test]
    fn dates_take_the_article_year() {
        let doc = Extractor::new().extract(
            "a",
            "来源:七宝镇  2018年12月3日\n11月20日,区委副书记于勇一行来到七宝镇开展督查。",
        );
        let values: Vec<(&str, Option<&str>)> = doc
            .entities_of(crate::EntityKind::Date)
            .map(|e| (e.text.as_str(), e.value.as_deref()))
            .collect();
        assert_eq!(
            values,
            [
                ("2018年12月3日", Some("2018-12-03")),
                ("11月20日", Some("2018-11-20"))
            ]
        );
        let when: Vec<Option<&str>> = doc
            .relations
            .iter()
            .filter_map(|r| match r {
                crate::Relation::Visit { when, .. } => Some(when.as_deref()),
                _ => None,
            })
            .collect();
        assert_eq!(when, [Some("2018-11-20")]);
        assert_eq!(doc.context.unwrap().date.as_deref(), Some("2018-12-03"));
    }

    #[test]
    fn without_an_article_date_the_year_stays_unknown() {
        let doc = Extractor::new().extract("a", "11月20日,区委副书记于勇一行来到七宝镇开展督查。");
        let d = doc.entities_of(crate::EntityKind::Date).next().unwrap();
        assert_eq!(d.value.as_deref(), Some("--11-20"));
        assert!(doc.context.is_none_or(|c| c.date.is_none()));
    }
}
