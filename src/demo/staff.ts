/**
 * The demo company's people: an administrator, a marketing manager, an analyst, and account
 * managers (about one per 200 customers, 3 to 500) in teams that each cover a sales area.
 */
import { DemoRandom, RANDOM_STREAMS } from "./random.js";
import type { TeamRow, UserRow } from "./rows.js";
import { isoTime, days } from "./time.js";
import { SALES_AREAS, type SalesArea } from "./vocabulary/places.js";
import { chineseNumeral, personName } from "./people.js";

export const ADMIN_EMAIL = "admin@ladder.local";
export const MARKETING_EMAIL = "marketing@ladder.local";
export const ANALYST_EMAIL = "analyst@ladder.local";
/** Account managers sign in as am001@ladder.local, am002@ladder.local, … */
export const accountManagerEmail = (index: number) =>
  `am${String(index + 1).padStart(3, "0")}@ladder.local`;

const CUSTOMERS_PER_ACCOUNT_MANAGER = 200;
const TEAM_SIZE = 8;

/** How many account managers serve a base of this size. */
export function accountManagerCount(customers: number): number {
  return Math.min(500, Math.max(3, Math.round(customers / CUSTOMERS_PER_ACCOUNT_MANAGER)));
}

export interface StaffPlan {
  readonly teams: TeamRow[];
  readonly users: UserRow[];
  readonly adminId: number;
  readonly marketingManagerId: number;
  readonly analystId: number;
  readonly accountManagerIds: readonly number[];
  /** Account managers who serve each sales area, by area. */
  readonly accountManagersByArea: ReadonlyMap<SalesArea, readonly number[]>;
}

/**
 * Plans teams and users. Every user gets `passwordHash` (the loader hashes the demo password
 * once: scrypt for hundreds of users would take longer than loading the customers).
 */
export function planStaff(
  seed: number,
  customers: number,
  asOf: number,
  passwordHash: string,
): StaffPlan {
  const random = DemoRandom.for(seed, RANDOM_STREAMS.staff, 0);
  const managers = accountManagerCount(customers);
  const teamCount = Math.ceil(managers / TEAM_SIZE);
  const founded = isoTime(asOf - days(8 * 365));
  // Seven or more teams are named after the area they cover; fewer share the areas out.
  const teams: TeamRow[] = Array.from({ length: teamCount }, (_, index) => ({
    id: index + 1,
    name:
      teamCount >= SALES_AREAS.length
        ? `${SALES_AREAS[index % SALES_AREAS.length]}${chineseNumeral(Math.floor(index / SALES_AREAS.length) + 1)}组`
        : `客户经理${chineseNumeral(index + 1)}组`,
    created_at: founded,
  }));

  const user = (
    id: number,
    email: string,
    role: string,
    teamId: number | null,
    name?: string,
  ): UserRow => ({
    id,
    email,
    name: name ?? personName(random, random.chance(0.5) ? "female" : "male").name,
    password_hash: passwordHash,
    role,
    team_id: teamId,
    locale: "zh-CN",
    created_at: founded,
  });
  const users: UserRow[] = [
    user(1, ADMIN_EMAIL, "admin", null, "系统管理员"),
    user(2, MARKETING_EMAIL, "marketing_manager", null),
    user(3, ANALYST_EMAIL, "analyst", null),
  ];
  const accountManagerIds: number[] = [];
  const byTeam: number[][] = teams.map(() => []);
  for (let index = 0; index < managers; index++) {
    const id = users.length + 1;
    const team = index % teamCount;
    users.push(user(id, accountManagerEmail(index), "account_manager", team + 1));
    accountManagerIds.push(id);
    byTeam[team]?.push(id);
  }

  const accountManagersByArea = new Map<SalesArea, number[]>();
  SALES_AREAS.forEach((area, areaIndex) => {
    const covering = teams
      .map((_, team) => team)
      .filter((team) => team % SALES_AREAS.length === areaIndex);
    const teamsOfArea = covering.length > 0 ? covering : [areaIndex % teamCount];
    accountManagersByArea.set(
      area,
      teamsOfArea.flatMap((team) => byTeam[team] ?? []),
    );
  });
  return {
    teams,
    users,
    adminId: 1,
    marketingManagerId: 2,
    analystId: 3,
    accountManagerIds,
    accountManagersByArea,
  };
}
