//! `govkg eval GOLD PRED`: the reference scorer's numbers and report.

use super::{EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, report};
use govkg::eval;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct EvalArgs {
    /// Gold JSON Lines.
    gold: PathBuf,
    /// Predicted JSON Lines.
    pred: PathBuf,
    /// Entity types to score, comma-separated.
    #[arg(long, default_value = "PERSON,TITLE,PLACE,ORG,PLOT,DATE")]
    types: String,
    /// Fail (exit 1) below this entity micro F1.
    #[arg(long)]
    min_micro: Option<f64>,
    /// Fail (exit 1) below this relation micro F1.
    #[arg(long)]
    min_rel: Option<f64>,
    /// Instead of the scores, print how often each rule was right and wrong
    /// (PRED made with `govkg tag --explain`).
    #[arg(long)]
    by_rule: bool,
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
    let types: Vec<&str> = a.types.split(',').filter(|t| !t.is_empty()).collect();
    if a.by_rule {
        print!(
            "{}",
            govkg::rule_scores::score(&gold, &pred, &types).report()
        );
        return EXIT_OK;
    }
    let s = eval::score(&gold, &pred, &types);
    print!("{}", s.report());
    let mut ok = true;
    if a.min_micro.is_some_and(|m| s.entity_micro().prf().2 < m) {
        ok = false;
    }
    if a.min_rel.is_some_and(|m| s.relation_micro().prf().2 < m) {
        ok = false;
    }
    if ok { EXIT_OK } else { EXIT_SOME_FAILED }
}
