/** The shape of a value catalogue entry, and the competitors entries compare us with. */

export interface ValueItemSource {
  readonly title: string;
  readonly scope: "core" | "additional" | "potential";
  readonly kind: string;
  readonly statement: string;
  readonly evidence: string;
  readonly lifecycle: "emerging" | "growing" | "mature" | "declining";
  readonly lacking: readonly string[];
  readonly having: readonly string[];
  /** Feature, Advantage, Benefit, Evidence. */
  readonly fabe: readonly [string, string, string, string];
  readonly dimensions: readonly string[];
  readonly stages: readonly string[];
  readonly needKinds: readonly string[];
  /** The home line is for individual customers only. */
  readonly forIndividuals?: boolean;
  readonly active?: boolean;
}

/** Fictional competitors, named the way the market knows them. */
export const COMPETITORS = ["东岳智控", "北辰物联", "海川自动化", "联拓科技", "云启工业"] as const;
