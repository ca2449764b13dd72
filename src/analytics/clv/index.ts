/**
 * Customer lifetime value: the BG/NBD model of repeat purchasing, the Gamma-Gamma model of
 * spend, discounted CLV and the value quadrants. Pure functions over plain data.
 */
export {
  bgnbdLogLikelihood,
  conditionalExpectedPurchases,
  expectedPurchases,
  fitBgNbd,
  probabilityAlive,
  type BgNbdFit,
  type BgNbdFitOptions,
  type BgNbdParams,
} from "./bgnbd.js";
export {
  classifyValueQuadrants,
  discountedClv,
  UNITS_PER_MONTH,
  type ClvOptions,
  type QuadrantThresholds,
  type ValuePosition,
  type ValueQuadrant,
} from "./clv.js";
export {
  conditionalExpectedValue,
  fitGammaGamma,
  gammaGammaLogDensity,
  populationMeanValue,
  type GammaGammaFit,
  type GammaGammaParams,
  type SpendHistory,
} from "./gammaGamma.js";
export { compressHistories, type PurchaseHistory, type WeightedHistory } from "./histories.js";
export { simulateBgNbd, type SimulationOptions } from "./simulate.js";
export {
  summarizePurchases,
  summarizeTransactions,
  type CustomerPurchase,
  type CustomerSummary,
  type Purchase,
  type SummaryOptions,
} from "./summary.js";
