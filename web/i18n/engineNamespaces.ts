/**
 * The namespaces of the value-marketing scenes (needs, values, deliveries, interactions,
 * complaints, segments, import, settings) and of what they share (`engine`).
 */
import { complaintsEn } from "./complaints.en.js";
import { complaintsZhCN } from "./complaints.zh-CN.js";
import { deliveriesEn } from "./deliveries.en.js";
import { deliveriesZhCN } from "./deliveries.zh-CN.js";
import { engineEn } from "./engine.en.js";
import { engineZhCN } from "./engine.zh-CN.js";
import { importsEn } from "./imports.en.js";
import { importsZhCN } from "./imports.zh-CN.js";
import { interactionsEn } from "./interactions.en.js";
import { interactionsZhCN } from "./interactions.zh-CN.js";
import { needsEn } from "./needs.en.js";
import { needsZhCN } from "./needs.zh-CN.js";
import { segmentsEn } from "./segments.en.js";
import { segmentsZhCN } from "./segments.zh-CN.js";
import { settingsEn } from "./settings.en.js";
import { settingsZhCN } from "./settings.zh-CN.js";
import { valuesEn } from "./values.en.js";
import { valuesZhCN } from "./values.zh-CN.js";

export const ENGINE_NAMESPACES = {
  engine: { en: engineEn, "zh-CN": engineZhCN },
  needs: { en: needsEn, "zh-CN": needsZhCN },
  complaints: { en: complaintsEn, "zh-CN": complaintsZhCN },
  imports: { en: importsEn, "zh-CN": importsZhCN },
  settings: { en: settingsEn, "zh-CN": settingsZhCN },
  segments: { en: segmentsEn, "zh-CN": segmentsZhCN },
  values: { en: valuesEn, "zh-CN": valuesZhCN },
  deliveries: { en: deliveriesEn, "zh-CN": deliveriesZhCN },
  interactions: { en: interactionsEn, "zh-CN": interactionsZhCN },
};
