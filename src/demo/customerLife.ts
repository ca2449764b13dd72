/**
 * One customer's life on the ladder: registered as potential or target, converted by its
 * first order, then its purchases (a BG/NBD process, see purchaseProcess.ts) walked through
 * by the account manager's eye (see ladderWalk.ts). Potential and target customers never have
 * purchases.
 */
import type { Stage } from "../shared/enums.js";
import { walkTheLadder } from "./ladderWalk.js";
import type { DemoRandom } from "./random.js";
import { simulatePurchases, type BuyerTraits } from "./purchaseProcess.js";
import { days, intoBusinessHours } from "./time.js";
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

  const firstOrderAt = intoBusinessHours(
    random,
    t + days(10 + random.exponential(90)),
    traits.household,
  );
  if (firstOrderAt >= asOf) return life.result();
  // The purchases are the BG/NBD process alone; the ladder is kept on top of them.
  const run = simulatePurchases(random, traits, firstOrderAt, asOf);
  walkTheLadder(random, traits, options, life, run);
  return life.result();
}

/** Collects the history, keeping event times strictly increasing. */
export class LifeRecorder {
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
