/**
 * One customer's life on the ladder, simulated together with its purchases so the two agree:
 * the move to "new" is the first purchase, upgrades happen at repeat purchases after the
 * typical time in stage (SPEC §2), conflicts drop the customer to "problem" for a while,
 * silent drop-outs of the purchase process are noticed months later and end in an exit, and
 * some exits are won back. Potential and target customers never have purchases.
 */
import type { Stage } from "../shared/enums.js";
import { isLadderStage, nextStageUp, type LadderStage } from "../shared/ladder/stages.js";
import { nextStageDown } from "./ladderMoves.js";
import type { DemoRandom } from "./random.js";
import { simulatePurchases, type BuyerTraits } from "./purchaseProcess.js";
import { days, HOUR_MS, intoBusinessHours } from "./time.js";
import * as reasons from "./vocabulary/stageReasons.js";

export interface StageChange {
  readonly from: Stage | null;
  readonly to: Stage;
  readonly at: number;
  readonly reason: string;
}

export interface ProblemEpisode {
  readonly at: number;
  readonly kind: reasons.ConflictKind | "inactive";
  /** When the customer left problem, or null if it is still a problem customer. */
  readonly resolvedAt: number | null;
  readonly outcome: "recovered" | "exited" | "open";
}

export interface CustomerLife {
  readonly enteredAt: number;
  readonly changes: StageChange[];
  /** Purchase moments, ascending, over all buying periods. */
  readonly purchases: number[];
  readonly problems: ProblemEpisode[];
}

export interface LifeOptions {
  readonly enteredAt: number;
  readonly asOf: number;
  /** Only large organisations become strategic partners (joint development). */
  readonly canBeStrategic: boolean;
  /** 0–1: how readily this customer comes to endorse our values (core and beyond). */
  readonly affinity: number;
}

/** Chance per year that an active buyer runs into a conflict serious enough for "problem". */
const CONFLICTS_PER_YEAR = 0.05;
/** Share of silent drop-outs the account manager notices and acts on. */
const NOTICED_DROPOUTS = 0.6;
const WIN_BACK = 0.15;

/** Simulates the customer's stage changes, purchases and problem episodes up to `asOf`. */
export function simulateCustomerLife(
  random: DemoRandom,
  traits: BuyerTraits,
  options: LifeOptions,
): CustomerLife {
  const life = new LifeRecorder(options.enteredAt);
  const { asOf } = options;
  let t = options.enteredAt;
  if (random.chance(0.55)) {
    life.move("potential", t, random.pick(reasons.REGISTERED_AS_POTENTIAL));
    if (random.chance(0.25)) return life.result();
    t += days(14 + random.exponential(150));
    if (t >= asOf) return life.result();
    life.move("target", t, random.pick(reasons.POTENTIAL_TO_TARGET));
  } else {
    life.move("target", t, random.pick(reasons.REGISTERED_AS_TARGET));
  }

  if (random.chance(0.2)) return life.result(); // stays a target: never converts
  let firstOrderAt = intoBusinessHours(
    random,
    t + days(10 + random.exponential(90)),
    traits.household,
  );
  // Each pass is one buying period: from the first purchase to an exit or asOf.
  while (firstOrderAt < asOf) {
    const exitAt = simulateBuyingPeriod(random, traits, options, life, firstOrderAt);
    if (exitAt === null || !random.chance(WIN_BACK)) break;
    const wonBackAt = exitAt + days(random.uniform(90, 540));
    firstOrderAt = intoBusinessHours(
      random,
      wonBackAt + days(10 + random.exponential(60)),
      traits.household,
    );
    // A win-back is recorded once it has led to an order again, so a target customer has never
    // bought (its purchase history would otherwise belong to an earlier relationship).
    if (firstOrderAt >= asOf) break;
    life.move("target", wonBackAt, random.pick(reasons.WON_BACK));
  }
  return life.result();
}

