import { DatePicker, Flex, Input, InputNumber, Select } from "antd";
import { useTranslation } from "react-i18next";
import type { AuditSearch } from "../../api/audit.js";
import type { User } from "../../api/types.js";

/** Actions the server records, offered as choices; any other can be typed. */
const KNOWN_ACTIONS = [
  "create",
  "update",
  "delete",
  "advance",
  "change_stage",
  "accept_proposal",
  "reject_proposal",
  "read_confidential",
  "export",
  "import",
  "erase",
  "retention",
  "withdraw",
  "revoke",
  "refresh",
  "login_failed",
  "login_locked",
];
const KNOWN_ENTITIES = [
  "customer",
  "contact",
  "transaction",
  "need",
  "research_note",
  "value_item",
  "delivery",
  "interaction",
  "interaction_plan",
  "complaint",
  "bond",
  "segment",
  "proposal",
  "stage_event",
  "consent",
  "import",
  "user",
  "api_token",
  "field_grades",
  "settings",
  "score_run",
];

/** Searches the audit log by who, what, which record or customer, and when. */
export function AuditFilterBar(props: {
  search: AuditSearch;
  users: User[];
  onChange: (search: AuditSearch) => void;
}) {
  const { t } = useTranslation("settings");
  const { search } = props;
  const set = (patch: Partial<AuditSearch>) => props.onChange({ ...search, ...patch });
  return (
    <Flex wrap gap={8} role="search" aria-label={t("audit.search")}>
      <Select
        allowClear
        showSearch={{ optionFilterProp: "label" }}
        aria-label={t("audit.actor")}
        placeholder={t("audit.actor")}
        style={{ width: 180 }}
        value={search.actorId}
        onChange={(actorId?: number) => set({ actorId })}
        options={props.users.map((user) => ({ value: user.id, label: user.name }))}
      />
      <Select
        allowClear
        showSearch
        aria-label={t("audit.action")}
        placeholder={t("audit.action")}
        style={{ width: 180 }}
        value={search.action}
        onChange={(action?: string) => set({ action })}
        options={KNOWN_ACTIONS.map((value) => ({ value, label: value }))}
      />
      <Select
        allowClear
        showSearch
        aria-label={t("audit.record")}
        placeholder={t("audit.record")}
        style={{ width: 180 }}
        value={search.entity}
        onChange={(entity?: string) => set({ entity })}
        options={KNOWN_ENTITIES.map((value) => ({ value, label: value }))}
      />
      <Input
        allowClear
        aria-label={t("audit.entityId")}
        placeholder={t("audit.entityId")}
        style={{ width: 130 }}
        value={search.entityId ?? ""}
        onChange={(event) => set({ entityId: event.target.value.trim() || undefined })}
      />
      <InputNumber
        aria-label={t("audit.customerId")}
        placeholder={t("audit.customerId")}
        style={{ width: 150 }}
        min={1}
        precision={0}
        value={search.customerId ?? null}
        onChange={(value) => set({ customerId: value ?? undefined })}
      />
      <DatePicker.RangePicker
        aria-label={t("audit.period")}
        showTime
        onChange={(dates) =>
          set({
            from: dates?.[0]?.toISOString() ?? undefined,
            to: dates?.[1]?.toISOString() ?? undefined,
          })
        }
      />
    </Flex>
  );
}
