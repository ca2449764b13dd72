/** Complaints as the API shows them, with where they stand in the workflow now. */
import { isoDates } from "../http/crud/present.js";
import {
  complaintCauseSide,
  isComplaintOverdue,
  nextComplaintSteps,
} from "../../shared/engine/complaints.js";
import type { ComplaintStep } from "../../shared/enums.js";
import type { Complaint } from "../../shared/schemas/complaints.js";
import type { ComplaintRow } from "./complaints.repository.js";

export function presentComplaint(row: ComplaintRow, asOf = new Date()): Complaint {
  const step = row.step as ComplaintStep;
  return {
    ...(isoDates(row) as Omit<Complaint, "causeSide" | "nextSteps" | "overdue">),
    causeSide: complaintCauseSide(row.cause),
    nextSteps: nextComplaintSteps(step),
    overdue: isComplaintOverdue({ step, stepDueAt: row.stepDueAt }, asOf),
  };
}
