//! `govkg eval GOLD PRED`: the reference scorer's numbers and report, with
//! its options checked before anything is read and a failed threshold
//! named on standard error.

use super::{EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, report};
use govkg::eval;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct EvalArgs {
    /// Gold JSON Lines.
    gold: PathBuf,
    /// Predicted JSON Lines.
    pred: PathBuf,
    /// Entity types to score, comma-separated, in any case (PERSON,TITLE,PLACE,ORG,PLOT,DATE).
    #[arg(long, default_value = "PERSON,TITLE,PLACE,ORG,PLOT,DATE", value_parser = types)]
    types: Types,
    /// Fail (exit 1) below this entity micro F1, from 0 to 1.
    #[arg(long, value_name = "F1", value_parser = unit_interval, allow_negative_numbers = true)]
    min_micro: Option<f64>,
    /// Fail (exit 1) below this relation micro F1, from 0 to 1.
    #[arg(long, value_name = "F1", value_parser = unit_interval, allow_negative_numbers = true)]
    min_rel: Option<f64>,
    /// Instead of the scores, print how often each rule was right and wrong
    /// (PRED made with `govkg tag --explain`).
    #[arg(long)]
    by_rule: bool,
}

/// The entity types to score.
#[derive(Clone, Debug)]
pub struct Types(Vec<&'static str>);

fn types(s: &str) -> Result<Types, String> {
    eval::parse_types(s).map(Types)
}

/// An F1 threshold: a number from 0 to 1.
fn unit_interval(s: &str) -> Result<f64, String> {
    let v: f64 = s
        .trim()
        .parse()
        .map_err(|_| format!("{s:?} is not a number"))?;
    if !(0.0..=1.0).contains(&v) {
        return Err(format!(
            "{s} is not between 0 and 1 (an F1 such as 0.95, not a percentage)"
        ));
    }
    Ok(v)
}

fn load(path: &PathBuf) -> Result<Vec<(String, serde_json::Value)>, String> {
    let f = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    eval::load(&path.display().to_string(), std::io::BufReader::new(f)).map_err(|e| e.to_string())
}

pub fn run(a: EvalArgs) -> u8 {
    let (gold, pred) = match (load(&a.gold), load(&a.pred)) {
        (Ok(g), Ok(p)) => (g, p),
        (Err(e), _) | (_, Err(e)) => {
            report(e);
            return EXIT_USAGE;
        }
    };
    if a.by_rule {
        print!(
            "{}",
            govkg::rule_scores::score(&gold, &pred, &a.types.0).report()
        );
        return EXIT_OK;
    }
    let s = eval::score(&gold, &pred, &a.types.0);
    print!("{}", s.report());
    let mut ok = true;
    for (what, option, min, got) in [
        (
            "entity micro F1",
            "--min-micro",
            a.min_micro,
            s.entity_micro().prf().2,
        ),
        (
            "relation micro F1",
            "--min-rel",
            a.min_rel,
            s.relation_micro().prf().2,
        ),
    ] {
        if let Some(min) = min
            && got < min
        {
            report(format!("eval: {what} {got:.3} is below {option} {min}"));
            ok = false;
        }
    }
    if ok { EXIT_OK } else { EXIT_SOME_FAILED }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_are_fractions() {
        assert_eq!(unit_interval("0.95"), Ok(0.95));
        assert_eq!(unit_interval("1"), Ok(1.0));
        assert!(unit_interval("96").unwrap_err().contains("between 0 and 1"));
        assert!(unit_interval("-0.1").is_err());
        assert!(unit_interval("NaN").is_err());
        assert!(unit_interval("high").unwrap_err().contains("not a number"));
    }
}
