/** Interaction-plan goals (SPEC §10): specific, achievable, time-bound — and so they fall due. */

export interface PlanGoal {
  text: string;
  /** Deadline, YYYY-MM-DD. */
  due: string;
  met: boolean;
}

export interface DueGoal extends PlanGoal {
  /** Position in the plan's goal list, so a client can mark that goal met. */
  index: number;
  /** Whole days from `asOf` to the deadline; negative when overdue. */
  daysLeft: number;
  overdue: boolean;
}

const DAY = 24 * 60 * 60 * 1000;
const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY);

/** The last day counted as "due within `days`" of `asOf` (both YYYY-MM-DD). */
export function dueHorizon(asOf: string, days: number): string {
  return new Date((dayNumber(asOf) + days) * DAY).toISOString().slice(0, 10);
}

/** Unmet goals due on or before `asOf` + `days` (overdue ones included), soonest first. */
export function dueGoals(goals: readonly PlanGoal[], asOf: string, days: number): DueGoal[] {
  const today = dayNumber(asOf);
  return goals
    .map((goal, index) => ({ ...goal, index, daysLeft: dayNumber(goal.due) - today }))
    .filter((goal) => !goal.met && goal.daysLeft <= days)
    .map((goal) => ({ ...goal, overdue: goal.daysLeft < 0 }))
    .sort((a, b) => a.daysLeft - b.daysLeft || a.index - b.index);
}
