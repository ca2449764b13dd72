import type { TFunction } from "i18next";
import { INTERACTION_CHANNELS } from "../../../src/shared/enums.js";

/**
 * The non-personal channels (SPEC §10), as NON_PERSONAL_CHANNELS in the interactions schema
 * says; repeated here because importing the schema module at run time would bundle zod.
 */
const NON_PERSONAL_CHANNELS = ["media", "environment", "event"] as const;

/** Channels grouped as the model does: personal, and non-personal (media, environment, events). */
export function channelOptions(t: TFunction<"engine">) {
  const personal = INTERACTION_CHANNELS.filter(
    (c) => !(NON_PERSONAL_CHANNELS as readonly string[]).includes(c),
  );
  return [
    {
      label: t("channelGroup.personal"),
      title: t("channelGroup.personal"),
      options: personal.map((c) => ({ value: c, label: t(`channel.${c}`) })),
    },
    {
      label: t("channelGroup.nonPersonal"),
      title: t("channelGroup.nonPersonal"),
      options: NON_PERSONAL_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) })),
    },
  ];
}
