//! What the reader does with a damaged last generation (HACKING.md, "Truncation policy"):
//! decide whether a generation at the end of the file is whole, and if not, order what its
//! whole batches say rather than dropping it.

use super::super::super::error::{ErrorKind, ParseError};
use super::super::Tables;
use super::super::generation::GenBatches;
use super::super::id_map::IdMap;
use super::super::order::Order;
use super::super::spec;
use super::super::tables::GenTables;
use super::threads::run_generation;
use super::{Emitter, load_tables};
use crate::model::lost;

/// 64 ns per tick: the trace clock of every platform with a high-resolution clock (Linux,
/// macOS), used only when a cut first generation lost its frequency.
pub(super) const DEFAULT_NS_PER_TICK: f64 = 64.0;

/// What the last whole generation leaves to a cut one: its clock (a cut first generation
/// gets [`DEFAULT_NS_PER_TICK`]) and its string ids (the reasons keep theirs).
pub(super) struct Previous<'a> {
    pub ns_per_tick: f64,
    pub strings: &'a IdMap,
}

/// Orders and emits the whole batches of a cut generation; returns how many events came out.
/// Ids missing from the tables that did not make it into the file get placeholder names
/// ([`name_lost_ids`]); ordering stops where the missing batches leave no thread able to
/// advance.
pub(super) fn recover_cut_generation(
    gb: &GenBatches<'_>,
    gt: &mut GenTables,
    minor: u32,
    prev: Previous<'_>,
    order: &mut Order,
    tables: &mut Tables,
    out: &mut Emitter<'_>,
) -> u64 {
    if gb.threads.is_empty() {
        return 0;
    }
    // Loading stops at the first table that fails; what was interned before stays usable.
    let _ = load_tables(gb, gt, minor, tables);
    name_lost_ids(gb, gt, prev.strings, tables);
    if !gt.has_freq {
        gt.ns_per_tick = prev.ns_per_tick;
    }
    gt.lenient = true;
    // The generation's opening Sync is not a recovered event.
    let before = out.events + 1;
    // An ordering failure is expected here (the cut removed batches other threads wait on):
    // everything emitted up to it is kept.
    let _ = run_generation(gb, gt, order, tables, out);
    out.events.saturating_sub(before)
}

/// Gives every string and stack id the cut generation's events use but its tables lack a
/// name, so the goroutines still group by the ids their events carry:
/// * a wait or stop reason (GoBlock, GoStop) or a GC worker label takes the previous
///   generation's string of the same id: the runtime registers those strings first, in the
///   same order, at the start of every generation (`traceRegisterLabelsAndReasons`);
/// * any other string, and every stack, becomes a placeholder that carries its id
///   ([`lost`]).
fn name_lost_ids(gb: &GenBatches<'_>, gt: &mut GenTables, prev_strings: &IdMap, tables: &mut Tables) {
    for t in &gb.threads {
        for (_, body, base) in gb.thread_batches(t) {
            let mut pos = 0;
            while pos < body.len() {
                let Ok((typ, _, args)) = super::super::cursor::decode(body, &mut pos, base) else { break };
                // Ids beyond the batch's length go to the map, not the dense vector.
                let budget = body.len();
                let (strs, stks) = spec::id_args(typ);
                for id in strs.iter().filter_map(|&i| args.get(i).copied()) {
                    if gt.strings.get(id).is_some() {
                        continue;
                    }
                    let registered = matches!(typ, spec::EV_GO_BLOCK | spec::EV_GO_STOP | spec::EV_GO_LABEL);
                    let sid = match prev_strings.get(id).filter(|_| registered) {
                        Some(s) => s,
                        None => tables.strings.intern(&lost::string(id)).0,
                    };
                    gt.strings.insert(id, sid, budget);
                }
                for id in stks.iter().filter_map(|&i| args.get(i).copied()) {
                    if gt.stacks.get(id).is_none() {
                        let sid = lost::stack(&mut tables.strings, &mut tables.stacks, id);
                        gt.stacks.insert(id, sid.0, budget);
                    }
                }
            }
        }
    }
}

/// For formats without an end marker: the last generation counts only if it has events, every
/// event decodes and every string and stack id it uses is in its tables.
/// A generation of only special batches (its frequency or sync batch, written first) was cut
/// before any thread's events: every whole generation has a ProcStatus for every P.
pub(super) fn final_generation_resolves(gb: &GenBatches<'_>, gt: &GenTables) -> Result<(), ParseError> {
    if gb.threads.is_empty() {
        return Err(ParseError::new(gb.end, ErrorKind::RecoverNoBatches, &[]));
    }
    for t in &gb.threads {
        for (_, body, base) in gb.thread_batches(t) {
            let mut pos = 0;
            while pos < body.len() {
                let at = base + pos as u64;
                let (typ, _, args) = super::super::cursor::decode(body, &mut pos, base).map_err(|e| *e)?;
                let (strs, stks) = spec::id_args(typ);
                let missing_str =
                    strs.iter().any(|&i| args.get(i).is_some_and(|&id| gt.string(id).is_none()));
                let missing_stk = stks.iter().any(|&i| args.get(i).is_some_and(|&id| gt.stack(id).is_none()));
                if missing_str || missing_stk {
                    return Err(ParseError::new(
                        at,
                        ErrorKind::RecoverMissingRef,
                        &[("event", &spec::name(typ))],
                    ));
                }
            }
        }
    }
    Ok(())
}