/** Runs one buying period from the first purchase; returns when the customer exited, if it did. */
function simulateBuyingPeriod(
  random: DemoRandom,
  traits: BuyerTraits,
  options: LifeOptions,
  life: LifeRecorder,
  firstAt: number,
): number | null {
  const { asOf } = options;
  const run = simulatePurchases(random, traits, firstAt, asOf);
  const times = run.times;
  life.move("new", firstAt, random.pick(reasons.TARGET_TO_NEW));
  let stageSince = firstAt;
  let bought = 0; // purchases recorded in this period
  const minimumStay = {
    new: days(random.uniform(45, 100)),
    old: days(random.uniform(90, 365)),
    core: days(random.uniform(300, 480)),
  };
  let conflictAt = firstAt + days(random.exponential(365 / CONFLICTS_PER_YEAR));
  const plannedNoticeAt =
    run.droppedOutAt !== null && random.chance(NOTICED_DROPOUTS)
      ? run.droppedOutAt + days(random.uniform(180, 420))
      : Infinity;
  let noticeAt = plannedNoticeAt;
  let resolution: { at: number; to: Stage; episode: number } | null = null;
  let fellFrom: LadderStage = "new";

  for (;;) {
    const purchaseAt = times[bought] ?? Infinity;
    const resolveAt: number = resolution?.at ?? Infinity;
    // Conflicts come from working together: a silent drop-out has none.
    if (run.droppedOutAt !== null && conflictAt > run.droppedOutAt) conflictAt = Infinity;
    const next = Math.min(purchaseAt, conflictAt, noticeAt, resolveAt);
    if (next >= asOf) return null;

    if (next === purchaseAt) {
      life.purchases.push(purchaseAt);
      bought++;
      const current = life.stage;
      if (bought > 1 && current !== null && isLadderStage(current)) {
        const up = upgradeAt(
          random,
          options,
          current,
          purchaseAt - stageSince,
          bought,
          minimumStay,
        );
        if (up) {
          const at = purchaseAt + random.uniform(1, 6) * HOUR_MS;
          if (at < asOf) {
            life.move(up.to, at, up.reason);
            stageSince = at;
          }
        }
      }
    } else if (next === resolveAt && resolution) {
      const { to, episode } = resolution;
      life.resolveProblem(episode, resolveAt, to === "exited" ? "exited" : "recovered");
      if (to === "exited") {
        life.move("exited", resolveAt, random.pick(reasons.EXITED));
        return resolveAt;
      }
      life.move(
        to,
        resolveAt,
        random.pick(to === fellFrom ? reasons.RECOVERED : reasons.RECOVERED_LOWER),
      );
      stageSince = resolveAt;
      resolution = null;
      conflictAt = resolveAt + days(random.exponential(365 / CONFLICTS_PER_YEAR));
      noticeAt = Math.max(plannedNoticeAt, resolveAt + days(60));
    } else {
      // A conflict, or a drop-out finally noticed: the customer falls to problem.
      const inactive = next === noticeAt;
      const current = life.stage;
      fellFrom = current !== null && isLadderStage(current) ? current : fellFrom;
      const kind = inactive ? "inactive" : random.pick(reasons.CONFLICT_KINDS);
      life.move(
        "problem",
        next,
        inactive
          ? random.pick(reasons.FELL_TO_PROBLEM_INACTIVE)
          : reasons.FELL_TO_PROBLEM_CONFLICT[kind as reasons.ConflictKind],
      );
      const episode = life.openProblem(next, kind);
      const exits = inactive || random.chance(0.22);
      const to: Stage = exits ? "exited" : recoveryStage(random, fellFrom);
      resolution = {
        at: next + days(random.uniform(inactive ? 30 : 15, inactive ? 120 : 110)),
        to,
        episode,
      };
      conflictAt = Infinity;
      noticeAt = Infinity;
      if (exits) times.length = bought; // an exit ends the buying period for good
    }
  }
}

/** The recovered stage: usually where it fell from, sometimes one lower (never below new). */
function recoveryStage(random: DemoRandom, fellFrom: LadderStage): LadderStage {
  const lower = nextStageDown(fellFrom);
  if (fellFrom !== "new" && lower && random.chance(0.2)) return lower;
  return fellFrom;
}

/** The upgrade a repeat purchase earns, if the customer has stayed long enough and is willing. */
function upgradeAt(
  random: DemoRandom,
  options: LifeOptions,
  stage: LadderStage,
  timeInStage: number,
  purchases: number,
  minimumStay: { new: number; old: number; core: number },
): { to: LadderStage; reason: string } | undefined {
  const to = nextStageUp(stage);
  if (!to) return undefined;
  if (stage === "new" && timeInStage >= minimumStay.new && random.chance(0.9)) {
    return { to, reason: random.pick(reasons.NEW_TO_OLD) };
  }
  if (
    stage === "old" &&
    timeInStage >= minimumStay.old &&
    purchases >= 4 &&
    random.chance(0.05 + 0.25 * options.affinity)
  ) {
    return { to, reason: random.pick(reasons.OLD_TO_CORE) };
  }
  if (
    stage === "core" &&
    options.canBeStrategic &&
    timeInStage >= minimumStay.core &&
    purchases >= 8 &&
    random.chance(0.3 * options.affinity)
  ) {
    return { to, reason: random.pick(reasons.CORE_TO_STRATEGIC) };
  }
  return undefined;
}

/** Collects the history, keeping event times strictly increasing. */
class LifeRecorder {
  readonly changes: StageChange[] = [];
  readonly purchases: number[] = [];
  readonly problems: ProblemEpisode[] = [];
  stage: Stage | null = null;

  constructor(readonly enteredAt: number) {}

  move(to: Stage, at: number, reason: string): void {
    const last = this.changes[this.changes.length - 1];
    const when = last && at <= last.at ? last.at + 1000 : at;
    this.changes.push({ from: this.stage, to, at: Math.round(when), reason });
    this.stage = to;
  }

  openProblem(at: number, kind: ProblemEpisode["kind"]): number {
    this.problems.push({ at, kind, resolvedAt: null, outcome: "open" });
    return this.problems.length - 1;
  }

  resolveProblem(index: number, at: number, outcome: "recovered" | "exited"): void {
    const episode = this.problems[index];
    if (episode) this.problems[index] = { ...episode, resolvedAt: at, outcome };
  }

  result(): CustomerLife {
    return {
      enteredAt: this.enteredAt,
      changes: this.changes,
      purchases: this.purchases,
      problems: this.problems,
    };
  }
}
