/** Demo data: the deterministic generator, the database seeder and the CSV writers. */
export {
  seedDemo,
  DEFAULT_DEMO_PASSWORD,
  type SeedDemoOptions,
  type SeedDemoResult,
  type SeedPhase,
} from "./seedDemo.js";
export { generateDemo, defaultAsOf, type DemoConfig, type DemoData } from "./generateDemo.js";
export {
  generateCustomersCsv,
  generateTransactionsCsv,
  CUSTOMER_CSV_COLUMNS,
  TRANSACTION_CSV_COLUMNS,
  type DemoCsvOptions,
} from "./demoCsv.js";
export {
  ADMIN_EMAIL,
  MARKETING_EMAIL,
  ANALYST_EMAIL,
  accountManagerEmail,
  accountManagerCount,
} from "./staff.js";
export { customerRef } from "./customerStory.js";
