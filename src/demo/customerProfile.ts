/**
 * Who a demo customer is (SPEC §1): an organisation with a plausible Chinese name, industry,
 * region, scale, models, structure and business profile, or an individual with family, career
 * and attitudes. Relationship fields that depend on its history are filled in customerStory.ts.
 */
import type { CustomerPurpose, Scale } from "../shared/enums.js";
import type { DemoRandom } from "./random.js";
import type { Cell } from "./rows.js";
import { birthDate, landline, mobilePhone, personName } from "./people.js";
import { days } from "./time.js";
import * as company from "./vocabulary/companies.js";
import * as place from "./vocabulary/places.js";
import * as profile from "./vocabulary/profiles.js";
import { EMPLOYERS, PERSONALITIES, POSITIONS } from "./vocabulary/people.js";

export interface CustomerIdentity {
  readonly kind: "organization" | "individual";
  readonly purpose: CustomerPurpose;
  readonly scale: Scale | null;
  readonly name: string;
  readonly area: place.SalesArea;
  /** The company's mail domain, for its contacts' addresses. */
  readonly domain: string | null;
  /** Products this customer would buy from us. */
  readonly catalogue: readonly company.Product[];
  /** Profile columns of the customers row. */
  readonly fields: Record<string, Cell>;
}

const SCALE_WEIGHTS: readonly { value: Scale; weight: number }[] = [
  { value: "micro", weight: 15 },
  { value: "small", weight: 40 },
  { value: "medium", weight: 28 },
  { value: "large", weight: 12 },
  { value: "enterprise", weight: 5 },
];
const INDUSTRY_CHOICES = company.INDUSTRIES.map((industry) => ({
  value: industry,
  weight: industry.weight,
}));
const INTERMEDIARY_INDUSTRIES = new Set(["商贸流通", "系统集成"]);

/** Share of individual (B2C) customers in the base. */
const INDIVIDUAL_SHARE = 0.15;
const PUBLIC_INTEREST_SHARE = 0.06;

/** Draws the identity and profile of one customer. */
export function drawCustomerIdentity(random: DemoRandom, asOf: number): CustomerIdentity {
  return random.chance(INDIVIDUAL_SHARE)
    ? drawIndividual(random, asOf)
    : drawOrganization(random, asOf);
}

function drawLocation(random: DemoRandom) {
  const province = random.weighted(place.PROVINCES);
  const city = random.pick(province.cities);
  const prefix = place.isMunicipality(province.name) ? `${city}市` : `${province.name}${city}市`;
  const street = `${random.pick(place.ROAD_WORDS)}${random.pick(place.ROAD_SUFFIXES)}${random.int(1, 999)}号`;
  return { province, city, prefix, street };
}

function drawOrganization(random: DemoRandom, asOf: number): CustomerIdentity {
  const { province, city, prefix, street } = drawLocation(random);
  const publicInterest = random.chance(PUBLIC_INTEREST_SHARE);
  const scale = publicInterest
    ? random.pick<Scale>(["medium", "large", "enterprise"])
    : random.weighted(SCALE_WEIGHTS);
  const brand = random.sample(company.BRAND_CHARACTERS, 2);
  const brandName = brand.map(([hanzi]) => hanzi).join("");
  const brandPinyin = brand.map(([, pinyin]) => pinyin).join("");

  let name: string;
  let industryName: string;
  let slug: string;
  let purpose: CustomerPurpose;
  if (publicInterest) {
    const institution = random.pick(company.PUBLIC_INSTITUTIONS);
    name = institution.pattern(city, random.pick(company.CHINESE_ORDINALS));
    industryName = institution.industry;
    slug = institution.slug;
    purpose = "public_interest";
  } else {
    const industry = random.weighted(INDUSTRY_CHOICES);
    const word = random.pick(industry.nameWords);
    const suffix = random.pick(company.LEGAL_SUFFIXES[scale]);
    // "储能科技" + "科技有限公司" would say 科技 twice.
    name = `${city}${brandName}${word}${/(科技|技术)$/.test(word) ? suffix.replace("科技", "") : suffix}`;
    industryName = industry.name;
    slug = industry.slug;
    purpose =
      INTERMEDIARY_INDUSTRIES.has(industry.name) || random.chance(0.08)
        ? "intermediary"
        : "consumer";
  }
  const domain = `${brandPinyin}${slug}.com.cn`;
  const [minStaff, maxStaff] = company.EMPLOYEE_RANGES[scale];
  const employees = Math.round(Math.exp(random.uniform(Math.log(minStaff), Math.log(maxStaff))));
  const age =
    scale === "enterprise" || publicInterest ? random.uniform(10, 45) : random.uniform(2, 28);
  const foundedOn = new Date(asOf - days(age * 365.25)).toISOString().slice(0, 10);
  const building = random.chance(0.5) ? `${brandName}${random.pick(place.BUILDING_WORDS)}` : "";

  return {
    kind: "organization",
    purpose,
    scale,
    name,
    area: province.area,
    domain,
    catalogue: company.INDUSTRIAL_PRODUCTS,
    fields: {
      phone:
        scale === "enterprise" && random.chance(0.5)
          ? `400-${random.int(100, 999)}-${random.int(1000, 9999)}`
          : landline(random),
      email: `${random.pick(["contact", "info", "service", "purchase"])}@${domain}`,
      address: `${prefix}${random.pick(place.DISTRICT_WORDS)}${street}${building}`,
      website: `www.${domain}`,
      industry: industryName,
      region: province.name,
      scale,
      positioning: random.pick(company.POSITIONINGS),
      management_model: publicInterest
        ? "事业单位管理"
        : random.pick(company.MANAGEMENT_MODELS[scale]),
      marketing_model: publicInterest ? null : random.pick(company.MARKETING_MODELS),
      org_structure: random.pick(company.ORG_STRUCTURES[scale]),
      tags: random.sample(profile.tagsForScale(scale), random.int(0, 3)),
      founded_on: foundedOn,
      employees,
      revenue_band: company.REVENUE_BANDS[scale],
      business_philosophy: random.pick(profile.BUSINESS_PHILOSOPHIES),
      service_area: random.pick([
        `${province.name.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/, "")}及周边`,
        `${province.area}地区`,
        "全国",
        scale === "enterprise" || scale === "large" ? "海外及国内" : `${city}本地`,
      ]),
      reputation: random.pick(profile.REPUTATIONS),
      sales_ability: publicInterest ? null : random.pick(profile.SALES_ABILITIES),
      business_results: random.pick(profile.BUSINESS_RESULTS),
      growth_potential: random.pick(profile.GROWTH_POTENTIALS),
      strengths: random.sample(profile.STRENGTHS, 2).join("；"),
      problems: random.sample(profile.PROBLEMS, random.int(1, 2)).join("；"),
    },
  };
}

