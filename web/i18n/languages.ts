/** The interface languages, and how a browser's language tag maps onto them. */
export const LANGUAGES = ["zh-CN", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language);
}

/** Maps a BCP 47 tag ("zh", "zh-Hans-CN", "en-GB") to one of ours, or undefined. */
export function matchLanguage(tag: string): Language | undefined {
  const primary = tag.toLowerCase().split("-")[0];
  if (primary === "zh") return "zh-CN";
  if (primary === "en") return "en";
  return undefined;
}

/** The first of the user's preferred languages that we speak, else English. */
export function preferredLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const match = matchLanguage(tag);
    if (match) return match;
  }
  return "en";
}
