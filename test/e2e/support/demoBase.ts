/**
 * A small demo customer base in the test server's database, scored and with proposals, as a
 * user would find it after `npm start`: the demo loader's customers with their ladder
 * histories, needs, deliveries, interactions, complaints and purchases; an analytics refresh;
 * a run of the proposal engine. The loader replaces all data, users included: sign in with
 * the demo administrator it returns.
 */
import { seedDemo } from "../../../src/demo/seedDemo.js";
import { refreshScores } from "../../../src/server/analytics/refreshScores.js";
import { runProposalEngine } from "../../../src/server/proposals/runProposalEngine.js";
import type { TestServer } from "./testServer.js";

export interface DemoBase {
  admin: { email: string; password: string };
}

export async function loadDemoBase(server: TestServer, customers = 400): Promise<DemoBase> {
  const { database } = server.testApp;
  const seeded = await seedDemo({ database, customers, seed: 7 });
  await refreshScores({ database });
  await runProposalEngine({ db: database.db });
  return { admin: { email: seeded.adminEmail, password: seeded.adminPassword } };
}
