//! What the reader does with a damaged last generation (HACKING.md, "Truncation policy"):
//! decide whether a generation at the end of the file is whole, and if not, order what its
//! whole batches say rather than dropping it.

use super::super::super::error::ParseError;
use super::super::Tables;
use super::super::generation::GenBatches;
use super::super::order::Order;
use super::super::spec;
use super::super::tables::GenTables;
use super::threads::run_generation;
use super::{Emitter, load_tables};

/// 64 ns per tick: the trace clock of every platform with a high-resolution clock (Linux,
/// macOS), used only when a cut first generation lost its frequency.
pub(super) const DEFAULT_NS_PER_TICK: f64 = 64.0;

/// Orders and emits the whole batches of a cut generation; returns how many events came out.
/// Tables that did not make it into the file read as "none"; ordering stops where the
/// missing batches leave no thread able to advance.
pub(super) fn recover_cut_generation(
    gb: &GenBatches<'_>,
    gt: &mut GenTables,
    minor: u32,
    fallback_ns_per_tick: f64,
    order: &mut Order,
    tables: &mut Tables,
    out: &mut Emitter<'_>,
) -> u64 {
    if gb.threads.is_empty() {
        return 0;
    }
    // Loading stops at the first table that fails; what was interned before stays usable.
    let _ = load_tables(gb, gt, minor, tables);
    if !gt.has_freq {
        gt.ns_per_tick = fallback_ns_per_tick;
    }
    gt.lenient = true;
    // The generation's opening Sync is not a recovered event.
    let before = out.events + 1;
    // An ordering failure is expected here (the cut removed batches other threads wait on):
    // everything emitted up to it is kept.
    let _ = run_generation(gb, gt, order, tables, out);
    out.events.saturating_sub(before)
}

/// For formats without an end marker: the last generation counts only if it has events, every
/// event decodes and every string and stack id it uses is in its tables.
/// A generation of only special batches (its frequency or sync batch, written first) was cut
/// before any thread's events: every whole generation has a ProcStatus for every P.
pub(super) fn final_generation_resolves(gb: &GenBatches<'_>, gt: &GenTables) -> Result<(), ParseError> {
    if gb.threads.is_empty() {
        return Err(ParseError::new(
            gb.end,
            "expected event batches after the generation's first batches, found the end of the file",
        ));
    }
    for t in &gb.threads {
        for &(_, body, base) in &t.batches {
            let mut pos = 0;
            while pos < body.len() {
                let at = base + pos as u64;
                let (typ, _, args) = super::super::cursor::decode(body, &mut pos, base)
                    .map_err(|(o, m)| ParseError::new(o, m))?;
                let (strs, stks) = spec::id_args(typ);
                let missing_str =
                    strs.iter().any(|&i| args.get(i).is_some_and(|&id| gt.string(id).is_none()));
                let missing_stk = stks.iter().any(|&i| args.get(i).is_some_and(|&id| gt.stack(id).is_none()));
                if missing_str || missing_stk {
                    return Err(ParseError::new(
                        at,
                        format!(
                            "{} refers to a string or stack missing from the generation's tables",
                            spec::name(typ)
                        ),
                    ));
                }
            }
        }
    }
    Ok(())
}
