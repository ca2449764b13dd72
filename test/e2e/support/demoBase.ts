/**
 * A small demo customer base in the test server's database, scored and with proposals, as a
 * user would find it after `npm start`: the demo loader's customers with their ladder
 * histories, needs, deliveries, interactions, complaints and purchases; an analytics refresh;
 * a run of the proposal engine. The loader replaces all data, users included: sign in with
 * the demo administrator it returns.
 */
import { seedScoredDemo } from "../../../src/demo/seedScoredDemo.js";
import type { TestServer } from "./testServer.js";

export interface DemoBase {
  admin: { email: string; password: string };
}

export async function loadDemoBase(server: TestServer, customers = 400): Promise<DemoBase> {
  const { database } = server.testApp;
  const seeded = await seedScoredDemo({ database, customers, seed: 7 });
  return { admin: { email: seeded.adminEmail, password: seeded.adminPassword } };
}
