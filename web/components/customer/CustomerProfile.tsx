import { Card, Descriptions, Flex } from "antd";
import { useTranslation } from "react-i18next";
import type { Customer } from "../../api/types.js";
import { groupsFor } from "./customerFields.js";
import { FieldValue } from "./FieldValue.js";

/** The profile, read-only, in the groups of the customer information base (SPEC §1). */
export function CustomerProfile({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16}>
      {groupsFor(customer.kind).map((group) => (
        <Card
          key={group.key}
          title={t(`customer.group.${group.key}`)}
          size="small"
          data-group={group.key}
        >
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 1, md: 2, lg: 3, xl: 3, xxl: 4 }}
            items={group.fields.map((field) => ({
              key: field.key,
              label: t(`customer.field.${field.key}`),
              span: field.wide ? "filled" : 1,
              children: <FieldValue customer={customer} field={field} />,
            }))}
          />
        </Card>
      ))}
    </Flex>
  );
}
