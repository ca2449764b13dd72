/** Chinese people for the demo: names (with pinyin for e-mail), phones, birthdays, numerals. */
import type { DemoRandom } from "./random.js";
import { GIVEN_FEMALE, GIVEN_MALE, SURNAMES } from "./vocabulary/people.js";
import { DAY_MS } from "./time.js";

export interface PersonName {
  readonly name: string;
  /** Latin letters for addresses: "zhangwei". */
  readonly pinyin: string;
  readonly surname: string;
}

/** A name of one or two given characters after the surname, as is usual. */
export function personName(random: DemoRandom, gender: "female" | "male"): PersonName {
  const [surname, surnamePinyin] = random.weighted(SURNAMES);
  const pool = gender === "female" ? GIVEN_FEMALE : GIVEN_MALE;
  const given = random.chance(0.6) ? [random.pick(pool), random.pick(pool)] : [random.pick(pool)];
  return {
    name: surname + given.map(([hanzi]) => hanzi).join(""),
    pinyin: surnamePinyin + given.map(([, pinyin]) => pinyin).join(""),
    surname,
  };
}

const MOBILE_PREFIXES = [
  "130",
  "131",
  "133",
  "135",
  "136",
  "137",
  "138",
  "139",
  "150",
  "151",
  "152",
  "155",
  "158",
  "159",
  "176",
  "177",
  "180",
  "181",
  "186",
  "187",
  "188",
  "189",
  "199",
] as const;

/** An 11-digit mainland mobile number. */
export function mobilePhone(random: DemoRandom): string {
  return random.pick(MOBILE_PREFIXES) + String(random.int(0, 99_999_999)).padStart(8, "0");
}

/** A landline with an area code, as companies print on their cards. */
export function landline(random: DemoRandom): string {
  return `0${random.int(10, 999)}-${random.int(20_000_000, 89_999_999)}`;
}

/** A birth date for someone aged between `minAge` and `maxAge` on `asOf`. */
export function birthDate(
  random: DemoRandom,
  asOf: number,
  minAge: number,
  maxAge: number,
): string {
  const ageDays = random.uniform(minAge, maxAge) * 365.25;
  return new Date(asOf - ageDays * DAY_MS).toISOString().slice(0, 10);
}

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"] as const;

/** 1 → 一, 12 → 十二, 20 → 二十, 35 → 三十五 (1–99). */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : (DIGITS[tens] ?? "")}十${ones === 0 ? "" : (DIGITS[ones] ?? "")}`;
}