function drawIndividual(random: DemoRandom, asOf: number): CustomerIdentity {
  const { province, city, prefix, street } = drawLocation(random);
  const gender = random.chance(0.5) ? "female" : "male";
  const person = personName(random, gender);
  const born = birthDate(random, asOf, 24, 68);
  const maritalStatus = random.pick(profile.MARITAL_STATUSES);
  const family = maritalStatus === "已婚" ? drawFamily(random, asOf, gender, person.surname) : null;
  const home = `${random.pick(place.HOME_WORDS)}${random.int(1, 30)}栋${random.int(1, 4)}单元${random.int(1, 32)}0${random.int(1, 4)}`;
  return {
    kind: "individual",
    purpose: "consumer",
    scale: null,
    name: person.name,
    area: province.area,
    domain: null,
    catalogue: company.HOME_PRODUCTS,
    fields: {
      phone: mobilePhone(random),
      email: `${person.pinyin}${random.int(1, 999)}@${random.pick(["qq.com", "163.com", "126.com", "sina.com", "foxmail.com"])}`,
      address: `${prefix}${random.pick(place.DISTRICT_WORDS)}${street}${city}${home}`,
      region: province.name,
      positioning: random.pick(["中高端", "中端", "经济型"]),
      tags: random.sample(profile.INDIVIDUAL_TAGS, random.int(0, 2)),
      gender,
      birth_date: born,
      personality: random.pick(PERSONALITIES),
      marital_status: maritalStatus,
      family,
      employer: random.pick(EMPLOYERS),
      position: random.pick(POSITIONS),
      income_band: random.pick(profile.INCOME_BANDS),
      buying_motives: random.sample(profile.BUYING_MOTIVES, 2).join("、"),
      lifestyle: random.pick(profile.LIFESTYLES),
      beliefs: random.pick(profile.BELIEFS),
    },
  };
}

/**
 * Spouse and children with birthdays (the shape the customer API accepts): account managers
 * remember them, which is what emotional needs feed on.
 */
function drawFamily(random: DemoRandom, asOf: number, gender: "female" | "male", surname: string) {
  const spouse = personName(random, gender === "female" ? "male" : "female");
  const childCount = random.weighted([
    { value: 0, weight: 2 },
    { value: 1, weight: 5 },
    { value: 2, weight: 2 },
  ]);
  // Children usually carry the father's surname.
  const familyName = gender === "male" ? surname : spouse.surname;
  const children = Array.from({ length: childCount }, () => {
    const child = personName(random, random.chance(0.5) ? "female" : "male");
    return {
      name: familyName + child.name.slice(child.surname.length),
      birthday: birthDate(random, asOf, 1, 22),
    };
  });
  return { spouse: spouse.name, spouseBirthday: birthDate(random, asOf, 25, 65), children };
}
