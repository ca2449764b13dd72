/**
 * How the account manager keeps a buying customer's stage, walking along its purchases:
 * - upgrades come at repeat purchases once the customer has stayed the typical time in its
 *   stage (SPEC §2: new 2–4 months, old 3–12, core about a year) and is willing;
 * - conflicts (while the customer still buys) drop it to problem; it recovers if it keeps
 *   buying, otherwise it may exit;
 * - a customer silent for much longer than its usual rhythm is noticed, falls to problem and
 *   exits unless it orders in the meantime;
 * - an exited customer that orders again has been won back: exited → target → new.
 * The purchases themselves are never changed, so they stay a pure BG/NBD process.
 */
import type { Stage } from "../shared/enums.js";
import { isLadderStage, nextStageUp, type LadderStage } from "../shared/ladder/stages.js";
import type { LifeOptions, LifeRecorder } from "./customerLife.js";
import { nextStageDown } from "./ladderMoves.js";
import type { BuyerTraits, PurchaseRun } from "./purchaseProcess.js";
import type { DemoRandom } from "./random.js";
import { days, HOUR_MS, YEAR_DAYS } from "./time.js";
import * as reasons from "./vocabulary/stageReasons.js";

/** Chance per year that an active buyer runs into a conflict serious enough for "problem". */
const CONFLICTS_PER_YEAR = 0.05;
/** Chance that a lapse is noticed and acted on (the rest stay dormant in their stage). */
const LAPSES_NOTICED = 0.7;

interface OpenProblem {
  readonly episode: number;
  readonly kind: "conflict" | "inactive";
  readonly fellFrom: LadderStage;
  readonly resolveAt: number;
  readonly to: Stage;
}

/** Records the stage changes and problem episodes that go with `run`'s purchases. */
export function walkTheLadder(
  random: DemoRandom,
  traits: BuyerTraits,
  options: LifeOptions,
  life: LifeRecorder,
  run: PurchaseRun,
): void {
  const { asOf } = options;
  const times = run.times;
  // Silence the owner tolerates: a few of the customer's usual gaps, within reason.
  const rhythmDays = YEAR_DAYS / Math.max(traits.purchasesPerYear, 0.01);
  const patience = days(Math.max(random.uniform(240, 480), Math.min(3 * rhythmDays, 900)));
  const minimumStay = {
    new: days(random.uniform(45, 100)),
    old: days(random.uniform(90, 365)),
    core: days(random.uniform(300, 480)),
  };
  const alive = (t: number) => run.droppedOutAt === null || t < run.droppedOutAt;
  const nextConflict = (from: number) =>
    from + days(random.exponential(YEAR_DAYS / CONFLICTS_PER_YEAR));
  const nextNotice = (from: number) => (random.chance(LAPSES_NOTICED) ? from + patience : Infinity);

  let bought = 0; // purchases so far
  let periodPurchases = 0; // since the customer last became new
  let stageSince = 0;
  let lastPurchase = 0;
  let exitedAt = 0;
  let conflictAt = Infinity;
  let noticeAt = Infinity;
  let problem: OpenProblem | null = null;

  const moveTo = (to: Stage, at: number, reason: string) => {
    life.move(to, at, reason);
    stageSince = at;
  };

  for (;;) {
    const purchaseAt = times[bought] ?? Infinity;
    const resolveAt: number = problem?.resolveAt ?? Infinity;
    const conflict = alive(conflictAt) ? conflictAt : Infinity;
    const next = Math.min(purchaseAt, conflict, noticeAt, resolveAt);
    if (next >= asOf) return;

    if (next === purchaseAt) {
      bought++;
      life.purchases.push(purchaseAt);
      lastPurchase = purchaseAt;
      const stage = life.stage;
      if (stage === "exited") {
        // Back in the development plan a little before the order (after the exit, whatever).
        const wonBackAt = Math.max(
          purchaseAt - days(random.uniform(10, 60)),
          (exitedAt + purchaseAt) / 2,
        );
        life.move("target", wonBackAt, random.pick(reasons.WON_BACK));
        moveTo("new", purchaseAt, random.pick(reasons.WON_BACK_ORDER));
        periodPurchases = 1;
      } else if (stage === "target") {
        moveTo("new", purchaseAt, random.pick(reasons.TARGET_TO_NEW));
        periodPurchases = 1;
      } else if (stage === "problem" && problem) {
        periodPurchases++;
        if (problem.kind === "inactive") {
          // The lapse is over before anyone closed the relationship.
          life.resolveProblem(problem.episode, purchaseAt, "recovered");
          moveTo(problem.fellFrom, purchaseAt, random.pick(reasons.RECOVERED_BY_ORDER));
          problem = null;
        }
      } else if (stage !== null && isLadderStage(stage)) {
        periodPurchases++;
        const up = upgrade(
          random,
          options,
          stage,
          purchaseAt - stageSince,
          periodPurchases,
          minimumStay,
        );
        const at = purchaseAt + random.uniform(1, 6) * HOUR_MS;
        if (up && at < asOf) moveTo(up.to, at, up.reason);
      }
      if (!problem) {
        noticeAt = nextNotice(purchaseAt);
        if (conflictAt === Infinity || conflictAt < purchaseAt)
          conflictAt = nextConflict(purchaseAt);
      }
    } else if (next === resolveAt && problem) {
      life.resolveProblem(
        problem.episode,
        resolveAt,
        problem.to === "exited" ? "exited" : "recovered",
      );
      if (problem.to === "exited") {
        moveTo("exited", resolveAt, random.pick(reasons.EXITED));
        exitedAt = resolveAt;
        conflictAt = Infinity;
        noticeAt = Infinity;
      } else {
        const lower = problem.to !== problem.fellFrom;
        moveTo(
          problem.to,
          resolveAt,
          random.pick(lower ? reasons.RECOVERED_LOWER : reasons.RECOVERED),
        );
        conflictAt = nextConflict(resolveAt);
        noticeAt = nextNotice(Math.max(lastPurchase, resolveAt));
      }
      problem = null;
    } else {
      // A conflict, or a lapse noticed: the customer falls to problem.
      const stage = life.stage;
      const fellFrom: LadderStage = stage !== null && isLadderStage(stage) ? stage : "new";
      const inactive: boolean = next === noticeAt;
      const kind = random.pick(reasons.CONFLICT_KINDS);
      life.move(
        "problem",
        next,
        inactive
          ? random.pick(reasons.FELL_TO_PROBLEM_INACTIVE)
          : reasons.FELL_TO_PROBLEM_CONFLICT[kind],
      );
      const episode = life.openProblem(next, inactive ? "inactive" : kind);
      const settleAt = next + days(inactive ? random.uniform(30, 120) : random.uniform(15, 110));
      // A customer who keeps ordering is kept; one who has stopped may well be let go.
      const stillBuying = (times[bought] ?? Infinity) < settleAt + days(180);
      const exits = inactive || (!stillBuying && random.chance(0.6));
      problem = {
        episode,
        kind: inactive ? "inactive" : "conflict",
        fellFrom,
        resolveAt: settleAt,
        to: exits ? "exited" : recoveryStage(random, fellFrom),
      };
      conflictAt = Infinity;
      noticeAt = Infinity;
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
function upgrade(
  random: DemoRandom,
  options: LifeOptions,
  stage: LadderStage,
  timeInStage: number,
  purchases: number,
  minimumStay: { new: number; old: number; core: number },
): { to: LadderStage; reason: string } | undefined {
  const to = nextStageUp(stage);
  if (!to || purchases < 2) return undefined;
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
