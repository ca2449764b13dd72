import { ValidationError } from "../http/errors.js";

/** A plan cannot end before it starts. */
export function checkPlanDates({
  startsOn,
  endsOn,
}: {
  startsOn?: string | null | undefined;
  endsOn?: string | null | undefined;
}): void {
  if (startsOn && endsOn && endsOn < startsOn)
    throw ValidationError("endsOn", `endsOn: ${endsOn} is before startsOn ${startsOn}`);
}
